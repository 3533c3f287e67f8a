package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// ptReturnedConfig sets only arguments SimPay returns, so that an import
// restores all of them.
func ptReturnedConfig(extra string) string {
	return ptReturnedBlock("test", extra)
}

// ptReturnedBlock is ptReturnedConfig's resource under another name
// (testdata/payment_transaction_returned.tf).
func ptReturnedBlock(name, extra string) string {
	return testdataConfig("payment_transaction_returned", map[string]string{"name": name, "extra": extra})
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
