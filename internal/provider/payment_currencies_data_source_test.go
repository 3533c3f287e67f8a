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

func currencyObject(iso, rate, table, prefix, suffix, updated string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"iso":        knownvalue.StringExact(iso),
		"pln_rate":   knownvalue.StringExact(rate),
		"nbp_table":  knownvalue.StringExact(table),
		"prefix":     stringOrNullCheck(prefix),
		"suffix":     stringOrNullCheck(suffix),
		"updated_at": knownvalue.StringExact(updated),
	})
}

func TestAccPaymentCurrenciesDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		const updated = "2025-05-10T13:04:32+02:00"
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_payment_currencies" "test" {
  service_id = "0badf00d"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*SimPay has no online-payment service\s+0badf00d`),
				},
				{
					Config: mock.config(`
data "simpay_payment_currencies" "test" {
  service_id = "d151e4f"
}`),
					ExpectError: regexp.MustCompile(`(?s)Attribute service_id must be a SimPay service id`),
				},
				{
					Config: mock.config(`
data "simpay_payment_currencies" "test" {
  service_id = "d151e4f9"
}
data "simpay_payment_currencies" "none" {
  service_id = "a1b2c3d4"
}

output "eur_rate" {
  value = data.simpay_payment_currencies.test.pln_rates["EUR"]
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						// The seeds' example, with the rates' trailing zeros kept and
						// SimPay's null prefix or suffix null.
						statecheck.ExpectKnownValue("data.simpay_payment_currencies.test", tfjsonpath.New("currencies"), knownvalue.ListExact([]knownvalue.Check{
							currencyObject("PLN", "1.0000000000", "A", "", " zł", updated),
							currencyObject("EUR", "4.3238000000", "A", "€", "", updated),
							currencyObject("ARS", "0.0034150000", "B", "ARS$", "", updated),
						})),
						statecheck.ExpectKnownValue("data.simpay_payment_currencies.test", tfjsonpath.New("pln_rates"), knownvalue.MapExact(map[string]knownvalue.Check{
							"PLN": knownvalue.StringExact("1.0000000000"),
							"EUR": knownvalue.StringExact("4.3238000000"),
							"ARS": knownvalue.StringExact("0.0034150000"),
						})),
						statecheck.ExpectKnownOutputValue("eur_rate", knownvalue.StringExact("4.3238000000")),
						// A service without currencies: empty, never null.
						statecheck.ExpectKnownValue("data.simpay_payment_currencies.none", tfjsonpath.New("currencies"), knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectKnownValue("data.simpay_payment_currencies.none", tfjsonpath.New("pln_rates"), knownvalue.MapExact(map[string]knownvalue.Check{})),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// TestAccPaymentCurrenciesDataSourceSparse reads a currency list with the
// optional fields missing: nbp_table absent is null, and a currency without a
// rate stays in currencies but is left out of pln_rates.
func TestAccPaymentCurrenciesDataSourceSparse(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/d151e4f9/currencies", Kind: simpaymock.FaultStatus, Status: 200,
			Body: `{"success":true,"data":[` +
				`{"iso":"USD","pln_rate":"3.9512000000","prefix":"$","suffix":null,"updated_at":"2025-05-10 13:04:32"},` +
				`{"iso":"XTS","pln_rate":null,"nbp_table":null,"prefix":null,"suffix":null,"updated_at":"2025-05-10T13:04:32+02:00","new_field":1}]}`})
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_payment_currencies" "test" {
  service_id = "d151e4f9"
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_payment_currencies.test", tfjsonpath.New("currencies"), knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"iso": knownvalue.StringExact("USD"), "pln_rate": knownvalue.StringExact("3.9512000000"),
								"nbp_table": knownvalue.Null(), "prefix": knownvalue.StringExact("$"), "suffix": knownvalue.Null(),
								// Warsaw time without an offset becomes RFC 3339 (CEST in May).
								"updated_at": knownvalue.StringExact("2025-05-10T13:04:32+02:00"),
							}),
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"iso": knownvalue.StringExact("XTS"), "pln_rate": knownvalue.Null(),
								"nbp_table": knownvalue.Null(), "prefix": knownvalue.Null(), "suffix": knownvalue.Null(),
								"updated_at": knownvalue.StringExact("2025-05-10T13:04:32+02:00"),
							}),
						})),
						statecheck.ExpectKnownValue("data.simpay_payment_currencies.test", tfjsonpath.New("pln_rates"), knownvalue.MapExact(map[string]knownvalue.Check{
							"USD": knownvalue.StringExact("3.9512000000"),
						})),
					},
				},
			},
		})
	})
}
