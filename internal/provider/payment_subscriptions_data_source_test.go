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

// docsPremiumSubscription is the first subscription of the example on
// SimPay's page "Retrieve subscription list", field for field, null for null.
var docsPremiumSubscription = map[string]knownvalue.Check{
	"id": knownvalue.StringExact("019970c6-3d3e-708c-9313-5f89e251e2c0"), "status": knownvalue.StringExact("subscription_active"),
	"mode": knownvalue.StringExact("BLIK"), "frequency": knownvalue.Null(), "initiation_date": knownvalue.Null(),
	"total_amount_limit": knownvalue.Null(), "total_transactions_limit": knownvalue.Null(), "cancelled": knownvalue.Null(),
	"created_at": knownvalue.StringExact("2025-09-22T11:34:24+02:00"), "updated_at": knownvalue.StringExact("2025-09-22T11:34:32+02:00"),
	"blik": knownvalue.ObjectExact(map[string]knownvalue.Check{
		"model": knownvalue.StringExact("O"),
		"alias": knownvalue.ObjectExact(docsPremiumAliasFields),
	}),
}

// docsPremiumAliasFields is the first alias of SimPay's examples.
var docsPremiumAliasFields = map[string]knownvalue.Check{
	"id": knownvalue.StringExact(docsPremiumAlias), "type": knownvalue.StringExact("PAYID"),
	"value": knownvalue.StringExact("AABBCC"), "label": knownvalue.StringExact("Payment for premium package"),
	"blik_key": knownvalue.Null(), "status": knownvalue.StringExact("alias_active"),
	"expires_at": knownvalue.StringExact("2035-07-15T00:00:00+02:00"),
	"created_at": knownvalue.StringExact("2025-09-22T11:34:23+02:00"), "updated_at": knownvalue.StringExact("2025-09-22T11:34:32+02:00"),
}

// TestAccPaymentSubscriptionsDataSource reads SimPay's subscriptions through
// the CLI: every page of a list longer than one (perPage, not limit), every
// filter and both sort orders sent as SimPay names them, SimPay's example
// field for field, amounts as the strings SimPay wrote, and a second plan
// that is empty.
func TestAccPaymentSubscriptionsDataSource(t *testing.T) {
	checkCLI(t)
	t.Parallel()
	// The two examples of SimPay's page and 60 generated: 62, two pages.
	mock := newTestMock(t, simpaymock.Options{Subscriptions: 60})
	subs := tfjsonpath.New("subscriptions")
	config := mock.config(testdataConfig("payment_subscriptions_filters", nil))
	generated1 := knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"status": knownvalue.StringExact("subscription_active"), "mode": knownvalue.StringExact("BLIK"),
		"frequency": knownvalue.StringExact("1M"),
		// Exactly as SimPay wrote it: 101.50, the trailing zero kept.
		"total_amount_limit": knownvalue.StringExact("101.50"), "total_transactions_limit": knownvalue.Int64Exact(12),
		"cancelled":       knownvalue.Bool(false),
		"initiation_date": knownvalue.StringExact("2024-03-01T10:00:00+01:00"),
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.all", subs, knownvalue.ListSizeExact(62)),
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.all", subs.AtSliceIndex(0), knownvalue.ObjectExact(docsPremiumSubscription)),
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.newest_first", subs.AtSliceIndex(1).AtMapKey("blik").AtMapKey("alias").AtMapKey("status"),
					knownvalue.StringExact("alias_unregistered")),
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.oldest_first", subs, knownvalue.ListSizeExact(62)),
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.oldest_first", subs.AtSliceIndex(1), generated1),
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.oldest_first", subs.AtSliceIndex(61).AtMapKey("id"),
					knownvalue.StringExact("019970c6-3d3e-708c-9313-5f89e251e2c0")),
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.one", subs, knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(docsPremiumSubscription)})),
				// Every fifth generated one (k = 4, 9, ..., 59) is a card
				// subscription, whose blik is null.
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.card", subs, knownvalue.ListSizeExact(12)),
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.card", subs.AtSliceIndex(0).AtMapKey("blik"), knownvalue.Null()),
				// Cancelled: SimPay's second example and k = 2, 8, ..., 56,
				// less the card ones (k = 14, 44).
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.cancelled_blik", subs, knownvalue.ListSizeExact(9)),
				statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.cancelled_blik", subs.AtSliceIndex(0), knownvalue.ObjectPartial(
					map[string]knownvalue.Check{"id": knownvalue.StringExact("0198a54d-05e1-72b8-b835-f2258609bb52"),
						"frequency": knownvalue.StringExact("1M"), "initiation_date": knownvalue.StringExact("2025-08-13T23:15:13+02:00"),
						"cancelled": knownvalue.Bool(true)})),
			},
			Check: resource.ComposeTestCheckFunc(
				expectPerPagePaging(mock, "/payment/d151e4f9/subscriptions"),
				expectFilterQueries(mock, "/payment/d151e4f9/subscriptions",
					"filter[uuid]=019970c6-3d3e-708c-9313-5f89e251e2c0", "filter[mode]=CARD", "sort=created_at", "sort=-created_at",
					"filter[status]=subscription_cancelled&filter[mode]=BLIK"),
			),
		}, {
			Config:            config,
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("data.simpay_payment_subscriptions.all", subs, knownvalue.ListSizeExact(62))},
		}},
	})
}

// TestAccPaymentSubscriptionsUnknownStatusWarns: an undocumented status
// filter is kept and warned about, through the rule every status filter
// uses, and sent as written; SimPay (here the mock, as SimPay's validation
// answers a value outside the page's enum) refuses it with a 422, which the
// error names by its argument.
func TestAccPaymentSubscriptionsUnknownStatusWarns(t *testing.T) {
	checkCLI(t)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, requiredProvidersBlock+mock.config(`
data "simpay_payment_subscriptions" "typo" {
  service_id = "d151e4f9"
  status     = "subscription_paused"
}
`))
	stdout, stderr, _ := cli.Run(t.Context(), "plan", "-input=false", "-no-color")
	text := stdout + stderr
	re := regexp.MustCompile(`(?s)Warning: Unknown subscription status.*"subscription_paused"\s+is\s+not\s+a\s+subscription\s+status\s+SimPay\s+documents`)
	if !re.MatchString(text) {
		t.Errorf("plan output has no warning about the unknown status:\n%s", text)
	}
	if !regexp.MustCompile(`(?s)Error: Invalid value rejected by SimPay\s+with data.simpay_payment_subscriptions.typo,.*status *= "subscription_paused".*filter.status: The selected filter.status is invalid`).MatchString(text) {
		t.Errorf("plan output does not report SimPay's answer on the status argument:\n%s", text)
	}
	if got := mock.CountRequests("GET", "/payment/d151e4f9/subscriptions"); got != 1 {
		t.Errorf("mock received %d list requests, want 1: %q", got, mock.apiRequests())
	}
}
