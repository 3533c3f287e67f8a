package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// smsServiceFields are the mock's SMS service fixtures as state checks,
// without numbers.
func smsServiceFields(id string) map[string]knownvalue.Check {
	fixtures := map[string]map[string]knownvalue.Check{
		"d151e4f9": {
			"id": knownvalue.StringExact("d151e4f9"), "type": knownvalue.StringExact("ONE_TIME_CODE"),
			"status": knownvalue.StringExact("service_active"), "name": knownvalue.StringExact("TEST"),
			"prefix": knownvalue.StringExact("SIM"), "suffix": knownvalue.StringExact("TESTSIMPAY"),
			"description": knownvalue.Null(), "adult": knownvalue.Bool(false),
			"created_at": knownvalue.StringExact("2021-11-08T18:18:53+01:00"),
		},
		"8e1f5a2b": {
			"id": knownvalue.StringExact("8e1f5a2b"), "type": knownvalue.StringExact("CODE_PACK"),
			"status": knownvalue.StringExact("service_active"), "name": knownvalue.StringExact("Premium access"),
			"prefix": knownvalue.StringExact("SIM"), "suffix": knownvalue.StringExact("PREMIUM"),
			"description": knownvalue.StringExact("Codes for premium access"), "adult": knownvalue.Bool(false),
			"created_at": knownvalue.StringExact("2022-04-02T09:12:44+02:00"),
		},
		"3c9d7e10": {
			"id": knownvalue.StringExact("3c9d7e10"), "type": knownvalue.StringExact("API_URL"),
			"status": knownvalue.StringExact("service_blocked"), "name": knownvalue.StringExact("Adult content"),
			"prefix": knownvalue.StringExact("SIM"), "suffix": knownvalue.StringExact("XXL"),
			"description": knownvalue.Null(), "adult": knownvalue.Bool(true),
			"created_at": knownvalue.StringExact("2023-01-15T12:00:00+01:00"),
		},
	}
	out := map[string]knownvalue.Check{}
	for k, v := range fixtures[id] {
		out[k] = v
	}
	return out
}

func TestAccSMSServicesDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		services := tfjsonpath.New("services")
		service := func(id string) knownvalue.Check { return knownvalue.ObjectExact(smsServiceFields(id)) }
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					// A status SimPay does not document is a warning, not an error.
					Config: mock.config(`
data "simpay_sms_services" "typo" {
  status = "service_actve"
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_sms_services.typo", services, knownvalue.ListExact([]knownvalue.Check{})),
					},
				},
				{
					PreConfig: mock.ResetRequests,
					Config: mock.config(`
data "simpay_sms_services" "all" {}
data "simpay_sms_services" "active" {
  status = "service_active"
}
data "simpay_sms_services" "blocked" {
  status = "service_blocked"
}
data "simpay_sms_services" "none" {
  status = "service_rejected"
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_sms_services.all", services, knownvalue.ListExact([]knownvalue.Check{
							service("d151e4f9"), service("8e1f5a2b"), service("3c9d7e10"),
						})),
						statecheck.ExpectKnownValue("data.simpay_sms_services.all", tfjsonpath.New("status"), knownvalue.Null()),
						statecheck.ExpectKnownValue("data.simpay_sms_services.active", services, knownvalue.ListExact([]knownvalue.Check{
							service("d151e4f9"), service("8e1f5a2b"),
						})),
						statecheck.ExpectKnownValue("data.simpay_sms_services.blocked", services, knownvalue.ListExact([]knownvalue.Check{
							service("3c9d7e10"),
						})),
						// No match is an empty list, never null.
						statecheck.ExpectKnownValue("data.simpay_sms_services.none", services, knownvalue.ListExact([]knownvalue.Check{})),
					},
					// SimPay documents no status filter: every page is read and
					// filtered here.
					Check:            expectOnlyRequests(mock, "GET /sms?limit=99&page=1"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
		// The warning itself, as the CLI prints it: state checks cannot see it.
		if dialect == simpaymock.DialectDocumented {
			checkPlanWarns(t, mock.config(`
data "simpay_sms_services" "typo" {
  status = "service_actve"
}`), "Unknown service status", "service_actve")
		}
	})
}
