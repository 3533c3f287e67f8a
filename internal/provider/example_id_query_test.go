package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// TestAccSeedExampleTransactionIDQueryThenImport: terraform query
// -generate-config-out finds SimPay's 35-character example transaction id
// among the service's paid transactions and writes configuration for it that
// the provider then takes: applying it imports every transaction found,
// creates nothing, and the plan after is empty (issue 20: the list resource
// never writes configuration that fails). Terraform 1.14 and later.
func TestAccSeedExampleTransactionIDQueryThenImport(t *testing.T) {
	checkCLI(t, listCLIs...)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, mock.config(""))
	// The fixtures' paid transactions: 528bd43f-..., 0238d92e-... and
	// SimPay's example.
	generated := queryThenImport(t, cli, `
list "simpay_payment_transaction" "found" {
  provider         = simpay
  include_resource = true
  config {
    service_id = "d151e4f9"
    status     = "transaction_paid"
  }
}
`, 3)
	block := regexp.MustCompile(`(?s)import \{[^}]*?` + regexp.QuoteMeta(seedExampleTxID) + `.*?\n\}\n`).FindString(generated)
	if block == "" {
		t.Fatalf("the generated configuration imports no %s:\n%s", seedExampleTxID, generated)
	}
	if !strings.Contains(generated, `"`+seedExampleTxID+`"`) {
		t.Errorf("the generated configuration does not name %s as written:\n%s", seedExampleTxID, generated)
	}
	if got := mock.PaymentTransactionsCreated(); got != 0 {
		t.Errorf("mock created %d transactions, want 0: importing made some", got)
	}
	if got := mock.CountRequests("POST", "/payment/*/transactions"); got != 0 {
		t.Errorf("mock received %d create requests, want 0", got)
	}
}
