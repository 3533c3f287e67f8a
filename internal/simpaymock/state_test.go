package simpaymock

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

const fullCreateBody = `{
	"amount": 24.90, "currency": "EUR", "description": "Order 17", "control": "ctl-17",
	"customer": {"name": "Jan Kowalski", "email": "jan@example.com", "ip": "192.0.2.7", "countryCode": "DE"},
	"antifraud": {"useragent": "Mozilla/5.0"},
	"billing": {"name": "Jan Kowalski", "city": "Berlin", "postalCode": "10115", "country": "DE"},
	"cart": [{"name": "Book", "quantity": 2, "price": 12.45, "code": "B-1"}],
	"returns": {"success": "https://shop.example.com/ok", "failure": "https://shop.example.com/fail"},
	"directChannel": "card", "channels": ["card", "paypal"], "channelTypes": {"cards": true}, "referer": "shop.example.com"
}`

func TestCreatePaymentTransaction(t *testing.T) {
	s, ts := start(t, Options{})
	r := post(t, ts, "/payment/d151e4f9/transactions", fullCreateBody)
	r.want(t, http.StatusOK, "")
	id := r.str(t, "data.transactionId")
	if !uuidPattern.MatchString(id) || id[14] != '4' {
		t.Fatalf("id %q is not a version-4 UUID", id)
	}
	if got := r.str(t, "data.redirectUrl"); got != "https://pay.simpay.pl/"+id {
		t.Errorf("redirectUrl %s", got)
	}

	d := get(t, ts, "/payment/d151e4f9/transactions/"+id)
	d.want(t, http.StatusOK, "")
	payer := d.str(t, "data.payer_transaction_id")
	if len(payer) != 8 {
		t.Errorf("payer_transaction_id %q", payer)
	}
	jsonEqual(t, "created detail", d.field(t, "data"), `{
		"id": "`+id+`", "payer_transaction_id": "`+payer+`", "status": "transaction_new",
		"amount": {"value": 24.9, "currency": "EUR", "commission": null, "commission_currency": "EUR",
			"original": {"value": 24.9, "currency": "EUR", "pln_rate": 4.3238}},
		"channel": "card", "control": "ctl-17", "description": "Order 17",
		"redirect": {"success": "https://shop.example.com/ok", "failure": "https://shop.example.com/fail"},
		"customer": {"name": "Jan Kowalski", "email": "jan@example.com", "ip": "192.0.2.7", "country": "DE"},
		"billing": {"name": "Jan Kowalski", "surname": null, "street": null, "building": null, "flat": null,
			"city": "Berlin", "region": null, "postalCode": "10115", "country": "DE", "company": null},
		"shipping": {"name": null, "surname": null, "street": null, "building": null, "flat": null,
			"city": null, "region": null, "postalCode": null, "country": null, "company": null},
		"cart": [{"name": "Book", "quantity": 2, "price": 12.45, "producer": null, "category": null, "code": "B-1"}],
		"paid_at": null, "expires_at": "2025-06-03T10:00:00+02:00",
		"created_at": "2025-06-02T10:00:00+02:00", "updated_at": "2025-06-02T10:00:00+02:00"}`)

	l := get(t, ts, "/payment/d151e4f9/transactions")
	if got := l.num(t, "pagination.total"); got != "5" {
		t.Fatalf("total %s", got)
	}
	jsonEqual(t, "listed first (newest)", l.field(t, "data.0"), `{"id":"`+id+`","status":"transaction_new","amount":24.9,"control":"ctl-17","channel":"card","paid_at":null,"created_at":"2025-06-02T10:00:00+02:00","updated_at":"2025-06-02T10:00:00+02:00"}`)
	if s.PaymentTransactionsCreated() != 1 {
		t.Errorf("created %d", s.PaymentTransactionsCreated())
	}

	// A minimal body: PLN by default, null everywhere else.
	r = post(t, ts, "/payment/d151e4f9/transactions", `{"amount": "12.34"}`)
	r.want(t, http.StatusOK, "")
	d = get(t, ts, "/payment/d151e4f9/transactions/"+r.str(t, "data.transactionId"))
	if d.num(t, "data.amount.value") != "12.34" || d.str(t, "data.amount.currency") != "PLN" ||
		string(d.field(t, "data.cart")) != "null" || string(d.field(t, "data.channel")) != "null" ||
		string(d.field(t, "data.customer.email")) != "null" {
		t.Errorf("minimal transaction: %s", d.field(t, "data"))
	}
	// The clock moved one second per object.
	if got := d.str(t, "data.created_at"); got != "2025-06-02T10:00:01+02:00" {
		t.Errorf("second created_at %s", got)
	}
	post(t, ts, "/payment/ffffffff/transactions", `{"amount": 10}`).want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
}

func TestIDsAreRepeatable(t *testing.T) {
	create := func(seed uint64) (string, string) {
		_, ts := start(t, Options{Seed: seed, Transactions: 3})
		id := post(t, ts, "/payment/d151e4f9/transactions", `{"amount": 10}`).str(t, "data.transactionId")
		gen := get(t, ts, "/payment/d151e4f9/transactions").str(t, "data.1.id") // newest generated
		return id, gen
	}
	a1, g1 := create(0)
	a2, g2 := create(0)
	b, gb := create(7)
	if a1 != a2 || g1 != g2 {
		t.Errorf("same seed, different ids: %s %s, %s %s", a1, a2, g1, g2)
	}
	if a1 == b || g1 == gb {
		t.Error("a different seed gave the same ids")
	}
}

func TestGeneratedTransactions(t *testing.T) {
	s, ts := start(t, Options{Transactions: 12})
	r := get(t, ts, "/payment/d151e4f9/transactions?limit=99")
	// Newest first: generated k=11 down to k=0, then the fixtures, last added first.
	if r.str(t, "data.15.id") != paidTxDetailID || r.str(t, "data.12.id") != unpaidTxID {
		t.Errorf("fixtures are not last, oldest at the end: %s", r.raw)
	}
	statuses := map[string]bool{}
	for i := 0; i < 12; i++ {
		p := "data." + itoa(i)
		statuses[r.str(t, p+".status")] = true
		amount := r.num(t, p+".amount")
		if !regexp.MustCompile(`^\d+\.[1-9][1-9]$`).MatchString(amount) {
			t.Errorf("generated amount %s", amount)
		}
		if !uuidPattern.MatchString(r.str(t, p+".id")) {
			t.Errorf("generated id %s", r.str(t, p+".id"))
		}
	}
	if len(statuses) != len(paymentStatuses) {
		t.Errorf("statuses %v", statuses)
	}
	jsonEqual(t, "first generated", r.field(t, "data.11"), `{"id":"`+r.str(t, "data.11.id")+`","status":"transaction_new","amount":1.11,"control":"order-00000","channel":null,"paid_at":null,"created_at":"2024-01-01T08:00:00+01:00","updated_at":"2024-01-01T08:01:00+01:00"}`)
	paid := r.str(t, "data.8.id") // k=3: transaction_paid
	d := get(t, ts, "/payment/d151e4f9/transactions/"+paid)
	if d.str(t, "data.status") != "transaction_paid" || string(d.field(t, "data.amount.commission")) == "null" || d.str(t, "data.paid_at") != "2024-01-01T11:01:30+01:00" {
		t.Errorf("generated paid: %s", d.field(t, "data"))
	}
	refunded := r.str(t, "data.4.id") // k=7: transaction_refunded, with its refund
	rf := get(t, ts, "/payment/d151e4f9/transactions/"+refunded+"/refunds")
	if rf.str(t, "data.0.status") != "refund_completed" || rf.num(t, "data.0.amount") != r.num(t, "data.4.amount") {
		t.Errorf("generated refund: %s", rf.raw)
	}

	s.AddPaymentTransactions("d151e4f9", 3)
	s.AddPaymentTransactions("ffffffff", 3) // unknown: nothing happens
	if got := get(t, ts, "/payment/d151e4f9/transactions").num(t, "pagination.total"); got != "19" {
		t.Errorf("total after adding %s", got)
	}
}

func TestCustomClock(t *testing.T) {
	fixed := time.Date(2025, 1, 15, 12, 0, 0, 0, time.UTC)
	_, ts := start(t, Options{Now: func() time.Time { return fixed }})
	id := post(t, ts, "/payment/d151e4f9/transactions", `{"amount": 10}`).str(t, "data.transactionId")
	d := get(t, ts, "/payment/d151e4f9/transactions/"+id)
	// Written in Polish winter time.
	if got := d.str(t, "data.created_at"); got != "2025-01-15T13:00:00+01:00" {
		t.Errorf("created_at %s", got)
	}
}

func TestRefunds(t *testing.T) {
	s, ts := start(t, Options{})
	base := "/payment/d151e4f9/transactions/"

	// Unpaid: 409.
	r := post(t, ts, base+unpaidTxID+"/refunds", "")
	r.want(t, http.StatusConflict, "TRANSACTION_NOT_PAID")

	// Pay it, then a partial refund, then an over-refund, then the rest.
	if err := s.SetTransactionStatus("d151e4f9", unpaidTxID, "transaction_paid"); err != nil {
		t.Fatal(err)
	}
	d := get(t, ts, base+unpaidTxID)
	if d.str(t, "data.status") != "transaction_paid" || d.str(t, "data.paid_at") == "" || d.str(t, "data.channel") != "blik" || d.num(t, "data.amount.commission") != "0.74" {
		t.Fatalf("paid: %s", d.field(t, "data"))
	}
	r = post(t, ts, base+unpaidTxID+"/refunds", `{"amount": 20.5}`)
	r.want(t, http.StatusOK, "")
	partial := r.str(t, "data.refund_id")
	if !uuidPattern.MatchString(partial) || partial[14] != '7' {
		t.Errorf("refund id %s is not a version-7 UUID", partial)
	}
	// While it waits for confirmation, SimPay refuses another refund with
	// the other 409 (simpay-payment-woocommerce RefundsService.php).
	for _, status := range []string{"", "refund_pending"} {
		if status != "" {
			if err := s.SetRefundStatus("d151e4f9", unpaidTxID, partial, status); err != nil {
				t.Fatal(err)
			}
		}
		r = post(t, ts, base+unpaidTxID+"/refunds", `{"amount": 1}`)
		r.want(t, http.StatusConflict, "PREVIOUS_REFUND_PENDING")
		if msg := r.body["message"].(string); !strings.Contains(msg, partial) || !strings.Contains(msg, "waiting for confirmation") {
			t.Errorf("message %q does not name the waiting refund", msg)
		}
	}
	if err := s.SetRefundStatus("d151e4f9", unpaidTxID, partial, "refund_completed"); err != nil {
		t.Fatal(err)
	}
	r = post(t, ts, base+unpaidTxID+"/refunds", `{"amount": 28.51}`)
	r.want(t, http.StatusBadRequest, "REFUND_AMOUNT_EXCEEDED")
	if msg := r.body["message"].(string); !strings.Contains(msg, "28.5 PLN") {
		t.Errorf("message %q does not state the remainder", msg)
	}
	if get(t, ts, base+unpaidTxID).str(t, "data.status") != "transaction_paid" {
		t.Error("partial refund changed the status")
	}
	r = post(t, ts, base+unpaidTxID+"/refunds", `{}`)
	r.want(t, http.StatusOK, "")
	full := r.str(t, "data.refund_id")
	if got := get(t, ts, base+unpaidTxID).str(t, "data.status"); got != "transaction_refunded" {
		t.Errorf("status after full refund %s", got)
	}
	rf := get(t, ts, base+unpaidTxID+"/refunds/"+full)
	jsonEqual(t, "rest refund", rf.field(t, "data"), `{"id":"`+full+`","status":"refund_new","amount":28.5,"currency":"PLN","wallet_amount":28.5,"wallet_currency":"PLN","created_at":"`+rf.str(t, "data.created_at")+`","updated_at":"`+rf.str(t, "data.created_at")+`"}`)
	list := get(t, ts, base+unpaidTxID+"/refunds")
	if list.str(t, "data.0.id") != partial || list.str(t, "data.1.id") != full {
		t.Errorf("refund order: %s", list.raw)
	}
	r = post(t, ts, base+unpaidTxID+"/refunds", `{"amount": 1}`)
	r.want(t, http.StatusConflict, "TRANSACTION_NOT_PAID")

	// A failed refund gives its amount back.
	if err := s.SetRefundStatus("d151e4f9", unpaidTxID, full, "refund_failed"); err != nil {
		t.Fatal(err)
	}
	if got := get(t, ts, base+unpaidTxID).str(t, "data.status"); got != "transaction_paid" {
		t.Errorf("status after failed refund %s", got)
	}
	post(t, ts, base+unpaidTxID+"/refunds", `{"amount": 28.5}`).want(t, http.StatusOK, "")
	if s.RefundsCreated() != 3 {
		t.Errorf("refunds created %d", s.RefundsCreated())
	}

	// Exact comparison: the seed transaction 528bd43f has 24.99 - 1 = 23.99
	// left; 23.99 passes, 23.991 is refused by validation, 24 by the rule.
	post(t, ts, base+paidTxDetailID+"/refunds", `{"amount": 24}`).want(t, http.StatusBadRequest, "REFUND_AMOUNT_EXCEEDED")
	post(t, ts, base+paidTxDetailID+"/refunds", `{"amount": "23.99"}`).want(t, http.StatusOK, "")
	if got := get(t, ts, base+paidTxDetailID).str(t, "data.status"); got != "transaction_refunded" {
		t.Errorf("528bd43f status %s", got)
	}

	// A BRL refund takes PLN from the wallet at the mock's rate.
	r = post(t, ts, base+seedDetailID+"/refunds", `{"amount": 7.55}`)
	r.want(t, http.StatusOK, "")
	rf = get(t, ts, base+seedDetailID+"/refunds/"+r.str(t, "data.refund_id"))
	if rf.str(t, "data.currency") != "BRL" || rf.num(t, "data.wallet_amount") != "5" || rf.str(t, "data.wallet_currency") != "PLN" {
		t.Errorf("BRL refund: %s", rf.raw)
	}

	post(t, ts, base+"nope/refunds", "").want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
	post(t, ts, "/payment/ffffffff/transactions/"+unpaidTxID+"/refunds", "").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
}

func TestHooks(t *testing.T) {
	s, ts := start(t, Options{})
	if err := s.SetTransactionStatus("d151e4f9", "nope", "transaction_paid"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown transaction: %v", err)
	}
	if err := s.SetTransactionStatus("ffffffff", unpaidTxID, "transaction_paid"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown service: %v", err)
	}
	if err := s.SetTransactionStatus("d151e4f9", unpaidTxID, ""); err == nil {
		t.Error("empty status accepted")
	}
	if err := s.SetTransactionStatus("d151e4f9", unpaidTxID, "transaction_something_new"); err != nil {
		t.Errorf("unknown statuses must be accepted: %v", err)
	}
	if got := get(t, ts, "/payment/d151e4f9/transactions/"+unpaidTxID).str(t, "data.status"); got != "transaction_something_new" {
		t.Errorf("status %s", got)
	}
	if err := s.SetRefundStatus("d151e4f9", paidTxDetailID, "nope", "refund_completed"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown refund: %v", err)
	}
	if err := s.SetRefundStatus("d151e4f9", paidTxDetailID, seedRefundID, "refund_rejected"); err != nil {
		t.Fatal(err)
	}
	if got := get(t, ts, "/payment/d151e4f9/transactions/"+paidTxDetailID+"/refunds/"+seedRefundID).str(t, "data.status"); got != "refund_rejected" {
		t.Errorf("refund status %s", got)
	}

	if err := s.DeleteTransaction("d151e4f9", paidTxDetailID); err != nil {
		t.Fatal(err)
	}
	get(t, ts, "/payment/d151e4f9/transactions/"+paidTxDetailID).want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
	if got := get(t, ts, "/payment/d151e4f9/transactions").num(t, "pagination.total"); got != "3" {
		t.Errorf("total after delete %s", got)
	}
	if err := s.DeleteTransaction("d151e4f9", paidTxDetailID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if err := s.DeleteTransaction("ffffffff", paidTxDetailID); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown service: %v", err)
	}
}

func TestCreateDirectBillingTransaction(t *testing.T) {
	s, ts := start(t, Options{})
	r := post(t, ts, "/directbilling/d151e4f9/transactions", `{"amount": 12.30, "control": "order-9", "phoneNumber": "48111222333", "returns": {"success": "https://x.pl/s"}}`)
	r.want(t, http.StatusOK, "")
	id := r.str(t, "data.transactionId")
	if !uuidPattern.MatchString(id) || r.str(t, "data.redirectUrl") != "https://db.simpay.pl/"+id {
		t.Fatalf("created: %s", r.raw)
	}
	d := get(t, ts, "/directbilling/d151e4f9/transactions/"+id)
	jsonEqual(t, "db detail", d.field(t, "data"), `{"id":"`+id+`","status":"transaction_db_new","phoneNumber":"48111222333","control":"order-9","value":10,"value_netto":7,"operator":null,"notify":{"is_send":false,"last_send_at":null,"count":0},"created_at":"2025-06-02T10:00:00+02:00","updated_at":"2025-06-02T10:00:00+02:00"}`)
	l := get(t, ts, "/directbilling/d151e4f9/transactions?filter[control]=order-9")
	if l.num(t, "pagination.total") != "1" || l.str(t, "data.0.id") != id {
		t.Errorf("filtered list: %s", l.raw)
	}
	for body, want := range map[string]string{
		`{"amount": 10, "amountType": "net"}`:     `"value":10,"value_netto":7`,
		`{"amount": 7, "amountType": "required"}`: `"value":10,"value_netto":7`,
		`{"amount": 5, "amountType": "required"}`: `"value":7.15,"value_netto":5`,
	} {
		id := post(t, ts, "/directbilling/d151e4f9/transactions", body).str(t, "data.transactionId")
		if raw := string(get(t, ts, "/directbilling/d151e4f9/transactions/"+id).raw); !strings.Contains(raw, want) {
			t.Errorf("%s: %s", body, raw)
		}
	}
	if err := s.SetDirectBillingTransactionStatus("d151e4f9", id, "transaction_db_payed"); err != nil {
		t.Fatal(err)
	}
	d = get(t, ts, "/directbilling/d151e4f9/transactions/"+id)
	if d.str(t, "data.status") != "transaction_db_payed" || d.str(t, "data.operator") != "orange" || d.num(t, "data.notify.count") != "1" {
		t.Errorf("payed: %s", d.field(t, "data"))
	}
	if err := s.SetDirectBillingTransactionStatus("d151e4f9", "nope", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown: %v", err)
	}
	if err := s.SetDirectBillingTransactionStatus("ffffffff", id, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown service: %v", err)
	}
	if s.DirectBillingTransactionsCreated() != 4 {
		t.Errorf("created %d", s.DirectBillingTransactionsCreated())
	}
	post(t, ts, "/directbilling/ffffffff/transactions", `{"amount": 1}`).want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
}

func TestHugeExponentIsNotANumber(t *testing.T) {
	_, ts := start(t, Options{})
	for _, amount := range []string{`1e999999999`, `"1e999999999"`, `"` + strings.Repeat("9", 50) + `"`} {
		r := post(t, ts, "/payment/d151e4f9/transactions", `{"amount": `+amount+`}`)
		r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
	}
	post(t, ts, "/payment/d151e4f9/transactions", `{"amount": 1e2}`).want(t, http.StatusOK, "")
}
