package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// directBillingFixture is one of the mock's DirectBilling transactions as
// data.simpay_directbilling_transaction shows it: what SimPay's newer SDKs
// read and its 2024 file does not name is null in the documented dialect.
func directBillingFixture(dialect simpaymock.Dialect, id string) map[string]knownvalue.Check {
	null := knownvalue.Null()
	str := knownvalue.StringExact
	switch id {
	case simpaymock.FixtureDirectBillingTxPaid:
		// SimPay's OpenAPI example, field for field.
		return map[string]knownvalue.Check{
			"id": str(id), "status": str("transaction_db_payed"),
			"control": str("1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"), "phone_number": null,
			"value": str("16.67"), "value_net": str("10"),
			"value_created": sdkOnly(dialect, str("10")), "value_created_type": sdkOnly(dialect, str("required")),
			"operator": str("t-mobile"), "score": sdkOnly(dialect, str("0.85")),
			"notify":     notifyCheck(false, str("2023-02-16T14:52:11+01:00"), 1),
			"created_at": str("2023-02-16T14:52:11+01:00"), "updated_at": str("2023-02-16T14:52:11+01:00"),
		}
	case simpaymock.FixtureDirectBillingTxNew:
		return map[string]knownvalue.Check{
			"id": str(id), "status": str("transaction_db_new"),
			"control": str("order-2001"), "phone_number": str("48123123123"),
			"value": str("8.13"), "value_net": str("5.69"),
			"value_created": sdkOnly(dialect, str("10")), "value_created_type": sdkOnly(dialect, str("gross")),
			"operator": null, "score": null,
			"notify":     notifyCheck(false, null, 0),
			"created_at": str("2023-03-01T12:00:00+01:00"), "updated_at": str("2023-03-01T12:00:00+01:00"),
		}
	case simpaymock.FixtureDirectBillingTxRejected:
		return map[string]knownvalue.Check{
			"id": str(id), "status": str("transaction_db_rejected"),
			"control": str("order-2002"), "phone_number": str("48500600700"),
			"value": str("20"), "value_net": str("14"),
			"value_created": sdkOnly(dialect, str("20")), "value_created_type": sdkOnly(dialect, str("net")),
			"operator": str("play"), "score": sdkOnly(dialect, str("0.1")),
			"notify":     notifyCheck(true, str("2023-04-10T09:15:00+02:00"), 2),
			"created_at": str("2023-04-10T09:10:00+02:00"), "updated_at": str("2023-04-10T09:15:00+02:00"),
		}
	}
	panic("no DirectBilling fixture " + id)
}

// TestAccDirectBillingTransactionDataSource reads single transactions in
// both dialects, exactly, and shows that the data source and the resource
// hold one transaction under the same attribute paths and values.
func TestAccDirectBillingTransactionDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingTransactionDataSource)
}

func testAccDirectBillingTransactionDataSource(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	read := func(name, serviceID, id string) string {
		return `
data "simpay_directbilling_transaction" "` + name + `" {
  service_id = "` + serviceID + `"
  id         = "` + id + `"
}
`
	}
	var checks []statecheck.StateCheck
	for _, id := range []string{simpaymock.FixtureDirectBillingTxPaid, simpaymock.FixtureDirectBillingTxRejected} {
		addr := "data.simpay_directbilling_transaction.tx_" + id[:8]
		checks = append(checks, expectState(addr, directBillingFixture(dialect, id))...)
		checks = append(checks, stateString(addr, "service_id", simpaymock.FixtureServiceID))
	}
	// The resource, importing the transaction the data source reads, holds
	// every attribute the data source shows under the same path and value.
	both := mock.config(read("same", simpaymock.FixtureServiceID, simpaymock.FixtureDirectBillingTxNew) + `
import {
  to = simpay_directbilling_transaction.same
  id = "d151e4f9/` + simpaymock.FixtureDirectBillingTxNew + `"
}
` + dbConfig("same", `  service_id  = "d151e4f9"
  amount      = "10"
  control     = "order-2001"
`))
	var same []statecheck.StateCheck
	for attr := range directBillingFixture(dialect, simpaymock.FixtureDirectBillingTxNew) {
		same = append(same, statecheck.CompareValuePairs("data.simpay_directbilling_transaction.same", tfjsonpath.New(attr),
			"simpay_directbilling_transaction.same", tfjsonpath.New(attr), compare.ValuesSame()))
	}
	same = append(same, expectState("data.simpay_directbilling_transaction.same",
		directBillingFixture(dialect, simpaymock.FixtureDirectBillingTxNew))...)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: mock.config(read("gone", simpaymock.FixtureServiceID, "00000000-0000-4000-8000-000000000000")),
				// Attributed to id: Terraform quotes that line.
				ExpectError: regexp.MustCompile(`(?s)DirectBilling transaction not found.*\d+:\s+id\s+=\s+"00000000-0000-4000-8000-000000000000".*` +
					`no\s+transaction\s+00000000-0000-4000-8000-000000000000\s+in\s+DirectBilling\s+service\s+d151e4f9.*` +
					`data.simpay_directbilling_transactions\s+lists`),
			},
			{
				Config: mock.config(read("gone", "deadbeef", simpaymock.FixtureDirectBillingTxPaid)),
				ExpectError: regexp.MustCompile(`(?s)DirectBilling service not found.*\d+:\s+service_id\s+=\s+"deadbeef".*` +
					`no\s+DirectBilling\s+service\s+deadbeef.*simpay_directbilling_services`),
			},
			{
				PreConfig: mock.ResetRequests,
				Config: mock.config(read("tx_"+simpaymock.FixtureDirectBillingTxPaid[:8], simpaymock.FixtureServiceID, simpaymock.FixtureDirectBillingTxPaid) +
					read("tx_"+simpaymock.FixtureDirectBillingTxRejected[:8], simpaymock.FixtureServiceID, simpaymock.FixtureDirectBillingTxRejected)),
				ConfigStateChecks: checks,
				Check: expectOnlyRequests(mock,
					"GET /directbilling/d151e4f9/transactions/"+simpaymock.FixtureDirectBillingTxPaid,
					"GET /directbilling/d151e4f9/transactions/"+simpaymock.FixtureDirectBillingTxRejected),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config:            both,
				ConfigStateChecks: same,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("simpay_directbilling_transaction.same", plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkCount("transactions created", mock.DirectBillingTransactionsCreated, 0),
			},
		},
	})
}
