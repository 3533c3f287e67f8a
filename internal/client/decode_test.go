package client

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// fixtureServer answers each path with its fixture and records request bodies.
func fixtureServer(t *testing.T, routes map[string]string) (*Client, *[]string) {
	t.Helper()
	var bodies []string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		body, ok := routes[r.Method+" "+r.URL.Path]
		if !ok {
			t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
			writeJSON(w, 404, `{"success":false,"errorCode":"ROUTE_NOT_FOUND"}`)
			return
		}
		writeJSON(w, 200, body)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	return c, &bodies
}

func mustEqual(t *testing.T, name string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("%s:\ngot  %s\nwant %s", name, g, w)
	}
}

func TestDecodeOnlinePaymentExamples(t *testing.T) {
	const svc, tx = "d151e4f9", "328bd42d-d08b-43f6-9463-869e5bd32b4"
	c, bodies := fixtureServer(t, map[string]string{
		"GET /payment":                                              fixturePaymentServices,
		"GET /payment/" + svc:                                       fixturePaymentService,
		"GET /payment/" + svc + "/channels":                         fixturePaymentChannels,
		"GET /payment/" + svc + "/currencies":                       fixturePaymentCurrencies,
		"GET /payment/" + svc + "/transactions":                     fixturePaymentTransactions,
		"POST /payment/" + svc + "/transactions":                    fixturePaymentTransactionCreated,
		"GET /payment/" + svc + "/transactions/" + tx:               fixturePaymentTransaction,
		"GET /payment/" + svc + "/transactions/" + tx + "/refunds":  fixtureRefunds,
		"POST /payment/" + svc + "/transactions/" + tx + "/refunds": fixtureRefundCreated,
		"GET /payment/" + svc + "/transactions/" + tx + "/refunds/019483a5-885e-70f7-9b5b-94387a6690da": `{"success":true,"data":{"id":"019483a5-885e-70f7-9b5b-94387a6690da","status":"refund_pending","amount":12.50,"currency":"EUR","wallet_amount":53.7,"wallet_currency":"PLN","created_at":"2025-01-20T13:17:31+01:00","updated_at":"2025-01-20T13:17:59+01:00"}}`,
		"GET /ip": `{"success":true,"data":["185.76.10.2","2a01:4f8::1"]}`,
	})
	ctx := t.Context()
	service := PaymentService{ID: "d151e4f9", Name: "Test service", Status: "service_active", CreatedAt: "2021-11-08T18:19:16+01:00"}

	services, err := c.ListPaymentServices(ctx, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "services", services, []PaymentService{service})

	one, err := c.GetPaymentService(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "service", *one, service)

	channels, err := c.ListPaymentChannels(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "channels", channels, []PaymentChannel{
		{ID: "blik", Name: "BLIK", Type: "blik", Img: "https://img.simpay.pl/transfer/banks/blik.png", Commission: "1.5", Currencies: []string{"PLN"}, Amount: AmountRange{Min: "1", Max: "20000"}},
		{ID: "mbank", Name: "mBank", Type: "transfer", Img: "https://img.simpay.pl/transfer/banks/mbank.png", Commission: "1.5", Currencies: []string{"PLN"}, Amount: AmountRange{Min: "1", Max: "20000"}},
	})

	currencies, err := c.ListPaymentCurrencies(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "currencies", currencies, []Currency{
		{ISO: "PLN", PLNRate: "1.0000000000", NBPTable: "A", Prefix: nil, Suffix: strp(" zł"), UpdatedAt: "2025-05-10T13:04:32+02:00"},
		{ISO: "EUR", PLNRate: "4.3238000000", NBPTable: "A", Prefix: strp("€"), Suffix: nil, UpdatedAt: "2025-05-10T13:04:32+02:00"},
		{ISO: "ARS", PLNRate: "0.0034150000", NBPTable: "B", Prefix: strp("ARS$"), Suffix: nil, UpdatedAt: "2025-05-10T13:04:32+02:00"},
	})

	txs, err := c.ListPaymentTransactions(ctx, svc, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "transactions", txs, []PaymentTransactionSummary{
		{ID: "528bd43f-d08a-43f5-9462-861e54db37bf", Status: "transaction_paid", Amount: "24.99", Control: nil, Channel: strp("nest"),
			PaidAt: strp("2023-12-07T05:21:50+01:00"), CreatedAt: "2023-12-07T05:20:30+01:00", UpdatedAt: "2023-12-07T05:21:50+01:00"},
		{ID: "0238d92e-0dd9-469a-9aa9-0505974336a3", Status: "transaction_paid", Amount: "24.99", Control: nil, Channel: strp("blik"),
			PaidAt: strp("2023-12-07T06:21:50+01:00"), CreatedAt: "2023-12-07T06:20:30+01:00", UpdatedAt: "2023-12-07T06:21:50+01:00"},
	})
	if txs[0].Amount.String() != "24.99" {
		t.Errorf("24.99 became %q", txs[0].Amount)
	}

	created, err := c.CreatePaymentTransaction(ctx, svc, PaymentTransactionRequest{Amount: decimal.MustParse("24.99")})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "created", *created, CreatedTransaction{TransactionID: "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", RedirectURL: "https://pay.simpay.pl/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"})

	detail, err := c.GetPaymentTransaction(ctx, svc, tx)
	if err != nil {
		t.Fatal(err)
	}
	emptyAddress := &Address{}
	mustEqual(t, "transaction", *detail, PaymentTransaction{
		ID: tx, PayerTransactionID: "477YDX14", Status: "transaction_paid",
		Amount: TransactionAmount{Value: "7.55", Currency: "BRL", Commission: "0.12", CommissionCurrency: "EUR",
			Original: &OriginalAmount{Value: "5", Currency: "PLN", PLNRate: "1"}},
		Channel: strp("nest"), Control: nil, Description: nil,
		Redirect: Redirect{},
		Customer: Customer{Name: nil, Email: strp("kontakt@simpay.pl"), IP: strp("192.168.0.1"), Country: strp("PL")},
		Billing:  emptyAddress, Shipping: emptyAddress, Cart: nil,
		PaidAt: strp("2023-12-07T05:21:50+01:00"), ExpiresAt: nil,
		CreatedAt: "2023-12-07T05:20:30+01:00", UpdatedAt: "2023-12-07T05:21:50+01:00",
	})

	refunds, err := c.ListRefunds(ctx, svc, tx)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "refunds", refunds, []Refund{{ID: "019483a5-885e-70f7-9b5b-94387a6690da", Status: "refund_completed", Amount: "1", Currency: "PLN",
		WalletAmount: "1", WalletCurrency: "PLN", CreatedAt: "2025-01-20T13:17:31+01:00", UpdatedAt: "2025-01-20T13:17:59+01:00"}})

	refundID, err := c.CreateRefund(ctx, svc, tx, decimal.Decimal{})
	if err != nil || refundID != "019483a5-885e-70f7-9b5b-94387a6690da" {
		t.Fatalf("refund id %q, %v", refundID, err)
	}
	if last := (*bodies)[len(*bodies)-1]; last != "" {
		t.Errorf("a full refund sent a body: %q", last)
	}
	if _, err := c.CreateRefund(ctx, svc, tx, decimal.MustParse("12.50")); err != nil {
		t.Fatal(err)
	}
	if last := (*bodies)[len(*bodies)-1]; last != `{"amount":12.50}` {
		t.Errorf("a partial refund sent %q", last)
	}

	refund, err := c.GetRefund(ctx, svc, tx, "019483a5-885e-70f7-9b5b-94387a6690da")
	if err != nil {
		t.Fatal(err)
	}
	if refund.Amount != "12.50" || refund.WalletAmount != "53.7" || refund.Status != "refund_pending" {
		t.Errorf("refund = %+v", refund)
	}

	ips, err := c.ListNotificationIPs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "ips", ips, []string{"185.76.10.2", "2a01:4f8::1"})
}

// SimPay adds statuses and properties over time, and fills what the examples
// leave null; none of it may break decoding.
func TestDecodeAcceptsUnknownStatusExtraPropertiesAndFilledNullables(t *testing.T) {
	body := `{"success":true,"brand_new_top_level":{"x":1},"data":{
		"id":"t-1","payer_transaction_id":"X","status":"transaction_something_new","future_field":[1,2,{"a":null}],
		"amount":{"value":24.99,"currency":"PLN","commission":null,"commission_currency":"PLN","fee_breakdown":{"x":0.1}},
		"channel":null,"control":"order-7","description":"Zakup","redirect":{"success":"https://shop/ok","failure":null},
		"customer":{"name":"Jan","email":null,"ip":null,"country":null},
		"billing":{"name":"Jan Kowalski","surname":"Kowalski","street":"Długa","building":"1","flat":null,"city":"Gdańsk","region":null,"postalCode":"80-001","country":"PL","company":null},
		"shipping":null,
		"cart":[{"name":"Koszulka","quantity":2,"price":49.90,"producer":null,"category":"odzież","code":"K-1"}],
		"paid_at":null,"expires_at":"2023-12-08T05:20:30+01:00","created_at":"2023-12-07T05:20:30+01:00","updated_at":"2023-12-07T05:20:30+01:00"}}`
	c, _ := fixtureServer(t, map[string]string{"GET /payment/d151e4f9/transactions/t-1": body})
	got, err := c.GetPaymentTransaction(t.Context(), "d151e4f9", "t-1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != "transaction_something_new" || got.Amount.Value != "24.99" || !got.Amount.Commission.IsNull() || got.Amount.Original != nil {
		t.Errorf("amount/status: %+v", got)
	}
	if got.Channel != nil || derefOr(got.Control, "<nil>") != "order-7" || derefOr(got.Redirect.Success, "") != "https://shop/ok" || got.Redirect.Failure != nil {
		t.Errorf("nullable strings: %+v", got)
	}
	if got.Shipping != nil || got.Billing == nil || derefOr(got.Billing.PostalCode, "") != "80-001" || got.Billing.Flat != nil {
		t.Errorf("addresses: billing %+v, shipping %+v", got.Billing, got.Shipping)
	}
	mustEqual(t, "cart", got.Cart, []CartItem{{Name: "Koszulka", Quantity: 2, Price: "49.90", Producer: nil, Category: strp("odzież"), Code: strp("K-1")}})
}

func TestDecodeSMSExamples(t *testing.T) {
	const svc = "d151e4f9"
	c, bodies := fixtureServer(t, map[string]string{
		"GET /sms":                            fixtureSmsServices,
		"GET /sms/" + svc:                     fixtureSmsService,
		"GET /sms/" + svc + "/transactions":   fixtureSmsTransactions,
		"GET /sms/" + svc + "/transactions/1": fixtureSmsTransaction,
		"GET /sms/" + svc + "/numbers":        fixtureSmsNumbers,
		"GET /sms/" + svc + "/numbers/7055":   fixtureSmsNumber,
		"GET /sms/numbers":                    fixtureSmsNumbers,
		"GET /sms/numbers/7055":               fixtureSmsNumber,
		"POST /sms/" + svc:                    fixtureSmsCodeUsed,
	})
	ctx := t.Context()
	base := SMSService{ID: "d151e4f9", Type: "ONE_TIME_CODE", Status: "service_active", Name: "TEST", Prefix: "SIM", Suffix: "TESTSIMPAY", Adult: false, CreatedAt: "2021-11-08T18:18:53+01:00"}

	services, err := c.ListSMSServices(ctx, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "sms services", services, []SMSService{base})

	withNumbers := base
	withNumbers.Numbers = []Integer{7055, 7155, 7255}
	service, err := c.GetSMSService(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "sms service", *service, withNumbers)

	tx := SMSTransaction{ID: 1, From: "48123123123", Code: "ABC1D6", Used: false, SendNumber: 7055, Value: "0.5", SendAt: "2021-11-14T19:00:36+01:00"}
	txs, err := c.ListSMSTransactions(ctx, svc, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "sms transactions", txs, []SMSTransaction{tx})
	one, err := c.GetSMSTransaction(ctx, svc, 1)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "sms transaction", *one, tx)

	number := SMSNumber{Number: 7055, Value: "2", ValueGross: "2.46", Adult: false}
	for name, call := range map[string]func() (any, error){
		"service numbers": func() (any, error) { return c.ListSMSServiceNumbers(ctx, svc, ListOptions{}) },
		"numbers":         func() (any, error) { return c.ListSMSNumbers(ctx, ListOptions{}) },
	} {
		got, err := call()
		if err != nil {
			t.Fatal(err)
		}
		mustEqual(t, name, got, []SMSNumber{number})
	}
	n1, err := c.GetSMSServiceNumber(ctx, svc, 7055)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "service number", *n1, number)
	n2, err := c.GetSMSNumber(ctx, 7055)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "number", *n2, number)

	check, err := c.CheckSMSCode(ctx, svc, "ABC1D6", 7055)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "code check", *check, SMSCodeCheck{Used: true, Code: "ABC1D6", Test: true, From: "48123123123", Number: 7055, Value: "0.5", SendAt: strp("2021-11-14T19:00:36+01:00")})
	if last := (*bodies)[len(*bodies)-1]; last != `{"code":"ABC1D6","number":7055}` {
		t.Errorf("code check sent %s", last)
	}
}

func TestDecodeSMSCodeNotUsed(t *testing.T) {
	c, bodies := fixtureServer(t, map[string]string{"POST /sms/d151e4f9": fixtureSmsCodeNotUsed})
	check, err := c.CheckSMSCode(t.Context(), "d151e4f9", "ABC1D6", 0)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "code check", *check, SMSCodeCheck{Used: false, Code: "ABC1D6", Test: true, From: "48123123123", Number: 7055, Value: "0.5"})
	if (*bodies)[0] != `{"code":"ABC1D6"}` {
		t.Errorf("sent %s", (*bodies)[0])
	}
}

func TestDecodeDirectBillingExamples(t *testing.T) {
	const svc = "d151e4f9"
	c, bodies := fixtureServer(t, map[string]string{
		"GET /directbilling":                                                               fixtureDbServices,
		"GET /directbilling/" + svc:                                                        fixtureDbService,
		"GET /directbilling/" + svc + "/calculate":                                         fixtureDbCalculation,
		"GET /directbilling/" + svc + "/transactions":                                      fixtureDbTransactions,
		"POST /directbilling/" + svc + "/transactions":                                     fixtureDbTransactionCreated,
		"GET /directbilling/" + svc + "/transactions/dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a": fixtureDbTransaction,
	})
	ctx := t.Context()
	service := DirectBillingService{ID: "d151e4f9", Name: "Usługa testowa", Suffix: "Test1", Status: "service_active", CreatedAt: "2021-11-08T18:19:16+01:00"}
	services, err := c.ListDirectBillingServices(ctx, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "db services", services, []DirectBillingService{service})
	one, err := c.GetDirectBillingService(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "db service", *one, service)

	calc, err := c.CalculateDirectBilling(ctx, svc, decimal.MustParse("250"))
	if err != nil {
		t.Fatal(err)
	}
	op := &OperatorAmount{Net: "285.72", Gross: "351.44"}
	mustEqual(t, "calculation", *calc, DirectBillingCalculation{OperatorOrange: op, OperatorPlay: op, OperatorTMobile: nil, OperatorPlus: nil})

	txs, err := c.ListDirectBillingTransactions(ctx, svc, DirectBillingTransactionFilter{}, ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "db transactions", txs, []DirectBillingTransaction{{ID: "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a", Status: "transaction_db_payed",
		Value: "0.34", ValueNet: "0.24", CreatedAt: "2023-02-16T14:52:11+01:00", UpdatedAt: "2023-02-16T14:52:11+01:00"}})

	created, err := c.CreateDirectBillingTransaction(ctx, svc, DirectBillingTransactionRequest{
		Amount: decimal.MustParse("19.99"), AmountType: "gross", Description: "Płatność za wirtualne produkty", Control: "96125f23-d549-4bfc-a845-b781b5f1ad03",
		Returns: &Returns{Success: "https://www.simpay.pl/success", Failure: "https://www.simpay.pl/failure"}, PhoneNumber: "48123123123",
		SteamID: "76561197960287930",
	})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "db created", *created, CreatedTransaction{TransactionID: "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", RedirectURL: "https://db.simpay.pl/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"})
	wantBody := `{"amount":19.99,"amountType":"gross","description":"Płatność za wirtualne produkty","control":"96125f23-d549-4bfc-a845-b781b5f1ad03","returns":{"success":"https://www.simpay.pl/success","failure":"https://www.simpay.pl/failure"},"phoneNumber":"48123123123","steamid":"76561197960287930"}`
	if last := (*bodies)[len(*bodies)-1]; last != wantBody {
		t.Errorf("db create sent\n%s\nwant\n%s", last, wantBody)
	}

	tx, err := c.GetDirectBillingTransaction(ctx, svc, "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a")
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "db transaction", *tx, DirectBillingTransaction{ID: "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a", Status: "transaction_db_payed",
		PhoneNumber: "", Control: strp("1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"), Value: "16.67", ValueNet: "10", Operator: strp("t-mobile"),
		Notify:    &DirectBillingNotify{IsSend: false, LastSendAt: strp("2023-02-16T14:52:11+01:00"), Count: 1},
		CreatedAt: "2023-02-16T14:52:11+01:00", UpdatedAt: "2023-02-16T14:52:11+01:00"})
}

func TestDecodeOpenAPIValidationError(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 422, fixtureValidationError) })
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.CreateDirectBillingTransaction(t.Context(), "d151e4f9", DirectBillingTransactionRequest{})
	var ae *APIError
	if !errors.As(err, &ae) || ae.ErrorCode != "VALIDATION_ERROR" {
		t.Fatalf("err = %v", err)
	}
	mustEqual(t, "errors", ae.Errors, map[string][]string{"amount": {"The amount field is required."}, "currency": {"The selected currency is invalid."}})
}

// The create body mirrors seed 002's example field for field, with SimPay's
// names, amounts sent as written and steamid as a JSON integer with all its
// 17 digits (SimPay's create page types it integer).
func TestPaymentTransactionRequestEncoding(t *testing.T) {
	yes, no := true, false
	req := PaymentTransactionRequest{
		Amount: decimal.MustParse("10.00"), Currency: "PLN", Description: "string", Control: "string",
		Customer:  &CustomerInput{Name: "string", Email: "user@example.com", IP: "string", CountryCode: "PL"},
		Antifraud: &AntifraudInput{UserAgent: "string", SteamID: "76561197960287931", MCUsername: "string", MCID: "string"},
		Billing: &AddressInput{Name: "string", Surname: "string", Street: "string", Building: "string", Flat: "string",
			City: "string", Region: "string", PostalCode: "string", Country: "string", Company: "string"},
		Shipping: &AddressInput{Name: "string", Surname: "string", Street: "string", Building: "string", Flat: "string",
			City: "string", Region: "string", PostalCode: "string", Country: "string", Company: "string"},
		Cart:          []CartItemInput{{Name: "string", Quantity: 1, Price: decimal.MustParse("0.01"), Producer: "string", Category: "string", Code: "string"}},
		Returns:       &Returns{Success: "string", Failure: "string"},
		DirectChannel: "string",
		Channels:      []string{"string"},
		ChannelTypes:  &ChannelTypes{Blik: &yes, Transfer: &yes, Cards: &yes, Ewallets: &yes, Paypal: &yes, Paysafe: &yes, Latam: &no},
		Referer:       "string",
	}
	got, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	addr := `{"name":"string","surname":"string","street":"string","building":"string","flat":"string","city":"string","region":"string","postalCode":"string","country":"string","company":"string"}`
	want := `{"amount":10.00,"currency":"PLN","description":"string","control":"string",` +
		`"customer":{"name":"string","email":"user@example.com","ip":"string","countryCode":"PL"},` +
		`"antifraud":{"useragent":"string","steamid":76561197960287931,"mcusername":"string","mcid":"string"},` +
		`"billing":` + addr + `,"shipping":` + addr + `,` +
		`"cart":[{"name":"string","quantity":1,"price":0.01,"producer":"string","category":"string","code":"string"}],` +
		`"returns":{"success":"string","failure":"string"},"directChannel":"string","channels":["string"],` +
		`"channelTypes":{"blik":true,"transfer":true,"cards":true,"ewallets":true,"paypal":true,"paysafe":true,"latam":false},"referer":"string"}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got, _ := json.Marshal(PaymentTransactionRequest{Amount: decimal.MustParse("24.99")}); string(got) != `{"amount":24.99}` {
		t.Errorf("unset fields were sent: %s", got)
	}
}

func TestDecimalKeepsTextFromNumbersAndStrings(t *testing.T) {
	var v struct {
		A, B, C, D, E Decimal
		P             PhoneNumber
	}
	err := json.Unmarshal([]byte(`{"A":24.99,"B":"4.3238000000","C":null,"D":1e-7,"E":-0.10,"P":48123123123}`), &v)
	if err != nil {
		t.Fatal(err)
	}
	if v.A != "24.99" || v.B != "4.3238000000" || !v.C.IsNull() || v.D != "1e-7" || v.E != "-0.10" || v.P != "48123123123" {
		t.Fatalf("%+v", v)
	}
	out, err := json.Marshal([]Decimal{"24.99", "4.3238000000", "", "n/a", "1 2"})
	if err != nil || string(out) != `[24.99,4.3238000000,null,"n/a","1 2"]` {
		t.Fatalf("marshal: %s, %v", out, err)
	}
	for _, bad := range []string{`{"A":true}`, `{"A":{}}`, `{"A":[1]}`} {
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// TestResponseTypesKeepNumbersExact walks every type a response is decoded
// into: a float would turn 24.99 into 24.989999..., and an interface would
// receive a float64 from json.Unmarshal, so neither may appear.
func TestResponseTypesKeepNumbersExact(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type)
	walk = func(path string, typ reflect.Type) {
		if seen[typ] {
			return
		}
		seen[typ] = true
		switch typ.Kind() {
		case reflect.Float32, reflect.Float64, reflect.Interface:
			t.Errorf("%s is a %s: money and other numbers must be Decimal", path, typ)
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(path+"[]", typ.Elem())
		case reflect.Map:
			walk(path+"{}", typ.Elem())
		case reflect.Struct:
			for i := 0; i < typ.NumField(); i++ {
				if f := typ.Field(i); f.IsExported() {
					walk(path+"."+f.Name, f.Type)
				}
			}
		}
	}
	for _, v := range []any{
		PaymentService{}, PaymentChannel{}, Currency{}, PaymentTransactionSummary{}, PaymentTransaction{},
		CreatedTransaction{}, Refund{}, SMSService{}, SMSNumber{}, SMSTransaction{}, SMSCodeCheck{},
		DirectBillingService{}, DirectBillingCalculation{}, DirectBillingTransaction{}, pagination{},
		RawJSON{}, Integer(0),
	} {
		walk(reflect.TypeOf(v).Name(), reflect.TypeOf(v))
	}
}

// TestRequestAmountsAreDecimals walks the request bodies: an amount can
// only go out as a decimal.Decimal, which writes the JSON number, so no
// field may take a json.Number or a float that a caller fills another way.
func TestRequestAmountsAreDecimals(t *testing.T) {
	number := reflect.TypeFor[json.Number]()
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type)
	walk = func(path string, typ reflect.Type) {
		if seen[typ] || typ == reflect.TypeFor[decimal.Decimal]() {
			return
		}
		seen[typ] = true
		switch {
		case typ == number, typ.Kind() == reflect.Float32, typ.Kind() == reflect.Float64:
			t.Errorf("%s is a %s: a request amount must be a decimal.Decimal", path, typ)
		case typ.Kind() == reflect.Pointer, typ.Kind() == reflect.Slice:
			walk(path+"[]", typ.Elem())
		case typ.Kind() == reflect.Struct:
			for i := 0; i < typ.NumField(); i++ {
				walk(path+"."+typ.Field(i).Name, typ.Field(i).Type)
			}
		}
	}
	for _, v := range []any{PaymentTransactionRequest{}, DirectBillingTransactionRequest{}} {
		walk(reflect.TypeOf(v).Name(), reflect.TypeOf(v))
	}
}
