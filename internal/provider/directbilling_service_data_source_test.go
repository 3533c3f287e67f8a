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

func TestAccDirectBillingServiceDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingServiceDataSource)
}

func testAccDirectBillingServiceDataSource(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	var checks []statecheck.StateCheck
	for addr, id := range map[string]string{
		"data.simpay_directbilling_service.test":   "d151e4f9",
		"data.simpay_directbilling_service.verify": "7a6b5c4d",
	} {
		for attr, check := range directBillingServiceFields(id) {
			checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), check))
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: mock.config(`
data "simpay_directbilling_service" "test" {
  id = "deadbeef"
}`),
				// Attributed to id: Terraform quotes that line.
				ExpectError: regexp.MustCompile(`(?s)DirectBilling service not found.*\d+:\s+id\s+=\s+"deadbeef".*no\s+DirectBilling\s+service\s+deadbeef.*simpay_directbilling_services`),
			},
			{
				Config: mock.config(`
data "simpay_directbilling_service" "test" {
  id = "d151e4f"
}`),
				ExpectError: regexp.MustCompile(`(?s)Attribute id must be a SimPay service id`),
			},
			{
				Config: mock.config(`
data "simpay_directbilling_service" "test" {
  id = "d151e4f9"
}
data "simpay_directbilling_service" "verify" {
  id = "7a6b5c4d"
}`),
				ConfigStateChecks: checks,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccDirectBillingDataSourcesAbilityErrors checks the 403 for a token
// that lacks the DirectBilling ability a data source needs.
func TestAccDirectBillingDataSourcesAbilityErrors(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingDataSourcesAbilityErrors)
}

func testAccDirectBillingDataSourcesAbilityErrors(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Tokens: []simpaymock.Token{
		{Value: "db-list-only", Abilities: []string{"directbilling.services"}},
		{Value: "db-show-only", Abilities: []string{"directbilling.services.show"}},
	}})
	service := `
data "simpay_directbilling_service" "test" {
  id = "d151e4f9"
}`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      mock.configWith(`api_token = "db-show-only"`, `data "simpay_directbilling_services" "test" {}`),
				ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*listing\s+DirectBilling\s+services.*the\s+ability\s+directbilling\.services\b`),
			},
			{
				Config: mock.configWith(`api_token = "db-show-only"`, `
data "simpay_directbilling_calculation" "test" {
  service_id = "d151e4f9"
  amount     = "200"
}`),
				ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*calculating\s+the\s+DirectBilling\s+price\s+of\s+200\s+for\s+service\s+d151e4f9.*the\s+ability\s+directbilling\.services\b`),
			},
			{
				Config:      mock.configWith(`api_token = "db-list-only"`, service),
				ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*reading\s+DirectBilling\s+service\s+d151e4f9.*the\s+ability\s+directbilling\.services\.show\b`),
			},
			{
				Config: mock.configWith(`api_token = "db-show-only"`, `
data "simpay_directbilling_transactions" "test" {
  service_id = "d151e4f9"
}`),
				ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*listing\s+the\s+transactions\s+of\s+DirectBilling\s+service\s+d151e4f9.*` +
					`the\s+ability\s+directbilling\.transactions\b`),
			},
			{
				Config: mock.configWith(`api_token = "db-list-only"`, `
data "simpay_directbilling_transaction" "test" {
  service_id = "d151e4f9"
  id         = "`+simpaymock.FixtureDirectBillingTxPaid+`"
}`),
				ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*reading\s+transaction\s+dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a\s+of\s+DirectBilling\s+service\s+d151e4f9.*` +
					`the\s+ability\s+directbilling\.transactions\.show\b`),
			},
			{
				Config: mock.configWith(`api_token = "db-show-only"`, service),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.simpay_directbilling_service.test", tfjsonpath.New("name"), knownvalue.StringExact("Usługa testowa")),
				},
			},
		},
	})
}
