package provider

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// TestPaymentTransactionStatusesKnowBothFailures: seed 002 writes
// transaction_failed, SimPay's newer pages transaction_failure; the one list
// every payment status filter uses knows both, so neither warns.
func TestPaymentTransactionStatusesKnowBothFailures(t *testing.T) {
	v := knownValuesWarning("payment transaction status", paymentTransactionStatuses...)
	for _, s := range []string{"transaction_failed", "transaction_failure"} {
		if !slices.Contains(paymentTransactionStatuses, s) {
			t.Errorf("paymentTransactionStatuses lacks %q", s)
		}
		var resp validator.StringResponse
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("status"), ConfigValue: types.StringValue(s)}, &resp)
		if resp.Diagnostics.WarningsCount() != 0 || resp.Diagnostics.HasError() {
			t.Errorf("status %q: %v", s, resp.Diagnostics)
		}
	}
}

// TestAccDirectBillingTransactionsUnknownStatusWarns: an undocumented status
// filter of data.simpay_directbilling_transactions is a warning, as on every
// other status filter, not a refusal: it is sent to SimPay as written, and
// SimPay decides. (The mock, like SimPay's Laravel validation, answers an
// unknown filter[status] with a 422, which the provider then reports.)
func TestAccDirectBillingTransactionsUnknownStatusWarns(t *testing.T) {
	checkCLI(t)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, requiredProvidersBlock+mock.config(`
data "simpay_directbilling_transactions" "typo" {
  service_id = "d151e4f9"
  status     = "transaction_db_paid"
}

`))
	stdout, stderr, _ := cli.Run(t.Context(), "plan", "-input=false", "-no-color")
	text := stdout + stderr
	re := regexp.MustCompile(`(?s)Warning: Unknown DirectBilling transaction status.*"transaction_db_paid"\s+is\s+not\s+a\s+DirectBilling\s+transaction\s+status\s+SimPay\s+documents`)
	if !re.MatchString(text) {
		t.Errorf("plan output has no warning about the unknown status:\n%s", text)
	}
	if !regexp.MustCompile(`(?s)Invalid value rejected by SimPay.*filter.status`).MatchString(text) {
		t.Errorf("plan output does not report SimPay's answer to the unknown status:\n%s", text)
	}
	if got := mock.CountRequests("GET", "/directbilling/d151e4f9/transactions"); got < 1 {
		t.Errorf("mock received %d list requests, want at least 1: %q", got, mock.apiRequests())
	}
}
