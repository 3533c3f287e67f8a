package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

const ptAddr = "simpay_payment_transaction.test"

// ptFullConfig sets every argument (testdata/payment_transaction_full.tf).
// amount and price are given as the caller spells them, so that "10" and
// "10.00" can be compared.
func ptFullConfig(amount, price, extra string) string {
	return testdataConfig("payment_transaction_full", map[string]string{"amount": amount, "price": price, "extra": extra})
}

// ptFullRequestBody is the body SimPay must receive for ptFullConfig("10", "4.5", "").
const ptFullRequestBody = `{"amount":10,"currency":"PLN","description":"Order 1001","control":"order-1001",` +
	`"customer":{"name":"Jan Kowalski","email":"jan@example.com","ip":"203.0.113.7","countryCode":"PL"},` +
	`"antifraud":{"useragent":"Mozilla/5.0","systemId":"customer-77","steamid":76561198000000000},` +
	`"billing":{"name":"Janusz","surname":"Kowalski","street":"Marszałkowska","building":"1","flat":"2","city":"Warszawa","postalCode":"00-001","country":"PL"},` +
	`"cart":[{"name":"T-shirt","quantity":2,"price":4.5},{"name":"Sticker","quantity":1,"price":1,"producer":"ACME","category":"merch","code":"STK-1"}],` +
	`"returns":{"success":"https://shop.example.com/paid","failure":"https://shop.example.com/failed","pending":"https://shop.example.com/pending"},` +
	`"directChannel":"blik","channels":["blik","mbank"],"channelTypes":{"blik":true,"cards":false,"postponed":false},"referer":"shop.example.com",` +
	`"commissionMode":"payer","context":{"accountCreatedAt":"2024-03-01T10:00:00+01:00","salesTotalCount":0,"salesTotalAmount":0.00,` +
	`"salesAvgAmount":0,"salesMaxAmount":0,"accountSetCurrency":"PLN","hasPreviousPurchases":false}}`

var (
	uuidV4Regexp      = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	redirectURLRegexp = regexp.MustCompile(`^https://pay\.simpay\.pl/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	payerIDRegexp     = regexp.MustCompile(`^[A-Z0-9]{8}$`)
)

// reportedAmount is the expected reported_amount of a new transaction.
func reportedAmount(value, currency, commissionCurrency, plnRate string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"value": knownvalue.StringExact(value), "currency": knownvalue.StringExact(currency),
		"commission": knownvalue.Null(), "commission_currency": knownvalue.StringExact(commissionCurrency),
		"original": knownvalue.ObjectExact(map[string]knownvalue.Check{
			"value": knownvalue.StringExact(value), "currency": knownvalue.StringExact(currency),
			"pln_rate": knownvalue.StringExact(plnRate),
		}),
	})
}

// createdAdditional is the additional_json of a transaction created through
// the API: SimPay's newer code reads "additional" (the SDK dialect sends [],
// PHP's empty array), the documents name none.
func createdAdditional(dialect simpaymock.Dialect) knownvalue.Check {
	return byDialect(dialect, map[simpaymock.Dialect]knownvalue.Check{
		simpaymock.DialectDocumented: knownvalue.Null(), simpaymock.DialectSDK: knownvalue.StringExact("[]"),
	})
}

// createdCount checks how many transactions the mock created and how many
// create requests it received.
func createdCount(mock *testMock, created, posts int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := mock.PaymentTransactionsCreated(); got != created {
			return fmt.Errorf("mock created %d payment transactions, want %d; requests: %q", got, created, mock.apiRequests())
		}
		if got := mock.CountRequests("POST", "/payment/*/transactions"); got != posts {
			return fmt.Errorf("mock received %d create requests, want %d; requests: %q", got, posts, mock.apiRequests())
		}
		return nil
	}
}

// TestAccPaymentTransactionResource creates a transaction with every
// argument, then checks that respelling amounts plans nothing, that timeouts
// change in place without a request, that a changed argument replaces, and
// that import restores what SimPay returns.
func TestAccPaymentTransactionResource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		clock := newTestClock(t, "2025-06-02T10:00:00+02:00")
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Now: clock.now})
		sameID := statecheck.CompareValue(compare.ValuesSame())
		newID := statecheck.CompareValue(compare.ValuesDiffer())
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(ptFullConfig("10", "4.5", "")),
					ConfigStateChecks: append(expectState(ptAddr, map[string]knownvalue.Check{
						"id":                   knownvalue.StringRegexp(uuidV4Regexp),
						"service_id":           knownvalue.StringExact("d151e4f9"),
						"amount":               knownvalue.StringExact("10"),
						"currency":             knownvalue.StringExact("PLN"),
						"description":          knownvalue.StringExact("Order 1001"),
						"control":              knownvalue.StringExact("order-1001"),
						"redirect_url":         knownvalue.StringRegexp(redirectURLRegexp),
						"status":               knownvalue.StringExact("transaction_new"),
						"channel":              knownvalue.StringExact("blik"),
						"payer_transaction_id": knownvalue.StringRegexp(payerIDRegexp),
						"paid_at":              knownvalue.Null(),
						"expires_at":           knownvalue.StringExact("2025-06-03T10:00:00+02:00"),
						"created_at":           knownvalue.StringExact("2025-06-02T10:00:00+02:00"),
						"updated_at":           knownvalue.StringExact("2025-06-02T10:00:00+02:00"),
						"reported_amount":      reportedAmount("10", "PLN", "PLN", "1"),
						"customer": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"name": knownvalue.StringExact("Jan Kowalski"), "email": knownvalue.StringExact("jan@example.com"),
							"ip": knownvalue.StringExact("203.0.113.7"), "country_code": knownvalue.StringExact("PL"),
						}),
						"cart": knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"name": knownvalue.StringExact("T-shirt"), "quantity": knownvalue.Int64Exact(2),
								"price": knownvalue.StringExact("4.5"), "producer": knownvalue.Null(),
								"category": knownvalue.Null(), "code": knownvalue.Null(),
							}),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"code": knownvalue.StringExact("STK-1")}),
						}),
						"channels": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("blik"), knownvalue.StringExact("mbank")}),
						"channel_types": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"blik": knownvalue.Bool(true), "cards": knownvalue.Bool(false), "transfer": knownvalue.Null(),
							"ewallets": knownvalue.Null(), "paypal": knownvalue.Null(), "paysafe": knownvalue.Null(), "latam": knownvalue.Null(),
							"postponed": knownvalue.Bool(false),
						}),
						"antifraud": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"useragent": knownvalue.StringExact("Mozilla/5.0"), "system_id": knownvalue.StringExact("customer-77"),
							"steamid": knownvalue.StringExact("76561198000000000"), "mcusername": knownvalue.Null(), "mcid": knownvalue.Null(),
						}),
						"return_urls": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"success": knownvalue.StringExact("https://shop.example.com/paid"),
							"failure": knownvalue.StringExact("https://shop.example.com/failed"),
							"pending": knownvalue.StringExact("https://shop.example.com/pending"),
						}),
						"commission_mode": knownvalue.StringExact("payer"),
						"context": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"account_created_at": knownvalue.StringExact("2024-03-01T10:00:00+01:00"),
							"sales_total_count":  knownvalue.Int64Exact(0), "sales_total_amount": knownvalue.StringExact("0.00"),
							"sales_avg_amount": knownvalue.StringExact("0"), "sales_max_amount": knownvalue.StringExact("0"),
							"account_set_currency": knownvalue.StringExact("PLN"), "has_previous_purchases": knownvalue.Bool(false),
						}),
						"additional_json": createdAdditional(dialect),
						"timeouts":        knownvalue.Null(),
					}), sameID.AddStateValue(ptAddr, tfjsonpath.New("id")), newID.AddStateValue(ptAddr, tfjsonpath.New("id"))),
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					Check: resource.ComposeTestCheckFunc(createdCount(mock, 1, 1), func(*terraform.State) error {
						for _, r := range mock.Requests() {
							if r.Method == "POST" {
								if r.Body != ptFullRequestBody {
									return fmt.Errorf("SimPay received\n%s\nwant\n%s", r.Body, ptFullRequestBody)
								}
							}
						}
						return nil
					}),
				},
				{
					// The same amounts spelt differently: nothing to do.
					Config: mock.config(ptFullConfig("10.00", "4.50", "")),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(ptAddr, tfjsonpath.New("amount"), knownvalue.StringExact("10")),
						statecheck.ExpectKnownValue(ptAddr, tfjsonpath.New("cart").AtSliceIndex(0).AtMapKey("price"), knownvalue.StringExact("4.5")),
						sameID.AddStateValue(ptAddr, tfjsonpath.New("id")),
					},
					Check: createdCount(mock, 1, 1),
				},
				{
					// timeouts change in place, and nothing is sent to SimPay.
					Config: mock.config(ptFullConfig("10.00", "4.50", `  timeouts = { create = "10m", read = "1m" }`)),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionUpdate)},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: append(expectState(ptAddr, map[string]knownvalue.Check{
						"timeouts": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"create": knownvalue.StringExact("10m"), "read": knownvalue.StringExact("1m"),
						}),
						"status": knownvalue.StringExact("transaction_new"),
					}), sameID.AddStateValue(ptAddr, tfjsonpath.New("id"))),
					Check: createdCount(mock, 1, 1),
				},
				{
					// Any other change is a new transaction.
					Config: mock.config(strings.Replace(ptFullConfig("10.00", "4.50", ""), "Order 1001", "Order 1002", 1)),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionReplace)},
					},
					ConfigStateChecks: append(expectState(ptAddr, map[string]knownvalue.Check{
						"description": knownvalue.StringExact("Order 1002"),
						"amount":      knownvalue.StringExact("10.00"),
					}), newID.AddStateValue(ptAddr, tfjsonpath.New("id"))),
					Check: createdCount(mock, 2, 2),
				},
				{
					// Import restores everything SimPay returns.
					ResourceName:      ptAddr,
					ImportState:       true,
					ImportStateIdFunc: importIDOf(ptAddr, "service_id", "id"),
					ImportStateVerify: true,
					ImportStateVerifyIgnore: []string{
						"antifraud", "direct_channel", "channels", "channel_types", "referer", "commission_mode", "context", "timeouts",
						"return_urls.pending",
						// Given only at creation.
						"redirect_url",
						// SimPay writes 10.00 back as 10 and 4.50 as 4.5: the same amounts.
						"amount", "cart.0.price",
					},
					ImportStateCheck: func(states []*terraform.InstanceState) error {
						for attr, want := range map[string]string{"amount": "10", "cart.0.price": "4.5"} {
							if got := states[0].Attributes[attr]; got != want {
								return fmt.Errorf("imported %s = %q, want SimPay's %q", attr, got, want)
							}
						}
						return nil
					},
				},
			},
		})
	})
}

// TestAccPaymentTransactionResourceRefresh checks that a refresh follows the
// status SimPay reports and that a transaction SimPay no longer returns is
// planned again.
func TestAccPaymentTransactionResourceRefresh(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		clock := newTestClock(t, "2025-06-02T10:00:00+02:00")
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Now: clock.now})
		cfg := mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "24.99"
}
`)
		var id string
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: cfg,
					Check: func(s *terraform.State) error {
						id = s.RootModule().Resources[ptAddr].Primary.ID
						return nil
					},
					ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{
						"status": knownvalue.StringExact("transaction_new"), "channel": knownvalue.Null(),
						"paid_at": knownvalue.Null(), "reported_amount": reportedAmount("24.99", "PLN", "PLN", "1"),
					}),
				},
				{
					PreConfig: func() {
						clock.advance(90 * time.Second)
						if err := mock.SetTransactionStatus("d151e4f9", id, "transaction_paid"); err != nil {
							t.Fatal(err)
						}
					},
					// Only computed values change: the refresh updates them and
					// the plan stays empty.
					Config:           cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{
						"status":     knownvalue.StringExact("transaction_paid"),
						"channel":    knownvalue.StringExact("blik"),
						"paid_at":    knownvalue.StringExact("2025-06-02T10:01:30+02:00"),
						"updated_at": knownvalue.StringExact("2025-06-02T10:01:30+02:00"),
						"created_at": knownvalue.StringExact("2025-06-02T10:00:00+02:00"),
						"reported_amount": knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"value": knownvalue.StringExact("24.99"), "commission": knownvalue.NotNull(),
						}),
						"amount": knownvalue.StringExact("24.99"),
					}),
				},
				{
					// A missing service is not a missing transaction (a token of
					// another account sees no service): an error, and the
					// transaction stays in state.
					PreConfig: func() {
						mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/*/transactions/*", Kind: simpaymock.FaultStatus,
							Status: 404, ErrorCode: "SERVICE_NOT_FOUND", Message: "Service not found", Times: 1})
					},
					Config: cfg,
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*no online-payment service d151e4f9.*` +
						`kept\s+in\s+state.*api_token\s+belongs\s+to\s+another\s+SimPay\s+account`),
				},
				{
					// A 404 ROUTE_NOT_FOUND (under "code" in the SDK dialect) is
					// a wrong base_url, never a transaction gone: an error, and
					// the transaction stays in state.
					PreConfig: func() {
						mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/*/transactions/*", Kind: simpaymock.FaultStatus,
							Status: 404, ErrorCode: "ROUTE_NOT_FOUND", Message: "Route not found.", Times: 1})
					},
					Config: cfg,
					ExpectError: regexp.MustCompile(`(?s)Unexpected answer from the SimPay API.*Check\s+that\s+base_url.*` +
						`points\s+at\s+SimPay's\s+API\s+root.*ROUTE_NOT_FOUND`),
				},
				{
					Config:           cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					Check: resource.ComposeTestCheckFunc(createdCount(mock, 1, 1), func(s *terraform.State) error {
						if got := s.RootModule().Resources[ptAddr].Primary.ID; got != id {
							return fmt.Errorf("id = %s after the failed refresh, want %s", got, id)
						}
						return nil
					}),
				},
				{
					// SimPay no longer has it: the refresh drops it and the plan
					// creates it again.
					PreConfig: func() {
						if err := mock.DeleteTransaction("d151e4f9", id); err != nil {
							t.Fatal(err)
						}
					},
					RefreshState:       true,
					ExpectNonEmptyPlan: true,
					RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionCreate),
					}},
				},
				{
					Config: cfg,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(ptAddr, tfjsonpath.New("status"), knownvalue.StringExact("transaction_new")),
					},
					Check: resource.ComposeTestCheckFunc(createdCount(mock, 2, 2), func(s *terraform.State) error {
						if got := s.RootModule().Resources[ptAddr].Primary.ID; got == id {
							return fmt.Errorf("the re-created transaction has the old id %s", id)
						}
						return nil
					}),
				},
			},
		})
		// The error envelope of the dialect: the code under "errorCode", or
		// under "code" where simpay-ecommerce (src/SimPayClient.php) reads it.
		checkDialectShape(t, mock, dialect, "/no/such/route", map[simpaymock.Dialect]string{
			simpaymock.DialectDocumented: `"errorCode":"ROUTE_NOT_FOUND"`, simpaymock.DialectSDK: `"code":"ROUTE_NOT_FOUND"`,
		})
	})
}

// TestAccPaymentTransactionResourceDestroy checks, with the terraform CLI,
// that the destroy plan and the destroy warn that SimPay keeps the
// transaction, that destroying sends no request, and that SimPay still has
// the transaction, unpaid.
func TestAccPaymentTransactionResourceDestroy(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		checkDestroyWarns(t, mock, mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
}
`), "payment transaction")
		c, err := client.New(client.Config{BaseURL: mock.URL, Token: simpaymock.DefaultToken})
		if err != nil {
			t.Fatal(err)
		}
		txs, err := c.ListPaymentTransactions(context.Background(), simpaymock.FixtureServiceID, client.ListOptions{})
		// SimPay lists the newest first.
		if err != nil || mock.PaymentTransactionsCreated() != 1 || txs[0].Status != "transaction_new" || txs[0].Amount != "10" {
			t.Fatalf("after destroy SimPay has %d created transactions, the newest %+v (%v); want the one, unpaid",
				mock.PaymentTransactionsCreated(), txs[0], err)
		}
	})
}
