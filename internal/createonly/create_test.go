package createonly

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// text is every diagnostic's summary and detail on one line.
func text(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + " " + d.Detail() + " ")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var (
	answerLost = &client.OutcomeUnknownError{Method: http.MethodPost, Path: "/payment/d151e4f9/transactions/tx/refunds",
		Err: io.ErrUnexpectedEOF}
	amountRefused = &client.APIError{StatusCode: http.StatusUnprocessableEntity, ErrorCode: "VALIDATION_ERROR",
		Errors: map[string][]string{"amount": {"The amount is too large."}}}
	serverFailed = &client.APIError{StatusCode: http.StatusServiceUnavailable}
)

// TestCreateSendsOnceThenReadsBack: an accepted create is sent once, its
// composite id (the plan's parts, SimPay's id) is handed to Accepted before
// the object is read back once, and an action is told each step.
func TestCreateSendsOnceThenReadsBack(t *testing.T) {
	spec := newTestSpec(refundAbout)
	spec.answer, spec.object = Answer{ID: "rf"}, testObject{Reported: "10.00"}
	var accepted []string
	var progress []string
	var diags diag.Diagnostics
	ids, o, ok := Create(context.Background(), nil, Spec[testModel, testObject](spec), &testModel{Amount: "10"},
		[]string{"d151e4f9", "tx", ""}, Steps{
			Progress: func(m string) { progress = append(progress, m) },
			Accepted: func(ids []string, answer Answer, _ *diag.Diagnostics) {
				if *spec.read != 0 {
					t.Errorf("the object was read before Accepted")
				}
				accepted = append(accepted, ids...)
			},
		}, &diags)
	if !ok || diags.HasError() || o.Reported != "10.00" {
		t.Fatalf("Create = %v, %v, %v: %s", ids, o, ok, text(diags))
	}
	if want := []string{"d151e4f9", "tx", "rf"}; !slices.Equal(ids, want) || !slices.Equal(accepted, want) {
		t.Errorf("ids %v, accepted %v, want %v", ids, accepted, want)
	}
	if *spec.sent != 1 || *spec.read != 1 {
		t.Errorf("sent %d, read %d times, want once each", *spec.sent, *spec.read)
	}
	want := []string{"Creating a refund of 10: sending the request to SimPay", "SimPay accepted the refund: refund id rf; reading it back"}
	if !slices.Equal(progress, want) {
		t.Errorf("progress %q, want %q", progress, want)
	}
}

// TestCreateSendsNothingWhenTheRequestIsRefused: a problem Request finds
// stops the sequence before anything is sent.
func TestCreateSendsNothingWhenTheRequestIsRefused(t *testing.T) {
	spec := newTestSpec(refundAbout)
	spec.requestProblem = "amount must have at most 2 decimal places"
	var diags diag.Diagnostics
	_, _, ok := Create(context.Background(), nil, Spec[testModel, testObject](spec), &testModel{Amount: "0.001"},
		[]string{"d151e4f9", "tx", ""}, Steps{}, &diags)
	if ok || !strings.Contains(text(diags), "at most 2 decimal places") || *spec.sent != 0 || *spec.read != 0 {
		t.Errorf("ok %v, sent %d, read %d: %s", ok, *spec.sent, *spec.read, text(diags))
	}
}

// TestCreateErrors: what each caller is told when the create fails, and
// that the request is never sent twice nor the object read.
func TestCreateErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		sendErr  error
		getErr   error
		steps    Steps
		ok, read bool
		want     *regexp.Regexp
		wantAttr string // the attribute the error is on, if any
	}{
		{
			name: "answer lost, resource", sendErr: answerLost,
			steps: Steps{QueryHint: func() string { return "terraform query finds it" }},
			want: regexp.MustCompile(`The SimPay refund may have been created .*did not send it again.*Do not simply apply again.*` +
				`look in the panel.*terraform import simpay_payment_refund.<name> d151e4f9/tx/<refund_id>.*terraform query finds it.*` +
				`If it does not exist, apply again`),
		},
		{
			name: "answer lost, action", sendErr: answerLost, steps: Steps{Invoked: true},
			want: regexp.MustCompile(`The SimPay refund may have been created .*Do not simply invoke the action again.*` +
				`look in the panel\. If it exists, the refund is done\. If it does not exist, invoke the action again`),
		},
		{
			name: "field refused, resource", sendErr: amountRefused, wantAttr: "amount",
			want: regexp.MustCompile(`Invalid value rejected by SimPay Attribute amount: SimPay rejected a value while creating a ` +
				`refund of 10: amount: The amount is too large\. Fix the value in the configuration and apply again\.`),
		},
		{
			name: "field refused, action", sendErr: amountRefused, steps: Steps{Invoked: true}, wantAttr: "amount",
			want: regexp.MustCompile(`Fix the value in the configuration and invoke the action again\.`),
		},
		{
			name: "made, not read back", getErr: serverFailed, read: true,
			want: regexp.MustCompile(`SimPay created the refund but it could not be read back SimPay created refund rf of ` +
				`transaction tx of payment service d151e4f9, but reading it back failed \(SimPay API error\).*terraform untaint ` +
				`simpay_payment_refund.<name>.*SimPay answered 503`),
		},
		{
			name: "made, not read back, action", getErr: serverFailed, read: true,
			steps: Steps{Invoked: true, Unread: func(ids []string, err error) diag.Diagnostic {
				return diag.NewWarningDiagnostic("done but unread", strings.Join(ids, "/")+": "+client.KindOf(err).String())
			}},
			want: regexp.MustCompile(`^done but unread d151e4f9/tx/rf: server error$`),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := newTestSpec(refundAbout)
			spec.answer, spec.sendErr, spec.getErr = Answer{ID: "rf"}, tc.sendErr, tc.getErr
			var diags diag.Diagnostics
			_, _, ok := Create(context.Background(), nil, Spec[testModel, testObject](spec), &testModel{Amount: "10"},
				[]string{"d151e4f9", "tx", ""}, tc.steps, &diags)
			if ok || len(diags) == 0 || !tc.want.MatchString(text(diags)) {
				t.Errorf("ok %v; the diagnostics do not match %s:\n%s", ok, tc.want, text(diags))
			}
			if *spec.sent != 1 || (*spec.read == 1) != tc.read {
				t.Errorf("sent %d, read %d times", *spec.sent, *spec.read)
			}
			if tc.wantAttr != "" {
				if d, isPath := diags[0].(diag.DiagnosticWithPath); !isPath || !d.Path().Equal(path.Root(tc.wantAttr)) {
					t.Errorf("the error is not on %s: %v", tc.wantAttr, diags[0])
				}
			}
		})
	}
}

// TestCreateStopsWhenAcceptedFails: an object whose id could not be
// recorded is not read back.
func TestCreateStopsWhenAcceptedFails(t *testing.T) {
	spec := newTestSpec(refundAbout)
	spec.answer = Answer{ID: "rf"}
	var diags diag.Diagnostics
	_, _, ok := Create(context.Background(), nil, Spec[testModel, testObject](spec), &testModel{Amount: "10"},
		[]string{"d151e4f9", "tx", ""}, Steps{Accepted: func(_ []string, _ Answer, diags *diag.Diagnostics) {
			diags.AddError("not recorded", "state")
		}}, &diags)
	if ok || *spec.sent != 1 || *spec.read != 0 {
		t.Errorf("ok %v, sent %d, read %d: %s", ok, *spec.sent, *spec.read, text(diags))
	}
}
