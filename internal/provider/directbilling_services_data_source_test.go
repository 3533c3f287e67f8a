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

// directBillingServiceFields are the mock's DirectBilling service fixtures
// as state checks.
func directBillingServiceFields(id string) map[string]knownvalue.Check {
	fixtures := map[string]map[string]knownvalue.Check{
		"d151e4f9": {
			"id": knownvalue.StringExact("d151e4f9"), "name": knownvalue.StringExact("Usługa testowa"),
			"suffix": knownvalue.StringExact("Test1"), "status": knownvalue.StringExact("service_active"),
			"created_at": knownvalue.StringExact("2021-11-08T18:19:16+01:00"),
		},
		"7a6b5c4d": {
			"id": knownvalue.StringExact("7a6b5c4d"), "name": knownvalue.StringExact("Game shop"),
			"suffix": knownvalue.StringExact("Games"), "status": knownvalue.StringExact("service_verify"),
			"created_at": knownvalue.StringExact("2023-03-01T11:00:00+01:00"),
		},
	}
	out := map[string]knownvalue.Check{}
	for k, v := range fixtures[id] {
		out[k] = v
	}
	return out
}

func TestAccDirectBillingServicesDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingServicesDataSource)
}

func testAccDirectBillingServicesDataSource(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	services := tfjsonpath.New("services")
	service := func(id string) knownvalue.Check { return knownvalue.ObjectExact(directBillingServiceFields(id)) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				// A status SimPay does not document is a warning, not an error.
				Config: mock.config(`
data "simpay_directbilling_services" "typo" {
  status = "service_verified"
}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.simpay_directbilling_services.typo", services, knownvalue.ListExact([]knownvalue.Check{})),
				},
			},
			{
				PreConfig: mock.ResetRequests,
				Config: mock.config(`
data "simpay_directbilling_services" "all" {}
data "simpay_directbilling_services" "active" {
  status = "service_active"
}
data "simpay_directbilling_services" "verify" {
  status = "service_verify"
}
data "simpay_directbilling_services" "none" {
  status = "service_blocked"
}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.simpay_directbilling_services.all", services, knownvalue.ListExact([]knownvalue.Check{
						service("d151e4f9"), service("7a6b5c4d"),
					})),
					statecheck.ExpectKnownValue("data.simpay_directbilling_services.all", tfjsonpath.New("status"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.simpay_directbilling_services.active", services, knownvalue.ListExact([]knownvalue.Check{
						service("d151e4f9"),
					})),
					statecheck.ExpectKnownValue("data.simpay_directbilling_services.verify", services, knownvalue.ListExact([]knownvalue.Check{
						service("7a6b5c4d"),
					})),
					// No match is an empty list, never null.
					statecheck.ExpectKnownValue("data.simpay_directbilling_services.none", services, knownvalue.ListExact([]knownvalue.Check{})),
				},
				// SimPay documents no status filter: every page is read and
				// filtered here.
				Check:            expectOnlyRequests(mock, "GET /directbilling?limit=99&page=1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
	// The warning itself, as the CLI prints it: state checks cannot see it.
	if dialect == simpaymock.DialectDocumented {
		checkPlanWarns(t, mock.config(`
data "simpay_directbilling_services" "typo" {
  status = "service_verified"
}`), "Unknown service status", "service_verified")
	}
}
