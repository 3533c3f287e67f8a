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

// expectSMSService checks every attribute of a simpay_sms_service against
// the mock's fixture id and the given numbers.
func expectSMSService(addr, id string, numbers ...knownvalue.Check) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for attr, check := range smsServiceFields(id) {
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), check))
	}
	return append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New("numbers"), knownvalue.ListExact(numbers)))
}

func TestAccSMSServiceDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		var checks []statecheck.StateCheck
		checks = append(checks, expectSMSService("data.simpay_sms_service.test", "d151e4f9",
			smsNumber(7055, "0.5", "0.62", false),
			smsNumber(7155, "1", "1.23", false),
			smsNumber(7255, "2", "2.46", false),
		)...)
		checks = append(checks, expectSMSService("data.simpay_sms_service.described", "8e1f5a2b",
			smsNumber(7555, "5", "6.15", false),
			smsNumber(91955, "19", "23.37", true),
		)...)
		checks = append(checks, expectSMSService("data.simpay_sms_service.adult", "3c9d7e10",
			smsNumber(92555, "25", "30.75", true),
		)...)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_sms_service" "test" {
  id = "deadbeef"
}`),
					// Attributed to id: Terraform quotes that line.
					ExpectError: regexp.MustCompile(`(?s)SMS service not found.*\d+:\s+id\s+=\s+"deadbeef".*no\s+SMS\s+service\s+deadbeef.*simpay_sms_services`),
				},
				{
					Config: mock.config(`
data "simpay_sms_service" "test" {
  id = "D151E4F9"
}`),
					ExpectError: regexp.MustCompile(`(?s)Attribute id must be a SimPay service id`),
				},
				{
					PreConfig: mock.ResetRequests,
					Config: mock.config(`
data "simpay_sms_service" "test" {
  id = "d151e4f9"
}
data "simpay_sms_service" "described" {
  id = "8e1f5a2b"
}
data "simpay_sms_service" "adult" {
  id = "3c9d7e10"
}`),
					ConfigStateChecks: checks,
					// The detail and the priced numbers of each service: nothing
					// else, and never the whole price list.
					Check: expectOnlyRequests(mock,
						"GET /sms/d151e4f9", "GET /sms/d151e4f9/numbers?limit=99&page=1",
						"GET /sms/8e1f5a2b", "GET /sms/8e1f5a2b/numbers?limit=99&page=1",
						"GET /sms/3c9d7e10", "GET /sms/3c9d7e10/numbers?limit=99&page=1",
					),
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
		// The service's numbers came as integers or, in the SDK dialect,
		// as strings (SimPay-API-TypeScript sms.service.ts), and their prices
		// under either name.
		checkDialectShape(t, mock, dialect, "/sms/d151e4f9", map[simpaymock.Dialect]string{
			simpaymock.DialectDocumented: `"numbers":[7055,7155,7255]`,
			simpaymock.DialectSDK:        `"numbers":["7055","7155","7255"]`,
		})
		checkDialectShape(t, mock, dialect, "/sms/d151e4f9/numbers", smsNumberShapes)
	})
}

// TestAccSMSDataSourcesAbilityErrors checks the 403 for a token that lacks
// the SMS ability a data source needs, including the second request of
// simpay_sms_service.
func TestAccSMSDataSourcesAbilityErrors(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Tokens: []simpaymock.Token{
			{Value: "sms-list-only", Abilities: []string{"sms.services"}},
			{Value: "sms-show-only", Abilities: []string{"sms.services.show"}},
			{Value: "sms-service", Abilities: []string{"sms.services.show", "sms.services.numbers"}},
			{Value: "payment-only", Abilities: []string{"payment.services"}},
		}})
		service := `
data "simpay_sms_service" "test" {
  id = "d151e4f9"
}`
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config:      mock.configWith(`api_token = "payment-only"`, `data "simpay_sms_services" "test" {}`),
					ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*listing\s+SMS\s+services.*the\s+ability\s+sms\.services\b`),
				},
				{
					Config:      mock.configWith(`api_token = "sms-list-only"`, service),
					ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*reading\s+SMS\s+service\s+d151e4f9.*the\s+ability\s+sms\.services\.show\b`),
				},
				{
					Config:      mock.configWith(`api_token = "sms-show-only"`, service),
					ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*reading\s+the\s+numbers\s+of\s+SMS\s+service\s+d151e4f9.*the\s+ability\s+sms\.services\.numbers\b`),
				},
				{
					Config:      mock.configWith(`api_token = "sms-service"`, `data "simpay_sms_numbers" "test" {}`),
					ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*listing\s+SMS\s+numbers.*the\s+ability\s+sms\.numbers\b`),
				},
				{
					Config: mock.configWith(`api_token = "sms-service"`, service),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_sms_service.test", tfjsonpath.New("name"), knownvalue.StringExact("TEST")),
					},
				},
			},
		})
	})
}
