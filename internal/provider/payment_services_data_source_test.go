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

func serviceObject(id, name, status, createdAt string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id":         knownvalue.StringExact(id),
		"name":       knownvalue.StringExact(name),
		"status":     knownvalue.StringExact(status),
		"created_at": knownvalue.StringExact(createdAt),
	})
}

func TestAccPaymentServicesDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		all := tfjsonpath.New("services")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_payment_services" "all" {}
data "simpay_payment_services" "active" {
  status = "service_active"
}
data "simpay_payment_services" "none" {
  status = "service_rejected"
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_payment_services.all", all, knownvalue.ListExact([]knownvalue.Check{
							serviceObject("d151e4f9", "Test service", "service_active", "2021-11-08T18:19:16+01:00"),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("e14f8074")}),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("0f1e2d3c"), "status": knownvalue.StringExact("service_blocked")}),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("a1b2c3d4"), "status": knownvalue.StringExact("service_new")}),
						})),
						statecheck.ExpectKnownValue("data.simpay_payment_services.active", all, knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("d151e4f9")}),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("e14f8074")}),
						})),
						// No match is an empty list, never null.
						statecheck.ExpectKnownValue("data.simpay_payment_services.none", all, knownvalue.ListExact([]knownvalue.Check{})),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
				{
					// A status SimPay does not document is a warning, not an error.
					Config: mock.config(`
data "simpay_payment_services" "typo" {
  status = "service_actve"
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_payment_services.typo", all, knownvalue.ListExact([]knownvalue.Check{})),
					},
				},
			},
		})
		// The warning itself, as the CLI prints it: state checks cannot see it.
		if dialect == simpaymock.DialectDocumented {
			checkPlanWarns(t, mock.config(`
data "simpay_payment_services" "typo" {
  status = "service_actve"
}`), "Unknown service status", "service_actve")
		}
	})
}

func TestAccPaymentServiceDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		addr := "data.simpay_payment_service.test"
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_payment_service" "test" {
  id = "deadbeef"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*no online-payment service deadbeef`),
				},
				{
					Config: mock.config(`
data "simpay_payment_service" "test" {
  id = "D151E4F9"
}`),
					ExpectError: regexp.MustCompile(`(?s)Attribute id must be a SimPay service id`),
				},
				{
					Config: mock.config(`
data "simpay_payment_service" "test" {
  id = "d151e4f9"
}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("d151e4f9")),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("name"), knownvalue.StringExact("Test service")),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("service_active")),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("created_at"), knownvalue.StringExact("2021-11-08T18:19:16+01:00")),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// TestAccProviderAuthErrors checks the diagnostics for a rejected token (401),
// a token without the ability an operation needs and a token used from an IP
// that is not whitelisted (403).
func TestAccProviderAuthErrors(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Tokens: []simpaymock.Token{
			{Value: "all-abilities"},
			{Value: "services-only", Abilities: []string{"payment.services"}},
			{Value: "blocked-ip", BlockedIP: true},
		}})
		cfg := `
data "simpay_payment_service" "test" {
  id = "d151e4f9"
}`
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config:      mock.configWith(`api_token = "wrong-token"`, cfg),
					ExpectError: regexp.MustCompile(`(?s)SimPay rejected the API token.*401 UNAUTHORIZED.*api_token.*SIMPAY_API_TOKEN`),
				},
				{
					Config:      mock.configWith(`api_token = "services-only"`, cfg),
					ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*the ability\s+payment\.service\b`),
				},
				{
					Config:      mock.configWith(`api_token = "blocked-ip"`, cfg),
					ExpectError: regexp.MustCompile(`(?s)SimPay refused this machine's IP address.*IP_ADDRESS_NOT_WHITELISTED`),
				},
				{
					Config: mock.configWith(`api_token = "all-abilities"`, cfg),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_payment_service.test", tfjsonpath.New("name"), knownvalue.StringExact("Test service")),
					},
				},
			},
		})
	})
}
