package simpaymock

import (
	"net/http"
	"strings"
	"testing"
)

func TestParseDialect(t *testing.T) {
	for in, want := range map[string]Dialect{"": DialectDocumented, "documented": DialectDocumented, "sdk": DialectSDK, " SDK ": DialectSDK} {
		if got, err := ParseDialect(in); err != nil || got != want {
			t.Errorf("ParseDialect(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ParseDialect("laravel")
	if err == nil || !strings.Contains(err.Error(), "documented, sdk") {
		t.Errorf("unknown dialect: %v", err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), `"laravel"`) {
			t.Errorf("New with an unknown dialect: recover() = %v", r)
		}
	}()
	New(Options{Dialect: "laravel"})
}

// TestDialectDocumentedIsTheDefault: the zero Options and DialectDocumented
// answer byte for byte alike, errors included.
func TestDialectDocumentedIsTheDefault(t *testing.T) {
	_, zero := start(t, Options{})
	_, documented := start(t, Options{Dialect: DialectDocumented})
	for _, path := range []string{
		"/sms/d151e4f9", "/sms/numbers/92555", "/sms/d151e4f9/numbers", "/directbilling/d151e4f9/calculate?amount=200",
		"/directbilling/d151e4f9/transactions", "/directbilling/d151e4f9/transactions/" + seedDBTxID,
		"/payment/d151e4f9/transactions/" + unpaidTxID, "/payment/nope", "/nowhere",
	} {
		a, b := get(t, zero, path), get(t, documented, path)
		if a.status != b.status || string(a.raw) != string(b.raw) {
			t.Errorf("%s: %d %s vs %d %s", path, a.status, a.raw, b.status, b.raw)
		}
	}
	r := get(t, zero, "/payment/d151e4f9/transactions/"+unpaidTxID)
	if _, has := r.body["data"].(map[string]any)["additional"]; has {
		t.Error("the documented dialect sends additional, which no document names")
	}
}

// TestDialectSDK checks each shape the SDK dialect changes against the
// documented one, with the SDK file it comes from.
func TestDialectSDK(t *testing.T) {
	_, ts := start(t, Options{Dialect: DialectSDK})

	// simpay-laravel SmsNumberResponse.php and SimPay-API-TypeScript
	// sms.number.ts: value_gross; amxx-simpay-lib simpay.inc: value a string.
	jsonEqual(t, "sms number", get(t, ts, "/sms/numbers/92555").field(t, "data"), `{"number":92555,"value":"25","value_gross":30.75,"adult":true}`)
	jsonEqual(t, "service number", get(t, ts, "/sms/d151e4f9/numbers/7155").field(t, "data"), `{"number":7155,"value":"1","value_gross":1.23,"adult":false}`)
	jsonEqual(t, "numbers list", get(t, ts, "/sms/d151e4f9/numbers").field(t, "data.0"), `{"number":7055,"value":"0.5","value_gross":0.62,"adult":false}`)
	// SimPay-API-TypeScript sms.service.ts: numbers?: string[].
	jsonEqual(t, "sms service numbers", get(t, ts, "/sms/d151e4f9").field(t, "data.numbers"), `["7055","7155","7255"]`)
	if _, has := get(t, ts, "/sms").body["data"].([]any)[0].(map[string]any)["numbers"]; has {
		t.Error("the service list carries numbers")
	}

	// simpay-laravel TransactionInfoResponse.php: value_net and the added fields.
	jsonEqual(t, "db detail", get(t, ts, "/directbilling/d151e4f9/transactions/"+seedDBTxID).field(t, "data"),
		`{"id":"dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a","status":"transaction_db_payed","phoneNumber":null,"control":"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f",`+
			`"value":16.67,"value_net":10,"value_created":10,"value_created_type":"REQUIRED","operator":"t-mobile",`+
			`"notify":{"is_send":false,"last_send_at":"2023-02-16T14:52:11+01:00","count":1},"score":0.85,`+
			`"created_at":"2023-02-16T14:52:11+01:00","updated_at":"2023-02-16T14:52:11+01:00"}`)
	jsonEqual(t, "db list item", get(t, ts, "/directbilling/d151e4f9/transactions").field(t, "data.2"),
		`{"id":"dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a","status":"transaction_db_payed","value":16.67,"value_net":10,"operator":"t-mobile","created_at":"2023-02-16T14:52:11+01:00","updated_at":"2023-02-16T14:52:11+01:00"}`)
	// A new transaction: created from what was sent, score not known yet.
	created := post(t, ts, "/directbilling/d151e4f9/transactions", `{"amount": 12.5, "amountType": "net", "email": "payer@example.com"}`)
	created.code(t, http.StatusOK, "")
	d := get(t, ts, "/directbilling/d151e4f9/transactions/"+created.str(t, "data.transactionId"))
	if d.num(t, "data.value_created") != "12.5" || d.str(t, "data.value_created_type") != "NET" || d.num(t, "data.score") != "null" || d.num(t, "data.value_net") != "8.75" {
		t.Errorf("created in the SDK dialect: %s", d.field(t, "data"))
	}

	// simpay-laravel AmountCalculatorResponse.php: netia.
	jsonEqual(t, "calculation", get(t, ts, "/directbilling/d151e4f9/calculate?amount=200").field(t, "data"),
		`{"orange":{"net":285.72,"gross":351.44},"play":{"net":285.72,"gross":351.44},"t-mobile":null,"plus":null,"netia":{"net":266.67,"gross":328}}`)
	jsonEqual(t, "calculation 600", get(t, ts, "/directbilling/d151e4f9/calculate?amount=600").field(t, "data"),
		`{"orange":null,"play":null,"t-mobile":null,"plus":null,"netia":null}`)

	// simpay-laravel TransactionInfoResponse.php: additional, as sent.
	jsonEqual(t, "additional", get(t, ts, "/payment/d151e4f9/transactions/"+unpaidTxID).field(t, "data.additional"),
		`{"mock":"SimPay documents no shape for additional","items":[1,"two",null],"amount":24.90}`)
	jsonEqual(t, "empty additional", get(t, ts, "/payment/d151e4f9/transactions/"+seedDetailID).field(t, "data.additional"), `[]`)
	// The rest of the detail is the seeds' example, unchanged.
	detail := get(t, ts, "/payment/d151e4f9/transactions/"+seedDetailID)
	if !strings.HasPrefix(string(detail.field(t, "data")), seedTxDetail[:len(seedTxDetail)-1]) {
		t.Errorf("detail beyond additional changed: %s", detail.field(t, "data"))
	}

	// simpay-ecommerce SimPayClient.php: the error code under "code", for
	// every error the mock makes, validation included.
	get(t, ts, "/payment/nope").code(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
	get(t, ts, "/nowhere").code(t, http.StatusNotFound, "ROUTE_NOT_FOUND")
	call(t, ts, http.MethodGet, "/payment", "", "").code(t, http.StatusUnauthorized, "UNAUTHORIZED")
	v := post(t, ts, "/payment/d151e4f9/transactions", `{}`)
	v.code(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
	if e := v.errors(t); e["amount"][0] != "The amount field is required." {
		t.Errorf("field errors: %v", e)
	}
	post(t, ts, "/payment/d151e4f9/transactions/"+unpaidTxID+"/refunds", "").code(t, http.StatusConflict, "TRANSACTION_NOT_PAID")
}

// code is want in the SDK dialect, where the error code is under "code".
func (r result) code(t *testing.T, status int, errorCode string) {
	t.Helper()
	r.wantUnder(t, status, "code", errorCode)
}

// TestDialectSDKLeavesFaultBodiesAlone: a fault's own body is sent as given;
// a fault without one speaks the dialect.
func TestDialectSDKLeavesFaultBodiesAlone(t *testing.T) {
	s, ts := start(t, Options{Dialect: DialectSDK})
	s.AddFault(Fault{Path: "/payment", Status: 503, Times: 1})
	get(t, ts, "/payment").code(t, http.StatusServiceUnavailable, "INTERNAL_SERVER_ERROR")
	s.AddFault(Fault{Path: "/payment", Status: 404, Body: `{"success":false,"errorCode":"ROUTE_NOT_FOUND"}`, Times: 1})
	get(t, ts, "/payment").want(t, http.StatusNotFound, "ROUTE_NOT_FOUND")
	s.AddFault(Fault{Path: "/payment", Kind: FaultSuccessFalse, Times: 1})
	r := get(t, ts, "/payment")
	if r.status != http.StatusOK || r.body["success"] != false || r.body["code"] != "INTERNAL_SERVER_ERROR" {
		t.Errorf("success=false fault: %d %s", r.status, r.raw)
	}
}

// TestRefundConflicts: SimPay's two 409s on a refund, in both dialects.
func TestRefundConflicts(t *testing.T) {
	for _, d := range Dialects() {
		t.Run(string(d), func(t *testing.T) {
			s, ts := start(t, Options{Dialect: d})
			codeOf := func(r result) string {
				if d == DialectSDK {
					return r.body["code"].(string)
				}
				return r.body["errorCode"].(string)
			}
			refunds := "/payment/d151e4f9/transactions/" + unpaidTxID + "/refunds"

			// Not paid: the documented 409.
			r := post(t, ts, refunds, "")
			if r.status != http.StatusConflict || codeOf(r) != "TRANSACTION_NOT_PAID" {
				t.Fatalf("unpaid: %d %s", r.status, r.raw)
			}
			if err := s.SetTransactionStatus("d151e4f9", unpaidTxID, "transaction_paid"); err != nil {
				t.Fatal(err)
			}
			first := post(t, ts, refunds, `{"amount": 10}`)
			first.want(t, http.StatusOK, "")
			id := first.str(t, "data.refund_id")

			// The first still waits (refund_new, then refund_pending): the other 409.
			for _, status := range []string{"refund_new", "refund_pending"} {
				if err := s.SetRefundStatus("d151e4f9", unpaidTxID, id, status); err != nil {
					t.Fatal(err)
				}
				r := post(t, ts, refunds, `{"amount": 10}`)
				if r.status != http.StatusConflict || codeOf(r) != "PREVIOUS_REFUND_PENDING" || !strings.Contains(r.body["message"].(string), id) {
					t.Fatalf("%s: %d %s", status, r.status, r.raw)
				}
			}
			// Settled either way, the next refund goes through.
			for _, status := range []string{"refund_completed", "refund_rejected", "refund_failed"} {
				if err := s.SetRefundStatus("d151e4f9", unpaidTxID, id, status); err != nil {
					t.Fatal(err)
				}
				next := post(t, ts, refunds, `{"amount": 1}`)
				next.want(t, http.StatusOK, "")
				id = next.str(t, "data.refund_id")
			}
			// The last is refund_new; SettleRefunds confirms it as SimPay would.
			post(t, ts, refunds, `{"amount": 1}`).want409(t)
			if err := s.SettleRefunds("d151e4f9", unpaidTxID); err != nil {
				t.Fatal(err)
			}
			post(t, ts, refunds, `{"amount": 1}`).want(t, http.StatusOK, "")
			if s.RefundsCreated() != 5 {
				t.Errorf("refunds created: %d", s.RefundsCreated())
			}
			if err := s.SettleRefunds("d151e4f9", "nope"); err == nil {
				t.Error("SettleRefunds of an unknown transaction did not fail")
			}
		})
	}
}

func (r result) want409(t *testing.T) {
	t.Helper()
	if r.status != http.StatusConflict {
		t.Fatalf("status %d, want 409: %s", r.status, r.raw)
	}
}

// TestPublicIPList: GET /ip answers without a token, and whatever token is
// sent, in both dialects; every other route still wants one.
func TestPublicIPList(t *testing.T) {
	for _, d := range Dialects() {
		_, ts := start(t, Options{Dialect: d, Tokens: []Token{
			{Value: "none", Abilities: []string{}}, {Value: "blocked", BlockedIP: true}, {Value: "fine"},
		}})
		for _, token := range []string{"", "none", "blocked", "fine", "unknown"} {
			r := call(t, ts, http.MethodGet, "/ip", token, "")
			r.want(t, http.StatusOK, "")
			jsonEqual(t, "ips", r.field(t, "data"), `["192.0.2.10","192.0.2.11","198.51.100.20","203.0.113.30","2001:db8:5150::10"]`)
		}
		if r := call(t, ts, http.MethodGet, "/payment", "", ""); r.status != http.StatusUnauthorized {
			t.Errorf("%s: /payment without a token: %d", d, r.status)
		}
		if r := call(t, ts, http.MethodPost, "/ip", "fine", "{}"); r.status != http.StatusMethodNotAllowed {
			t.Errorf("%s: POST /ip: %d", d, r.status)
		}
	}
}
