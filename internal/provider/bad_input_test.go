package provider

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// badInputCase is one invalid configuration that must be refused before the
// provider sends anything to SimPay.
type badInputCase struct {
	name string
	// provider is the body of the provider block; %URL% is replaced by the
	// case's mock. Empty means the mock's URL and token: if the input were
	// accepted, the data sources of body would be read from the mock.
	provider string
	env      map[string]string
	// body is the data source, resource or import block under test.
	body string
	// stage is where the input must be refused: "validate" (terraform
	// validate, which does not even configure the provider), "plan" (valid
	// for terraform validate, refused by terraform plan) or "import" (the
	// terraform import command, with importArgs).
	stage      string
	importArgs []string
	// attr is the attribute, setting or import id part the error must name,
	// in its text or through the source range Terraform reports it at.
	attr string
	// want must match the error's summary and detail.
	want string
	// mustNotSay must not appear in any diagnostic (a secret in the input).
	mustNotSay string
	// cliChecks skip the case on a CLI that cannot refuse the input.
	cliChecks []tfversion.TerraformVersionCheck
	// reads are the requests the refusal may make, "GET /path": SimPay's
	// catalogue, which the money rules of a plan check against. Never a
	// request that changes anything.
	reads []string
}

// unexpectedRequests are the mock's requests that tc does not allow.
func unexpectedRequests(mock *testMock, tc badInputCase) []string {
	var out []string
	for _, r := range mock.apiRequests() {
		if !slices.Contains(tc.reads, r) || !strings.HasPrefix(r, "GET ") {
			out = append(out, r)
		}
	}
	return out
}

// badInputTally is what the suite measured, printed by TestMain.
var badInputTally struct {
	tried, rejected atomic.Int64
}

const (
	validServiceID = `service_id = "` + simpaymock.FixtureServiceID + `"`
	readIPs        = `data "simpay_notification_ips" "read" {}`
	// readService needs the API token, which readIPs (SimPay's public GET
	// /ip) does not.
	readService = `data "simpay_payment_service" "read" {` + "\n  " + `id = "` + simpaymock.FixtureServiceID + `"` + "\n}"
)

// hclBlock writes a block with default arguments, each replaced by a line of
// lines that sets the same name.
func hclBlock(header string, defaults []string, lines ...string) string {
	set := map[string]bool{}
	for _, l := range lines {
		name, _, _ := strings.Cut(l, "=")
		set[strings.TrimSpace(name)] = true
	}
	var b strings.Builder
	b.WriteString(header + " {\n")
	for _, d := range defaults {
		name, _, _ := strings.Cut(d, "=")
		if !set[strings.TrimSpace(name)] {
			b.WriteString("  " + d + "\n")
		}
	}
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}

func paymentTx(lines ...string) string {
	return hclBlock(`resource "simpay_payment_transaction" "bad"`, []string{validServiceID, `amount = "24.99"`}, lines...)
}

func refundRes(lines ...string) string {
	return hclBlock(`resource "simpay_payment_refund" "bad"`,
		[]string{validServiceID, `transaction_id = "` + simpaymock.FixtureTxPaidWithRefund + `"`}, lines...)
}

func dbTx(lines ...string) string {
	return hclBlock(`resource "simpay_directbilling_transaction" "bad"`, []string{validServiceID, `amount = "19.99"`}, lines...)
}

func dataSource(typ string, defaults []string, lines ...string) string {
	return hclBlock(`data "`+typ+`" "bad"`, defaults, lines...)
}

func importBlock(to, id string) string {
	return "import {\n  to = " + to + "\n  id = " + quoteHCL(id) + "\n}\n"
}

// quoteHCL quotes s as an HCL string; JSON escapes are valid HCL escapes.
func quoteHCL(s string) string {
	b, _ := json.Marshal(s)
	return strings.NewReplacer("${", "$${", "%{", "%%{").Replace(string(b))
}

func q(name, value string) string { return name + " = " + quoteHCL(value) }

// catalogueReads are the requests the money rules of a payment's plan make.
var catalogueReads = []string{
	"GET /payment/" + simpaymock.FixtureServiceID + "/currencies",
	"GET /payment/" + simpaymock.FixtureServiceID + "/channels",
}

func badInputCases() []badInputCase {
	long := func(n int) string { return strings.Repeat("x", n) }
	polish := func(n int) string { return strings.Repeat("ż", n) }
	mockSettings := `base_url = "%URL%"` + "\n  " + q("api_token", simpaymock.DefaultToken)
	withSetting := func(s string) string { return mockSettings + "\n  " + s }
	token := func(s string) string { return `base_url = "%URL%"` + "\n  " + s }
	channels := func(lines ...string) string {
		return dataSource("simpay_payment_channels", []string{validServiceID}, lines...)
	}
	calc := func(lines ...string) string {
		return dataSource("simpay_directbilling_calculation", []string{validServiceID, `amount = "200"`}, lines...)
	}
	directReady := []string{`direct_channel = "blik"`}
	dbList := func(lines ...string) string {
		return dataSource("simpay_directbilling_transactions", []string{validServiceID}, lines...)
	}
	return append([]badInputCase{
		// Provider settings. Every one keeps a data source, which a provider
		// that accepted the setting would read.
		{name: "provider/base_url plain http to a remote host", provider: withoutBaseURL(mockSettings, `base_url = "http://api.simpay.pl/"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `plain http.*loopback`},
		{name: "provider/base_url plain http to a private address", provider: withoutBaseURL(mockSettings, `base_url = "http://10.0.0.5:8089/"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `plain http.*loopback`},
		{name: "provider/base_url plain http to a host named like localhost", provider: withoutBaseURL(mockSettings, `base_url = "http://localhost.attacker.example/"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `plain http.*loopback`},
		{name: "provider/base_url without scheme", provider: withoutBaseURL(mockSettings, `base_url = "api.simpay.pl"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `base URL "api.simpay.pl" has no scheme: write it with https://, as in "https://api.simpay.pl"`},
		{name: "provider/base_url a loopback address without scheme", provider: withoutBaseURL(mockSettings, `base_url = "127.0.0.1:8089/"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `base URL "127.0.0.1:8089/" has no scheme: write it with http:// for a local mock, as in "http://127.0.0.1:8089/"`},
		{name: "provider/base_url localhost without scheme", provider: withoutBaseURL(mockSettings, `base_url = "localhost:8089"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `base URL "localhost:8089" has no scheme: write it with http:// for a local mock, as in "http://localhost:8089"`},
		{name: "provider/base_url with credentials", provider: withoutBaseURL(mockSettings, `base_url = "https://shop:hunter2secret@api.simpay.pl/"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `contains credentials`, mustNotSay: "hunter2secret"},
		{name: "provider/base_url with a query", provider: withoutBaseURL(mockSettings, `base_url = "https://api.simpay.pl/?debug=1"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `query or fragment`},
		{name: "provider/base_url with another scheme", provider: withoutBaseURL(mockSettings, `base_url = "ftp://api.simpay.pl/"`),
			body: readIPs, stage: "validate", attr: "base_url", want: `scheme "ftp"`},
		{name: "provider/base_url empty", provider: withoutBaseURL(mockSettings, `base_url = ""`),
			body: readIPs, stage: "validate", attr: "base_url", want: `base URL is empty`},
		{name: "provider/request_timeout not a duration", provider: withSetting(`request_timeout = "soon"`),
			body: readIPs, stage: "validate", attr: "request_timeout", want: `must be a duration such as "30s"`},
		{name: "provider/request_timeout without a unit", provider: withSetting(`request_timeout = "30"`),
			body: readIPs, stage: "validate", attr: "request_timeout", want: `must be a duration such as "30s"`},
		{name: "provider/request_timeout negative", provider: withSetting(`request_timeout = "-5s"`),
			body: readIPs, stage: "validate", attr: "request_timeout", want: `must be a positive duration`},
		{name: "provider/request_timeout zero", provider: withSetting(`request_timeout = "0s"`),
			body: readIPs, stage: "validate", attr: "request_timeout", want: `must be a positive duration`},
		{name: "provider/max_retries negative", provider: withSetting(`max_retries = -1`),
			body: readIPs, stage: "validate", attr: "max_retries", want: `between 0 and 10, got: -1`},
		{name: "provider/max_retries too many", provider: withSetting(`max_retries = 11`),
			body: readIPs, stage: "validate", attr: "max_retries", want: `between 0 and 10, got: 11`},
		{name: "provider/max_retries not a number", provider: withSetting(`max_retries = "three"`),
			body: readIPs, stage: "validate", attr: "max_retries", want: `a number is required`},
		{name: "provider/max_retries not whole", provider: withSetting(`max_retries = 1.5`),
			body: readIPs, stage: "validate", attr: "max_retries", want: `whole number|integer|Int64`},
		{name: "provider/max_concurrent_requests zero", provider: withSetting(`max_concurrent_requests = 0`),
			body: readIPs, stage: "validate", attr: "max_concurrent_requests", want: `between 1 and 32, got: 0`},
		{name: "provider/max_concurrent_requests too many", provider: withSetting(`max_concurrent_requests = 33`),
			body: readIPs, stage: "validate", attr: "max_concurrent_requests", want: `between 1 and 32, got: 33`},
		{name: "provider/api_token with a trailing line break", provider: token(q("api_token", simpaymock.DefaultToken+"\n")),
			body: readIPs, stage: "validate", attr: "api_token", want: `line break`, mustNotSay: simpaymock.DefaultToken},
		{name: "provider/api_token with surrounding spaces", provider: token(q("api_token", " "+simpaymock.DefaultToken+" ")),
			body: readIPs, stage: "validate", attr: "api_token", want: `space`, mustNotSay: simpaymock.DefaultToken},
		{name: "provider/api_token from a sensitive variable with a line break", provider: token(`api_token = var.simpay_api_token`),
			env:   map[string]string{"TF_VAR_simpay_api_token": simpaymock.DefaultToken + "\n"},
			body:  "variable \"simpay_api_token\" {\n  type      = string\n  sensitive = true\n}\n\n" + readIPs,
			stage: "plan", attr: "api_token", want: `line break`, mustNotSay: simpaymock.DefaultToken},
		{name: "provider/api_token empty", provider: token(`api_token = ""`),
			body: readService, stage: "plan", attr: "api_token", want: `Missing SimPay API token`},
		{name: "provider/misspelled setting", provider: withSetting(`token = "x"`),
			body: readIPs, stage: "validate", attr: "token", want: `not expected here`},
		{name: "provider/SIMPAY_API_TOKEN with a trailing line break", provider: `base_url = "%URL%"`,
			env:  map[string]string{envAPIToken: simpaymock.DefaultToken + "\n"},
			body: readIPs, stage: "plan", attr: envAPIToken, want: `line break`, mustNotSay: simpaymock.DefaultToken},
		{name: "provider/SIMPAY_BASE_URL plain http to a remote host", provider: q("api_token", simpaymock.DefaultToken),
			env:  map[string]string{envBaseURL: "http://api.simpay.pl/"},
			body: readIPs, stage: "plan", attr: envBaseURL, want: `Invalid SIMPAY_BASE_URL environment variable.*plain http`},
		{name: "provider/SIMPAY_BASE_URL not a URL", provider: q("api_token", simpaymock.DefaultToken),
			env:  map[string]string{envBaseURL: "simpay"},
			body: readIPs, stage: "plan", attr: envBaseURL, want: `Invalid SIMPAY_BASE_URL environment variable.*not absolute`},

		// Data sources: ids, amounts, currencies.
		{name: "data/payment_service id in upper case", body: dataSource("simpay_payment_service", nil, `id = "D151E4F9"`),
			stage: "validate", attr: "id", want: `must be a SimPay service id`},
		{name: "data/payment_service id too short", body: dataSource("simpay_payment_service", nil, `id = "d151e4f"`),
			stage: "validate", attr: "id", want: `must be a SimPay service id`},
		{name: "data/payment_service id with a trailing space", body: dataSource("simpay_payment_service", nil, `id = "d151e4f9 "`),
			stage: "validate", attr: "id", want: `must be a SimPay service id`},
		{name: "data/payment_service id missing", body: dataSource("simpay_payment_service", nil),
			stage: "validate", attr: "id", want: `argument "id" is required`},
		{name: "data/payment_channels service_id not hexadecimal", body: channels(`service_id = "zzzzzzzz"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/payment_channels currency in lower case", body: channels(`currency = "pln"`),
			stage: "validate", attr: "currency", want: `ISO 4217.*write it in upper case: "PLN"`},
		{name: "data/payment_channels currency unknown", body: channels(`currency = "ZZZ"`),
			stage: "validate", attr: "currency", want: `ISO 4217 currency code`},
		{name: "data/payment_channels amount zero", body: channels(`amount = "0"`),
			stage: "validate", attr: "amount", want: `at least 0.01`},
		{name: "data/payment_channels amount with three decimals", body: channels(`amount = "1.999"`),
			stage: "validate", attr: "amount", want: `at most 2 decimal places`},
		{name: "data/payment_channels amount negative", body: channels(`amount = "-5"`),
			stage: "validate", attr: "amount", want: `at least 0.01, got "-5"`},
		{name: "data/payment_channels amount not a number", body: channels(`amount = "ten"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "data/payment_channels amount with an exponent", body: channels(`amount = "1e3"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "data/payment_channels amount with a decimal comma", body: channels(`amount = "1,50"`),
			stage: "validate", attr: "amount", want: `"1,50" is not a decimal number: the decimal separator is a dot; did you mean "1.50"\?`},
		{name: "data/payment_currencies service_id with a path", body: dataSource("simpay_payment_currencies", nil, `service_id = "d151e4f9/../../ip"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/payment_transactions service_id empty", body: dataSource("simpay_payment_transactions", nil, `service_id = ""`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/payment_transactions max_items zero", body: dataSource("simpay_payment_transactions", []string{validServiceID}, `max_items = 0`),
			stage: "validate", attr: "max_items", want: `at least 1, got: 0`},
		{name: "data/payment_transactions max_items negative", body: dataSource("simpay_payment_transactions", []string{validServiceID}, `max_items = -3`),
			stage: "validate", attr: "max_items", want: `at least 1, got: -3`},
		{name: "data/payment_transaction id with a query", body: dataSource("simpay_payment_transaction", []string{validServiceID}, `id = "not-a-uuid?x=1"`),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id: 1 to 64 letters`},
		{name: "data/payment_transaction id with a space", body: dataSource("simpay_payment_transaction", []string{validServiceID}, q("id", simpaymock.FixtureTxPaidWithRefund+" ")),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id: 1 to 64 letters`},
		{name: "data/payment_transaction id too long", body: dataSource("simpay_payment_transaction", []string{validServiceID}, q("id", long(65))),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id: 1 to 64 letters`},
		{name: "data/payment_transaction id empty", body: dataSource("simpay_payment_transaction", []string{validServiceID}, `id = ""`),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id`},
		{name: "data/payment_transaction id with a fragment", body: dataSource("simpay_payment_transaction", []string{validServiceID}, q("id", simpaymock.FixtureTxPaidWithRefund+"#x")),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id`},
		{name: "data/payment_transaction id with a percent escape", body: dataSource("simpay_payment_transaction", []string{validServiceID}, q("id", "%2e%2e")),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id`},
		{name: "data/payment_transaction id with a path", body: dataSource("simpay_payment_transaction", []string{validServiceID}, q("id", simpaymock.FixtureTxPaidWithRefund+"/refunds")),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id`},
		{name: "data/payment_transaction service_id with a query", body: dataSource("simpay_payment_transaction", []string{q("id", simpaymock.FixtureTxPaidWithRefund)}, `service_id = "d151e4f9?page=2"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/payment_refunds transaction_id with dots", body: dataSource("simpay_payment_refunds", []string{validServiceID},
			`transaction_id = ".."`),
			stage: "validate", attr: "transaction_id", want: `must be a SimPay transaction id`},
		{name: "data/sms_service id too short", body: dataSource("simpay_sms_service", nil, `id = "123"`),
			stage: "validate", attr: "id", want: `must be a SimPay service id`},
		{name: "data/sms_numbers service_id not hexadecimal", body: dataSource("simpay_sms_numbers", nil, `service_id = "xyz"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/directbilling_service id with a query", body: dataSource("simpay_directbilling_service", nil, `id = "d151e4f9?x=1"`),
			stage: "validate", attr: "id", want: `must be a SimPay service id`},
		{name: "data/directbilling_calculation service_id in upper case", body: calc(`service_id = "D151E4F9"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/directbilling_calculation amount zero", body: calc(`amount = "0"`),
			stage: "validate", attr: "amount", want: `at least 0.01`},
		{name: "data/directbilling_calculation amount below a grosz", body: calc(`amount = "0.001"`),
			stage: "validate", attr: "amount", want: `at most 2 decimal places`},
		{name: "data/directbilling_calculation amount empty", body: calc(`amount = ""`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "data/directbilling_calculation amount with a leading space", body: calc(`amount = " 10"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "data/directbilling_calculation amount in full-width digits", body: calc(`amount = "１０"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "data/directbilling_calculation amount of 70 digits", body: calc(q("amount", strings.Repeat("9", 70))),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "data/directbilling_transactions service_id with a path", body: dbList(`service_id = "d151e4f9/../../ip"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/directbilling_transactions phone_number with a plus", body: dbList(`phone_number = "+48123123123"`),
			stage: "validate", attr: "phone_number", want: `9 to 15 digits`},
		{name: "data/directbilling_transactions phone_number with a query", body: dbList(`phone_number = "48123123123&filter[status]=x"`),
			stage: "validate", attr: "phone_number", want: `9 to 15 digits`},
		{name: "data/directbilling_transactions control empty", body: dbList(`control = ""`),
			stage: "validate", attr: "control", want: `between 1 and 128, got: 0`},
		{name: "data/directbilling_transactions control too long", body: dbList(q("control", long(129))),
			stage: "validate", attr: "control", want: `between 1 and 128, got: 129`},
		{name: "data/directbilling_transactions max_items zero", body: dbList(`max_items = 0`),
			stage: "validate", attr: "max_items", want: `at least 1, got: 0`},
		{name: "data/directbilling_transaction id with a tab", body: dataSource("simpay_directbilling_transaction", []string{validServiceID}, `id = "42\t"`),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id: 1 to 64 letters`},
		{name: "data/directbilling_transaction id with a path", body: dataSource("simpay_directbilling_transaction", []string{validServiceID},
			q("id", simpaymock.FixtureDirectBillingTxPaid+"/../..")),
			stage: "validate", attr: "id", want: `must be a SimPay transaction id`},
		{name: "data/directbilling_transaction service_id empty", body: dataSource("simpay_directbilling_transaction",
			[]string{q("id", simpaymock.FixtureDirectBillingTxPaid)}, `service_id = ""`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/sms_transactions service_id too long", body: dataSource("simpay_sms_transactions", nil, `service_id = "d151e4f90"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/sms_transactions max_items negative", body: dataSource("simpay_sms_transactions", []string{validServiceID}, `max_items = -1`),
			stage: "validate", attr: "max_items", want: `at least 1, got: -1`},
		{name: "data/sms_transaction id zero", body: dataSource("simpay_sms_transaction", []string{validServiceID}, `id = 0`),
			stage: "validate", attr: "id", want: `at least 1, got: 0`},
		{name: "data/sms_transaction id negative", body: dataSource("simpay_sms_transaction", []string{validServiceID}, `id = -7`),
			stage: "validate", attr: "id", want: `at least 1, got: -7`},
		{name: "data/sms_transaction id not a number", body: dataSource("simpay_sms_transaction", []string{validServiceID}, `id = "ABC1D6"`),
			stage: "validate", attr: "id", want: `Inappropriate value for attribute "id": a number is required`},
		{name: "data/sms_transaction id with a fraction", body: dataSource("simpay_sms_transaction", []string{validServiceID}, `id = 1.5`),
			stage: "validate", attr: "id", want: `1.5\) is not an integer`},
		{name: "data/sms_transaction service_id in upper case", body: dataSource("simpay_sms_transaction", []string{`id = 1`}, `service_id = "D151E4F9"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},

		// simpay_payment_transaction.
		{name: "payment_transaction/service_id in upper case", body: paymentTx(`service_id = "D151E4F9"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "payment_transaction/amount below the minimum", body: paymentTx(`amount = "0.99"`),
			stage: "validate", attr: "amount", want: `must be at least 1, got "0.99"`},
		{name: "payment_transaction/amount zero", body: paymentTx(`amount = "0"`),
			stage: "validate", attr: "amount", want: `must be at least 1, got "0"`},
		{name: "payment_transaction/amount with three decimals", body: paymentTx(`amount = "10.001"`),
			stage: "validate", attr: "amount", want: `at most 2 decimal places`},
		{name: "payment_transaction/amount negative", body: paymentTx(`amount = "-10"`),
			stage: "validate", attr: "amount", want: `must be at least 1, got "-10"`},
		{name: "payment_transaction/amount not a number", body: paymentTx(`amount = "abc"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "payment_transaction/amount with a decimal comma", body: paymentTx(`amount = "24,99"`),
			stage: "validate", attr: "amount", want: `did you mean "24.99"\?`},
		{name: "payment_transaction/amount with a Polish decimal comma", body: paymentTx(`amount = "12,50"`),
			stage: "validate", attr: "amount", want: `"12,50" is not a decimal number: the decimal separator is a dot; did you mean "12.50"\?`},
		{name: "payment_transaction/amount with a thousands comma", body: paymentTx(`amount = "1,000.50"`),
			stage: "validate", attr: "amount", want: `"1,000.50" is not a decimal number: write digits`},
		{name: "payment_transaction/amount without an integer part", body: paymentTx(`amount = ".5"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "payment_transaction/amount with a plus sign", body: paymentTx(`amount = "+10"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "payment_transaction/amount with a currency", body: paymentTx(`amount = "24.99 PLN"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "payment_transaction/currency in lower case", body: paymentTx(`currency = "pln"`),
			stage: "validate", attr: "currency", want: `write it in upper case: "PLN"`},
		{name: "payment_transaction/currency of four letters", body: paymentTx(`currency = "EURO"`),
			stage: "validate", attr: "currency", want: `ISO 4217 currency code`},
		{name: "payment_transaction/currency symbol", body: paymentTx(`currency = "zł"`),
			stage: "validate", attr: "currency", want: `ISO 4217 currency code`},
		{name: "payment_transaction/description too long", body: paymentTx(q("description", long(65))),
			stage: "validate", attr: "description", want: `character count must be between 1 and 64, got: 65`},
		{name: "payment_transaction/description of 65 Polish letters", body: paymentTx(q("description", polish(65))),
			stage: "validate", attr: "description", want: `character count must be between 1 and 64, got: 65`},
		{name: "payment_transaction/description empty", body: paymentTx(`description = ""`),
			stage: "validate", attr: "description", want: `character count must be between 1 and 64, got: 0`},
		{name: "payment_transaction/control too long", body: paymentTx(q("control", long(256))),
			stage: "validate", attr: "control", want: `character count must be between 1 and 255, got: 256`},
		{name: "payment_transaction/customer empty", body: paymentTx(`customer = {}`),
			stage: "validate", attr: "customer", want: `has no attribute set`},
		{name: "payment_transaction/customer.name too long", body: paymentTx(`customer = { name = "` + long(65) + `" }`),
			stage: "validate", attr: "customer.name", want: `between 1 and 64, got: 65`},
		{name: "payment_transaction/customer.email without a domain", body: paymentTx(`customer = { email = "jan@" }`),
			stage: "validate", attr: "customer.email", want: `plain email address`},
		{name: "payment_transaction/customer.email with a display name", body: paymentTx(`customer = { email = "Jan <jan@example.com>" }`),
			stage: "validate", attr: "customer.email", want: `plain email address`},
		{name: "payment_transaction/customer.email on a dotless host", body: paymentTx(`customer = { email = "jan@localhost" }`),
			stage: "validate", attr: "customer.email", want: `plain email address`},
		{name: "payment_transaction/customer.email too long", body: paymentTx(`customer = { email = "` + long(53) + `@example.com" }`),
			stage: "validate", attr: "customer.email", want: `at most 64, got: 65`},
		{name: "payment_transaction/customer.ip out of range", body: paymentTx(`customer = { ip = "300.1.1.1" }`),
			stage: "validate", attr: "customer.ip", want: `IPv4 or IPv6 address`},
		{name: "payment_transaction/customer.ip with a zone", body: paymentTx(`customer = { ip = "fe80::1%eth0" }`),
			stage: "validate", attr: "customer.ip", want: `IPv4 or IPv6 address`},
		{name: "payment_transaction/customer.ip as a network", body: paymentTx(`customer = { ip = "203.0.113.0/24" }`),
			stage: "validate", attr: "customer.ip", want: `IPv4 or IPv6 address`},
		{name: "payment_transaction/customer.country_code in lower case", body: paymentTx(`customer = { country_code = "pl" }`),
			stage: "validate", attr: "customer.country_code", want: `write it in upper case: "PL"`},
		{name: "payment_transaction/customer.country_code UK", body: paymentTx(`customer = { country_code = "UK" }`),
			stage: "validate", attr: "customer.country_code", want: `the United Kingdom is "GB"`},
		{name: "payment_transaction/customer.country_code of three letters", body: paymentTx(`customer = { country_code = "POL" }`),
			stage: "validate", attr: "customer.country_code", want: `ISO 3166-1 alpha-2`},
		{name: "payment_transaction/antifraud empty", body: paymentTx(`antifraud = {}`),
			stage: "validate", attr: "antifraud", want: `has no attribute set`},
		{name: "payment_transaction/antifraud.steamid too short", body: paymentTx(`antifraud = { steamid = "123" }`),
			stage: "validate", attr: "antifraud.steamid", want: `must be a SteamID64`},
		{name: "payment_transaction/antifraud.useragent empty", body: paymentTx(`antifraud = { useragent = "" }`),
			stage: "validate", attr: "antifraud.useragent", want: `at least 1, got: 0`},
		{name: "payment_transaction/billing empty", body: paymentTx(`billing = {}`),
			stage: "validate", attr: "billing", want: `has no attribute set`},
		{name: "payment_transaction/billing.name too short", body: paymentTx(`billing = { name = "Jan" }`),
			stage: "validate", attr: "billing.name", want: `SimPay takes a name of 5 to 64 characters, this one has 3: write the first name with the surname, such as "Jan Kowalski"`},
		{name: "payment_transaction/billing.name too long", body: paymentTx(`billing = { name = "` + long(65) + `" }`),
			stage: "validate", attr: "billing.name", want: `SimPay takes a name of 5 to 64 characters, this one has 65`},
		{name: "payment_transaction/billing.surname too long", body: paymentTx(`billing = { surname = "` + long(65) + `" }`),
			stage: "validate", attr: "billing.surname", want: `between 1 and 64, got: 65`},
		{name: "payment_transaction/billing.street too long", body: paymentTx(`billing = { street = "` + long(65) + `" }`),
			stage: "validate", attr: "billing.street", want: `between 1 and 64, got: 65`},
		{name: "payment_transaction/billing.building too long", body: paymentTx(`billing = { building = "` + long(17) + `" }`),
			stage: "validate", attr: "billing.building", want: `between 1 and 16, got: 17`},
		{name: "payment_transaction/billing.flat too long", body: paymentTx(`billing = { flat = "` + long(17) + `" }`),
			stage: "validate", attr: "billing.flat", want: `between 1 and 16, got: 17`},
		{name: "payment_transaction/billing.city too long", body: paymentTx(`billing = { city = "` + long(33) + `" }`),
			stage: "validate", attr: "billing.city", want: `between 1 and 32, got: 33`},
		{name: "payment_transaction/billing.region too long", body: paymentTx(`billing = { region = "` + long(33) + `" }`),
			stage: "validate", attr: "billing.region", want: `between 1 and 32, got: 33`},
		{name: "payment_transaction/billing.postal_code empty", body: paymentTx(`billing = { postal_code = "" }`),
			stage: "validate", attr: "billing.postal_code", want: `at least 1, got: 0`},
		{name: "payment_transaction/billing.country unknown", body: paymentTx(`billing = { country = "XX" }`),
			stage: "validate", attr: "billing.country", want: `ISO 3166-1 alpha-2`},
		{name: "payment_transaction/shipping.country in lower case", body: paymentTx(`shipping = { country = "de" }`),
			stage: "validate", attr: "shipping.country", want: `write it in upper case: "DE"`},
		{name: "payment_transaction/shipping.name too short", body: paymentTx(`shipping = { name = "Ola" }`),
			stage: "validate", attr: "shipping.name", want: `SimPay takes a name of 5 to 64 characters, this one has 3: write the first name with the surname, such as "Jan Kowalski"`},
		{name: "payment_transaction/cart empty", body: paymentTx(`cart = []`),
			stage: "validate", attr: "cart", want: `at least 1 elements, got: 0`},
		{name: "payment_transaction/cart item name too short", body: paymentTx(`cart = [{ name = "ab", quantity = 1, price = "24.99" }]`),
			stage: "validate", attr: "cart[0].name", want: `between 3 and 64, got: 2`},
		{name: "payment_transaction/cart item name too long", body: paymentTx(`cart = [{ name = "` + long(65) + `", quantity = 1, price = "24.99" }]`),
			stage: "validate", attr: "cart[0].name", want: `between 3 and 64, got: 65`},
		{name: "payment_transaction/cart item quantity zero", body: paymentTx(`cart = [{ name = "Mug", quantity = 0, price = "24.99" }]`),
			stage: "validate", attr: "cart[0].quantity", want: `at least 1, got: 0`},
		{name: "payment_transaction/cart item price zero", body: paymentTx(`cart = [{ name = "Mug", quantity = 1, price = "0" }]`),
			stage: "validate", attr: "cart[0].price", want: `at least 0.01, got "0"`},
		{name: "payment_transaction/cart item price below a grosz", body: paymentTx(`cart = [{ name = "Mug", quantity = 1, price = "0.001" }]`),
			stage: "validate", attr: "cart[0].price", want: `at most 2 decimal places`},
		{name: "payment_transaction/cart item price not a number", body: paymentTx(`cart = [{ name = "Mug", quantity = 1, price = "free" }]`),
			stage: "validate", attr: "cart[0].price", want: `is not a decimal number`},
		{name: "payment_transaction/cart item price negative", body: paymentTx(`cart = [{ name = "Mug", quantity = 1, price = "1.00" }, { name = "Discount", quantity = 1, price = "-5" }]`),
			stage: "validate", attr: "cart[1].price", want: `at least 0.01, got "-5"`},
		{name: "payment_transaction/cart item producer too long", body: paymentTx(`cart = [{ name = "Mug", quantity = 1, price = "9", producer = "` + long(65) + `" }]`),
			stage: "validate", attr: "cart[0].producer", want: `between 1 and 64, got: 65`},
		{name: "payment_transaction/cart item category too long", body: paymentTx(`cart = [{ name = "Mug", quantity = 1, price = "9", category = "` + long(65) + `" }]`),
			stage: "validate", attr: "cart[0].category", want: `between 1 and 64, got: 65`},
		{name: "payment_transaction/cart item code too long", body: paymentTx(`cart = [{ name = "Mug", quantity = 1, price = "9", code = "` + long(65) + `" }]`),
			stage: "validate", attr: "cart[0].code", want: `between 1 and 64, got: 65`},
		{name: "payment_transaction/cart item without a price", body: paymentTx(`cart = [{ name = "Mug", quantity = 1 }]`),
			stage: "validate", attr: "price", want: `attribute "price" is required`},
		{name: "payment_transaction/return_urls empty", body: paymentTx(`return_urls = {}`),
			stage: "validate", attr: "return_urls", want: `has no attribute set`},
		{name: "payment_transaction/return_urls.success ftp", body: paymentTx(`return_urls = { success = "ftp://shop.example.com/paid" }`),
			stage: "validate", attr: "return_urls.success", want: `absolute http\(s\) URL`},
		{name: "payment_transaction/return_urls.failure relative", body: paymentTx(`return_urls = { failure = "/failed" }`),
			stage: "validate", attr: "return_urls.failure", want: `absolute http\(s\) URL`},
		{name: "payment_transaction/return_urls.success javascript", body: paymentTx(`return_urls = { success = "javascript:alert(1)" }`),
			stage: "validate", attr: "return_urls.success", want: `absolute http\(s\) URL`},
		{name: "payment_transaction/return_urls.success without a host", body: paymentTx(`return_urls = { success = "https://" }`),
			stage: "validate", attr: "return_urls.success", want: `absolute http\(s\) URL`},
		{name: "payment_transaction/direct_channel alone", body: paymentTx(directReady...),
			stage: "validate", attr: "direct_channel", want: `Missing: customer.ip, customer.country_code and antifraud.useragent\.`},
		{name: "payment_transaction/direct_channel without antifraud.useragent", body: paymentTx(append(directReady,
			`customer = { ip = "203.0.113.7", country_code = "PL" }`)...),
			stage: "validate", attr: "antifraud.useragent", want: `Missing: antifraud.useragent\.`},
		{name: "payment_transaction/direct_channel without customer.ip", body: paymentTx(append(directReady,
			`customer = { email = "jan@example.com", country_code = "PL" }`, `antifraud = { useragent = "Mozilla/5.0" }`)...),
			stage: "validate", attr: "customer.ip", want: `Missing: customer.ip\.`},
		{name: "payment_transaction/direct_channel without customer.country_code", body: paymentTx(append(directReady,
			`customer = { ip = "203.0.113.7" }`, `antifraud = { useragent = "Mozilla/5.0" }`)...),
			stage: "validate", attr: "customer.country_code", want: `Missing: customer.country_code\.`},
		{name: "payment_transaction/direct_channel with customer.country_code null", body: paymentTx(append(directReady,
			`customer = { ip = "203.0.113.7", country_code = null }`, `antifraud = { useragent = "Mozilla/5.0" }`)...),
			stage: "validate", attr: "customer.country_code", want: `Missing: customer.country_code\.`},
		{name: "payment_transaction/direct_channel with neither customer.ip nor customer.country_code", body: paymentTx(append(directReady,
			`antifraud = { useragent = "Mozilla/5.0" }`)...),
			stage: "validate", attr: "customer.country_code", want: `Missing: customer.ip and customer.country_code\.`},
		// The money rules of SimPay's catalogue: refused at plan, having read
		// only the service's currencies and channels.
		{name: "payment_transaction/amount above the direct channel's max", body: paymentTx(`amount = "25000.00"`,
			`direct_channel = "blik"`, `customer = { ip = "203.0.113.7", country_code = "PL" }`,
			`antifraud = { useragent = "Mozilla/5.0" }`),
			stage: "plan", attr: "amount", want: `Amount outside the channel's limits.*"blik".*at most 20000`, reads: catalogueReads},
		{name: "payment_transaction/amount below a listed channel's min", body: paymentTx(`amount = "4.99"`,
			`channels = ["paysafecard"]`),
			stage: "plan", attr: "amount", want: `Amount outside the channel's limits.*"paysafecard".*at least 5`, reads: catalogueReads},
		{name: "payment_transaction/currency the service does not list", body: paymentTx(`currency = "USD"`),
			stage: "plan", attr: "currency", want: `Currency not accepted by the payment service.*"USD".*PLN, EUR and ARS`,
			reads: catalogueReads},
		{name: "payment_transaction/currency the direct channel does not take", body: paymentTx(`currency = "EUR"`,
			`direct_channel = "blik"`, `customer = { ip = "203.0.113.7", country_code = "PL" }`,
			`antifraud = { useragent = "Mozilla/5.0" }`),
			stage: "plan", attr: "currency", want: `Currency not accepted by the channel.*currency = "EUR", but channel "blik".*only PLN`, reads: catalogueReads},
		{name: "payment_transaction/direct_channel empty", body: paymentTx(`direct_channel = ""`,
			`customer = { ip = "203.0.113.7" }`, `antifraud = { useragent = "Mozilla/5.0" }`),
			stage: "validate", attr: "direct_channel", want: `at least 1, got: 0`},
		{name: "payment_transaction/channels empty", body: paymentTx(`channels = []`),
			stage: "validate", attr: "channels", want: `at least 1 elements, got: 0`},
		{name: "payment_transaction/channels repeated", body: paymentTx(`channels = ["blik", "blik"]`),
			stage: "validate", attr: "channels", want: `duplicate values`},
		{name: "payment_transaction/channels with an empty id", body: paymentTx(`channels = ["blik", ""]`),
			stage: "validate", attr: "channels[1]", want: `at least 1, got: 0`},
		{name: "payment_transaction/channel_types empty", body: paymentTx(`channel_types = {}`),
			stage: "validate", attr: "channel_types", want: `has no attribute set`},
		{name: "payment_transaction/channel_types.blik not a bool", body: paymentTx(`channel_types = { blik = "yes" }`),
			stage: "validate", attr: "channel_types", want: `bool required|a bool is required`},
		{name: "payment_transaction/antifraud.system_id empty", body: paymentTx(`antifraud = { system_id = "" }`),
			stage: "validate", attr: "antifraud.system_id", want: `at least 1, got: 0`},
		{name: "payment_transaction/return_urls.pending relative", body: paymentTx(`return_urls = { pending = "/pending" }`),
			stage: "validate", attr: "return_urls.pending", want: `absolute http\(s\) URL`},
		{name: "payment_transaction/channel_types.postponed not a bool", body: paymentTx(`channel_types = { postponed = "later" }`),
			stage: "validate", attr: "channel_types", want: `bool required|a bool is required`},
		{name: "payment_transaction/commission_mode unknown", body: paymentTx(`commission_mode = "shop"`),
			stage: "validate", attr: "commission_mode", want: `must be one of: \["merchant" "payer"\], got: "shop"`},
		{name: "payment_transaction/commission_mode in upper case", body: paymentTx(`commission_mode = "PAYER"`),
			stage: "validate", attr: "commission_mode", want: `must be one of: \["merchant" "payer"\], got: "PAYER"`},
		{name: "payment_transaction/context empty", body: paymentTx(`context = {}`),
			stage: "validate", attr: "context", want: `has no attribute set`},
		{name: "payment_transaction/context.account_created_at a date only", body: paymentTx(`context = { account_created_at = "2024-03-01" }`),
			stage: "validate", attr: "context.account_created_at", want: `must be an RFC 3339 timestamp with its UTC offset`},
		{name: "payment_transaction/context.account_created_at without an offset", body: paymentTx(`context = { account_created_at = "2024-03-01T10:00:00" }`),
			stage: "validate", attr: "context.account_created_at", want: `must be an RFC 3339 timestamp with its UTC offset`},
		{name: "payment_transaction/context.account_created_at in Polish order", body: paymentTx(`context = { account_created_at = "01.03.2024 10:00" }`),
			stage: "validate", attr: "context.account_created_at", want: `must be an RFC 3339 timestamp`},
		{name: "payment_transaction/context.sales_total_count negative", body: paymentTx(`context = { sales_total_count = -1 }`),
			stage: "validate", attr: "context.sales_total_count", want: `at least 0, got: -1`},
		{name: "payment_transaction/context.sales_total_amount negative", body: paymentTx(`context = { sales_total_amount = "-10" }`),
			stage: "validate", attr: "context.sales_total_amount", want: `must be at least 0, got "-10"`},
		{name: "payment_transaction/context.sales_avg_amount with three decimals", body: paymentTx(`context = { sales_avg_amount = "10.005" }`),
			stage: "validate", attr: "context.sales_avg_amount", want: `at most 2 decimal places`},
		{name: "payment_transaction/context.sales_max_amount not a number", body: paymentTx(`context = { sales_max_amount = "a lot" }`),
			stage: "validate", attr: "context.sales_max_amount", want: `is not a decimal number`},
		{name: "payment_transaction/context.sales_max_amount with a decimal comma", body: paymentTx(`context = { sales_max_amount = "99,90" }`),
			stage: "validate", attr: "context.sales_max_amount", want: `is not a decimal number`},
		{name: "payment_transaction/context.account_set_currency in lower case", body: paymentTx(`context = { account_set_currency = "eur" }`),
			stage: "validate", attr: "context.account_set_currency", want: `write it in upper case: "EUR"`},
		{name: "payment_transaction/context.account_set_currency unknown", body: paymentTx(`context = { account_set_currency = "XYZ" }`),
			stage: "validate", attr: "context.account_set_currency", want: `ISO 4217 currency code`},
		{name: "payment_transaction/context.has_previous_purchases not a bool", body: paymentTx(`context = { has_previous_purchases = "maybe" }`),
			stage: "validate", attr: "context", want: `bool required|a bool is required`},
		{name: "payment_transaction/referer too short", body: paymentTx(`referer = "abc"`),
			stage: "validate", attr: "referer", want: `between 6 and 64, got: 3`},
		{name: "payment_transaction/referer too long", body: paymentTx(q("referer", long(65))),
			stage: "validate", attr: "referer", want: `between 6 and 64, got: 65`},
		{name: "payment_transaction/timeouts.create in words", body: paymentTx(`timeouts = { create = "5 minutes" }`),
			stage: "validate", attr: "timeouts.create", want: `must be a duration such as "30s"`},
		{name: "payment_transaction/timeouts.read negative", body: paymentTx(`timeouts = { read = "-2m" }`),
			stage: "validate", attr: "timeouts.read", want: `must be a positive duration`},
		{name: "payment_transaction/unknown argument", body: paymentTx(`amount_pln = "24.99"`),
			stage: "validate", attr: "amount_pln", want: `not expected here`},

		// simpay_payment_refund.
		{name: "payment_refund/service_id too long", body: refundRes(`service_id = "d151e4f90"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "payment_refund/transaction_id with a slash", body: refundRes(`transaction_id = "order/1001"`),
			stage: "validate", attr: "transaction_id", want: `must be a SimPay transaction id`},
		{name: "payment_refund/transaction_id with dot segments", body: refundRes(q("transaction_id", "../"+simpaymock.FixtureTxPaidWithRefund)),
			stage: "validate", attr: "transaction_id", want: `must be a SimPay transaction id`},
		{name: "payment_refund/amount zero", body: refundRes(`amount = "0"`),
			stage: "validate", attr: "amount", want: `at least 0.01, got "0"`},
		{name: "payment_refund/amount with three decimals", body: refundRes(`amount = "5.555"`),
			stage: "validate", attr: "amount", want: `at most 2 decimal places`},
		{name: "payment_refund/amount negative", body: refundRes(`amount = "-1"`),
			stage: "validate", attr: "amount", want: `at least 0.01, got "-1"`},
		{name: "payment_refund/amount in words", body: refundRes(`amount = "all"`),
			stage: "validate", attr: "amount", want: `is not a decimal number`},
		{name: "payment_refund/timeouts.read in words", body: refundRes(`timeouts = { read = "forever" }`),
			stage: "validate", attr: "timeouts.read", want: `must be a duration such as "30s"`},
		{name: "payment_refund/timeouts.create zero", body: refundRes(`timeouts = { create = "0s" }`),
			stage: "validate", attr: "timeouts.create", want: `must be a positive duration`},

		// simpay_directbilling_transaction.
		{name: "directbilling_transaction/service_id with a path", body: dbTx(`service_id = "../d151e4f9"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "directbilling_transaction/amount zero", body: dbTx(`amount = "0"`),
			stage: "validate", attr: "amount", want: `at least 0.01, got "0"`},
		{name: "directbilling_transaction/amount with three decimals", body: dbTx(`amount = "1.234"`),
			stage: "validate", attr: "amount", want: `at most 2 decimal places`},
		{name: "directbilling_transaction/amount negative", body: dbTx(`amount = "-19.99"`),
			stage: "validate", attr: "amount", want: `at least 0.01, got "-19.99"`},
		{name: "directbilling_transaction/amount_type unknown", body: dbTx(`amount_type = "brutto"`),
			stage: "validate", attr: "amount_type", want: `must be one of.*"brutto"`},
		{name: "directbilling_transaction/amount_type in upper case", body: dbTx(`amount_type = "GROSS"`),
			stage: "validate", attr: "amount_type", want: `must be one of.*"GROSS"`},
		{name: "directbilling_transaction/description too long", body: dbTx(q("description", long(129))),
			stage: "validate", attr: "description", want: `between 1 and 128, got: 129`},
		{name: "directbilling_transaction/description empty", body: dbTx(`description = ""`),
			stage: "validate", attr: "description", want: `between 1 and 128, got: 0`},
		{name: "directbilling_transaction/description of 129 Polish letters", body: dbTx(q("description", polish(129))),
			stage: "validate", attr: "description", want: `character count must be between 1 and 128, got: 129`},
		{name: "directbilling_transaction/control too long", body: dbTx(q("control", long(129))),
			stage: "validate", attr: "control", want: `character count must be between 1 and 128, got: 129`},
		{name: "directbilling_transaction/phone_number with a plus", body: dbTx(`phone_number = "+48123123123"`),
			stage: "validate", attr: "phone_number", want: `9 to 15 digits`},
		{name: "directbilling_transaction/phone_number with spaces", body: dbTx(`phone_number = "48 123 123 123"`),
			stage: "validate", attr: "phone_number", want: `9 to 15 digits`},
		{name: "directbilling_transaction/phone_number too short", body: dbTx(`phone_number = "12345678"`),
			stage: "validate", attr: "phone_number", want: `9 to 15 digits`},
		{name: "directbilling_transaction/phone_number too long", body: dbTx(`phone_number = "4812312312312345"`),
			stage: "validate", attr: "phone_number", want: `9 to 15 digits`},
		{name: "directbilling_transaction/steamid with a letter", body: dbTx(`steamid = "7656119800000000a"`),
			stage: "validate", attr: "steamid", want: `must be a SteamID64`},
		{name: "directbilling_transaction/return_urls empty", body: dbTx(`return_urls = {}`),
			stage: "validate", attr: "return_urls", want: `has no attribute set`},
		{name: "directbilling_transaction/return_urls.success not a URL", body: dbTx(`return_urls = { success = "not a url" }`),
			stage: "validate", attr: "return_urls.success", want: `absolute http\(s\) URL`},
		{name: "directbilling_transaction/return_urls.failure mailto", body: dbTx(`return_urls = { failure = "mailto:shop@example.com" }`),
			stage: "validate", attr: "return_urls.failure", want: `absolute http\(s\) URL`},
		{name: "directbilling_transaction/timeouts.create negative", body: dbTx(`timeouts = { create = "-1m" }`),
			stage: "validate", attr: "timeouts.create", want: `must be a positive duration`},
		{name: "directbilling_transaction/email without a domain", body: dbTx(`email = "jan@"`),
			stage: "validate", attr: "email", want: `must be a plain email address such as "jan@example.com", got "jan@"`},
		{name: "directbilling_transaction/email with a display name", body: dbTx(`email = "Jan <jan@example.com>"`),
			stage: "validate", attr: "email", want: `must be a plain email address`},
		{name: "directbilling_transaction/email without a dot in the domain", body: dbTx(`email = "jan@localhost"`),
			stage: "validate", attr: "email", want: `must be a plain email address`},
		{name: "directbilling_transaction/email empty", body: dbTx(`email = ""`),
			stage: "validate", attr: "email", want: `must be a plain email address`},

		// Malformed import ids, in import blocks (terraform plan) and with
		// terraform import. The resources' configurations are valid.
		{name: "import/payment_transaction id without a transaction", body: importBlock("simpay_payment_transaction.bad", "d151e4f9") + paymentTx(),
			stage: "plan", attr: "import id", want: `Invalid import id for simpay_payment_transaction.*has 1 part.*expected 2`},
		{name: "import/payment_transaction transaction_id too long", body: importBlock("simpay_payment_transaction.bad", "d151e4f9/"+long(65)) + paymentTx(),
			stage: "plan", attr: "transaction_id", want: `transaction_id "x{65}" is not in SimPay's format`},
		{name: "import/payment_transaction service_id in upper case", body: importBlock("simpay_payment_transaction.bad", "D151E4F9/"+simpaymock.FixtureTxPaidWithRefund) + paymentTx(),
			stage: "plan", attr: "service_id", want: `service_id "D151E4F9" is not in SimPay's format`},
		{name: "import/payment_transaction with a query", body: importBlock("simpay_payment_transaction.bad", "d151e4f9/"+simpaymock.FixtureTxPaidWithRefund+"?x=1") + paymentTx(),
			stage: "plan", attr: "transaction_id", want: `transaction_id ".*\?x=1" is not in SimPay's format`},
		{name: "import/payment_refund id without a refund", body: importBlock("simpay_payment_refund.bad", "d151e4f9/"+simpaymock.FixtureTxPaidWithRefund) + refundRes(),
			stage: "plan", attr: "import id", want: `Invalid import id for simpay_payment_refund.*has 2 part.*expected 3`},
		{name: "import/payment_refund refund_id with a space", body: importBlock("simpay_payment_refund.bad", "d151e4f9/"+simpaymock.FixtureTxPaidWithRefund+"/1 2") + refundRes(),
			stage: "plan", attr: "refund_id", want: `refund_id "1 2" is not in SimPay's format`},
		{name: "import/payment_refund id with a leading space", body: importBlock("simpay_payment_refund.bad", " d151e4f9/"+simpaymock.FixtureTxPaidWithRefund+"/"+simpaymock.FixtureRefundID) + refundRes(),
			stage: "plan", attr: "service_id", want: `service_id " d151e4f9" is not in SimPay's format`},
		{name: "import/directbilling_transaction id with a colon", body: importBlock("simpay_directbilling_transaction.bad", "d151e4f9:"+simpaymock.FixtureDirectBillingTxNew) + dbTx(),
			stage: "plan", attr: "import id", want: `Invalid import id for simpay_directbilling_transaction.*has 1 part.*expected 2`},
		{name: "import/directbilling_transaction id with a path", body: importBlock("simpay_directbilling_transaction.bad", "d151e4f9/../../ip") + dbTx(),
			stage: "plan", attr: "import id", want: `Invalid import id for simpay_directbilling_transaction.*has 4 part.*expected 2`},
		{name: "import/directbilling_transaction id empty", body: importBlock("simpay_directbilling_transaction.bad", "") + dbTx(),
			stage: "validate", attr: "id", want: `import ID cannot be empty|empty`,
			// Terraform refuses an empty import id itself. OpenTofu (1.12.6)
			// drops such an import block without a word and plans a plain
			// create, so the provider is never asked to import anything and
			// nothing can refuse the id.
			cliChecks: []tfversion.TerraformVersionCheck{skipOnOpenTofu("it ignores an import block whose id is empty, so no import reaches the provider")}},
		{name: "cli-import/payment_transaction transaction_id with a query", body: paymentTx(),
			stage: "import", importArgs: []string{"simpay_payment_transaction.bad", "d151e4f9/not-a-uuid?x=1"},
			attr: "transaction_id", want: `Invalid import id for simpay_payment_transaction.*transaction_id "not-a-uuid\?x=1" is not in SimPay's format`},
		{name: "cli-import/payment_refund id without a refund", body: refundRes(),
			stage: "import", importArgs: []string{"simpay_payment_refund.bad", "d151e4f9/" + simpaymock.FixtureTxPaidWithRefund},
			attr: "import id", want: `Invalid import id for simpay_payment_refund.*expected 3`},
		{name: "cli-import/directbilling_transaction id without a transaction", body: dbTx(),
			stage: "import", importArgs: []string{"simpay_directbilling_transaction.bad", "d151e4f9"},
			attr: "import id", want: `Invalid import id for simpay_directbilling_transaction.*expected 2`},
	}, recurringBadInputCases()...)
}

// withoutBaseURL replaces the base_url line of settings with line.
func withoutBaseURL(settings, line string) string {
	var out []string
	for _, l := range strings.Split(settings, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "base_url") {
			out = append(out, l)
		}
	}
	return line + "\n" + strings.Join(out, "\n")
}

// tfDiagnostic is a diagnostic in Terraform's JSON output.
type tfDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address"`
	Range    *struct {
		Filename string `json:"filename"`
		Start    struct {
			Line int `json:"line"`
		} `json:"start"`
	} `json:"range"`
}

func (d tfDiagnostic) text() string {
	return strings.Join(strings.Fields(d.Summary+": "+d.Detail), " ")
}

// TestBadInputsRejectedBeforeAnyRequest runs each invalid configuration
// through Terraform, each against a mock of its own, and checks that it is
// refused at the stage given, by an error that names the attribute, with no
// request made to SimPay.
func TestBadInputsRejectedBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	cases := badInputCases()
	if len(cases) < 60 {
		t.Fatalf("only %d bad inputs; the suite needs at least 60", len(cases))
	}
	seen := map[string]bool{}
	for _, tc := range cases {
		if seen[tc.name] {
			t.Fatalf("two cases are named %q", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkCLI(t, tc.cliChecks...)
			badInputTally.tried.Add(1)
			if runBadInput(t, tc) {
				badInputTally.rejected.Add(1)
			}
		})
	}
}

// runBadInput runs one case and reports whether it was refused before any
// request; every way it can fall short is also a test failure. A case runs
// as a resource.UnitTest step unless it needs the CLI itself: an
// environment of its own (the in-process provider shares the test's), a
// check of every line the CLI prints for a secret, or terraform import.
func runBadInput(t *testing.T, tc badInputCase) bool {
	if len(tc.env) > 0 || tc.mustNotSay != "" || tc.stage == "import" {
		return runBadInputCLI(t, tc)
	}
	return runBadInputStep(t, tc)
}

// configureCounter is the provider server, counting ConfigureProvider
// calls: Terraform configures the provider only once the configuration is
// valid, so a case refused with none was refused at validation.
type configureCounter struct {
	tfprotov6.ProviderServer
	calls *atomic.Int32
}

func (c configureCounter) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	c.calls.Add(1)
	return c.ProviderServer.ConfigureProvider(ctx, req)
}

// runBadInputStep runs a case as a resource.UnitTest step whose ExpectError
// is the case's error naming its attribute, then checks the stage by whether
// the provider was configured, and that the mock saw no request.
func runBadInputStep(t *testing.T, tc badInputCase) bool {
	mock := newTestMock(t, simpaymock.Options{})
	settings := tc.provider
	if settings == "" {
		settings = `base_url = "%URL%"` + "\n  " + q("api_token", simpaymock.DefaultToken)
	}
	config := "provider \"simpay\" {\n  " + strings.ReplaceAll(settings, "%URL%", mock.URL) + "\n}\n\n" + tc.body
	var configured atomic.Int32
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"simpay": func() (tfprotov6.ProviderServer, error) {
			s, err := testAccProviders["simpay"]()
			return configureCounter{ProviderServer: s, calls: &configured}, err
		},
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps:                    []resource.TestStep{{Config: config, ExpectError: namingError(tc.want, tc.attr)}},
	})
	stage := "validate"
	if configured.Load() > 0 {
		stage = "plan"
	}
	if stage != tc.stage {
		t.Errorf("refused at %s (the provider was configured %d times), want at %s", stage, configured.Load(), tc.stage)
	}
	requests := unexpectedRequests(mock, tc)
	if len(requests) != 0 {
		t.Errorf("the mock saw %d request(s), want none but %v: %v", len(requests), tc.reads, requests)
	}
	return stage == tc.stage && len(requests) == 0
}

// namingError matches Terraform's report of an error matching want that
// names attr, in its text or in the source line Terraform quotes. Terraform
// wraps long lines, so a space matches any white space.
func namingError(want, attr string) *regexp.Regexp {
	spaced := func(s string) string { return strings.ReplaceAll(s, " ", `\s+`) }
	w := `(?:` + spaced(want) + `)`
	a := `(?:^|[^A-Za-z0-9_.\[])` + spaced(regexp.QuoteMeta(attr)) + `(?:$|[^A-Za-z0-9_\[])`
	if regexp.MustCompile(a).MatchString(want) {
		// The expected text names the attribute itself.
		return regexp.MustCompile(`(?s)` + w)
	}
	return regexp.MustCompile(`(?s)` + w + `.*` + a + `|` + a + `.*` + w)
}

// runBadInputCLI runs a case through the terraform CLI: validate, then plan
// or import.
func runBadInputCLI(t *testing.T, tc badInputCase) bool {
	mock := newTestMock(t, simpaymock.Options{})
	settings := tc.provider
	if settings == "" {
		settings = `base_url = "%URL%"` + "\n  " + q("api_token", simpaymock.DefaultToken)
	}
	settings = strings.ReplaceAll(settings, "%URL%", mock.URL)
	config := "provider \"simpay\" {\n  " + settings + "\n}\n\n" + tc.body
	tf := newTerraformCLI(t, config)
	for k, v := range tc.env {
		tf.Env = append(tf.Env, k+"="+v)
	}
	ctx := context.Background()

	stage, diags := "", []tfDiagnostic(nil)
	stdout, stderr, err := tf.Run(ctx, "validate", "-json", "-no-color")
	var validated struct {
		Valid       bool           `json:"valid"`
		Diagnostics []tfDiagnostic `json:"diagnostics"`
	}
	if jerr := json.Unmarshal([]byte(stdout), &validated); jerr != nil {
		t.Fatalf("terraform validate -json printed no JSON (%v): %v\n%s\n%s", jerr, err, stdout, stderr)
	}
	var text string // what the rejecting command said, for failure messages
	switch {
	case !validated.Valid:
		stage, diags, text = "validate", validated.Diagnostics, stdout+stderr
	case tc.stage == "import":
		stdout, stderr, err = tf.Run(ctx, append([]string{"import", "-input=false", "-no-color"}, tc.importArgs...)...)
		text = stdout + stderr
		if err != nil {
			stage = "import"
			diags = []tfDiagnostic{{Severity: "error", Detail: stderr}}
		}
	default:
		stdout, stderr, err = tf.Run(ctx, "plan", "-json", "-input=false", "-no-color", "-lock=false")
		text = stdout + stderr
		if err != nil {
			stage, diags = "plan", planDiagnostics(t, stdout)
		}
	}
	if stage == "" {
		t.Errorf("accepted; want it refused at %s:\n%s", tc.stage, text)
	} else if stage != tc.stage {
		t.Errorf("refused at %s, want at %s:\n%s", stage, tc.stage, text)
	}

	// A secret the configuration does not hold literally must appear nowhere
	// in the output, source snippets and expression values included.
	if tc.mustNotSay != "" && !strings.Contains(config, tc.mustNotSay) && strings.Contains(text, tc.mustNotSay) {
		t.Errorf("the output repeats %q:\n%s", tc.mustNotSay, text)
	}

	want := regexp.MustCompile(tc.want)
	named, matched := false, false
	source := strings.Split(config, "\n")
	for _, d := range diags {
		if tc.mustNotSay != "" && strings.Contains(d.Summary+d.Detail, tc.mustNotSay) {
			t.Errorf("an error repeats %q:\n%s", tc.mustNotSay, d.text())
		}
		if d.Severity != "error" || !want.MatchString(d.text()) {
			continue
		}
		matched = true
		named = named || namesAttribute(d, source, tc.attr)
	}
	if stage != "" && !matched {
		t.Errorf("no error matches %q:\n%s", tc.want, text)
	} else if stage != "" && !named {
		t.Errorf("the error does not name %s, in its text or its source range:\n%s", tc.attr, text)
	}

	requests := unexpectedRequests(mock, tc)
	if len(requests) != 0 {
		t.Errorf("the mock saw %d request(s), want none but %v: %v", len(requests), tc.reads, requests)
	}
	return stage == tc.stage && matched && named && len(requests) == 0
}

// planDiagnostics reads the diagnostics of terraform plan -json.
func planDiagnostics(t *testing.T, stdout string) []tfDiagnostic {
	var diags []tfDiagnostic
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Type       string        `json:"type"`
			Diagnostic *tfDiagnostic `json:"diagnostic"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("terraform plan -json printed a line that is not JSON: %v\n%s", err, sc.Text())
		}
		if line.Type == "diagnostic" && line.Diagnostic != nil {
			diags = append(diags, *line.Diagnostic)
		}
	}
	return diags
}

// namesAttribute reports whether d names attr: as a word of its text, or by
// pointing at the line of main.tf that sets the attribute.
func namesAttribute(d tfDiagnostic, source []string, attr string) bool {
	word := regexp.MustCompile(`(^|[^A-Za-z0-9_.\[])` + regexp.QuoteMeta(attr) + `($|[^A-Za-z0-9_\[])`)
	if word.MatchString(d.Summary + " " + d.Detail) {
		return true
	}
	if d.Range == nil || filepath.Base(d.Range.Filename) != "main.tf" || d.Range.Start.Line < 1 || d.Range.Start.Line > len(source) {
		return false
	}
	leaf := attr[strings.LastIndex(attr, ".")+1:]
	if i := strings.Index(leaf, "["); i >= 0 {
		leaf = leaf[:i]
	}
	line := strings.TrimSpace(source[d.Range.Start.Line-1])
	return regexp.MustCompile(`^` + regexp.QuoteMeta(leaf) + `\s*=`).MatchString(line)
}

// TestTextLimitsCountCharacters checks the other side of the length limits:
// SimPay counts characters, so Polish text as long as the limit, twice as
// many bytes in UTF-8, is valid.
func TestTextLimitsCountCharacters(t *testing.T) {
	t.Parallel()
	polish := func(n int) string { return quoteHCL(strings.Repeat("ż", n)) }
	tf := newTerraformCLI(t, `provider "simpay" {}

resource "simpay_payment_transaction" "polish" {
  service_id  = "d151e4f9"
  amount      = "24.99"
  description = `+polish(64)+`
  control     = `+polish(255)+`
}

resource "simpay_directbilling_transaction" "polish" {
  service_id  = "d151e4f9"
  amount      = "19.99"
  description = `+polish(dbTextMaxLength)+`
  control     = `+polish(dbTextMaxLength)+`
}
`)
	stdout, stderr, err := tf.Run(context.Background(), "validate", "-no-color")
	if err != nil || !strings.Contains(stdout, "The configuration is valid") {
		t.Fatalf("terraform validate refused text at the length limits: %v\n%s%s", err, stdout, stderr)
	}
}

// init adds the bad-input and secrets summaries to those TestMain prints
// after the run, where gotestsum (make test) shows them even when every test
// passed.
func init() {
	suiteSummaries = append(suiteSummaries, func() string {
		if badInputTally.tried.Load() == 0 {
			return ""
		}
		return badInputSummary()
	}, secretsSummary)
}

func badInputSummary() string {
	return fmt.Sprintf("bad inputs: %d tried, %d rejected before any request",
		badInputTally.tried.Load(), badInputTally.rejected.Load())
}
