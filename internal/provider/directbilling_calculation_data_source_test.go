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

func operatorAmount(net, gross string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"net":   knownvalue.StringExact(net),
		"gross": knownvalue.StringExact(gross),
	})
}

// withNetia is operators with netia added in the SDK dialect, the only one
// that prices it.
func withNetia(dialect simpaymock.Dialect, netia knownvalue.Check, operators map[string]knownvalue.Check) map[string]knownvalue.Check {
	if dialect == simpaymock.DialectSDK {
		operators["netia"] = netia
	}
	return operators
}

func TestAccDirectBillingCalculationDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingCalculationDataSource)
}

func testAccDirectBillingCalculationDataSource(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	example := "data.simpay_directbilling_calculation.example"
	all := "data.simpay_directbilling_calculation.all"
	calc := func(serviceID, amount string) string {
		return mock.config(`
data "simpay_directbilling_calculation" "test" {
  service_id = "` + serviceID + `"
  amount     = "` + amount + `"
}`)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: calc("deadbeef", "200"),
				// Attributed to service_id: Terraform quotes that line.
				ExpectError: regexp.MustCompile(`(?s)DirectBilling service not found.*\d+:\s+service_id\s+=\s+"deadbeef".*no\s+DirectBilling\s+service\s+deadbeef.*simpay_directbilling_services`),
			},
			{
				Config:      calc("d151e4f9", "0"),
				ExpectError: regexp.MustCompile(`(?s)Attribute amount must be at least 0\.01, got "0"`),
			},
			{
				Config:      calc("d151e4f9", "-5"),
				ExpectError: regexp.MustCompile(`(?s)Attribute amount must be at least 0\.01, got "-5"`),
			},
			{
				Config:      calc("d151e4f9", "1.005"),
				ExpectError: regexp.MustCompile(`(?s)Attribute amount must have at most 2 decimal places.*got\s+"1\.005"`),
			},
			{
				Config:      calc("d151e4f9", "12,50"),
				ExpectError: regexp.MustCompile(`(?s)Invalid decimal amount`),
			},
			{
				Config:      calc("D151E4F9", "200"),
				ExpectError: regexp.MustCompile(`(?s)Attribute service_id must be a SimPay service id`),
			},
			{
				// A limit SimPay enforces and the provider does not know is
				// reported against amount.
				PreConfig: func() {
					mock.AddFault(simpaymock.Fault{
						Method: "GET", Path: "/directbilling/d151e4f9/calculate", Kind: simpaymock.FaultStatus, Status: 422, Times: 1,
						Body: `{"success":false,"errorCode":"VALIDATION_ERROR","errors":{"amount":["The amount may not be greater than 5000."]}}`,
					})
				},
				Config:      calc("d151e4f9", "9000"),
				ExpectError: regexp.MustCompile(`(?s)Invalid value rejected by SimPay.*\d+:\s+amount\s+=\s+"9000".*calculating\s+the\s+DirectBilling\s+price\s+of\s+9000\s+for\s+service\s+d151e4f9:\s+amount:\s+The\s+amount\s+may\s+not\s+be\s+greater\s+than\s+5000\.`),
			},
			{
				// SimPay's example: T-Mobile and Plus take no payment this
				// large and are null, and not in operators. "100.00" is sent
				// as written. Netia is priced in the SDK dialect only.
				PreConfig: mock.ResetRequests,
				Config: mock.config(`
data "simpay_directbilling_calculation" "example" {
  service_id = "d151e4f9"
  amount     = "200"
}
data "simpay_directbilling_calculation" "all" {
  service_id = "d151e4f9"
  amount     = "100.00"
}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(example, tfjsonpath.New("service_id"), knownvalue.StringExact("d151e4f9")),
					statecheck.ExpectKnownValue(example, tfjsonpath.New("amount"), knownvalue.StringExact("200")),
					statecheck.ExpectKnownValue(example, tfjsonpath.New("orange"), operatorAmount("285.72", "351.44")),
					statecheck.ExpectKnownValue(example, tfjsonpath.New("play"), operatorAmount("285.72", "351.44")),
					statecheck.ExpectKnownValue(example, tfjsonpath.New("t_mobile"), knownvalue.Null()),
					statecheck.ExpectKnownValue(example, tfjsonpath.New("plus"), knownvalue.Null()),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("amount"), knownvalue.StringExact("100.00")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("orange"), operatorAmount("142.86", "175.72")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("play"), operatorAmount("142.86", "175.72")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("t_mobile"), operatorAmount("166.67", "205")),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("plus"), operatorAmount("153.85", "189.24")),
					statecheck.ExpectKnownValue(example, tfjsonpath.New("netia"), sdkOnly(dialect, operatorAmount("266.67", "328"))),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("netia"), sdkOnly(dialect, operatorAmount("133.34", "164.01"))),
					statecheck.ExpectKnownValue(example, tfjsonpath.New("operators"), knownvalue.MapExact(withNetia(dialect,
						operatorAmount("266.67", "328"), map[string]knownvalue.Check{
							"orange": operatorAmount("285.72", "351.44"),
							"play":   operatorAmount("285.72", "351.44"),
						}))),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("operators"), knownvalue.MapExact(withNetia(dialect,
						operatorAmount("133.34", "164.01"), map[string]knownvalue.Check{
							"orange":   operatorAmount("142.86", "175.72"),
							"play":     operatorAmount("142.86", "175.72"),
							"t-mobile": operatorAmount("166.67", "205"),
							"plus":     operatorAmount("153.85", "189.24"),
						}))),
				},
				Check: expectOnlyRequests(mock,
					"GET /directbilling/d151e4f9/calculate?amount=200",
					"GET /directbilling/d151e4f9/calculate?amount=100.00",
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// An operator SimPay adds later is kept under its own name, and
				// amounts written as strings read the same as numbers.
				PreConfig: func() {
					mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/directbilling/d151e4f9/calculate", Kind: simpaymock.FaultStatus,
						Status: 200, Times: 1, Body: `{"success":true,"data":{"orange":{"net":8.13,"gross":10},"play":null,` +
							`"t-mobile":[],"heyah":{"net":"8.50","gross":"10.46"}}}`})
				},
				Config: calc("d151e4f9", "10"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("operators"),
						knownvalue.MapExact(map[string]knownvalue.Check{
							"orange": operatorAmount("8.13", "10"),
							"heyah":  operatorAmount("8.50", "10.46"),
						})),
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("orange"), operatorAmount("8.13", "10")),
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("play"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("t_mobile"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("netia"), knownvalue.Null()),
				},
			},
			{
				// An amount no operator takes: every operator is null, and
				// operators is empty, not null.
				Config: calc("d151e4f9", "600"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("operators"),
						knownvalue.MapExact(map[string]knownvalue.Check{})),
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("orange"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("t_mobile"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("netia"), knownvalue.Null()),
				},
			},
		},
	})
}
