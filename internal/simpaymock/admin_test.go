package simpaymock

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestAdminFaults(t *testing.T) {
	s, ts := start(t, Options{})
	r := call(t, ts, "POST", "/__admin/faults", "", `{"method":"GET","path":"/payment/*/channels","kind":"status","status":503,"retryAfter":"1","times":2}`)
	if r.status != http.StatusCreated {
		t.Fatalf("adding a fault: %d %s", r.status, r.raw)
	}
	r = call(t, ts, "GET", "/__admin/faults", "", "")
	jsonEqual(t, "faults", r.raw, `[{"method":"GET","path":"/payment/*/channels","kind":"status","status":503,"retryAfter":"1","times":2}]`)
	get(t, ts, "/payment/d151e4f9/channels").want(t, http.StatusServiceUnavailable, "INTERNAL_SERVER_ERROR")
	r = call(t, ts, "GET", "/__admin/faults", "", "")
	jsonEqual(t, "one left", r.raw, `[{"method":"GET","path":"/payment/*/channels","kind":"status","status":503,"retryAfter":"1","times":1}]`)
	if r := call(t, ts, "DELETE", "/__admin/faults", "", ""); r.status != http.StatusNoContent {
		t.Errorf("clearing: %d", r.status)
	}
	get(t, ts, "/payment/d151e4f9/channels").want(t, http.StatusOK, "")

	call(t, ts, "POST", "/__admin/faults", "", `{"kind":"delay","delay":"30ms","times":1}`)
	began := time.Now()
	get(t, ts, "/ip").want(t, http.StatusOK, "")
	if time.Since(began) < 30*time.Millisecond {
		t.Error("delay fault from the admin API did not delay")
	}
	for _, bad := range []string{`{"kind":"boom"}`, `nope`, `{"kind":"delay"}`} {
		if r := call(t, ts, "POST", "/__admin/faults", "", bad); r.status != http.StatusBadRequest || r.body["error"] == "" {
			t.Errorf("%s: %d %s", bad, r.status, r.raw)
		}
	}
	if len(s.Faults()) != 0 {
		t.Errorf("faults left: %+v", s.Faults())
	}
}

func TestAdminRequestsAndCounters(t *testing.T) {
	s, ts := start(t, Options{})
	post(t, ts, "/payment/d151e4f9/transactions", `{"amount": 10}`)
	r := call(t, ts, "GET", "/__admin/requests", "", "")
	var log []Request
	if err := json.Unmarshal(r.raw, &log); err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Method != "POST" || log[0].Body != `{"amount": 10}` || !log[0].AuthValid || log[0].Status != 200 {
		t.Errorf("log %+v", log)
	}
	r = call(t, ts, "GET", "/__admin/counters", "", "")
	jsonEqual(t, "counters", r.raw, `{"payment_transactions_created":1,"refunds_created":0,"directbilling_transactions_created":0}`)
	if r := call(t, ts, "DELETE", "/__admin/requests", "", ""); r.status != http.StatusNoContent {
		t.Errorf("clearing: %d", r.status)
	}
	if len(s.Requests()) != 0 {
		t.Errorf("admin requests were logged or not cleared: %+v", s.Requests())
	}
}

func TestAdminState(t *testing.T) {
	s, ts := start(t, Options{})
	adm := func(method, path, body string, want int) {
		t.Helper()
		if r := call(t, ts, method, path, "", body); r.status != want {
			t.Errorf("%s %s: %d %s", method, path, r.status, r.raw)
		}
	}
	adm("POST", "/__admin/payment/d151e4f9/transactions/"+unpaidTxID+"/status", `{"status":"transaction_paid"}`, 200)
	if get(t, ts, "/payment/d151e4f9/transactions/"+unpaidTxID).str(t, "data.status") != "transaction_paid" {
		t.Error("status not set")
	}
	adm("POST", "/__admin/payment/d151e4f9/transactions/nope/status", `{"status":"transaction_paid"}`, 404)
	adm("POST", "/__admin/payment/d151e4f9/transactions/"+unpaidTxID+"/status", `{}`, 400)

	adm("POST", "/__admin/payment/d151e4f9/transactions/"+paidTxDetailID+"/refunds/"+seedRefundID+"/status", `{"status":"refund_pending"}`, 200)
	if get(t, ts, "/payment/d151e4f9/transactions/"+paidTxDetailID+"/refunds/"+seedRefundID).str(t, "data.status") != "refund_pending" {
		t.Error("refund status not set")
	}
	adm("POST", "/__admin/payment/d151e4f9/transactions/"+paidTxDetailID+"/refunds/nope/status", `{"status":"x"}`, 404)

	adm("POST", "/__admin/directbilling/d151e4f9/transactions/4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30/status", `{"status":"transaction_db_confirmed"}`, 200)
	if get(t, ts, "/directbilling/d151e4f9/transactions/4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30").str(t, "data.status") != "transaction_db_confirmed" {
		t.Error("db status not set")
	}
	adm("POST", "/__admin/directbilling/ffffffff/transactions/x/status", `{"status":"x"}`, 404)

	adm("DELETE", "/__admin/payment/d151e4f9/transactions/"+seedDetailID, "", 204)
	get(t, ts, "/payment/d151e4f9/transactions/"+seedDetailID).want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
	adm("DELETE", "/__admin/payment/d151e4f9/transactions/"+seedDetailID, "", 404)

	adm("POST", "/__admin/payment/d151e4f9/generate", `{"count": 5}`, 200)
	adm("POST", "/__admin/payment/ffffffff/generate", `{"count": 5}`, 404)
	adm("POST", "/__admin/payment/d151e4f9/generate", `{"count": 0}`, 400)
	if got := get(t, ts, "/payment/d151e4f9/transactions").num(t, "pagination.total"); got != "8" {
		t.Errorf("total %s", got)
	}

	adm("POST", "/__admin/latency", `{"latency":"25ms"}`, 200)
	began := time.Now()
	get(t, ts, "/ip")
	if time.Since(began) < 25*time.Millisecond {
		t.Error("latency not applied")
	}
	adm("POST", "/__admin/latency", `{"latency":"0s"}`, 200)
	adm("POST", "/__admin/latency", `{"latency":"fast"}`, 400)
	adm("GET", "/__admin/nothing", "", 404)
	adm("PUT", "/__admin/faults", "", 404)
	_ = s
}

// TestAdminRefundNextAmount: the next refund records the amount the admin
// API named instead of the one asked for, once, and its wallet amount and
// what remains to refund follow SimPay's figure.
func TestAdminRefundNextAmount(t *testing.T) {
	_, ts := start(t, Options{})
	if r := call(t, ts, "POST", "/__admin/refunds/next-amount", "", `{"amount":"8.00"}`); r.status != 200 {
		t.Fatalf("next-amount: %d %s", r.status, r.raw)
	}
	if r := call(t, ts, "POST", "/__admin/refunds/next-amount", "", `{"amount":"-1"}`); r.status != 400 {
		t.Errorf("a negative amount: %d %s", r.status, r.raw)
	}
	refunds := "/payment/d151e4f9/transactions/" + FixtureTxPaid + "/refunds"
	first := post(t, ts, refunds, `{"amount": 10}`)
	first.want(t, http.StatusOK, "")
	got := get(t, ts, refunds+"/"+first.str(t, "data.refund_id"))
	if got.num(t, "data.amount") != "8" || got.num(t, "data.wallet_amount") != "8" {
		t.Errorf("recorded refund %s, want amount and wallet_amount 8", got.raw)
	}
}
