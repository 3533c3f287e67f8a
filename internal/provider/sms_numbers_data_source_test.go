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

// smsNumber is a number of the mock's price table, with its prices as
// SimPay's shortest-form JSON numbers write them: the same in both dialects,
// whichever name the gross price comes under and whether value is a number
// or a string.
func smsNumber(number int64, value, valueGross string, adult bool) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"number":      knownvalue.Int64Exact(number),
		"value":       knownvalue.StringExact(value),
		"value_gross": knownvalue.StringExact(valueGross),
		"adult":       knownvalue.Bool(adult),
	})
}

// smsNumberShapes is how the mock sends number 7055 in each dialect: the
// gross price as value_net (SimPay's 2024 OpenAPI file) or value_gross, and
// value as a number or a string (SimPay's newer SDKs).
var smsNumberShapes = map[simpaymock.Dialect]string{
	simpaymock.DialectDocumented: `{"number":7055,"value":0.5,"value_net":0.62,`,
	simpaymock.DialectSDK:        `{"number":7055,"value":"0.5","value_gross":0.62,`,
}

// allSMSNumbers is the mock's table of every SMS number: the 17 of SimPay's
// OpenAPI file, value_gross being value plus 23% VAT.
var allSMSNumbers = []knownvalue.Check{
	smsNumber(7055, "0.5", "0.62", false),
	smsNumber(7155, "1", "1.23", false),
	smsNumber(7255, "2", "2.46", false),
	smsNumber(7355, "3", "3.69", false),
	smsNumber(7455, "4", "4.92", false),
	smsNumber(7555, "5", "6.15", false),
	smsNumber(7636, "6", "7.38", false),
	smsNumber(77464, "7", "8.61", false),
	smsNumber(78464, "8", "9.84", false),
	smsNumber(7936, "9", "11.07", false),
	smsNumber(91055, "10", "12.3", false),
	smsNumber(91155, "11", "13.53", false),
	smsNumber(91455, "14", "17.22", false),
	smsNumber(91664, "16", "19.68", false),
	smsNumber(91955, "19", "23.37", true),
	smsNumber(92055, "20", "24.6", true),
	smsNumber(92555, "25", "30.75", true),
}

func TestAccSMSNumbersDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		numbers := tfjsonpath.New("numbers")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_sms_numbers" "test" {
  service_id = "deadbeef"
}`),
					// Attributed to service_id: Terraform quotes that line.
					ExpectError: regexp.MustCompile(`(?s)SMS service not found.*\d+:\s+service_id\s+=\s+"deadbeef".*no\s+SMS\s+service\s+deadbeef.*simpay_sms_services`),
				},
				{
					Config: mock.config(`
data "simpay_sms_numbers" "test" {
  service_id = "8E1F5A2B"
}`),
					ExpectError: regexp.MustCompile(`(?s)Attribute service_id must be a SimPay service id`),
				},
				{
					// With service_id: the service's numbers, from its own
					// endpoint, never the whole price list.
					PreConfig: mock.ResetRequests,
					Config: mock.config(`
data "simpay_sms_numbers" "service" {
  service_id = "8e1f5a2b"
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_sms_numbers.service", numbers, knownvalue.ListExact([]knownvalue.Check{
							smsNumber(7555, "5", "6.15", false),
							smsNumber(91955, "19", "23.37", true),
						})),
						statecheck.ExpectKnownValue("data.simpay_sms_numbers.service", tfjsonpath.New("service_id"), knownvalue.StringExact("8e1f5a2b")),
					},
					Check:            expectOnlyRequests(mock, "GET /sms/8e1f5a2b/numbers?limit=99&page=1"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
				{
					// Without it: every number SimPay has.
					PreConfig: mock.ResetRequests,
					Config: mock.config(`
data "simpay_sms_numbers" "all" {}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_sms_numbers.all", numbers, knownvalue.ListExact(allSMSNumbers)),
						statecheck.ExpectKnownValue("data.simpay_sms_numbers.all", tfjsonpath.New("service_id"), knownvalue.Null()),
					},
					Check:            expectOnlyRequests(mock, "GET /sms/numbers?limit=99&page=1"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
		checkDialectShape(t, mock, dialect, "/sms/numbers", smsNumberShapes)
	})
}
