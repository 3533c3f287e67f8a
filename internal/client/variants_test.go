package client

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// These tests walk CONTRACT.md's "Read every variant" table row by row: every
// form a SimPay source names decodes to the same value, and properties no
// source names are ignored.

// decodeData runs one "data" through the decoding path every call takes.
func decodeData[T any](t *testing.T, data string) T {
	t.Helper()
	c, _ := newTestClient(t, "http://127.0.0.1:1", nil)
	var out T
	if _, err := c.decodeResponse("GET", "/variant", 200, []byte(ok(data)), &out); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
	return out
}

// extra adds properties no SimPay source names to a JSON object.
func extra(obj string) string {
	return strings.TrimSuffix(obj, "}") + `,"added_in_2030":{"nested":[1,"x",null]},"value_netto_v2":"9.99"}`
}

func TestVariantSMSNumberGrossPriceUnderEitherName(t *testing.T) {
	want := SMSNumber{Number: 7055, Value: "2", ValueGross: "2.46", Adult: false}
	for _, form := range []string{
		// openapi-2024.json smsNumber example: value_net holds the gross price.
		`{"number":7055,"value":2,"value_net":2.46,"adult":false}`,
		// simpay-laravel SmsNumberResponse.php, SimPay-API-TypeScript sms.number.ts.
		`{"number":7055,"value":2,"value_gross":2.46,"adult":false}`,
		// Both names: value_gross is the newer one and wins.
		`{"number":7055,"value":2,"value_gross":2.46,"value_net":2.00,"adult":false}`,
		// value_gross null: the other name is still read.
		`{"number":7055,"value":2,"value_gross":null,"value_net":2.46,"adult":false}`,
		// encoding/json matches a name without regard to case; so does the rule.
		`{"number":7055,"value":2,"Value_Gross":2.46,"value_net":2.00,"adult":false}`,
		// amxx-simpay-lib simpay.inc reads value (and here number) as strings.
		`{"number":"7055","value":"2","value_gross":"2.46","adult":false}`,
	} {
		for _, body := range []string{form, extra(form)} {
			mustEqual(t, body, decodeData[SMSNumber](t, body), want)
		}
	}
	// A number that has neither name has no gross price, rather than a wrong one.
	mustEqual(t, "neither name", decodeData[SMSNumber](t, `{"number":7055,"value":2,"adult":false}`),
		SMSNumber{Number: 7055, Value: "2"})
	// The same rule inside a list, as ListSMSNumbers decodes it.
	list := decodeData[[]SMSNumber](t, `[{"number":7055,"value":2,"value_net":2.46,"adult":false},{"number":"7155","value":"4","value_gross":4.92,"adult":true}]`)
	mustEqual(t, "list", list, []SMSNumber{want, {Number: 7155, Value: "4", ValueGross: "4.92", Adult: true}})
}

func TestVariantSMSServiceNumbersIntegersOrStrings(t *testing.T) {
	want := []Integer{7055, 7155, 7255}
	for _, form := range []string{
		`[7055,7155,7255]`,       // openapi-2024.json smsService example
		`["7055","7155","7255"]`, // SimPay-API-TypeScript sms.service.ts: numbers?: string[]
		`[7055,"7155",7255.0]`,   // mixed, and PHP's integral float
	} {
		body := extra(`{"id":"d151e4f9","type":"ONE_TIME_CODE","status":"service_active","name":"TEST","prefix":"SIM","suffix":"TESTSIMPAY","adult":false,"numbers":` + form + `,"created_at":"2021-11-08T18:18:53+01:00"}`)
		mustEqual(t, form, decodeData[SMSService](t, body).Numbers, want)
	}
}

func TestIntegerAcceptsEveryWholeNumberForm(t *testing.T) {
	for body, want := range map[string]Integer{
		`7055`: 7055, `"7055"`: 7055, `7055.0`: 7055, `"7.055e3"`: 7055, `" 7055 "`: 7055, `"+7055"`: 7055,
		`-3`: -3, `null`: 0, `""`: 0, `9007199254740993`: 9007199254740993,
	} {
		var n Integer
		if err := json.Unmarshal([]byte(body), &n); err != nil || n != want {
			t.Errorf("%s: got %d, %v; want %d", body, n, err, want)
		}
	}
	for _, bad := range []string{`7055.5`, `"abc"`, `true`, `{}`, `[1]`, `"1/2"`, `"0x1F"`, `1e999999`, `"99999999999999999999"`} {
		var n Integer
		if err := json.Unmarshal([]byte(bad), &n); err == nil {
			t.Errorf("%s accepted as %d", bad, n)
		}
	}
}

func TestVariantDirectBillingTransactionNetValueAndNewerFields(t *testing.T) {
	base := DirectBillingTransaction{ID: "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a", Status: "transaction_db_payed",
		Control: strp("1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"), Value: "16.67", ValueNet: "10", Operator: strp("t-mobile"),
		Notify:    &DirectBillingNotify{IsSend: false, LastSendAt: strp("2023-02-16T14:52:11+01:00"), Count: 1},
		CreatedAt: "2023-02-16T14:52:11+01:00", UpdatedAt: "2023-02-16T14:52:11+01:00"}
	const head = `{"id":"dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a","status":"transaction_db_payed","phoneNumber":null,"control":"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f","value":16.67,`
	const tail = `"operator":"t-mobile","notify":{"is_send":false,"last_send_at":"2023-02-16T14:52:11+01:00","count":1},"created_at":"2023-02-16T14:52:11+01:00","updated_at":"2023-02-16T14:52:11+01:00"}`
	for _, form := range []string{
		head + `"value_netto":10,` + tail,                 // openapi-2024.json, SimPay-API-TypeScript
		head + `"value_net":10,` + tail,                   // simpay-laravel TransactionInfoResponse.php
		head + `"value_net":"10","value_netto":9,` + tail, // both: value_net wins
		head + `"value_net":null,"value_netto":10,` + tail,
	} {
		for _, body := range []string{form, extra(form)} {
			mustEqual(t, body, decodeData[DirectBillingTransaction](t, body), base)
		}
	}

	// simpay-laravel's added fields, each read as sent; notify's count as a string too.
	full := decodeData[DirectBillingTransaction](t, head+`"value_net":10,"value_created":12.3,"value_created_type":"GROSS","score":0.85,`+
		`"operator":"netia","notify":{"is_send":true,"last_send_at":null,"count":"3"},"created_at":"c","updated_at":"u"}`)
	if full.ValueCreated != "12.3" || full.ValueCreatedType != "GROSS" || full.Score != "0.85" || derefOr(full.Operator, "") != "netia" {
		t.Errorf("added fields: %+v", full)
	}
	mustEqual(t, "notify", full.Notify, &DirectBillingNotify{IsSend: true, Count: 3})
	if base.ValueCreated != "" || base.ValueCreatedType != "" || !base.Score.IsNull() {
		t.Errorf("fields SimPay did not send are not empty: %+v", base)
	}

	// The list as the 2024 file shows it (no notify, no phoneNumber).
	list := decodeData[[]DirectBillingTransaction](t, `[{"id":"a","status":"transaction_db_canceled","value":0.34,"value_netto":0.24},{"id":"b","status":"transaction_db_generate_error","value":"1","value_net":"0.70"}]`)
	mustEqual(t, "list", list, []DirectBillingTransaction{
		{ID: "a", Status: "transaction_db_canceled", Value: "0.34", ValueNet: "0.24"},
		{ID: "b", Status: "transaction_db_generate_error", Value: "1", ValueNet: "0.70"},
	})
}

func TestVariantDirectBillingStatusesKeptAsSent(t *testing.T) {
	// simpay-laravel src/Enums/DirectBilling/TransactionStatus.php and
	// SimPay-API-TypeScript db.transaction.status.ts add two statuses; a
	// status no source names is kept too.
	for _, status := range []string{"transaction_db_new", "transaction_db_confirmed", "transaction_db_payed", "transaction_db_rejected",
		"transaction_db_canceled", "transaction_db_generate_error", "transaction_db_from_the_future"} {
		got := decodeData[DirectBillingTransaction](t, `{"id":"x","status":"`+status+`"}`)
		if got.Status != status {
			t.Errorf("status %s read as %q", status, got.Status)
		}
	}
}

func TestVariantDirectBillingCalculationKeepsEveryOperator(t *testing.T) {
	op := &OperatorAmount{Net: "285.72", Gross: "351.44"}
	documented := DirectBillingCalculation{OperatorOrange: op, OperatorPlay: op, OperatorTMobile: nil, OperatorPlus: nil}
	for _, body := range []string{
		`{"orange":{"net":285.72,"gross":351.44},"play":{"net":285.72,"gross":351.44},"t-mobile":null,"plus":null}`,
		// PHP's empty array and other falsy values are nil, as simpay-laravel reads them.
		`{"orange":{"net":"285.72","gross":"351.44"},"play":{"net":285.72,"gross":351.44},"t-mobile":[],"plus":false}`,
		`{"orange":{"net":285.72,"gross":351.44,"vat":23},"play":{"net":285.72,"gross":351.44},"t-mobile":{},"plus":null}`,
	} {
		mustEqual(t, body, decodeData[DirectBillingCalculation](t, body), documented)
	}
	// simpay-laravel AmountCalculatorResponse.php adds netia; one no source
	// names yet is kept as well.
	netia := &OperatorAmount{Net: "10", Gross: "12.3"}
	got := decodeData[DirectBillingCalculation](t, `{"orange":null,"play":null,"t-mobile":null,"plus":null,"netia":{"net":10,"gross":12.3},"heyah":{"net":"1","gross":"1.23"}}`)
	mustEqual(t, "netia and a future operator", got, DirectBillingCalculation{
		OperatorOrange: nil, OperatorPlay: nil, OperatorTMobile: nil, OperatorPlus: nil, OperatorNetia: netia,
		"heyah": {Net: "1", Gross: "1.23"},
	})
	for _, bad := range []string{`[]`, `{"orange":"cheap"}`, `{"orange":{"net":true}}`} {
		c, _ := newTestClient(t, "http://127.0.0.1:1", nil)
		var calc DirectBillingCalculation
		if _, err := c.decodeResponse("GET", "/variant", 200, []byte(ok(bad)), &calc); err == nil {
			t.Errorf("%s accepted as %v", bad, calc)
		}
	}
}

func TestVariantDirectBillingCreateSendsEmail(t *testing.T) {
	for req, want := range map[*DirectBillingTransactionRequest]string{
		{Amount: decimal.MustParse("19.99"), Email: "payer@example.com"}: `{"amount":19.99,"email":"payer@example.com"}`,
		{Amount: decimal.MustParse("19.99")}:                             `{"amount":19.99}`,
	} {
		got, err := json.Marshal(req)
		if err != nil || string(got) != want {
			t.Errorf("got %s (%v), want %s", got, err, want)
		}
	}
}

func TestVariantErrorCodeUnderErrorCodeOrCode(t *testing.T) {
	cases := []struct {
		body, code string
		notFound   bool
	}{
		// openapi-2024.json and the reference pages: errorCode.
		{`{"success":false,"errorCode":"TRANSACTION_NOT_FOUND","message":"Transaction not found."}`, "TRANSACTION_NOT_FOUND", true},
		// simpay-ecommerce SimPayClient.php: errorCode ?? code.
		{`{"success":false,"code":"TRANSACTION_NOT_FOUND","message":"Transaction not found."}`, "TRANSACTION_NOT_FOUND", true},
		// A wrong base URL stays a wrong base URL whichever name carries it.
		{`{"success":false,"errorCode":"ROUTE_NOT_FOUND"}`, "ROUTE_NOT_FOUND", false},
		{`{"success":false,"code":"ROUTE_NOT_FOUND","message":"The route x could not be found."}`, "ROUTE_NOT_FOUND", false},
		// Both: errorCode wins; null under errorCode falls back to code.
		{`{"success":false,"errorCode":"ROUTE_NOT_FOUND","code":"TRANSACTION_NOT_FOUND"}`, "ROUTE_NOT_FOUND", false},
		{`{"success":false,"errorCode":null,"code":"ROUTE_NOT_FOUND"}`, "ROUTE_NOT_FOUND", false},
		{extra(`{"success":false,"code":"TRANSACTION_NOT_FOUND"}`), "TRANSACTION_NOT_FOUND", true},
	}
	for _, tc := range cases {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 404, tc.body) })
		c, _ := newTestClient(t, srv.URL, nil)
		_, err := c.GetPaymentTransaction(t.Context(), "d151e4f9", "t-1")
		var ae *APIError
		if !errors.As(err, &ae) || ae.ErrorCode != tc.code {
			t.Errorf("%s: err = %v, want code %s", tc.body, err, tc.code)
		}
		if KindOf(err).NotFound() != tc.notFound {
			t.Errorf("%s: IsNotFound = %t, want %t", tc.body, KindOf(err).NotFound(), tc.notFound)
		}
	}
}

func TestVariantPaymentDetailAdditionalKeptAsSent(t *testing.T) {
	// simpay-laravel TransactionInfoResponse.php reads "additional" without
	// saying what it holds: every shape survives, byte for byte.
	for additional, want := range map[string]string{
		`{"blik":{"alias":"x"},"amount":24.990}`: `{"blik":{"alias":"x"},"amount":24.990}`,
		`[]`:                                     `[]`,
		`["a",1]`:                                `["a",1]`,
		`"text"`:                                 `"text"`,
		`null`:                                   ``,
	} {
		got := decodeData[PaymentTransaction](t, extra(`{"id":"t-1","status":"transaction_paid","additional":`+additional+`}`))
		if got.Additional.String() != want || (want == "") != (got.Additional == nil) {
			t.Errorf("additional %s read as %q", additional, got.Additional)
		}
	}
	if got := decodeData[PaymentTransaction](t, `{"id":"t-1"}`); got.Additional != nil {
		t.Errorf("absent additional read as %q", got.Additional)
	}
	out, err := json.Marshal(struct{ A, B RawJSON }{RawJSON(`{"x":[1]}`), nil})
	if err != nil || string(out) != `{"A":{"x":[1]},"B":null}` {
		t.Errorf("marshal: %s, %v", out, err)
	}
}

func TestVariantPaymentDetailRedirectUnderEitherName(t *testing.T) {
	want := Redirect{Success: strp("https://shop/ok"), Failure: strp("https://shop/fail")}
	for _, body := range []string{
		`{"id":"t-1","redirect":{"success":"https://shop/ok","failure":"https://shop/fail"}}`,  // seeds, simpay-laravel
		`{"id":"t-1","redirects":{"success":"https://shop/ok","failure":"https://shop/fail"}}`, // openapi-2024.json, TypeScript
		`{"id":"t-1","redirect":null,"redirects":{"success":"https://shop/ok","failure":"https://shop/fail"}}`,
	} {
		mustEqual(t, body, decodeData[PaymentTransaction](t, body).Redirect, want)
	}
}

func TestVariantPaymentCreateBodyNewerFields(t *testing.T) {
	yes, no := true, false
	count := int64(0)
	req := PaymentTransactionRequest{
		Amount:         decimal.MustParse("99.99"),
		Customer:       &CustomerInput{IP: "192.0.2.1", CountryCode: "PL"},
		Antifraud:      &AntifraudInput{UserAgent: "Mozilla/5.0", SystemID: "user-42"},
		Cart:           []CartItemInput{{Name: "T-shirt", Quantity: 2, Price: decimal.MustParse("19.50")}},
		Returns:        &Returns{Success: "https://shop/ok", Failure: "https://shop/fail", Pending: "https://shop/wait"},
		DirectChannel:  "blik",
		ChannelTypes:   &ChannelTypes{Blik: &yes, Postponed: &no},
		CommissionMode: CommissionModePayer,
		Context: &PurchaseContext{
			AccountCreatedAt: "2024-01-15", SalesTotalCount: &count, SalesTotalAmount: decimal.MustParse("0.00"), SalesAvgAmount: decimal.MustParse("0"),
			SalesMaxAmount: decimal.MustParse("1250.50"), AccountSetCurrency: "PLN", HasPreviousPurchases: &no,
		},
	}
	got, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	// simpay-ecommerce TransactionBuilder.php names; cart keeps the seeds'
	// price where that SDK sends unitPrice; zeros and false are sent.
	want := `{"amount":99.99,"customer":{"ip":"192.0.2.1","countryCode":"PL"},"antifraud":{"useragent":"Mozilla/5.0","systemId":"user-42"},` +
		`"cart":[{"name":"T-shirt","quantity":2,"price":19.50}],` +
		`"returns":{"success":"https://shop/ok","failure":"https://shop/fail","pending":"https://shop/wait"},"directChannel":"blik",` +
		`"channelTypes":{"blik":true,"postponed":false},"commissionMode":"payer",` +
		`"context":{"accountCreatedAt":"2024-01-15","salesTotalCount":0,"salesTotalAmount":0.00,"salesAvgAmount":0,"salesMaxAmount":1250.50,"accountSetCurrency":"PLN","hasPreviousPurchases":false}}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got, _ := json.Marshal(PaymentTransactionRequest{Amount: decimal.MustParse("1"), Context: &PurchaseContext{}}); string(got) != `{"amount":1,"context":{}}` {
		t.Errorf("an empty context sent %s", got)
	}
}

func TestVariantRefundConflictTellsBothCauses(t *testing.T) {
	cases := []struct {
		status int
		body   string
		want   RefundConflict
	}{
		// openapi-2024.json and the reference page for creating a refund.
		{409, `{"success":false,"errorCode":"TRANSACTION_NOT_PAID","message":"Transaction is not paid."}`, RefundConflictNotPaid},
		{409, `{"success":false,"code":"TRANSACTION_NOT_PAID"}`, RefundConflictNotPaid},
		// The cause simpay-payment-woocommerce RefundsService.php gives every 409.
		{409, `{"success":false,"errorCode":"PREVIOUS_REFUND_PENDING","message":"A previous refund is still waiting for confirmation."}`, RefundConflictPreviousRefundPending},
		{409, `{"success":false,"message":"Previous refund request is still waiting for confirmation."}`, RefundConflictPreviousRefundPending},
		{409, `{"success":false,"errorCode":"CONFLICT","message":"Poprzedni zwrot oczekuje na potwierdzenie."}`, RefundConflictPreviousRefundPending},
		{409, `{"success":false,"message":"Transakcja nie została opłacona."}`, RefundConflictNotPaid},
		// A 409 that names neither: the caller must say both.
		{409, `{"success":false,"errorCode":"CONFLICT"}`, RefundConflictUnknown},
		{409, `<html>409 Conflict</html>`, RefundConflictUnknown},
		{400, `{"success":false,"errorCode":"TRANSACTION_NOT_PAID"}`, RefundConflictNone},
	}
	for _, tc := range cases {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, tc.status, tc.body) })
		c, _ := newTestClient(t, srv.URL, nil)
		_, err := c.CreateRefund(t.Context(), "d151e4f9", "t-1", decimal.Decimal{})
		if got := RefundConflictOf(err); got != tc.want {
			t.Errorf("%d %s: RefundConflictOf = %d, want %d", tc.status, tc.body, got, tc.want)
		}
	}
	if RefundConflictOf(nil) != RefundConflictNone || RefundConflictOf(errors.New("x")) != RefundConflictNone {
		t.Error("a non-API error is a refund conflict")
	}
}

func TestVariantNotificationIPsNeedNoToken(t *testing.T) {
	var auth atomic.Value
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		auth.Store(r.Header.Get("Authorization"))
		writeJSON(w, 200, ok(`["192.0.2.10","2001:db8::10"]`))
	})
	// SimPay's WooCommerce, WordPress and WHMCS handlers call GET /ip with
	// no Authorization header.
	logger := &captureLogger{}
	c, err := New(Config{BaseURL: srv.URL, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	ips, err := c.ListNotificationIPs(t.Context())
	if err != nil {
		t.Fatalf("without a token: %v", err)
	}
	mustEqual(t, "ips", ips, []string{"192.0.2.10", "2001:db8::10"})
	if got := auth.Load().(string); got != "" {
		t.Errorf("without a token, Authorization = %q", got)
	}
	if strings.Contains(logger.text(), "Authorization") {
		t.Errorf("the log claims an Authorization header was sent: %s", logger.text())
	}
	// Every other call still refuses to go out without one.
	before := hits.Load()
	if _, err := c.ListPaymentServices(t.Context(), ListOptions{}); !errors.Is(err, ErrNoToken) {
		t.Errorf("ListPaymentServices without a token: %v", err)
	}
	if _, err := c.GetDirectBillingService(t.Context(), "d151e4f9"); !errors.Is(err, ErrNoToken) {
		t.Errorf("GetDirectBillingService without a token: %v", err)
	}
	if hits.Load() != before {
		t.Error("a call other than GET /ip went out without a token")
	}
	// With a token, /ip sends it.
	withToken, _ := newTestClient(t, srv.URL, nil)
	if _, err := withToken.ListNotificationIPs(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := auth.Load().(string); got != "Bearer "+testToken {
		t.Errorf("with a token, Authorization = %q", got)
	}
}

func TestVariantPaginationNumbersAsStrings(t *testing.T) {
	// A Laravel paginator echoes per_page and current_page as the query gave
	// them; strings must walk the pages as numbers do.
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		writeJSON(w, 200, `{"success":true,"data":[{"id":"s`+page+`"}],"pagination":{"total":"2","count":"1","per_page":"1","current_page":"`+page+`","total_pages":"2"}}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	services, err := c.ListPaymentServices(t.Context(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "services", services, []PaymentService{{ID: "s1"}, {ID: "s2"}})
}

// TestDocumentedAndSDKExamplesDecodeAlike reads the same objects in both
// dialects through the calls that read them.
func TestDocumentedAndSDKExamplesDecodeAlike(t *testing.T) {
	const svc = "d151e4f9"
	documented, _ := fixtureServer(t, map[string]string{
		"GET /sms/" + svc:                          fixtureSmsService,
		"GET /sms/numbers/7055":                    fixtureSmsNumber,
		"GET /directbilling/" + svc + "/calculate": fixtureDbCalculation,
	})
	sdk, _ := fixtureServer(t, map[string]string{
		"GET /sms/" + svc:                          fixtureSDKSmsService,
		"GET /sms/numbers/7055":                    fixtureSDKSmsNumber,
		"GET /directbilling/" + svc + "/calculate": fixtureSDKDbCalculation,
		"GET /payment/" + svc + "/transactions/328bd42d-d08b-43f6-9463-869e5bd32b4":        fixtureSDKPaymentTransaction,
		"GET /directbilling/" + svc + "/transactions/dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a": fixtureSDKDbTransaction,
	})
	ctx := t.Context()
	for _, c := range []*Client{documented, sdk} {
		s, err := c.GetSMSService(ctx, svc)
		if err != nil {
			t.Fatal(err)
		}
		mustEqual(t, "numbers", s.Numbers, []Integer{7055, 7155, 7255})
		n, err := c.GetSMSNumber(ctx, 7055)
		if err != nil {
			t.Fatal(err)
		}
		mustEqual(t, "number", *n, SMSNumber{Number: 7055, Value: "2", ValueGross: "2.46"})
		calc, err := c.CalculateDirectBilling(ctx, svc, decimal.MustParse("200"))
		if err != nil {
			t.Fatal(err)
		}
		op := &OperatorAmount{Net: "285.72", Gross: "351.44"}
		for _, name := range []string{OperatorOrange, OperatorPlay} {
			mustEqual(t, name, (*calc)[name], op)
		}
		if (*calc)[OperatorTMobile] != nil || (*calc)[OperatorPlus] != nil {
			t.Errorf("t-mobile and plus: %v", *calc)
		}
	}
	calc, _ := sdk.CalculateDirectBilling(ctx, svc, decimal.MustParse("200"))
	mustEqual(t, "netia", (*calc)[OperatorNetia], &OperatorAmount{Net: "285.72", Gross: "351.44"})

	tx, err := sdk.GetPaymentTransaction(ctx, svc, "328bd42d-d08b-43f6-9463-869e5bd32b4")
	if err != nil {
		t.Fatal(err)
	}
	if tx.Additional.String() != `{"key":["value",1]}` || tx.Amount.Value != "7.55" {
		t.Errorf("payment detail: %+v", tx)
	}
	db, err := sdk.GetDirectBillingTransaction(ctx, svc, "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a")
	if err != nil {
		t.Fatal(err)
	}
	mustEqual(t, "db transaction", *db, DirectBillingTransaction{ID: "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a", Status: "transaction_db_canceled",
		PhoneNumber: "48123123123", Value: "16.67", ValueNet: "10", ValueCreated: "10", ValueCreatedType: "REQUIRED", Operator: strp("netia"),
		Score: "0.85", Notify: &DirectBillingNotify{IsSend: true, LastSendAt: strp("2023-02-16T14:52:11+01:00"), Count: 2},
		CreatedAt: "2023-02-16T14:52:11+01:00", UpdatedAt: "2023-02-16T14:52:11+01:00"})
}
