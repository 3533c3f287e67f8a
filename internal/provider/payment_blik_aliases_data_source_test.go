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

// TestAccPaymentBlikAliasesDataSource reads SimPay's BLIK aliases through
// the CLI: every page (perPage, not limit), every filter and both sort
// orders, SimPay's example with its subscription, an alias without one, and
// a second plan that is empty.
func TestAccPaymentBlikAliasesDataSource(t *testing.T) {
	checkCLI(t)
	t.Parallel()
	// The two aliases of SimPay's page and 60 generated: 62, two pages.
	mock := newTestMock(t, simpaymock.Options{Subscriptions: 60})
	aliases := tfjsonpath.New("aliases")
	config := mock.config(testdataConfig("payment_blik_aliases_filters", nil))
	premium := map[string]knownvalue.Check{}
	for k, v := range docsPremiumAliasFields {
		premium[k] = v
	}
	premium["subscription"] = knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": knownvalue.StringExact("019970c6-3d3e-708c-9313-5f89e251e2c0"), "status": knownvalue.StringExact("subscription_active"),
		"mode": knownvalue.StringExact("BLIK"), "blik": knownvalue.ObjectExact(map[string]knownvalue.Check{"model": knownvalue.StringExact("O")}),
		"frequency": knownvalue.Null(), "initiation_date": knownvalue.Null(), "total_amount_limit": knownvalue.Null(),
		"total_transactions_limit": knownvalue.Null(), "cancelled": knownvalue.Null(),
		"created_at": knownvalue.StringExact("2025-09-22T11:34:24+02:00"), "updated_at": knownvalue.StringExact("2025-09-22T11:34:32+02:00"),
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.all", aliases, knownvalue.ListSizeExact(62)),
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.all", aliases.AtSliceIndex(0), knownvalue.ObjectExact(premium)),
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.newest_first", aliases.AtSliceIndex(0).AtMapKey("id"),
					knownvalue.StringExact(docsPremiumAlias)),
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.oldest_first", aliases.AtSliceIndex(61).AtMapKey("id"),
					knownvalue.StringExact(docsPremiumAlias)),
				// The second generated alias (k = 1) belongs to a subscription
				// with limits: its amount is the string SimPay wrote.
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.oldest_first", aliases.AtSliceIndex(1).AtMapKey("subscription").AtMapKey("total_amount_limit"),
					knownvalue.StringExact("101.50")),
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.one", aliases, knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(premium)})),
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.by_value", aliases, knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("0198a54d-05d9-7177-9ac6-5d9831bc988d"), "label": knownvalue.StringExact("Music subscription"),
					"status": knownvalue.StringExact("alias_unregistered"), "expires_at": knownvalue.Null(),
					"subscription": knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("0198a54d-05e1-72b8-b835-f2258609bb52"), "status": knownvalue.StringExact("subscription_cancelled"),
						"frequency": knownvalue.StringExact("1M")}),
				})})),
				// UID aliases (k = 4, 9, ..., 59) have no subscription and no label.
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.uid", aliases, knownvalue.ListSizeExact(12)),
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.uid", aliases.AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"type": knownvalue.StringExact("UID"), "subscription": knownvalue.Null(), "label": knownvalue.Null()})),
				// Unregistered: SimPay's second example and k = 3, 7, ..., 59,
				// less the UID ones (k = 19, 39, 59).
				statecheck.ExpectKnownValue("data.simpay_payment_blik_aliases.unregistered_payid", aliases, knownvalue.ListSizeExact(13)),
			},
			Check: resource.ComposeTestCheckFunc(
				expectPerPagePaging(mock, "/payment/d151e4f9/blik/aliases"),
				expectFilterQueries(mock, "/payment/d151e4f9/blik/aliases",
					"filter[uuid]="+docsPremiumAlias, "filter[value]=CCBBAA", "filter[type]=UID", "sort=created_at", "sort=-created_at",
					"filter[status]=alias_unregistered&filter[type]=PAYID"),
			),
		}, {
			Config:           config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		}},
	})
}

// TestAccPaymentBlikAliasesUnknownStatusWarns: an undocumented status filter
// is kept, warned about by the shared status rule, and sent as written.
func TestAccPaymentBlikAliasesUnknownStatusWarns(t *testing.T) {
	checkCLI(t)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, requiredProvidersBlock+mock.config(`
data "simpay_payment_blik_aliases" "typo" {
  service_id = "d151e4f9"
  status     = "alias_deleted"
}
`))
	stdout, stderr, _ := cli.Run(t.Context(), "plan", "-input=false", "-no-color")
	text := stdout + stderr
	re := regexp.MustCompile(`(?s)Warning: Unknown BLIK alias status.*"alias_deleted"\s+is\s+not\s+a\s+BLIK\s+alias\s+status\s+SimPay\s+documents`)
	if !re.MatchString(text) {
		t.Errorf("plan output has no warning about the unknown status:\n%s", text)
	}
	if !regexp.MustCompile(`(?s)Error: Invalid value rejected by SimPay\s+with data.simpay_payment_blik_aliases.typo,.*status *= "alias_deleted"`).MatchString(text) {
		t.Errorf("plan output does not report SimPay's answer on the status argument:\n%s", text)
	}
	if got := mock.CountRequests("GET", "/payment/d151e4f9/blik/aliases"); got != 1 {
		t.Errorf("mock received %d list requests, want 1: %q", got, mock.apiRequests())
	}
}
