package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

var addressAttributeNames = []string{"name", "surname", "street", "building", "flat", "city", "region", "postal_code", "country", "company"}

// addressCheck checks every field of an address: the given ones exactly,
// the others null.
func addressCheck(fields map[string]string) knownvalue.Check {
	checks := make(map[string]knownvalue.Check, len(addressAttributeNames))
	for _, f := range addressAttributeNames {
		checks[f] = stringOrNullCheck(fields[f])
	}
	return knownvalue.ObjectExact(checks)
}

func cartItemCheck(name string, quantity int64, price, producer, category, code string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"name":     knownvalue.StringExact(name),
		"quantity": knownvalue.Int64Exact(quantity),
		"price":    knownvalue.StringExact(price),
		"producer": stringOrNullCheck(producer),
		"category": stringOrNullCheck(category),
		"code":     stringOrNullCheck(code),
	})
}

func amountCheck(value, currency, commission, commissionCurrency string, original knownvalue.Check) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"value":               knownvalue.StringExact(value),
		"currency":            knownvalue.StringExact(currency),
		"commission":          stringOrNullCheck(commission),
		"commission_currency": knownvalue.StringExact(commissionCurrency),
		"original":            original,
	})
}

func originalCheck(value, currency, rate string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"value":    knownvalue.StringExact(value),
		"currency": knownvalue.StringExact(currency),
		"pln_rate": knownvalue.StringExact(rate),
	})
}

// returnURLsCheck checks return_urls: pending is always null on a read, as
// SimPay's transaction detail has none.
func returnURLsCheck(success, failure string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"success": stringOrNullCheck(success), "failure": stringOrNullCheck(failure), "pending": knownvalue.Null(),
	})
}

// fixtureAdditional is what the mock sends as "additional" of transaction
// 7c1e9a52 in the SDK dialect; every other transaction has [] there, and
// the documented dialect sends no "additional" at all.
const fixtureAdditional = `{"mock":"SimPay documents no shape for additional","items":[1,"two",null],"amount":24.90}`

func customerCheck(name, email, ip, country string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"name": stringOrNullCheck(name), "email": stringOrNullCheck(email),
		"ip": stringOrNullCheck(ip), "country_code": stringOrNullCheck(country),
	})
}

func TestAccPaymentTransactionDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		const unpaid, paid = "data.simpay_payment_transaction.unpaid", "data.simpay_payment_transaction.paid"
		checks := expectState(unpaid, map[string]knownvalue.Check{
			"service_id":           knownvalue.StringExact("d151e4f9"),
			"id":                   knownvalue.StringExact("7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"),
			"payer_transaction_id": knownvalue.StringExact("Q88EWQMJ"),
			"status":               knownvalue.StringExact("transaction_new"),
			// Not paid yet: no commission, channel or paid_at.
			"reported_amount": amountCheck("49", "PLN", "", "PLN", originalCheck("49", "PLN", "1")),
			"amount":          knownvalue.StringExact("49"),
			"currency":        knownvalue.StringExact("PLN"),
			"channel":         knownvalue.Null(),
			"control":         knownvalue.StringExact("order-1002"),
			"description":     knownvalue.StringExact("Unpaid order"),
			"return_urls":     returnURLsCheck("https://shop.example.com/success", "https://shop.example.com/failure"),
			"customer":        customerCheck("Piotr Wiśniewski", "piotr@example.com", "", ""),
			"billing": addressCheck(map[string]string{
				"name": "Piotr", "surname": "Wiśniewski", "street": "Marszałkowska", "building": "10", "flat": "5",
				"city": "Warszawa", "postal_code": "00-001", "country": "PL",
			}),
			// SimPay sends an address of nulls when none was given: an object
			// whose fields are null, not a null object.
			"shipping": addressCheck(nil),
			"cart": knownvalue.ListExact([]knownvalue.Check{
				cartItemCheck("T-shirt", 2, "19.5", "ACME", "clothes", "TS-01"),
				cartItemCheck("Sticker", 1, "10", "", "", ""),
			}),
			"paid_at":    knownvalue.Null(),
			"expires_at": knownvalue.StringExact("2023-12-08T07:00:00+01:00"),
			"created_at": knownvalue.StringExact("2023-12-07T07:00:00+01:00"),
			"updated_at": knownvalue.StringExact("2023-12-07T07:00:00+01:00"),
			// As SimPay sent it, byte for byte: 24.90 keeps its zero.
			"additional_json": byDialect(dialect, map[simpaymock.Dialect]knownvalue.Check{
				simpaymock.DialectDocumented: knownvalue.Null(), simpaymock.DialectSDK: knownvalue.StringExact(fixtureAdditional),
			}),
		})
		checks = append(checks, expectState(paid, map[string]knownvalue.Check{
			"id":                   knownvalue.StringExact(simpaymock.FixtureTxPaidWithRefund),
			"payer_transaction_id": knownvalue.StringExact("V20RNJD9"),
			"status":               knownvalue.StringExact("transaction_paid"),
			"reported_amount":      amountCheck("24.99", "PLN", "0.37", "PLN", originalCheck("24.99", "PLN", "1")),
			"amount":               knownvalue.StringExact("24.99"),
			"currency":             knownvalue.StringExact("PLN"),
			"channel":              knownvalue.StringExact("nest"),
			"control":              knownvalue.Null(),
			"description":          knownvalue.Null(),
			"return_urls":          returnURLsCheck("", ""),
			"customer":             customerCheck("Jan Kowalski", "jan.kowalski@example.com", "192.168.0.1", "PL"),
			"billing":              addressCheck(nil),
			"shipping":             addressCheck(nil),
			"cart":                 knownvalue.Null(),
			"paid_at":              knownvalue.StringExact("2023-12-07T05:21:50+01:00"),
			"expires_at":           knownvalue.Null(),
			"created_at":           knownvalue.StringExact("2023-12-07T05:20:30+01:00"),
			"updated_at":           knownvalue.StringExact("2023-12-07T05:21:50+01:00"),
			"additional_json": byDialect(dialect, map[simpaymock.Dialect]knownvalue.Check{
				simpaymock.DialectDocumented: knownvalue.Null(), simpaymock.DialectSDK: knownvalue.StringExact("[]"),
			}),
		})...)

		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_payment_transaction" "test" {
  service_id = "deadbeef"
  id         = "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*SimPay has no online-payment service\s+deadbeef`),
				},
				{
					Config: mock.config(`
data "simpay_payment_transaction" "test" {
  service_id = "d151e4f9"
  id         = "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment transaction not found.*SimPay has no transaction\s+1d87a1b3-18f8-4146-bcb1-c0c9f293b04f\s+in\s+payment\s+service\s+d151e4f9`),
				},
				{
					// The transaction exists, but in another service.
					Config: mock.config(`
data "simpay_payment_transaction" "test" {
  service_id = "e14f8074"
  id         = "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment transaction not found.*no transaction\s+7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b\s+in\s+payment\s+service\s+e14f8074`),
				},
				{
					Config: mock.config(`
data "simpay_payment_transaction" "unpaid" {
  service_id = "d151e4f9"
  id         = "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"
}
data "simpay_payment_transaction" "paid" {
  service_id = "d151e4f9"
  id         = "528bd43f-d08a-43f5-9462-861e54db37bf"
}`),
					ConfigStateChecks: checks,
					ConfigPlanChecks:  resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// seedDetailBody is the transaction detail example of SimPay's documentation
// (seed 002), as SimPay's hosted mock answers it whatever id is asked for.
const seedDetailBody = `{"success":true,"data":{"id":"328bd42d-d08b-43f6-9463-869e5bd32b4","payer_transaction_id":"477YDX14",` +
	`"status":"transaction_paid","amount":{"value":7.55,"currency":"BRL","commission":0.12,"commission_currency":"EUR",` +
	`"original":{"value":5,"currency":"PLN","pln_rate":1}},"channel":"nest","control":null,"description":null,` +
	`"redirect":{"success":null,"failure":null},"customer":{"name":null,"email":"kontakt@simpay.pl","ip":"192.168.0.1","country":"PL"},` +
	`"billing":{"name":null,"surname":null,"street":null,"building":null,"flat":null,"city":null,"region":null,"postalCode":null,"country":null,"company":null},` +
	`"shipping":{"name":null,"surname":null,"street":null,"building":null,"flat":null,"city":null,"region":null,"postalCode":null,"country":null,"company":null},` +
	`"cart":null,"paid_at":"2023-12-07T05:21:50+01:00","expires_at":null,"created_at":"2023-12-07T05:20:30+01:00","updated_at":"2023-12-07T05:21:50+01:00"}}`

// sparseDetailBody has what SimPay may send but the mock's fixtures do not:
// null billing and shipping, an empty cart, no original amount, an unknown
// field, a customer SimPay knows nothing about, and an "additional" object
// with an amount whose trailing zero must survive.
const sparseDetailBody = `{"success":true,"data":{"id":"2f0c7d1e-4a5b-4c6d-8e9f-0a1b2c3d4e5f","payer_transaction_id":"ZX81PQ02",` +
	`"status":"transaction_expired","amount":{"value":100.10,"currency":"EUR","commission":null,"commission_currency":"EUR"},` +
	`"channel":null,"control":"order-9","description":"Sparse","redirect":{"success":"https://shop.example.com/ok","failure":null},` +
	`"customer":{"name":null,"email":null,"ip":null,"country":null},"billing":null,"shipping":null,"cart":[],` +
	`"paid_at":null,"expires_at":"2024-02-02 10:00:00","created_at":"2024-02-01T10:00:00+01:00","updated_at":"2024-02-02T10:00:01+01:00",` +
	`"antifraud_score":0.3,"additional":{"score":0.30,"tags":["vip"]}}}`

// openAPIDetailBody is a detail in the shapes of SimPay's 2024 OpenAPI file
// and of SimPay-API-TypeScript, which name the return URLs "redirects", with
// its amounts as numeric strings, as PHP may write them.
const openAPIDetailBody = `{"success":true,"data":{"id":"5b1f0c2d-7e8a-4b9c-8d0e-1f2a3b4c5d6e","payer_transaction_id":"OA24RD01",` +
	`"status":"transaction_paid","amount":{"value":"19.90","currency":"PLN","commission":"0.30","commission_currency":"PLN",` +
	`"original":{"value":"19.90","currency":"PLN","pln_rate":"1.0000"}},"channel":"blik","control":"order-24","description":null,` +
	`"redirects":{"success":"https://shop.example.com/ok","failure":"https://shop.example.com/no"},` +
	`"customer":{"name":null,"email":null,"ip":null,"country":null},"billing":null,"shipping":null,` +
	`"cart":[{"name":"Mug","quantity":"2","price":"9.95","producer":null,"category":null,"code":null}],` +
	`"paid_at":"2024-03-01T10:05:00+01:00","expires_at":null,"created_at":"2024-03-01T10:00:00+01:00","updated_at":"2024-03-01T10:05:00+01:00"}}`

// TestAccPaymentTransactionDataSourceShapes reads bodies SimPay sends that
// the mock's fixtures cannot be asked for: the documentation's example
// (answered for another id, as SimPay's hosted mock does) and a detail with
// null objects and an "additional" object, and one in the 2024 OpenAPI
// file's names with string numbers. The bodies are sent verbatim, so
// the mock's dialect does not change them: one run.
func TestAccPaymentTransactionDataSourceShapes(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	const exampleID, sparseID = "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", "2f0c7d1e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
	const openAPIID = "5b1f0c2d-7e8a-4b9c-8d0e-1f2a3b4c5d6e"
	mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/d151e4f9/transactions/" + openAPIID,
		Kind: simpaymock.FaultStatus, Status: 200, Body: openAPIDetailBody})
	mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/d151e4f9/transactions/" + exampleID,
		Kind: simpaymock.FaultStatus, Status: 200, Body: seedDetailBody})
	mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/d151e4f9/transactions/" + sparseID,
		Kind: simpaymock.FaultStatus, Status: 200, Body: sparseDetailBody})
	const example, sparse = "data.simpay_payment_transaction.example", "data.simpay_payment_transaction.sparse"
	const openAPI = "data.simpay_payment_transaction.openapi"
	checks := expectState(example, map[string]knownvalue.Check{
		// The configured id stays, though the answer carries its example id.
		"id":                   knownvalue.StringExact(exampleID),
		"service_id":           knownvalue.StringExact("d151e4f9"),
		"payer_transaction_id": knownvalue.StringExact("477YDX14"),
		"status":               knownvalue.StringExact("transaction_paid"),
		// Paid in BRL, declared in PLN, commission in EUR.
		"reported_amount": amountCheck("7.55", "BRL", "0.12", "EUR", originalCheck("5", "PLN", "1")),
		"amount":          knownvalue.StringExact("5"),
		"currency":        knownvalue.StringExact("PLN"),
		"channel":         knownvalue.StringExact("nest"),
		"control":         knownvalue.Null(),
		"description":     knownvalue.Null(),
		"return_urls":     returnURLsCheck("", ""),
		"customer":        customerCheck("", "kontakt@simpay.pl", "192.168.0.1", "PL"),
		"billing":         addressCheck(nil),
		"shipping":        addressCheck(nil),
		"cart":            knownvalue.Null(),
		"paid_at":         knownvalue.StringExact("2023-12-07T05:21:50+01:00"),
		"expires_at":      knownvalue.Null(),
		"created_at":      knownvalue.StringExact("2023-12-07T05:20:30+01:00"),
		"updated_at":      knownvalue.StringExact("2023-12-07T05:21:50+01:00"),
		"additional_json": knownvalue.Null(),
	})
	checks = append(checks, expectState(sparse, map[string]knownvalue.Check{
		"id":                   knownvalue.StringExact(sparseID),
		"payer_transaction_id": knownvalue.StringExact("ZX81PQ02"),
		"status":               knownvalue.StringExact("transaction_expired"),
		// The amount keeps SimPay's text ("100.10"); no original: null.
		"reported_amount": amountCheck("100.10", "EUR", "", "EUR", knownvalue.Null()),
		"amount":          knownvalue.StringExact("100.10"),
		"currency":        knownvalue.StringExact("EUR"),
		"channel":         knownvalue.Null(),
		"control":         knownvalue.StringExact("order-9"),
		"description":     knownvalue.StringExact("Sparse"),
		"return_urls":     returnURLsCheck("https://shop.example.com/ok", ""),
		"customer":        customerCheck("", "", "", ""),
		// null objects stay null; an empty cart stays empty.
		"additional_json": knownvalue.StringExact(`{"score":0.30,"tags":["vip"]}`),
		"billing":         knownvalue.Null(),
		"shipping":        knownvalue.Null(),
		"cart":            knownvalue.ListExact([]knownvalue.Check{}),
		"paid_at":         knownvalue.Null(),
		"expires_at":      knownvalue.StringExact("2024-02-02T10:00:00+01:00"),
		"created_at":      knownvalue.StringExact("2024-02-01T10:00:00+01:00"),
		"updated_at":      knownvalue.StringExact("2024-02-02T10:00:01+01:00"),
	})...)
	checks = append(checks, expectState(openAPI, map[string]knownvalue.Check{
		// Read under "redirects"; string numbers keep their text.
		"return_urls":     returnURLsCheck("https://shop.example.com/ok", "https://shop.example.com/no"),
		"reported_amount": amountCheck("19.90", "PLN", "0.30", "PLN", originalCheck("19.90", "PLN", "1.0000")),
		"amount":          knownvalue.StringExact("19.90"),
		"cart":            knownvalue.ListExact([]knownvalue.Check{cartItemCheck("Mug", 2, "9.95", "", "", "")}),
		"additional_json": knownvalue.Null(),
	})...)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: mock.config(`
data "simpay_payment_transaction" "example" {
  service_id = "d151e4f9"
  id         = "` + exampleID + `"
}
data "simpay_payment_transaction" "sparse" {
  service_id = "d151e4f9"
  id         = "` + sparseID + `"
}
data "simpay_payment_transaction" "openapi" {
  service_id = "d151e4f9"
  id         = "` + openAPIID + `"
}`),
				ConfigStateChecks: checks,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
