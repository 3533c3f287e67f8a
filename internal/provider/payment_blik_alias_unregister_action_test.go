package provider

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// unregisterActions is a configuration with an unregister action of
// SimPay's example alias, with a reason, and one of an alias SimPay does not
// have.
func unregisterActions(mock *testMock) string {
	return mock.config(`
action "simpay_payment_blik_alias_unregister" "premium" {
  config {
    service_id = "d151e4f9"
    uuid       = "` + docsPremiumAlias + `"
    reason     = "Plan cancellation"
  }
}

action "simpay_payment_blik_alias_unregister" "unknown" {
  config {
    service_id = "d151e4f9"
    uuid       = "00000000-0000-0000-0000-000000000000"
  }
}
`)
}

// TestAccPaymentBlikAliasUnregisterAction invokes the action through the real
// CLI: a plan sends nothing; each invocation sends exactly one DELETE with
// SimPay's body and tells its progress; the alias is then
// alias_unregistered and the shop's notification endpoint gets SimPay's
// signed blik:alias_status_changed; an apply that does not invoke it sends
// nothing.
func TestAccPaymentBlikAliasUnregisterAction(t *testing.T) {
	checkCLI(t, actionCLIs...)
	t.Parallel()
	var mu sync.Mutex
	var notifications [][]byte
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		notifications = append(notifications, b)
		mu.Unlock()
		_, _ = io.WriteString(w, "OK")
	}))
	t.Cleanup(shop.Close)
	mock := newTestMock(t, simpaymock.Options{IPN: simpaymock.IPNOptions{URL: shop.URL, Key: "shop-ipn-key"}})
	t.Cleanup(mock.Close)
	cli := newTerraformCLI(t, requiredProvidersBlock+unregisterActions(mock))
	deletes := func(when string, want int) {
		t.Helper()
		if got := mock.CountRequests("DELETE", "/payment/d151e4f9/blik/aliases"); got != want {
			t.Fatalf("%s: mock received %d DELETE requests, want %d: %q", when, got, want, mock.apiRequests())
		}
	}

	out := invoke(t, cli, "plan", "-invoke=action.simpay_payment_blik_alias_unregister.premium")
	if !strings.Contains(out, "Actions: 1 to invoke") {
		t.Errorf("the plan does not invoke the action:\n%s", out)
	}
	deletes("after a plan", 0)
	if got := mock.BlikAliasStatus("d151e4f9", docsPremiumAlias); got != "alias_active" {
		t.Fatalf("after a plan the alias is %s", got)
	}

	out = invoke(t, cli, "apply", "-auto-approve", "-invoke=action.simpay_payment_blik_alias_unregister.premium")
	progress := regexp.MustCompile(`(?s)Unregistering BLIK alias ` + docsPremiumAlias + ` of payment service d151e4f9: sending the ` +
		`request to SimPay.*SimPay unregistered BLIK alias ` + docsPremiumAlias + ` of payment service d151e4f9; it now sends the ` +
		`notification blik:alias_status_changed.*BLIK alias ` + docsPremiumAlias + ` \(PAYID AABBCC\): alias_unregistered, updated at .*` +
		`Actions: 1 invoked`)
	if !progress.MatchString(out) {
		t.Fatalf("the apply does not tell the action's progress:\n%s", out)
	}
	deletes("after one invocation", 1)
	var body string
	for _, r := range mock.Requests() {
		if r.Method == "DELETE" {
			body = r.Body
		}
	}
	if want := `{"uuid":"` + docsPremiumAlias + `","reason":"Plan cancellation"}`; body != want {
		t.Errorf("SimPay received %s, want %s", body, want)
	}
	if got := mock.BlikAliasStatus("d151e4f9", docsPremiumAlias); got != "alias_unregistered" {
		t.Errorf("after the invocation the alias is %s, want alias_unregistered", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := mock.Settle(ctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	got := notifications
	mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("the shop got %d notifications, want 1", len(got))
	}
	if err := simpaymock.VerifyIPNSignature(got[0], "shop-ipn-key"); err != nil {
		t.Error(err)
	}
	var n struct {
		Type string            `json:"type"`
		Data map[string]string `json:"data"`
	}
	if err := json.Unmarshal(got[0], &n); err != nil || n.Type != "blik:alias_status_changed" || n.Data["id"] != docsPremiumAlias ||
		n.Data["status"] != "alias_unregistered" {
		t.Errorf("notification %s (%v)", got[0], err)
	}

	out = invoke(t, cli, "apply", "-auto-approve")
	if !strings.Contains(out, "No changes.") {
		t.Errorf("an apply without -invoke planned something:\n%s", out)
	}
	deletes("after an apply that invokes nothing", 1)

	// An alias SimPay does not have: one DELETE, and the error names uuid.
	stdout, stderr, err := cli.Run(context.Background(), "apply", "-auto-approve", "-no-color",
		"-invoke=action.simpay_payment_blik_alias_unregister.unknown")
	text := stdout + stderr
	if err == nil || !regexp.MustCompile(`(?s)BLIK alias not found: SimPay has no BLIK alias\s+00000000-0000-0000-0000-000000000000\s+in\s+payment\s+service\s+d151e4f9.*Check\s+uuid`).MatchString(text) {
		t.Errorf("unknown alias: err %v\n%s", err, text)
	}
	deletes("after the unknown alias", 2)
}

// TestAccPaymentBlikAliasUnregisterActionErrors: a reason longer than
// SimPay's 20 characters, an empty uuid and a uuid with a path are refused
// by terraform validate, before any request; an answer that never came is
// not sent again and says how to check before invoking again.
func TestAccPaymentBlikAliasUnregisterActionErrors(t *testing.T) {
	checkCLI(t, actionCLIs...)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	for _, tc := range []struct{ name, uuid, reason, want string }{
		{"reason over 20 characters", docsPremiumAlias, strings.Repeat("ż", 21), `(?s)Attribute reason UTF-8 character count must be between 1 and 20, got: 21`},
		{"uuid empty", "", "", `(?s)Attribute uuid must be a SimPay alias id`},
		{"uuid with a path", docsPremiumAlias + "/../x", "", `(?s)Attribute uuid must be a SimPay alias id`},
	} {
		reason := ""
		if tc.reason != "" {
			reason = "\n    reason     = \"" + tc.reason + "\""
		}
		cli := newTerraformCLI(t, requiredProvidersBlock+mock.config(`
action "simpay_payment_blik_alias_unregister" "bad" {
  config {
    service_id = "d151e4f9"
    uuid       = "`+tc.uuid+`"`+reason+`
  }
}
`))
		stdout, stderr, err := cli.Run(context.Background(), "validate", "-no-color")
		if text := stdout + stderr; err == nil || !regexp.MustCompile(tc.want).MatchString(text) {
			t.Errorf("%s: validate: %v\n%s", tc.name, err, text)
		}
	}
	if got := mock.apiRequests(); len(got) != 0 {
		t.Errorf("refused inputs made requests: %q", got)
	}

	mock.AddFault(simpaymock.Fault{Method: "DELETE", Path: "/payment/*/blik/aliases", Kind: simpaymock.FaultDropConnection, AfterHandler: true, Times: 1})
	cli := newTerraformCLI(t, requiredProvidersBlock+unregisterActions(mock))
	stdout, stderr, err := cli.Run(context.Background(), "apply", "-auto-approve", "-no-color",
		"-invoke=action.simpay_payment_blik_alias_unregister.premium")
	text := stdout + stderr
	if err == nil || !regexp.MustCompile(`(?s)SimPay may have unregistered the alias.*Do not simply invoke the action again.*data.simpay_payment_blik_aliases`).MatchString(text) {
		t.Errorf("lost answer: err %v\n%s", err, text)
	}
	if got := mock.CountRequests("DELETE", "/payment/d151e4f9/blik/aliases"); got != 1 {
		t.Errorf("after a lost answer the mock received %d DELETE requests, want 1", got)
	}
}
