package provider

import (
	"fmt"
	"testing"

	tfresource "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// seedExampleTxID is SimPay's own example transaction id: the detail example
// of seeds 001 and 002 and of the "Retrieve transaction" page
// (docs.simpay.pl/en/apis/payment/transactions/retrieve-transaction; see
// CONTRACT.md). It has 35 characters, 11 digits in its last group, so it is
// no valid UUID, yet SimPay returns it and the mock holds it in service
// d151e4f9 (internal/simpaymock/fixtures.go, doc.go). Every id argument must
// accept it (issue 20, section 3).
const seedExampleTxID = "328bd42d-d08b-43f6-9463-869e5bd32b4"

// TestAccSeedExampleTransactionID reads SimPay's 35-character example id
// through the data source, refunds it with the refund resource and imports
// it by identity: none of them refuses it.
func TestAccSeedExampleTransactionID(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	read := `
data "simpay_payment_transaction" "example" {
  service_id = "d151e4f9"
  id         = "` + seedExampleTxID + `"
}
`
	refund := `
resource "simpay_payment_refund" "example" {
  service_id     = "d151e4f9"
  transaction_id = "` + seedExampleTxID + `"
  amount         = "1"
}
`
	const dsAddr = "data.simpay_payment_transaction.example"
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []tfresource.TestStep{
			{
				Config: mock.config(read),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dsAddr, tfjsonpath.New("id"), knownvalue.StringExact(seedExampleTxID)),
					statecheck.ExpectKnownValue(dsAddr, tfjsonpath.New("status"), knownvalue.StringExact("transaction_paid")),
					statecheck.ExpectKnownValue(dsAddr, tfjsonpath.New("payer_transaction_id"), knownvalue.StringExact("477YDX14")),
				},
				ConfigPlanChecks: tfresource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: mock.config(read + refund),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("simpay_payment_refund.example", tfjsonpath.New("transaction_id"), knownvalue.StringExact(seedExampleTxID)),
				},
				Check: checkCount("refunds created", mock.RefundsCreated, 1),
			},
			{
				// Import the refund of the example transaction by its id.
				ResourceName:      "simpay_payment_refund.example",
				ImportState:       true,
				ImportStateIdFunc: refundImportID("simpay_payment_refund.example"),
				ImportStateVerify: true,
				Check:             checkCount("refunds created", mock.RefundsCreated, 1),
			},
		},
	})
}

// TestAccSeedExampleTransactionIDIdentity imports the refund of SimPay's
// example transaction by identity (Terraform 1.12 and later).
func TestAccSeedExampleTransactionIDIdentity(t *testing.T) {
	t.Parallel()
	testRefundIdentity(t, "example", seedExampleTxID, "1")
}

// refundImportID is the import id service_id/transaction_id/id of the refund
// at addr in state.
func refundImportID(addr string) tfresource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s is not in state", addr)
		}
		a := rs.Primary.Attributes
		return a["service_id"] + "/" + a["transaction_id"] + "/" + a["id"], nil
	}
}
