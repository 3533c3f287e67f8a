package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
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

// ptFullConfig sets every argument. amount and price are given as the
// caller spells them, so that "10" and "10.00" can be compared.
func ptFullConfig(amount, price, extra string) string {
	return fmt.Sprintf(`
resource "simpay_payment_transaction" "test" {
  service_id  = "d151e4f9"
  amount      = %q
  description = "Order 1001"
  control     = "order-1001"
  customer = {
    name         = "Jan Kowalski"
    email        = "jan@example.com"
    ip           = "203.0.113.7"
    country_code = "PL"
  }
  antifraud = {
    useragent = "Mozilla/5.0"
    system_id = "customer-77"
    steamid   = "76561198000000000"
  }
  billing = {
    name        = "Janusz"
    surname     = "Kowalski"
    street      = "Marszałkowska"
    building    = "1"
    flat        = "2"
    city        = "Warszawa"
    postal_code = "00-001"
    country     = "PL"
  }
  cart = [
    { name = "T-shirt", quantity = 2, price = %q },
    { name = "Sticker", quantity = 1, price = "1", producer = "ACME", category = "merch", code = "STK-1" },
  ]
  return_urls = {
    success = "https://shop.example.com/paid"
    failure = "https://shop.example.com/failed"
    pending = "https://shop.example.com/pending"
  }
  direct_channel  = "blik"
  channels        = ["blik", "mbank"]
  channel_types   = { blik = true, cards = false, postponed = false }
  referer         = "shop.example.com"
  commission_mode = "payer"
  # A payer with an account but no purchase yet: 0 and false are sent.
  context = {
    account_created_at     = "2024-03-01T10:00:00+01:00"
    sales_total_count      = 0
    sales_total_amount     = "0.00"
    sales_avg_amount       = "0"
    sales_max_amount       = "0"
    account_set_currency   = "PLN"
    has_previous_purchases = false
  }
%s
}
`, amount, price, extra)
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

// ptReturnedConfig sets only arguments SimPay returns, so that an import
// restores all of them.
func ptReturnedConfig(extra string) string {
	return ptReturnedBlock("test", extra)
}

// ptReturnedBlock is ptReturnedConfig's resource under another name.
func ptReturnedBlock(name, extra string) string {
	return `
resource "simpay_payment_transaction" "` + name + `" {
  service_id  = "d151e4f9"
  amount      = "24.99"
  currency    = "EUR"
  control     = "order-2001"
  customer = {
    email        = "anna@example.com"
    country_code = "DE"
  }
  shipping = {
    name        = "Annabelle"
    city        = "Berlin"
    postal_code = "10115"
    country     = "DE"
  }
  cart = [
    { name = "Mug", quantity = 3, price = "8.33", code = "MUG-3" },
  ]
  return_urls = {
    success = "https://shop.example.com/paid"
  }
` + extra + `
}
`
}

// TestAccPaymentTransactionResourceImport imports with the terraform import
// command and with an import block, and checks the errors for a malformed id
// and for a transaction SimPay does not have.
func TestAccPaymentTransactionResourceImport(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		clock := newTestClock(t, "2025-06-02T10:00:00+02:00")
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Now: clock.now})
		imported := map[string]knownvalue.Check{
			"service_id":  knownvalue.StringExact("d151e4f9"),
			"amount":      knownvalue.StringExact("24.99"),
			"currency":    knownvalue.StringExact("EUR"),
			"control":     knownvalue.StringExact("order-2001"),
			"description": knownvalue.Null(),
			"customer": knownvalue.ObjectExact(map[string]knownvalue.Check{
				"name": knownvalue.Null(), "email": knownvalue.StringExact("anna@example.com"),
				"ip": knownvalue.Null(), "country_code": knownvalue.StringExact("DE"),
			}),
			"billing": knownvalue.Null(),
			"shipping": knownvalue.ObjectExact(map[string]knownvalue.Check{
				"name": knownvalue.StringExact("Annabelle"), "surname": knownvalue.Null(), "street": knownvalue.Null(),
				"building": knownvalue.Null(), "flat": knownvalue.Null(), "city": knownvalue.StringExact("Berlin"),
				"region": knownvalue.Null(), "postal_code": knownvalue.StringExact("10115"), "country": knownvalue.StringExact("DE"),
				"company": knownvalue.Null(),
			}),
			"cart": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
				"name": knownvalue.StringExact("Mug"), "quantity": knownvalue.Int64Exact(3), "price": knownvalue.StringExact("8.33"),
				"producer": knownvalue.Null(), "category": knownvalue.Null(), "code": knownvalue.StringExact("MUG-3"),
			})}),
			"return_urls":     returnURLsCheck("https://shop.example.com/paid", ""),
			"additional_json": createdAdditional(dialect),
			"commission_mode": knownvalue.Null(),
			"context":         knownvalue.Null(),
			"status":          knownvalue.StringExact("transaction_new"),
			"reported_amount": reportedAmount("24.99", "EUR", "EUR", "4.3238"),
			"created_at":      knownvalue.StringExact("2025-06-02T10:00:00+02:00"),
			"antifraud":       knownvalue.Null(),
			"direct_channel":  knownvalue.Null(),
			"redirect_url":    knownvalue.Null(),
		}
		var importChecks []plancheck.PlanCheck
		for attr, check := range imported {
			importChecks = append(importChecks, plancheck.ExpectKnownValue(ptAddr, tfjsonpath.New(attr), check))
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config:            mock.config(ptReturnedConfig("")),
					ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{"currency": knownvalue.StringExact("EUR")}),
					ConfigPlanChecks:  resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
				{
					ResourceName:  ptAddr,
					ImportState:   true,
					ImportStateId: "d151e4f9:1d87a1b3-18f8-4146-bcb1-c0c9f293b04f",
					ExpectError: regexp.MustCompile(`(?s)Invalid import id for simpay_payment_transaction.*expected 2.*` +
						`The import id must be\s+service_id/transaction_id, for example\s+"d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"`),
				},
				{
					ResourceName:  ptAddr,
					ImportState:   true,
					ImportStateId: "d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f%2F",
					ExpectError:   regexp.MustCompile(`(?s)transaction_id\s+"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f%2F"\s+is\s+not\s+in\s+SimPay's\s+format`),
				},
				{
					// A transaction SimPay does not have.
					ResourceName:  ptAddr,
					ImportState:   true,
					ImportStateId: "d151e4f9/00000000-0000-4000-8000-000000000000",
					ExpectError:   regexp.MustCompile(`Cannot import non-existent remote object`),
				},
				{
					ResourceName:            ptAddr,
					ImportState:             true,
					ImportStateIdFunc:       importIDOf(ptAddr, "service_id", "id"),
					ImportStateVerify:       true,
					ImportStateVerifyIgnore: []string{"redirect_url"},
				},
				{
					// An import block with the same configuration plans nothing
					// beyond the import itself.
					ResourceName:      ptAddr,
					ImportState:       true,
					ImportStateKind:   resource.ImportBlockWithID,
					ImportStateIdFunc: importIDOf(ptAddr, "service_id", "id"),
					ImportPlanChecks: resource.ImportPlanChecks{PreApply: append(importChecks,
						plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionNoop))},
				},
				{
					// Arguments SimPay does not return are recorded in place
					// after an import, not a reason to replace the payment.
					ResourceName:      ptAddr,
					ImportState:       true,
					ImportStateKind:   resource.ImportBlockWithID,
					ImportStateIdFunc: importIDOf(ptAddr, "service_id", "id"),
					Config: mock.config(strings.Replace(ptReturnedConfig(`  antifraud = { useragent = "Mozilla/5.0", system_id = "customer-9" }
  referer = "shop.example.com"
  commission_mode = "merchant"
  context = { sales_total_count = 3, sales_max_amount = "99.90", has_previous_purchases = true }`),
						`success = "https://shop.example.com/paid"`,
						`success = "https://shop.example.com/paid"`+"\n    pending = \"https://shop.example.com/wait\"", 1)),
					ExpectNonEmptyPlan: true,
					ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(ptAddr, tfjsonpath.New("antifraud").AtMapKey("useragent"), knownvalue.StringExact("Mozilla/5.0")),
						plancheck.ExpectKnownValue(ptAddr, tfjsonpath.New("antifraud").AtMapKey("system_id"), knownvalue.StringExact("customer-9")),
						plancheck.ExpectKnownValue(ptAddr, tfjsonpath.New("referer"), knownvalue.StringExact("shop.example.com")),
						plancheck.ExpectKnownValue(ptAddr, tfjsonpath.New("commission_mode"), knownvalue.StringExact("merchant")),
						plancheck.ExpectKnownValue(ptAddr, tfjsonpath.New("context").AtMapKey("sales_max_amount"), knownvalue.StringExact("99.90")),
						plancheck.ExpectKnownValue(ptAddr, tfjsonpath.New("return_urls").AtMapKey("pending"),
							knownvalue.StringExact("https://shop.example.com/wait")),
					}},
				},
				{
					// An argument SimPay does return, but has no value for, is a
					// different transaction: replace.
					ResourceName:       ptAddr,
					ImportState:        true,
					ImportStateKind:    resource.ImportBlockWithID,
					ImportStateIdFunc:  importIDOf(ptAddr, "service_id", "id"),
					Config:             mock.config(ptReturnedConfig(`  description = "Not what SimPay has"`)),
					ExpectNonEmptyPlan: true,
					ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionReplace),
					}},
				},
			},
		})
	})
}

// TestAccPaymentTransactionResourceImportThenRecord imports a transaction
// with an import block in the configuration, records the arguments SimPay
// does not return with an in-place update that sends nothing, and then
// treats the resource like one it created.
func TestAccPaymentTransactionResourceImportThenRecord(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		original := `
resource "simpay_payment_transaction" "original" {
  service_id     = "d151e4f9"
  amount         = "15"
  customer       = { ip = "203.0.113.7", country_code = "PL" }
  antifraud      = { useragent = "Mozilla/5.0" }
  direct_channel = "blik"
}
`
		imported := func(referer string) string {
			return original + fmt.Sprintf(`
import {
  to = simpay_payment_transaction.copy
  id = "d151e4f9/${simpay_payment_transaction.original.id}"
}

resource "simpay_payment_transaction" "copy" {
  service_id     = "d151e4f9"
  amount         = "15.00"
  customer       = { ip = "203.0.113.7", country_code = "PL" }
  antifraud      = { useragent = "Mozilla/5.0" }
  direct_channel = "blik"
  referer        = %q
}
`, referer)
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{Config: mock.config(original), Check: createdCount(mock, 1, 1)},
				{
					Config: mock.config(imported("shop.example.com")),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("simpay_payment_transaction.original", plancheck.ResourceActionNoop),
							plancheck.ExpectResourceAction("simpay_payment_transaction.copy", plancheck.ResourceActionUpdate),
						},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.CompareValuePairs("simpay_payment_transaction.original", tfjsonpath.New("id"),
							"simpay_payment_transaction.copy", tfjsonpath.New("id"), compare.ValuesSame()),
						statecheck.ExpectKnownValue("simpay_payment_transaction.copy", tfjsonpath.New("amount"), knownvalue.StringExact("15")),
						statecheck.ExpectKnownValue("simpay_payment_transaction.copy", tfjsonpath.New("direct_channel"), knownvalue.StringExact("blik")),
						statecheck.ExpectKnownValue("simpay_payment_transaction.copy", tfjsonpath.New("referer"), knownvalue.StringExact("shop.example.com")),
						statecheck.ExpectKnownValue("simpay_payment_transaction.copy", tfjsonpath.New("antifraud"),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"useragent": knownvalue.StringExact("Mozilla/5.0")})),
						statecheck.ExpectKnownValue("simpay_payment_transaction.copy", tfjsonpath.New("channel"), knownvalue.StringExact("blik")),
					},
					Check: createdCount(mock, 1, 1),
				},
				{
					// Once recorded, a change is a new transaction again.
					Config: mock.config(imported("other.example.com")),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("simpay_payment_transaction.copy", plancheck.ResourceActionReplace),
						},
					},
					Check: createdCount(mock, 2, 2),
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

// TestAccPaymentTransactionResourcePlanTimeValidation checks that the
// constraints SimPay documents fail the plan, before any request.
func TestAccPaymentTransactionResourcePlanTimeValidation(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	step := func(body string, want string) resource.TestStep {
		return resource.TestStep{
			Config:   mock.config("resource \"simpay_payment_transaction\" \"test\" {\n  service_id = \"d151e4f9\"\n" + body + "\n}\n"),
			PlanOnly: true,
			// Terraform wraps long lines: any space may be a line break.
			ExpectError: regexp.MustCompile(strings.ReplaceAll(want, " ", `\s+`)),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			step(`amount = "10"
direct_channel = "blik"`,
				`(?s)direct_channel needs customer.ip, customer.country_code and antifraud.useragent.*`+
					`Missing:\s+customer.ip,\s+customer.country_code\s+and\s+antifraud.useragent`),
			step(`amount = "10"
direct_channel = "blik"
customer = { ip = "203.0.113.7", country_code = "PL" }
antifraud = { steamid = "76561198000000000" }`,
				`(?s)direct_channel needs.*Missing:\s+antifraud.useragent\.`),
			step(`amount = "10"
direct_channel = "blik"
customer = { ip = "203.0.113.7" }
antifraud = { useragent = "Mozilla/5.0" }`,
				`(?s)direct_channel needs.*Missing:\s+customer.country_code\.`),
			step(`amount = "10"
commission_mode = "shop"`, `(?s)Attribute commission_mode value must be one of: \["merchant" "payer"\], got: "shop"`),
			step(`amount = "10"
context = { account_created_at = "2024-03-01" }`, `(?s)Attribute context.account_created_at must be an RFC 3339 timestamp`),
			step(`amount = "10"
context = { sales_total_count = -1 }`, `(?s)Attribute context.sales_total_count value must be at least 0, got: -1`),
			step(`amount = "10"
context = { sales_avg_amount = "-0.01" }`, `(?s)Attribute context.sales_avg_amount must be at least 0, got "-0.01"`),
			step(`amount = "10"
context = { account_set_currency = "zł" }`, `(?s)Attribute context.account_set_currency must be an ISO 4217 currency code`),
			step(`amount = "10"
return_urls = { pending = "/pending" }`, `(?s)Attribute return_urls.pending must be an absolute http\(s\) URL`),
			step(`amount = "0.99"`, `(?s)Attribute amount must be at least 1, got "0.99"`),
			step(`amount = "10.001"`, `(?s)Attribute amount must have at most 2 decimal places`),
			step(`amount = "1e3"`, `(?s)Invalid decimal amount`),
			step(`amount = "10"
currency = "pln"`, `(?s)ISO 4217.*write it in upper case: "PLN"`),
			step(`amount = "10"
description = "`+strings.Repeat("ą", 65)+`"`, `(?s)Attribute description UTF-8 character count must be between 1 and 64, got: 65`),
			step(`amount = "10"
control = ""`, `(?s)Attribute control UTF-8 character count must be between 1 and 255, got: 0`),
			step(`amount = "10"
customer = { email = "jan@" }`, `(?s)Attribute customer.email must be a plain email address`),
			step(`amount = "10"
customer = { country_code = "UK" }`, `(?s)Attribute customer.country_code must be an ISO 3166-1 alpha-2.*the United Kingdom is "GB"`),
			step(`amount = "10"
customer = {}`, `(?s)Attribute customer has no attribute set`),
			step(`amount = "10"
billing = { name = "Jan" }`, `(?s)Attribute billing.name: SimPay takes a name of 5 to 64 characters, this one has 3`),
			step(`amount = "10"
shipping = { name = "Janusz", building = "12345678901234567" }`,
				`(?s)Attribute shipping.building UTF-8 character count must be between 1 and 16, got: 17`),
			step(`amount = "10"
cart = [{ name = "ab", quantity = 1, price = "1" }]`, `(?s)Attribute cart\[0\].name UTF-8 character count must be between 3 and 64`),
			step(`amount = "10"
cart = [{ name = "Mug", quantity = 0, price = "1" }]`, `(?s)Attribute cart\[0\].quantity value must be at least 1, got: 0`),
			step(`amount = "10"
cart = [{ name = "Mug", quantity = 1, price = "0.001" }]`, `(?s)Attribute cart\[0\].price must have at most 2 decimal places`),
			step(`amount = "10"
cart = [{ name = "Mug", quantity = 1, price = "0" }]`, `(?s)Attribute cart\[0\].price must be at least 0.01, got "0"`),
			step(`amount = "10"
cart = []`, `(?s)Attribute cart list must contain at least 1 elements`),
			step(`amount = "10"
return_urls = { success = "ftp://shop.example.com" }`, `(?s)absolute http\(s\) URL`),
			step(`amount = "10"
channels = ["blik", "blik"]`, `(?s)Duplicate List Value.*channels = \["blik", "blik"\].*duplicate values of: "blik"`),
			step(`amount = "10"
referer = "short"`, `(?s)Attribute referer UTF-8 character count must be between 6 and 64, got: 5`),
			step(`amount = "10"
antifraud = { steamid = "STEAM_0:1:1" }`, `(?s)must be a SteamID64`),
			{
				// Values known only at apply do not fail the plan.
				PreConfig: func() {
					if reqs := mock.apiRequests(); len(reqs) != 0 {
						t.Fatalf("invalid configurations reached SimPay: %q", reqs)
					}
				},
				Config: mock.config(`
resource "terraform_data" "payer" {
  input = { ip = "203.0.113.7", ua = "Mozilla/5.0" }
}

resource "simpay_payment_transaction" "test" {
  service_id     = "d151e4f9"
  amount         = "10"
  customer       = { ip = terraform_data.payer.output.ip, country_code = "PL" }
  antifraud      = { useragent = terraform_data.payer.output.ua }
  direct_channel = "blik"
}
`),
				ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{
					"customer": knownvalue.ObjectPartial(map[string]knownvalue.Check{"ip": knownvalue.StringExact("203.0.113.7")}),
					"channel":  knownvalue.StringExact("blik"),
				}),
				Check: createdCount(mock, 1, 1),
			},
		},
	})
}

// TestAccPaymentTransactionResourceAPIErrors checks that SimPay's 422 field
// errors name the attributes they are about, and a missing service.
func TestAccPaymentTransactionResourceAPIErrors(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					// A currency the service does not list (KRW is valid ISO
					// 4217) fails at plan, from SimPay's list of the service's
					// currencies; nothing is sent.
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id     = "d151e4f9"
  amount         = "10"
  currency       = "KRW"
}
`),
					ExpectError: regexp.MustCompile(`(?s)Currency not accepted by the payment service.*with simpay_payment_transaction.test,.*` +
						`currency\s+=\s+"KRW".*accepts\s+only\s+PLN,\s+EUR\s+and\s+ARS.*Nothing\s+was\s+sent`),
				},
				{
					// The mock accepts only the service's channels; a channel
					// that is not one is SimPay's to refuse, on the attribute.
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id     = "d151e4f9"
  amount         = "10"
  customer       = { ip = "203.0.113.7", country_code = "PL" }
  antifraud      = { useragent = "Mozilla/5.0" }
  direct_channel = "nope"
  channels       = ["blik", "nope"]
}
`),
					ExpectError: regexp.MustCompile(`(?s)` +
						`Invalid value rejected by SimPay.*with simpay_payment_transaction.test,.*direct_channel\s+=\s+"nope".*directChannel:\s+The\s+selected\s+direct\s+channel\s+is\s+invalid`),
				},
				{
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
  channels   = ["blik", "nope"]
}
`),
					ExpectError: regexp.MustCompile(`(?s)Invalid value rejected by SimPay.*channels\s+=\s+\["blik", "nope"\].*channels.1:\s+The\s+selected\s+channels.1\s+is\s+invalid`),
				},
				{
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "deadbeef"
  amount     = "10"
}
`),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*service_id\s+=\s+"deadbeef".*no online-payment service deadbeef`),
				},
				{
					// SimPay's 422 about the newer request fields points at
					// their attributes; the code comes under the dialect's
					// name for it.
					PreConfig: func() {
						code := map[simpaymock.Dialect]string{simpaymock.DialectDocumented: "errorCode", simpaymock.DialectSDK: "code"}[dialect]
						mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions", Kind: simpaymock.FaultStatus,
							Status: 422, Times: 1, Body: `{"success":false,"` + code + `":"VALIDATION_ERROR","message":"The given data was invalid.",` +
								`"errors":{"context.salesMaxAmount":["The context.sales max amount must be at least the average."],` +
								`"returns.pending":["The returns.pending must be a valid URL."]}}`})
					},
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id  = "d151e4f9"
  amount      = "10"
  return_urls = { pending = "https://shop.example.com/wait" }
  context     = { sales_avg_amount = "50", sales_max_amount = "20" }
}
`),
					// Terraform 1.15 prints diagnostics in the order of the
					// configuration lines, older CLIs in the provider's: either
					// order will do.
					ExpectError: eitherOrder(
						`Invalid value rejected by SimPay.*Attribute\s+context.sales_max_amount:.*context.salesMaxAmount:\s+The\s+context.sales\s+max\s+amount`,
						`Invalid value rejected by SimPay.*Attribute\s+return_urls.pending:.*returns.pending:\s+The\s+returns.pending\s+must`),
				},
				{
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
}
`),
					Check: createdCount(mock, 1, 5),
				},
			},
		})
	})
}

// TestAccPaymentTransactionResourceRateLimited checks that a 429 on create
// is retried after Retry-After and creates exactly one transaction.
func TestAccPaymentTransactionResourceRateLimited(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions", Kind: simpaymock.FaultStatus,
			Status: 429, RetryAfter: "1", Times: 1})
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
}
`),
				ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{
					"id": knownvalue.StringRegexp(uuidV4Regexp), "status": knownvalue.StringExact("transaction_new"),
				}),
				Check: createdCount(mock, 1, 2),
			}},
		})
	})
}

// TestAccPaymentTransactionResourceOutcomeUnknown drops the connection after
// SimPay created the transaction: the create is not re-sent, the error says
// how to find and import it, and importing it as told tracks the one payment.
func TestAccPaymentTransactionResourceOutcomeUnknown(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions", Kind: simpaymock.FaultDropConnection,
			AfterHandler: true, Times: 1})
		body := `
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
  control    = "order-3001"
}
`
		// Find the transaction as the error message says: by its control value.
		findByControl := lazyVariable(func() (string, error) {
			retries := 0
			c, err := client.New(client.Config{BaseURL: mock.URL, Token: simpaymock.DefaultToken, MaxRetries: &retries})
			if err != nil {
				return "", err
			}
			txs, err := c.ListPaymentTransactions(context.Background(), "d151e4f9", client.ListOptions{})
			if err != nil {
				return "", err
			}
			for _, tx := range txs {
				if tx.Control != nil && *tx.Control == "order-3001" {
					return tx.ID, nil
				}
			}
			return "", fmt.Errorf("no transaction with control order-3001")
		})
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(body),
					ExpectError: regexp.MustCompile(`(?s)The SimPay payment transaction may have been created.*` +
						`did\s+not\s+send\s+it\s+again.*create\s+a\s+second\s+payment\s+transaction.*Do\s+not\s+simply\s+apply\s+again.*` +
						`control\s+value\s+"order-3001".*data.simpay_payment_transactions.*` +
						`terraform\s+import\s+simpay_payment_transaction.<name>\s+d151e4f9/<transaction_id>.*` +
						`id\s+=\s+"d151e4f9/<transaction_id>"`),
				},
				{
					PreConfig: func() {
						if err := createdCount(mock, 1, 1)(nil); err != nil {
							t.Fatal(err)
						}
					},
					Config: mock.config(body + `
variable "transaction_id" {
  type = string
}

import {
  to = simpay_payment_transaction.test
  id = "d151e4f9/${var.transaction_id}"
}
`),
					ConfigVariables: config.Variables{"transaction_id": findByControl},
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionNoop)},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{
						"control": knownvalue.StringExact("order-3001"), "amount": knownvalue.StringExact("10"),
						"status": knownvalue.StringExact("transaction_new"),
					}),
					Check: createdCount(mock, 1, 1),
				},
			},
		})
	})
}

// TestAccPaymentTransactionResourceReadAfterCreateFails makes the read that
// follows a successful create fail: the transaction stays in state, tainted.
func TestAccPaymentTransactionResourceReadAfterCreateFails(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/*/transactions/*", Kind: simpaymock.FaultStatus,
			Status: 500, Times: 1})
		cfg := mock.configWith(`api_token = "`+simpaymock.DefaultToken+`"
  max_retries = 0`, `
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
}
`)
		// The id of the created transaction: the one whose read failed.
		failedID := func() string {
			for _, r := range mock.Requests() {
				if r.Method == "GET" && r.Fault != "" {
					return r.Path[strings.LastIndex(r.Path, "/")+1:]
				}
			}
			return ""
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: cfg,
					ExpectError: regexp.MustCompile(`(?s)SimPay created the payment transaction but it could not be read back.*` +
						`SimPay\s+created\s+transaction\s+[0-9a-f-]{36}\s+of\s+payment\s+service\s+d151e4f9.*tainted.*` +
						`terraform\s+untaint\s+simpay_payment_transaction.<name>.*SimPay\s+answered\s+500`),
				},
				{
					Config: cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionReplace),
						expectTainted{addr: ptAddr, id: failedID},
					}},
					ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{"status": knownvalue.StringExact("transaction_new")}),
					Check:             createdCount(mock, 2, 2),
				},
			},
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

func TestPaymentTransactionFieldPath(t *testing.T) {
	for field, want := range map[string]path.Path{
		"amount":                       path.Root("amount"),
		"currency":                     path.Root("currency"),
		"customer":                     path.Root("customer"),
		"customer.email":               path.Root("customer").AtName("email"),
		"customer.countryCode":         path.Root("customer").AtName("country_code"),
		"antifraud.useragent":          path.Root("antifraud").AtName("useragent"),
		"billing.postalCode":           path.Root("billing").AtName("postal_code"),
		"shipping.name":                path.Root("shipping").AtName("name"),
		"cart":                         path.Root("cart"),
		"cart.0":                       path.Root("cart").AtListIndex(0),
		"cart.0.price":                 path.Root("cart").AtListIndex(0).AtName("price"),
		"cart.12.name":                 path.Root("cart").AtListIndex(12).AtName("name"),
		"cart.x.name":                  path.Root("cart"),
		"returns.success":              path.Root("return_urls").AtName("success"),
		"returns":                      path.Root("return_urls"),
		"directChannel":                path.Root("direct_channel"),
		"channels":                     path.Root("channels"),
		"channels.1":                   path.Root("channels").AtListIndex(1),
		"channelTypes.blik":            path.Root("channel_types").AtName("blik"),
		"referer":                      path.Root("referer"),
		"customer.unknownField":        path.Root("customer"),
		"antifraud.systemId":           path.Root("antifraud").AtName("system_id"),
		"returns.pending":              path.Root("return_urls").AtName("pending"),
		"channelTypes.postponed":       path.Root("channel_types").AtName("postponed"),
		"commissionMode":               path.Root("commission_mode"),
		"context":                      path.Root("context"),
		"context.accountCreatedAt":     path.Root("context").AtName("account_created_at"),
		"context.salesTotalCount":      path.Root("context").AtName("sales_total_count"),
		"context.salesTotalAmount":     path.Root("context").AtName("sales_total_amount"),
		"context.salesAvgAmount":       path.Root("context").AtName("sales_avg_amount"),
		"context.salesMaxAmount":       path.Root("context").AtName("sales_max_amount"),
		"context.accountSetCurrency":   path.Root("context").AtName("account_set_currency"),
		"context.hasPreviousPurchases": path.Root("context").AtName("has_previous_purchases"),
	} {
		got, ok := paymentTransactionFieldPath(field)
		if !ok || !got.Equal(want) {
			t.Errorf("paymentTransactionFieldPath(%q) = %s, %v; want %s", field, got, ok, want)
		}
	}
	for _, field := range []string{"", "serviceId", "Amount", "returnUrls"} {
		if got, ok := paymentTransactionFieldPath(field); ok {
			t.Errorf("paymentTransactionFieldPath(%q) = %s, want no attribute", field, got)
		}
	}
}

// TestDirectChannelWithoutCountryCodeFailsAtPlan runs the terraform CLI on
// a direct_channel transaction whose customer, from a variable, has no
// country_code: terraform validate cannot know the variable and passes, and
// terraform plan refuses it, naming customer.country_code, before any
// request reaches SimPay.
func TestDirectChannelWithoutCountryCodeFailsAtPlan(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, mock.config(`
variable "customer" {
  type = object({
    ip           = string
    country_code = optional(string)
  })
  default = { ip = "203.0.113.7" }
}

resource "simpay_payment_transaction" "blik" {
  service_id     = "d151e4f9"
  amount         = "50"
  direct_channel = "blik"
  customer       = var.customer
  antifraud      = { useragent = "Mozilla/5.0" }
}
`))
	ctx := t.Context()
	if out, errOut, err := cli.Run(ctx, "validate", "-no-color"); err != nil {
		t.Fatalf("terraform validate refused what it cannot know yet: %v\n%s%s", err, out, errOut)
	}
	out, errOut, err := cli.Run(ctx, "plan", "-input=false", "-no-color")
	if err == nil {
		t.Fatalf("terraform plan accepted direct_channel without customer.country_code:\n%s", out)
	}
	want := regexp.MustCompile(`(?s)Error: direct_channel needs customer.ip, customer.country_code and\s+antifraud.useragent.*` +
		`direct_channel\s+=\s+"blik".*country\s+\(customer.country_code,.*Missing:\s+customer.country_code\.\s+Set\s+them`)
	if !want.MatchString(errOut) {
		t.Errorf("the plan's error does not name customer.country_code as missing:\n%s", errOut)
	}
	if reqs := mock.apiRequests(); len(reqs) != 0 {
		t.Errorf("the plan sent %d request(s) to SimPay, want none: %q", len(reqs), reqs)
	}
}
