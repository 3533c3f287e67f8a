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

// smsTransactionFixture is one of the mock's SMS transactions of service
// d151e4f9 (the first is SimPay's OpenAPI example) as its attributes.
func smsTransactionFixture(id int64) map[string]knownvalue.Check {
	str := knownvalue.StringExact
	fixtures := map[int64]map[string]knownvalue.Check{
		1: {"from": str("48123123123"), "code": str("ABC1D6"), "used": knownvalue.Bool(false),
			"send_number": knownvalue.Int64Exact(7055), "value": str("0.5"), "send_at": str("2021-11-14T19:00:36+01:00")},
		2: {"from": str("48500600700"), "code": str("7XK2PQ"), "used": knownvalue.Bool(true),
			"send_number": knownvalue.Int64Exact(7155), "value": str("1"), "send_at": str("2021-11-15T10:04:58+01:00")},
		3: {"from": str("48600700800"), "code": str("Q9Z8Y7"), "used": knownvalue.Bool(false),
			"send_number": knownvalue.Int64Exact(7255), "value": str("2"), "send_at": str("2022-01-03T08:30:00+01:00")},
	}
	out := map[string]knownvalue.Check{"id": knownvalue.Int64Exact(id)}
	for k, v := range fixtures[id] {
		out[k] = v
	}
	return out
}

func TestAccSMSTransactionsDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccSMSTransactionsDataSource)
}

func testAccSMSTransactionsDataSource(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	list := tfjsonpath.New("transactions")
	items := func(ids ...int64) knownvalue.Check {
		checks := []knownvalue.Check{}
		for _, id := range ids {
			checks = append(checks, knownvalue.ObjectExact(smsTransactionFixture(id)))
		}
		return knownvalue.ListExact(checks)
	}
	ds := func(name string, lines ...string) string {
		return hclBlock(`data "simpay_sms_transactions" "`+name+`"`, []string{validServiceID}, lines...)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: mock.config(ds("gone", `service_id = "deadbeef"`)),
				ExpectError: regexp.MustCompile(`(?s)SMS service not found.*\d+:\s+service_id\s+=\s+"deadbeef".*` +
					`no\s+SMS\s+service\s+deadbeef.*simpay_sms_services`),
			},
			{
				PreConfig: mock.ResetRequests,
				Config:    mock.config(ds("all") + ds("newest", `max_items = 1`) + ds("none", `service_id = "8e1f5a2b"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					// Newest first, as SimPay lists them.
					statecheck.ExpectKnownValue("data.simpay_sms_transactions.all", list, items(3, 2, 1)),
					statecheck.ExpectKnownValue("data.simpay_sms_transactions.all", tfjsonpath.New("max_items"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.simpay_sms_transactions.newest", list, items(3)),
					statecheck.ExpectKnownValue("data.simpay_sms_transactions.none", list, items()),
				},
				Check: expectOnlyRequests(mock,
					"GET /sms/d151e4f9/transactions?limit=99&page=1",
					"GET /sms/8e1f5a2b/transactions?limit=99&page=1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestAccSMSTransactionDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccSMSTransactionDataSource)
}

func testAccSMSTransactionDataSource(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Tokens: []simpaymock.Token{
		{Value: simpaymock.DefaultToken},
		{Value: "sms-list-only", Abilities: []string{simpaymock.AbilitySMSTransactions}},
	}})
	read := func(name, serviceID, id string) string {
		return `
data "simpay_sms_transaction" "` + name + `" {
  service_id = "` + serviceID + `"
  id         = ` + id + `
}
`
	}
	addr := "data.simpay_sms_transaction.used"
	checks := expectState(addr, smsTransactionFixture(2))
	checks = append(checks, stateString(addr, "service_id", "d151e4f9"),
		// The list shows the same transaction under the same attributes.
		statecheck.ExpectKnownValue("data.simpay_sms_transactions.all", tfjsonpath.New("transactions").AtSliceIndex(1),
			knownvalue.ObjectExact(smsTransactionFixture(2))))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: mock.config(read("gone", "d151e4f9", "99")),
				ExpectError: regexp.MustCompile(`(?s)SMS transaction not found.*\d+:\s+id\s+=\s+99.*` +
					`no\s+transaction\s+99\s+in\s+SMS\s+service\s+d151e4f9.*data.simpay_sms_transactions\s+lists`),
			},
			{
				Config: mock.config(read("gone", "deadbeef", "1")),
				ExpectError: regexp.MustCompile(`(?s)SMS service not found.*\d+:\s+service_id\s+=\s+"deadbeef".*` +
					`no\s+SMS\s+service\s+deadbeef`),
			},
			{
				Config: mock.configWith(`api_token = "sms-list-only"`, read("used", "d151e4f9", "2")),
				ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*reading\s+transaction\s+2\s+of\s+SMS\s+service\s+d151e4f9.*` +
					`the\s+ability\s+sms\.services\.transactions\.show\b`),
			},
			{
				PreConfig: mock.ResetRequests,
				Config: mock.config(read("used", "d151e4f9", "2") + `
data "simpay_sms_transactions" "all" {
  service_id = "d151e4f9"
}`),
				ConfigStateChecks: checks,
				Check: expectOnlyRequests(mock,
					"GET /sms/d151e4f9/transactions/2",
					"GET /sms/d151e4f9/transactions?limit=99&page=1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
