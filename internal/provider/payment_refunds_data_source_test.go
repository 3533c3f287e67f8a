package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

func TestAccPaymentRefundsDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		// Ten generated transactions: the eighth (k = 7) is refunded in full.
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Transactions: 10})
		refunds := tfjsonpath.New("refunds")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_payment_refunds" "test" {
  service_id     = "deadbeef"
  transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*SimPay has no online-payment service\s+deadbeef`),
				},
				{
					Config: mock.config(`
data "simpay_payment_refunds" "test" {
  service_id     = "d151e4f9"
  transaction_id = "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment transaction not found.*SimPay has no transaction\s+1d87a1b3-18f8-4146-bcb1-c0c9f293b04f\s+in\s+payment\s+service\s+d151e4f9.*transaction_id`),
				},
				{
					Config: mock.config(`
data "simpay_payment_refunds" "test" {
  service_id     = "d151e4f9"
  transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf%2F..%2F"
}`),
					ExpectError: regexp.MustCompile(`(?s)Attribute transaction_id must be a SimPay transaction id`),
				},
				{
					Config: mock.config(`
data "simpay_payment_refunds" "partial" {
  service_id     = "d151e4f9"
  transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
}
data "simpay_payment_refunds" "none" {
  service_id     = "d151e4f9"
  transaction_id = "0238d92e-0dd9-469a-9aa9-0505974336a3"
}
data "simpay_payment_refunds" "generated" {
  service_id     = "d151e4f9"
  transaction_id = "5c701e86-9d88-4c24-881c-42a6484a1490"
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_payment_refunds.partial", refunds, knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"id":              knownvalue.StringExact("019483a5-885e-70f7-9b5b-94387a6690da"),
								"status":          knownvalue.StringExact("refund_completed"),
								"amount":          knownvalue.StringExact("1"),
								"currency":        knownvalue.StringExact("PLN"),
								"wallet_amount":   knownvalue.StringExact("1"),
								"wallet_currency": knownvalue.StringExact("PLN"),
								"created_at":      knownvalue.StringExact("2025-01-20T13:17:31+01:00"),
								"updated_at":      knownvalue.StringExact("2025-01-20T13:17:59+01:00"),
							}),
						})),
						// No refunds: an empty list, never null.
						statecheck.ExpectKnownValue("data.simpay_payment_refunds.none", refunds, knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectKnownValue("data.simpay_payment_refunds.generated", refunds, knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								// A UUID version 7, as SimPay's refund ids are.
								"id":              knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)),
								"status":          knownvalue.StringExact("refund_completed"),
								"amount":          knownvalue.StringExact("8.81"),
								"currency":        knownvalue.StringExact("PLN"),
								"wallet_amount":   knownvalue.StringExact("8.81"),
								"wallet_currency": knownvalue.StringExact("PLN"),
								"created_at":      knownvalue.StringExact("2024-01-01T17:00:00+01:00"),
								"updated_at":      knownvalue.StringExact("2024-01-01T17:00:00+01:00"),
							}),
						})),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}
