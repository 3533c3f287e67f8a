package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

func channelObject(id, name, typ, img, commission string, currencies []string, minimum, maximum string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id":         knownvalue.StringExact(id),
		"name":       knownvalue.StringExact(name),
		"type":       knownvalue.StringExact(typ),
		"img":        knownvalue.StringExact(img),
		"commission": knownvalue.StringExact(commission),
		"currencies": stringList(currencies...),
		"amount_min": stringOrNullCheck(minimum),
		"amount_max": stringOrNullCheck(maximum),
	})
}

func TestAccPaymentChannelsDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		ids := tfjsonpath.New("ids")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_payment_channels" "test" {
  service_id = "deadbeef"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*SimPay has no online-payment service\s+deadbeef.*service_id`),
				},
				{
					Config: mock.config(`
data "simpay_payment_channels" "test" {
  service_id = "d151e4f9"
  amount     = "0"
}`),
					ExpectError: regexp.MustCompile(`(?s)Attribute amount must be at least 0\.01`),
				},
				{
					Config: mock.config(`
data "simpay_payment_channels" "test" {
  service_id = "d151e4f9"
  amount     = "1.234"
}`),
					ExpectError: regexp.MustCompile(`(?s)Attribute amount must have at most 2 decimal places`),
				},
				{
					Config: mock.config(`
data "simpay_payment_channels" "test" {
  service_id = "d151e4f9"
  currency   = "eur"
}`),
					ExpectError: regexp.MustCompile(`(?s)must be an ISO 4217 currency code.*"EUR"`),
				},
				{
					Config: mock.config(testdataConfig("payment_channels_filters", nil)),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_payment_channels.all", tfjsonpath.New("channels"), knownvalue.ListExact([]knownvalue.Check{
							channelObject("blik", "BLIK", "blik", "https://img.simpay.pl/transfer/banks/blik.png", "1.5", []string{"PLN"}, "1", "20000"),
							channelObject("mbank", "mBank", "transfer", "https://img.simpay.pl/transfer/banks/mbank.png", "1.5", []string{"PLN"}, "1", "20000"),
							channelObject("nest", "Nest Bank", "transfer", "https://img.simpay.pl/transfer/banks/nest.png", "1.5", []string{"PLN"}, "1", "20000"),
							channelObject("card", "Payment card", "cards", "https://img.simpay.pl/transfer/cards/card.png", "2.5", []string{"PLN", "EUR"}, "1", "50000"),
							channelObject("paysafecard", "paysafecard", "paysafe", "https://img.simpay.pl/transfer/paysafe/paysafecard.png", "12", []string{"PLN"}, "5", "1000"),
							// No limits: both bounds null, never "" or 0.
							channelObject("paypal", "PayPal", "paypal", "https://img.simpay.pl/transfer/paypal/paypal.png", "3.4", []string{"PLN", "EUR", "USD"}, "", ""),
							channelObject("pix", "PIX", "latam", "https://img.simpay.pl/transfer/latam/pix.png", "4.99", []string{"BRL"}, "0.5", "15000"),
						})),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.all", ids,
							stringList("blik", "mbank", "nest", "card", "paysafecard", "paypal", "pix")),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.transfer", ids, stringList("mbank", "nest")),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.transfer", tfjsonpath.New("channels"), knownvalue.ListExact([]knownvalue.Check{
							channelObject("mbank", "mBank", "transfer", "https://img.simpay.pl/transfer/banks/mbank.png", "1.5", []string{"PLN"}, "1", "20000"),
							channelObject("nest", "Nest Bank", "transfer", "https://img.simpay.pl/transfer/banks/nest.png", "1.5", []string{"PLN"}, "1", "20000"),
						})),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.eur", ids, stringList("card", "paypal")),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.half", ids, stringList("paypal", "pix")),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.thousand", ids,
							stringList("blik", "mbank", "nest", "card", "paysafecard", "paypal", "pix")),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.large", ids, stringList("card", "paypal")),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.combined", ids, stringList("card")),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.combined", tfjsonpath.New("amount"), knownvalue.StringExact("30000")),
						// No match is an empty list, never null.
						statecheck.ExpectKnownValue("data.simpay_payment_channels.pln_transfer_small", ids, stringList()),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.pln_transfer_small", tfjsonpath.New("channels"), knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.typo", ids, stringList()),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.no_channels", tfjsonpath.New("channels"), knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectKnownValue("data.simpay_payment_channels.no_channels", ids, stringList()),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
		// The warning itself, as the CLI prints it: state checks cannot see it.
		if dialect == simpaymock.DialectDocumented {
			checkPlanWarns(t, mock.config(`
data "simpay_payment_channels" "typo" {
  service_id = "d151e4f9"
  type       = "card"
}`), "Unknown channel type", "card")
		}
	})
}

// TestAccPaymentChannelsAuthErrors checks the diagnostics for a rejected
// token (401) and a token without the payment.channels ability (403).
func TestAccPaymentChannelsAuthErrors(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Tokens: []simpaymock.Token{
			{Value: "channels-token", Abilities: []string{simpaymock.AbilityPaymentChannels}},
			{Value: "services-only", Abilities: []string{simpaymock.AbilityPaymentServices}},
		}})
		cfg := `
data "simpay_payment_channels" "test" {
  service_id = "d151e4f9"
  type       = "blik"
}`
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config:      mock.configWith(`api_token = "wrong-token"`, cfg),
					ExpectError: regexp.MustCompile(`(?s)SimPay rejected the API token.*401 UNAUTHORIZED\s+while\s+listing\s+the\s+channels\s+of\s+payment\s+service\s+d151e4f9.*api_token`),
				},
				{
					Config:      mock.configWith(`api_token = "services-only"`, cfg),
					ExpectError: regexp.MustCompile(`(?s)SimPay API token lacks an ability.*listing\s+the\s+channels.*the ability\s+payment\.channels\b`),
				},
				{
					Config: mock.configWith(`api_token = "channels-token"`, cfg),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_payment_channels.test", tfjsonpath.New("ids"), stringList("blik")),
					},
				},
			},
		})
	})
}

// TestAccPaymentChannelsTypeDidYouMean checks, through the terraform CLI,
// that a channel type SimPay does not know is warned about once per lookup,
// at plan (not again at validate), with the type it most likely means: by
// case ("BLIK") or by a near spelling ("card").
func TestAccPaymentChannelsTypeDidYouMean(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	for typ, want := range map[string]string{
		"BLIK":     `"BLIK" is not a channel type SimPay documents; did you mean "blik"?`,
		"card":     `"card" is not a channel type SimPay documents; did you mean "cards"?`,
		"przelewy": `"przelewy" is not a channel type SimPay documents (blik, transfer, cards, ewallets, paypal, paysafe, latam).`,
	} {
		t.Run(typ, func(t *testing.T) {
			t.Parallel()
			cli := newTerraformCLI(t, cliProviderConfig(mock, `
data "simpay_payment_channels" "test" {
  service_id = "`+simpaymock.FixtureServiceID+`"
  type       = "`+typ+`"
}`))
			stdout, stderr, err := cli.Run(t.Context(), "validate", "-no-color")
			if err != nil {
				t.Fatalf("terraform validate: %v\n%s\n%s", err, stdout, stderr)
			}
			if text := stdout + stderr; strings.Contains(text, "channel type") {
				t.Errorf("terraform validate warns before any lookup:\n%s", text)
			}
			stdout, stderr, err = cli.Run(t.Context(), "plan", "-input=false", "-no-color")
			if err != nil {
				t.Fatalf("terraform plan: %v\n%s\n%s", err, stdout, stderr)
			}
			text := stdout + stderr
			if n := strings.Count(text, "Warning: Unknown channel type"); n != 1 || strings.Contains(text, "similar warning") {
				t.Errorf("plan warns %d times (want once), or more warnings are folded in:\n%s", n, text)
			}
			if flat := strings.Join(strings.Fields(text), " "); !strings.Contains(flat, want) {
				t.Errorf("plan output does not say %s:\n%s", want, text)
			}
		})
	}
}
