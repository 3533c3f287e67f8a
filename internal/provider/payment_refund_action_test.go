package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// actionCLIs skip the action tests where actions are missing: they need
// Terraform 1.14 or later; OpenTofu 1.12 has none, and its version numbers
// do not say when it might.
var actionCLIs = []tfversion.TerraformVersionCheck{
	tfversion.SkipBelow(tfversion.Version1_14_0),
	skipOnOpenTofu("it has no actions"),
}

// refundActions is a configuration with a partial and a full refund action
// of the fixture's paid transaction.
func refundActions(mock *testMock) string {
	return mock.config(fmt.Sprintf(`
action "simpay_payment_refund" "partial" {
  config {
    service_id     = %[1]q
    transaction_id = %[2]q
    amount         = "5.00"
  }
}

action "simpay_payment_refund" "rest" {
  config {
    service_id     = %[1]q
    transaction_id = %[2]q
  }
}
`, simpaymock.FixtureServiceID, simpaymock.FixtureTxPaid))
}

// invoke runs terraform with args and fails the test if it fails.
func invoke(t *testing.T, cli *terraformCLI, args ...string) string {
	t.Helper()
	out, errOut, err := cli.Run(context.Background(), append(args, "-no-color")...)
	if err != nil {
		t.Fatalf("terraform %s: %v\n%s\n%s", strings.Join(args, " "), err, out, errOut)
	}
	return out
}

// TestAccPaymentRefundAction invokes the refund action through the real
// CLI: a plan sends nothing, each invocation sends exactly one refund
// request (partial with the amount as written, full without a body) and
// tells its progress, and an apply that does not invoke it sends none.
func TestAccPaymentRefundAction(t *testing.T) {
	checkCLI(t, actionCLIs...)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, requiredProvidersBlock+refundActions(mock))
	refunds := "/payment/*/transactions/*/refunds"
	expect := func(when string, created int) {
		t.Helper()
		if got := mock.RefundsCreated(); got != created {
			t.Fatalf("%s: mock created %d refunds, want %d; requests: %q", when, got, created, mock.apiRequests())
		}
		if got := mock.CountRequests("POST", refunds); got != created {
			t.Fatalf("%s: mock received %d refund requests, want %d", when, got, created)
		}
	}

	out := invoke(t, cli, "plan", "-invoke=action.simpay_payment_refund.partial")
	if !strings.Contains(out, "Actions: 1 to invoke") {
		t.Errorf("the plan does not invoke the action:\n%s", out)
	}
	expect("after a plan", 0)

	out = invoke(t, cli, "apply", "-auto-approve", "-invoke=action.simpay_payment_refund.partial")
	progress := regexp.MustCompile(`(?s)Creating a refund of 5.00 of transaction ` + simpaymock.FixtureTxPaid + ` of payment ` +
		`service d151e4f9: sending the request to SimPay.*SimPay accepted the refund: refund id ([0-9a-f-]{36}); reading it ` +
		`back.*Refund ([0-9a-f-]{36}) of transaction ` + simpaymock.FixtureTxPaid + `: refund_new, 5 PLN, 5 PLN from the wallet.*` +
		`Actions: 1 invoked`)
	m := progress.FindStringSubmatch(out)
	if m == nil || m[1] != m[2] {
		t.Fatalf("the apply does not tell the refund's progress:\n%s", out)
	}
	expect("after one invocation", 1)
	if bodies := postBodies(mock, refunds); bodies[0] != `{"amount":5.00}` {
		t.Errorf("SimPay received %q, want the amount as written", bodies[0])
	}

	// SimPay takes no second refund while one waits for confirmation.
	if err := mock.SettleRefunds(simpaymock.FixtureServiceID, simpaymock.FixtureTxPaid); err != nil {
		t.Fatal(err)
	}
	invoke(t, cli, "apply", "-auto-approve", "-invoke=action.simpay_payment_refund.partial")
	expect("after the second invocation", 2)

	out = invoke(t, cli, "apply", "-auto-approve")
	if !strings.Contains(out, "No changes.") {
		t.Errorf("an apply without -invoke planned something:\n%s", out)
	}
	expect("after an apply that invokes nothing", 2)

	if err := mock.SettleRefunds(simpaymock.FixtureServiceID, simpaymock.FixtureTxPaid); err != nil {
		t.Fatal(err)
	}
	out = invoke(t, cli, "apply", "-auto-approve", "-invoke=action.simpay_payment_refund.rest")
	if !strings.Contains(out, "refund_new, 14.99 PLN") {
		t.Errorf("the full refund is not what remained (24.99 - 2 x 5.00):\n%s", out)
	}
	expect("after the full refund", 3)
	if bodies := postBodies(mock, refunds); bodies[2] != "" {
		t.Errorf("a full refund sent %q, want no body", bodies[2])
	}
}

// TestAccPaymentRefundActionErrors checks the action's refusals through the
// real CLI: a bad amount stops it before any request, a refund whose answer
// never came is not sent again and says how to check before invoking again,
// and a transaction SimPay does not have is named.
func TestAccPaymentRefundActionErrors(t *testing.T) {
	checkCLI(t, actionCLIs...)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cases := []struct {
		name, transaction, amount string
		fault                     *simpaymock.Fault
		want                      *regexp.Regexp
		requests                  int // refund requests SimPay receives
		created                   int
	}{
		{
			name: "too many decimal places", transaction: simpaymock.FixtureTxPaid, amount: "0.001",
			want: regexp.MustCompile(`(?s)Invalid amount.*amount must have at most 2 decimal places`),
		},
		{
			name: "answer lost", transaction: simpaymock.FixtureTxPaid, amount: "1",
			fault: &simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions/*/refunds",
				Kind: simpaymock.FaultDropConnection, AfterHandler: true, Times: 1},
			want: regexp.MustCompile(`(?s)The SimPay refund may have been created.*did not send it again.*` +
				`Do not simply invoke the action again.*data.simpay_payment_refunds.*If it does not exist, invoke the action again`),
			requests: 1, created: 1,
		},
		{
			// A 409 says each cause once, and that one invokes the action
			// again: there is nothing to apply.
			name: "not paid", transaction: simpaymock.FixtureTxUnpaid, amount: "1",
			want: regexp.MustCompile(`(?s)Transaction is not paid.*\(409 Conflict, SimPay: "The transaction has not been paid, so it ` +
				`cannot be refunded."\)\. Its status in SimPay is transaction_new\. SimPay refunds only a paid transaction .*` +
				`then invoke the action again\.`),
			requests: 1,
		},
		{
			name: "no such transaction", transaction: "00000000-0000-4000-8000-000000000000", amount: "1",
			want:     regexp.MustCompile(`(?s)Transaction not found.*SimPay has no transaction 00000000-0000-4000-8000-000000000000`),
			requests: 1,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mock := mock
			if tc.fault != nil {
				mock = newTestMock(t, simpaymock.Options{})
				mock.AddFault(*tc.fault)
			}
			cli := newTerraformCLI(t, requiredProvidersBlock+mock.config(fmt.Sprintf(`
action "simpay_payment_refund" "test" {
  config {
    service_id     = "d151e4f9"
    transaction_id = %q
    amount         = %q
  }
}
`, tc.transaction, tc.amount)))
			before, created := mock.CountRequests("POST", "/payment/*/transactions/*/refunds"), mock.RefundsCreated()
			out, errOut, err := cli.Run(context.Background(), "apply", "-auto-approve", "-no-color",
				"-invoke=action.simpay_payment_refund.test")
			if err == nil {
				t.Fatalf("the invocation succeeded:\n%s", out)
			}
			if text := strings.Join(strings.Fields(out+errOut), " "); !tc.want.MatchString(text) {
				t.Errorf("the error does not match %s:\n%s\n%s", tc.want, out, errOut)
			}
			if got := mock.CountRequests("POST", "/payment/*/transactions/*/refunds") - before; got != tc.requests {
				t.Errorf("SimPay received %d refund requests, want %d", got, tc.requests)
			}
			if got := mock.RefundsCreated() - created; got != tc.created {
				t.Errorf("SimPay made %d refunds, want %d", got, tc.created)
			}
		})
	}
}
