package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// TestAccPaymentTransactionResourcePlanTimeValidation checks that the
// constraints SimPay documents fail the plan, before any request.
func TestAccPaymentTransactionResourcePlanTimeValidation(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	step := func(body string, want string) resource.TestStep {
		return resource.TestStep{
			Config:   mock.config("resource \"simpay_payment_transaction\" \"test\" {\n  service_id = \"d151e4f9\"\n" + body + "\n}\n"),
			PlanOnly: true,
			// Terraform wraps long lines: any space may be a line break.
			ExpectError: regexp.MustCompile(strings.ReplaceAll(want, " ", `\s+`)),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			step(`amount = "10"
direct_channel = "blik"`,
				`(?s)direct_channel needs customer.ip, customer.country_code and antifraud.useragent.*`+
					`Missing:\s+customer.ip,\s+customer.country_code\s+and\s+antifraud.useragent`),
			step(`amount = "10"
direct_channel = "blik"
customer = { ip = "203.0.113.7", country_code = "PL" }
antifraud = { steamid = "76561198000000000" }`,
				`(?s)direct_channel needs.*Missing:\s+antifraud.useragent\.`),
			step(`amount = "10"
direct_channel = "blik"
customer = { ip = "203.0.113.7" }
antifraud = { useragent = "Mozilla/5.0" }`,
				`(?s)direct_channel needs.*Missing:\s+customer.country_code\.`),
			step(`amount = "10"
commission_mode = "shop"`, `(?s)Attribute commission_mode value must be one of: \["merchant" "payer"\], got: "shop"`),
			step(`amount = "10"
context = { account_created_at = "2024-03-01" }`, `(?s)Attribute context.account_created_at must be an RFC 3339 timestamp`),
			step(`amount = "10"
context = { sales_total_count = -1 }`, `(?s)Attribute context.sales_total_count value must be at least 0, got: -1`),
			step(`amount = "10"
context = { sales_avg_amount = "-0.01" }`, `(?s)Attribute context.sales_avg_amount must be at least 0, got "-0.01"`),
			step(`amount = "10"
context = { account_set_currency = "zł" }`, `(?s)Attribute context.account_set_currency must be an ISO 4217 currency code`),
			step(`amount = "10"
return_urls = { pending = "/pending" }`, `(?s)Attribute return_urls.pending must be an absolute http\(s\) URL`),
			step(`amount = "0.99"`, `(?s)Attribute amount must be at least 1, got "0.99"`),
			step(`amount = "10.001"`, `(?s)Attribute amount must have at most 2 decimal places`),
			step(`amount = "1e3"`, `(?s)Invalid decimal amount`),
			step(`amount = "10"
currency = "pln"`, `(?s)ISO 4217.*write it in upper case: "PLN"`),
			step(`amount = "10"
description = "`+strings.Repeat("ą", 65)+`"`, `(?s)Attribute description UTF-8 character count must be between 1 and 64, got: 65`),
			step(`amount = "10"
control = ""`, `(?s)Attribute control UTF-8 character count must be between 1 and 255, got: 0`),
			step(`amount = "10"
customer = { email = "jan@" }`, `(?s)Attribute customer.email must be a plain email address`),
			step(`amount = "10"
customer = { country_code = "UK" }`, `(?s)Attribute customer.country_code must be an ISO 3166-1 alpha-2.*the United Kingdom is "GB"`),
			step(`amount = "10"
customer = {}`, `(?s)Attribute customer has no attribute set`),
			step(`amount = "10"
billing = { name = "Jan" }`, `(?s)Attribute billing.name: SimPay takes a name of 5 to 64 characters, this one has 3`),
			step(`amount = "10"
shipping = { name = "Janusz", building = "12345678901234567" }`,
				`(?s)Attribute shipping.building UTF-8 character count must be between 1 and 16, got: 17`),
			step(`amount = "10"
cart = [{ name = "ab", quantity = 1, price = "1" }]`, `(?s)Attribute cart\[0\].name UTF-8 character count must be between 3 and 64`),
			step(`amount = "10"
cart = [{ name = "Mug", quantity = 0, price = "1" }]`, `(?s)Attribute cart\[0\].quantity value must be at least 1, got: 0`),
			step(`amount = "10"
cart = [{ name = "Mug", quantity = 1, price = "0.001" }]`, `(?s)Attribute cart\[0\].price must have at most 2 decimal places`),
			step(`amount = "10"
cart = [{ name = "Mug", quantity = 1, price = "0" }]`, `(?s)Attribute cart\[0\].price must be at least 0.01, got "0"`),
			step(`amount = "10"
cart = []`, `(?s)Attribute cart list must contain at least 1 elements`),
			step(`amount = "10"
return_urls = { success = "ftp://shop.example.com" }`, `(?s)absolute http\(s\) URL`),
			step(`amount = "10"
channels = ["blik", "blik"]`, `(?s)Duplicate List Value.*channels = \["blik", "blik"\].*duplicate values of: "blik"`),
			step(`amount = "10"
referer = "short"`, `(?s)Attribute referer UTF-8 character count must be between 6 and 64, got: 5`),
			step(`amount = "10"
antifraud = { steamid = "STEAM_0:1:1" }`, `(?s)must be a SteamID64`),
			{
				// Values known only at apply do not fail the plan.
				PreConfig: func() {
					if reqs := mock.apiRequests(); len(reqs) != 0 {
						t.Fatalf("invalid configurations reached SimPay: %q", reqs)
					}
				},
				Config: mock.config(`
resource "terraform_data" "payer" {
  input = { ip = "203.0.113.7", ua = "Mozilla/5.0" }
}

resource "simpay_payment_transaction" "test" {
  service_id     = "d151e4f9"
  amount         = "10"
  customer       = { ip = terraform_data.payer.output.ip, country_code = "PL" }
  antifraud      = { useragent = terraform_data.payer.output.ua }
  direct_channel = "blik"
}
`),
				ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{
					"customer": knownvalue.ObjectPartial(map[string]knownvalue.Check{"ip": knownvalue.StringExact("203.0.113.7")}),
					"channel":  knownvalue.StringExact("blik"),
				}),
				Check: createdCount(mock, 1, 1),
			},
		},
	})
}

// TestAccPaymentTransactionResourceAPIErrors checks that SimPay's 422 field
// errors name the attributes they are about, and a missing service.
func TestAccPaymentTransactionResourceAPIErrors(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					// A currency the service does not list (KRW is valid ISO
					// 4217) fails at plan, from SimPay's list of the service's
					// currencies; nothing is sent.
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id     = "d151e4f9"
  amount         = "10"
  currency       = "KRW"
}
`),
					ExpectError: regexp.MustCompile(`(?s)Currency not accepted by the payment service.*with simpay_payment_transaction.test,.*` +
						`currency\s+=\s+"KRW".*accepts\s+only\s+PLN,\s+EUR\s+and\s+ARS.*Nothing\s+was\s+sent`),
				},
				{
					// The mock accepts only the service's channels; a channel
					// that is not one is SimPay's to refuse, on the attribute.
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id     = "d151e4f9"
  amount         = "10"
  customer       = { ip = "203.0.113.7", country_code = "PL" }
  antifraud      = { useragent = "Mozilla/5.0" }
  direct_channel = "nope"
  channels       = ["blik", "nope"]
}
`),
					ExpectError: regexp.MustCompile(`(?s)` +
						`Invalid value rejected by SimPay.*with simpay_payment_transaction.test,.*direct_channel\s+=\s+"nope".*directChannel:\s+The\s+selected\s+direct\s+channel\s+is\s+invalid`),
				},
				{
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
  channels   = ["blik", "nope"]
}
`),
					ExpectError: regexp.MustCompile(`(?s)Invalid value rejected by SimPay.*channels\s+=\s+\["blik", "nope"\].*channels.1:\s+The\s+selected\s+channels.1\s+is\s+invalid`),
				},
				{
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "deadbeef"
  amount     = "10"
}
`),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*service_id\s+=\s+"deadbeef".*no online-payment service deadbeef`),
				},
				{
					// SimPay's 422 about the newer request fields points at
					// their attributes; the code comes under the dialect's
					// name for it.
					PreConfig: func() {
						code := map[simpaymock.Dialect]string{simpaymock.DialectDocumented: "errorCode", simpaymock.DialectSDK: "code"}[dialect]
						mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions", Kind: simpaymock.FaultStatus,
							Status: 422, Times: 1, Body: `{"success":false,"` + code + `":"VALIDATION_ERROR","message":"The given data was invalid.",` +
								`"errors":{"context.salesMaxAmount":["The context.sales max amount must be at least the average."],` +
								`"returns.pending":["The returns.pending must be a valid URL."]}}`})
					},
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id  = "d151e4f9"
  amount      = "10"
  return_urls = { pending = "https://shop.example.com/wait" }
  context     = { sales_avg_amount = "50", sales_max_amount = "20" }
}
`),
					// Terraform 1.15 prints diagnostics in the order of the
					// configuration lines, older CLIs in the provider's: either
					// order will do.
					ExpectError: eitherOrder(
						`Invalid value rejected by SimPay.*Attribute\s+context.sales_max_amount:.*context.salesMaxAmount:\s+The\s+context.sales\s+max\s+amount`,
						`Invalid value rejected by SimPay.*Attribute\s+return_urls.pending:.*returns.pending:\s+The\s+returns.pending\s+must`),
				},
				{
					Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
}
`),
					Check: createdCount(mock, 1, 5),
				},
			},
		})
	})
}

// TestAccPaymentTransactionResourceRateLimited checks that a 429 on create
// is retried after Retry-After and creates exactly one transaction.
func TestAccPaymentTransactionResourceRateLimited(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions", Kind: simpaymock.FaultStatus,
			Status: 429, RetryAfter: "1", Times: 1})
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{{
				Config: mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
}
`),
				ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{
					"id": knownvalue.StringRegexp(uuidV4Regexp), "status": knownvalue.StringExact("transaction_new"),
				}),
				Check: createdCount(mock, 1, 2),
			}},
		})
	})
}

// TestAccPaymentTransactionResourceOutcomeUnknown drops the connection after
// SimPay created the transaction: the create is not re-sent, the error says
// how to find and import it, and importing it as told tracks the one payment.
func TestAccPaymentTransactionResourceOutcomeUnknown(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions", Kind: simpaymock.FaultDropConnection,
			AfterHandler: true, Times: 1})
		body := `
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
  control    = "order-3001"
}
`
		// Find the transaction as the error message says: by its control value.
		findByControl := lazyVariable(func() (string, error) {
			retries := 0
			c, err := client.New(client.Config{BaseURL: mock.URL, Token: simpaymock.DefaultToken, MaxRetries: &retries})
			if err != nil {
				return "", err
			}
			txs, err := c.ListPaymentTransactions(context.Background(), "d151e4f9", client.ListOptions{})
			if err != nil {
				return "", err
			}
			for _, tx := range txs {
				if tx.Control != nil && *tx.Control == "order-3001" {
					return tx.ID, nil
				}
			}
			return "", fmt.Errorf("no transaction with control order-3001")
		})
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(body),
					ExpectError: regexp.MustCompile(`(?s)The SimPay payment transaction may have been created.*` +
						`did\s+not\s+send\s+it\s+again.*create\s+a\s+second\s+payment\s+transaction.*Do\s+not\s+simply\s+apply\s+again.*` +
						`control\s+value\s+"order-3001".*data.simpay_payment_transactions.*` +
						`terraform\s+import\s+simpay_payment_transaction.<name>\s+d151e4f9/<transaction_id>.*` +
						`id\s+=\s+"d151e4f9/<transaction_id>"`),
				},
				{
					PreConfig: func() {
						if err := createdCount(mock, 1, 1)(nil); err != nil {
							t.Fatal(err)
						}
					},
					Config: mock.config(body + `
variable "transaction_id" {
  type = string
}

import {
  to = simpay_payment_transaction.test
  id = "d151e4f9/${var.transaction_id}"
}
`),
					ConfigVariables: config.Variables{"transaction_id": findByControl},
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionNoop)},
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{
						"control": knownvalue.StringExact("order-3001"), "amount": knownvalue.StringExact("10"),
						"status": knownvalue.StringExact("transaction_new"),
					}),
					Check: createdCount(mock, 1, 1),
				},
			},
		})
	})
}

// TestAccPaymentTransactionResourceReadAfterCreateFails makes the read that
// follows a successful create fail: the transaction stays in state, tainted.
func TestAccPaymentTransactionResourceReadAfterCreateFails(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/*/transactions/*", Kind: simpaymock.FaultStatus,
			Status: 500, Times: 1})
		cfg := mock.configWith(`api_token = "`+simpaymock.DefaultToken+`"
  max_retries = 0`, `
resource "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  amount     = "10"
}
`)
		// The id of the created transaction: the one whose read failed.
		failedID := func() string {
			for _, r := range mock.Requests() {
				if r.Method == "GET" && r.Fault != "" {
					return r.Path[strings.LastIndex(r.Path, "/")+1:]
				}
			}
			return ""
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: cfg,
					ExpectError: regexp.MustCompile(`(?s)SimPay created the payment transaction but it could not be read back.*` +
						`SimPay\s+created\s+transaction\s+[0-9a-f-]{36}\s+of\s+payment\s+service\s+d151e4f9.*tainted.*` +
						`terraform\s+untaint\s+simpay_payment_transaction.<name>.*SimPay\s+answered\s+500`),
				},
				{
					Config: cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(ptAddr, plancheck.ResourceActionReplace),
						expectTainted{addr: ptAddr, id: failedID},
					}},
					ConfigStateChecks: expectState(ptAddr, map[string]knownvalue.Check{"status": knownvalue.StringExact("transaction_new")}),
					Check:             createdCount(mock, 2, 2),
				},
			},
		})
	})
}

// TestPaymentTransactionFieldPath checks that each field SimPay names in a
// 422 answer maps to the attribute it is about, and that a name SimPay does
// not use for a payment transaction's argument maps to none.
func TestPaymentTransactionFieldPath(t *testing.T) {
	for field, want := range map[string]path.Path{
		"amount":                       path.Root("amount"),
		"currency":                     path.Root("currency"),
		"customer":                     path.Root("customer"),
		"customer.email":               path.Root("customer").AtName("email"),
		"customer.countryCode":         path.Root("customer").AtName("country_code"),
		"antifraud.useragent":          path.Root("antifraud").AtName("useragent"),
		"billing.postalCode":           path.Root("billing").AtName("postal_code"),
		"shipping.name":                path.Root("shipping").AtName("name"),
		"cart":                         path.Root("cart"),
		"cart.0":                       path.Root("cart").AtListIndex(0),
		"cart.0.price":                 path.Root("cart").AtListIndex(0).AtName("price"),
		"cart.12.name":                 path.Root("cart").AtListIndex(12).AtName("name"),
		"cart.x.name":                  path.Root("cart"),
		"returns.success":              path.Root("return_urls").AtName("success"),
		"returns":                      path.Root("return_urls"),
		"directChannel":                path.Root("direct_channel"),
		"channels":                     path.Root("channels"),
		"channels.1":                   path.Root("channels").AtListIndex(1),
		"channelTypes.blik":            path.Root("channel_types").AtName("blik"),
		"referer":                      path.Root("referer"),
		"customer.unknownField":        path.Root("customer"),
		"antifraud.systemId":           path.Root("antifraud").AtName("system_id"),
		"returns.pending":              path.Root("return_urls").AtName("pending"),
		"channelTypes.postponed":       path.Root("channel_types").AtName("postponed"),
		"commissionMode":               path.Root("commission_mode"),
		"context":                      path.Root("context"),
		"context.accountCreatedAt":     path.Root("context").AtName("account_created_at"),
		"context.salesTotalCount":      path.Root("context").AtName("sales_total_count"),
		"context.salesTotalAmount":     path.Root("context").AtName("sales_total_amount"),
		"context.salesAvgAmount":       path.Root("context").AtName("sales_avg_amount"),
		"context.salesMaxAmount":       path.Root("context").AtName("sales_max_amount"),
		"context.accountSetCurrency":   path.Root("context").AtName("account_set_currency"),
		"context.hasPreviousPurchases": path.Root("context").AtName("has_previous_purchases"),
	} {
		got, ok := paymentTransactionFieldPath(field)
		if !ok || !got.Equal(want) {
			t.Errorf("paymentTransactionFieldPath(%q) = %s, %v; want %s", field, got, ok, want)
		}
	}
	for _, field := range []string{"", "serviceId", "Amount", "returnUrls"} {
		if got, ok := paymentTransactionFieldPath(field); ok {
			t.Errorf("paymentTransactionFieldPath(%q) = %s, want no attribute", field, got)
		}
	}
}

// TestDirectChannelWithoutCountryCodeFailsAtPlan runs the terraform CLI on
// a direct_channel transaction whose customer, from a variable, has no
// country_code: terraform validate cannot know the variable and passes, and
// terraform plan refuses it, naming customer.country_code, before any
// request reaches SimPay.
func TestDirectChannelWithoutCountryCodeFailsAtPlan(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, mock.config(`
variable "customer" {
  type = object({
    ip           = string
    country_code = optional(string)
  })
  default = { ip = "203.0.113.7" }
}

resource "simpay_payment_transaction" "blik" {
  service_id     = "d151e4f9"
  amount         = "50"
  direct_channel = "blik"
  customer       = var.customer
  antifraud      = { useragent = "Mozilla/5.0" }
}
`))
	ctx := t.Context()
	if out, errOut, err := cli.Run(ctx, "validate", "-no-color"); err != nil {
		t.Fatalf("terraform validate refused what it cannot know yet: %v\n%s%s", err, out, errOut)
	}
	out, errOut, err := cli.Run(ctx, "plan", "-input=false", "-no-color")
	if err == nil {
		t.Fatalf("terraform plan accepted direct_channel without customer.country_code:\n%s", out)
	}
	want := regexp.MustCompile(`(?s)Error: direct_channel needs customer.ip, customer.country_code and\s+antifraud.useragent.*` +
		`direct_channel\s+=\s+"blik".*country\s+\(customer.country_code,.*Missing:\s+customer.country_code\.\s+Set\s+them`)
	if !want.MatchString(errOut) {
		t.Errorf("the plan's error does not name customer.country_code as missing:\n%s", errOut)
	}
	if reqs := mock.apiRequests(); len(reqs) != 0 {
		t.Errorf("the plan sent %d request(s) to SimPay, want none: %q", len(reqs), reqs)
	}
}
