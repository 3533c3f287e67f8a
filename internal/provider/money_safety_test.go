package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// Money safety, through the terraform CLI against the mock: nothing moves
// money by surprise, and state tells what SimPay did.

// TestAccPaymentRefundReplaceOnPurpose: changing amount fails at plan and
// sends nothing; terraform plan -replace= of the same refund plans exactly
// one replacement, since the configuration did not change.
func TestAccPaymentRefundReplaceOnPurpose(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	addr := "simpay_payment_refund.test"
	config := func(amount string) string {
		return mock.config(refundConfig("test", simpaymock.FixtureTxPaid, `  amount = "`+amount+`"`+"\n"))
	}
	cli := newTerraformCLI(t, requiredProvidersBlock+config("5.00"))
	cliRun(t, cli, true, "apply", "-auto-approve")
	if n := mock.RefundsCreated(); n != 1 {
		t.Fatalf("refunds created: %d, want 1", n)
	}

	cli = cli.withConfig(t, requiredProvidersBlock+config("6.00"))
	mock.ResetRequests()
	out := cliRun(t, cli, false, "plan")
	if !regexp.MustCompile(`(?s)Error: Changing amount would send a second refund.*from "5.00" to "6.00".*` +
		`SECOND\s+refund.*nothing\s+was\s+sent.*terraform\s+apply\s+-replace=simpay_payment_refund.<name>`).MatchString(out) {
		t.Errorf("plan of a changed amount does not refuse it:\n%s", out)
	}
	if n := mock.CountRequests("POST", ""); n != 0 || mock.RefundsCreated() != 1 {
		t.Errorf("the refused plan sent %d POSTs; refunds created %d, want 1", n, mock.RefundsCreated())
	}

	cli = cli.withConfig(t, requiredProvidersBlock+config("5.00"))
	out = cliRun(t, cli, true, "plan", "-replace="+addr)
	if !strings.Contains(out, addr+" will be replaced, as requested") || !strings.Contains(out, "Plan: 1 to add, 0 to change, 1 to destroy.") {
		t.Errorf("plan -replace does not plan one replacement:\n%s", out)
	}
	if strings.Contains(out, "Error:") {
		t.Errorf("plan -replace fails:\n%s", out)
	}
	if n := mock.CountRequests("POST", ""); n != 0 {
		t.Errorf("plan -replace sent %d POSTs", n)
	}
}

// providerWarnings counts the warnings in a CLI's output but the one the
// CLI itself prints for the tests' dev_overrides.
func providerWarnings(out string) int {
	return strings.Count(out, "Warning:") - strings.Count(out, "Warning: Provider development overrides")
}

// TestAccPaymentRefundReportedAmount: SimPay records another amount than
// asked. The apply fails naming both amounts and the refund; the refund is
// in state with SimPay's figure; the next plan refuses to replace it (which
// would send a second refund); importing it again, as the error says, and
// setting SimPay's figure plans nothing.
func TestAccPaymentRefundReportedAmount(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	addr := "simpay_payment_refund.test"
	config := func(amount string) string {
		return requiredProvidersBlock + mock.config(refundConfig("test", simpaymock.FixtureTxPaid, `  amount = "`+amount+`"`+"\n"))
	}
	if err := mock.RecordNextRefundAs("8.00"); err != nil {
		t.Fatal(err)
	}
	cli := newTerraformCLI(t, config("10.00"))
	out := cliRun(t, cli, false, "apply", "-auto-approve")
	refundID := regexp.MustCompile(`refund ([0-9a-f-]{36}) of transaction`).FindStringSubmatch(out)
	if refundID == nil || !regexp.MustCompile(`(?s)Error: SimPay refunded another amount than asked.*as\s+8\s+PLN,\s+but\s+10.00\s+was\s+asked\s+for.*`+
		`kept\s+in\s+Terraform\s+state.*reported_amount.*SimPay\s+panel`).MatchString(out) {
		t.Fatalf("apply does not fail naming both amounts and the refund:\n%s", out)
	}
	values, tainted := stateValues(t, cli, addr)
	reported, _ := values["reported_amount"].(map[string]any)
	if values == nil || values["id"] != refundID[1] || values["amount"] != "10.00" || reported["value"] != "8" || reported["currency"] != "PLN" {
		t.Fatalf("state after the failed apply: %v, want refund %s with amount 10.00 and reported_amount 8 PLN", values, refundID[1])
	}
	if !tainted {
		t.Errorf("the refund is not tainted after the failed create; the test's premise is wrong")
	}

	mock.ResetRequests()
	out = cliRun(t, cli, false, "plan")
	if !regexp.MustCompile(`(?s)Error: SimPay reported another amount for this refund: nothing is planned for it.*` +
		`another\s+refund\s+in\s+SimPay.*terraform\s+state\s+rm\s+simpay_payment_refund.<name>.*terraform\s+import`).MatchString(out) {
		t.Errorf("the plan after the mismatch does not refuse to replace the refund:\n%s", out)
	}
	if n := mock.CountRequests("POST", ""); n != 0 || mock.RefundsCreated() != 1 {
		t.Errorf("the plan sent %d POSTs; refunds created %d, want 1", n, mock.RefundsCreated())
	}

	// Keep it as SimPay recorded it: forget it, import it, say 8.
	cliRun(t, cli, true, "state", "rm", addr)
	cli = cli.withConfig(t, config("8"))
	cliRun(t, cli, true, "import", addr, simpaymock.FixtureServiceID+"/"+simpaymock.FixtureTxPaid+"/"+refundID[1])
	out = cliRun(t, cli, true, "plan", "-detailed-exitcode")
	if !strings.Contains(out, "No changes.") {
		t.Errorf("plan after the import is not empty:\n%s", out)
	}
	if values, tainted := stateValues(t, cli, addr); tainted || values["amount"] != "8" {
		t.Errorf("imported refund: %v (tainted %v), want amount 8", values, tainted)
	}
	if n := mock.RefundsCreated(); n != 1 {
		t.Errorf("refunds created: %d, want 1", n)
	}
}

// TestAccPaymentRefundReportedAmountInState: reported_amount records what
// SimPay reports, on create and import, and a second plan is empty.
func TestAccPaymentRefundReportedAmountInState(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	addr := "simpay_payment_refund.test"
	reported := func(value string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("reported_amount"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"value": knownvalue.StringExact(value), "currency": knownvalue.StringExact("PLN"),
		}))
	}
	cfg := mock.config(refundConfig("test", simpaymock.FixtureTxPaid, `  amount = "10.00"`+"\n"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:            cfg,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{stateString(addr, "amount", "10.00"), reported("10")},
			},
			{
				Config:            cfg,
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(addr, "service_id", "transaction_id", "id"),
				// The import records SimPay's spelling of the same amount.
				ImportStateVerifyIgnore: []string{"amount"},
			},
		},
	})
}

// paymentForRules is a payment whose money rules the plan checks.
func paymentForRules(amount, currency, channels string) string {
	return fmt.Sprintf(`
resource "simpay_payment_transaction" "test" {
  service_id = %q
  amount     = %s
  currency   = %q
  customer   = { ip = "203.0.113.7", country_code = "PL" }
  antifraud  = { useragent = "Mozilla/5.0" }
%s}
`, simpaymock.FixtureServiceID, amount, currency, channels)
}

// TestAccPaymentTransactionMoneyRules: an amount above BLIK's limit and a
// currency the service does not list fail at plan, before any object is
// created, also when the amount is known only at apply; an amount inside the
// limits applies.
func TestAccPaymentTransactionMoneyRules(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	unknownAmount := `
resource "terraform_data" "price" {
  input = "25000.00"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: mock.config(paymentForRules(`"25000.00"`, "PLN", `  direct_channel = "blik"`+"\n")),
				ExpectError: regexp.MustCompile(`(?s)Amount outside the channel's limits.*amount\s+=\s+"25000.00".*channel\s+"blik"\s+` +
					`\(direct_channel\s+=\s+"blik"\)\s+takes\s+at\s+most\s+20000.*Change\s+amount`),
			},
			{
				Config: mock.config(paymentForRules(`"10.00"`, "USD", "")),
				ExpectError: regexp.MustCompile(`(?s)Currency not accepted by the payment service.*currency\s+=\s+"USD",\s+but\s+payment\s+` +
					`service\s+d151e4f9\s+accepts\s+only\s+PLN,\s+EUR\s+and\s+ARS`),
			},
			{
				Config: mock.config(paymentForRules(`"10.00"`, "EUR", `  channels = ["card", "blik"]`+"\n")),
				ExpectError: regexp.MustCompile(`(?s)Currency not accepted by the channel.*currency\s+=\s+"EUR",\s+but\s+channel\s+"blik"\s+` +
					`\(channels\[1\]\s+=\s+"blik"\)\s+of\s+payment\s+service\s+d151e4f9\s+takes\s+only\s+PLN`),
			},
			{
				// Known only at apply: Terraform plans again with it known,
				// before the create is sent.
				Config:      mock.config(unknownAmount + paymentForRules(`terraform_data.price.output`, "PLN", `  direct_channel = "blik"`+"\n")),
				ExpectError: regexp.MustCompile(`(?s)Amount outside the channel's limits.*takes\s+at\s+most\s+20000`),
			},
			{
				PreConfig: func() {
					if n := mock.PaymentTransactionsCreated(); n != 0 {
						t.Errorf("payments created by refused plans: %d", n)
					}
					if n := mock.CountRequests("POST", ""); n != 0 {
						t.Errorf("refused plans sent %d POSTs", n)
					}
				},
				Config: mock.config(paymentForRules(`"20000.00"`, "PLN", `  direct_channel = "blik"`+"\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{stateString(ptAddr, "amount", "20000.00"), stateString(ptAddr, "channel", "blik")},
				Check:             createdCount(mock, 1, 1),
			},
		},
	})
}

// TestAccCreateOnlyReplacementWarning: a plan that replaces a payment warns,
// naming the old transaction's id, its payment page and when it expires; a
// timeouts change updates in place and warns nothing; a destroy says once
// that SimPay keeps the payment.
func TestAccCreateOnlyReplacementWarning(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	config := func(description, extra string) string {
		return requiredProvidersBlock + mock.config(fmt.Sprintf(`
resource "simpay_payment_transaction" "test" {
  service_id  = %q
  amount      = "10"
  description = %q
%s}
`, simpaymock.FixtureServiceID, description, extra))
	}
	cli := newTerraformCLI(t, config("Order 1", ""))
	cliRun(t, cli, true, "apply", "-auto-approve")
	values, _ := stateValues(t, cli, ptAddr)
	id, _ := values["id"].(string)
	redirect, _ := values["redirect_url"].(string)
	expires, _ := values["expires_at"].(string)
	if id == "" || redirect == "" || expires == "" {
		t.Fatalf("state after create: %v", values)
	}

	cli = cli.withConfig(t, config("Order 1", "  timeouts = { create = \"5m\" }\n"))
	out := cliRun(t, cli, true, "plan")
	if !strings.Contains(out, "1 to change, 0 to destroy") || providerWarnings(out) != 0 {
		t.Errorf("a timeouts change is not an in-place update without a warning:\n%s", out)
	}

	cli = cli.withConfig(t, config("Order 1 (fixed typo)", ""))
	out = cliRun(t, cli, true, "plan")
	warning := regexp.MustCompile(`(?s)Warning: Replacing creates a new SimPay payment transaction; the old one stays.*` +
		`replaces\s+transaction\s+` + regexp.QuoteMeta(id) + `\s+of\s+payment\s+service\s+d151e4f9\s+\(changed:\s+description\).*` +
		`Its\s+payment\s+page\s+` + regexp.QuoteMeta(redirect) + `\s+stays\s+payable\s+at\s+SimPay\s+until\s+` + regexp.QuoteMeta(expires) +
		`.*keep\s+this\s+resource\s+block\s+as\s+it\s+was\s+and\s+add\s+another.*terraform\s+state\s+rm`)
	if !warning.MatchString(out) || strings.Count(out, "Warning: Replacing") != 1 {
		t.Errorf("the replacing plan does not warn once naming the old transaction:\n%s", out)
	}

	out = cliRun(t, cli, true, "destroy", "-auto-approve")
	if n := strings.Count(out, "Warning: Destroying does not cancel"); n != 1 {
		t.Errorf("destroy warns %d times, want once:\n%s", n, out)
	}
}
