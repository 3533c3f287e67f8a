package simpaymock

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRequestLogNeverHoldsTokens(t *testing.T) {
	const secret = "s3cr3t-token-value"
	var seen []Request
	var mu sync.Mutex
	s, ts := start(t, Options{
		Tokens:    []Token{{Value: secret}},
		OnRequest: func(r Request) { mu.Lock(); seen = append(seen, r); mu.Unlock() },
	})
	call(t, ts, http.MethodGet, "/payment", secret, "")
	call(t, ts, http.MethodGet, "/payment?token="+secret+"&api_key=other-secret", secret, "")
	call(t, ts, http.MethodGet, "/payment/"+secret, secret, "")
	call(t, ts, http.MethodPost, "/payment/d151e4f9/transactions", secret, `{"amount": 10, "control": "`+secret+`"}`)
	call(t, ts, http.MethodGet, "/payment", "unknown-token-xyz", "")
	call(t, ts, http.MethodPost, "/sms/d151e4f9", "unknown-token-xyz", `{"code":"unknown-token-xyz"}`)
	call(t, ts, http.MethodGet, "/payment", "", "")

	log := s.Requests()
	if len(log) != 7 {
		t.Fatalf("%d entries", len(log))
	}
	for _, e := range log {
		text := fmt.Sprintf("%+v", e)
		if strings.Contains(text, secret) || strings.Contains(text, "unknown-token-xyz") || strings.Contains(text, "other-secret") {
			t.Errorf("token in log: %s", text)
		}
	}
	if !log[0].AuthPresent || !log[0].AuthValid || log[0].Status != 200 || log[0].Method != "GET" || log[0].Path != "/payment" {
		t.Errorf("entry 0 %+v", log[0])
	}
	if !log[4].AuthPresent || log[4].AuthValid || log[4].Status != 401 {
		t.Errorf("entry 4 %+v", log[4])
	}
	if log[6].AuthPresent || log[6].AuthValid {
		t.Errorf("entry 6 %+v", log[6])
	}
	if !strings.Contains(log[3].Body, `"amount": 10`) || log[0].Body != "" {
		t.Errorf("bodies: %q %q", log[3].Body, log[0].Body)
	}
	if log[1].Query == "" {
		t.Error("query not logged")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 7 || seen[0].Status != 200 {
		t.Errorf("OnRequest saw %+v", seen)
	}
}

func TestCountAndResetRequests(t *testing.T) {
	s, ts := start(t, Options{Prefix: "/_mock/en/apis"})
	get(t, ts, "/_mock/en/apis/payment/d151e4f9/channels")
	get(t, ts, "/_mock/en/apis/payment/e14f8074/channels")
	get(t, ts, "/_mock/en/apis/payment")
	post(t, ts, "/_mock/en/apis/payment/d151e4f9/transactions", `{"amount": 1}`)
	for _, c := range []struct {
		method, pattern string
		want            int
	}{
		{"GET", "/payment/*/channels", 2},
		{"", "/payment/*/channels", 2},
		{"get", "/payment/d151e4f9/channels", 1},
		{"POST", "/payment/*/channels", 0},
		{"POST", "/payment/*/transactions", 1},
		{"", "", 4},
		{"GET", "", 3},
		{"GET", "/payment/*", 0},
	} {
		if got := s.CountRequests(c.method, c.pattern); got != c.want {
			t.Errorf("CountRequests(%q, %q) = %d, want %d", c.method, c.pattern, got, c.want)
		}
	}
	if s.Requests()[0].Path != "/_mock/en/apis/payment/d151e4f9/channels" {
		t.Errorf("path %q", s.Requests()[0].Path)
	}
	s.ResetRequests()
	if len(s.Requests()) != 0 || s.CountRequests("", "") != 0 {
		t.Error("not reset")
	}
}

func TestPrefix(t *testing.T) {
	_, ts := start(t, Options{Prefix: "_mock/en/apis/"})
	get(t, ts, "/_mock/en/apis/payment").want(t, http.StatusOK, "")
	r := get(t, ts, "/_mock/en/apis/payment/d151e4f9/transactions?limit=1")
	if !strings.HasPrefix(r.str(t, "pagination.links.next_page"), ts.URL+"/_mock/en/apis/payment/d151e4f9/transactions?") {
		t.Errorf("link %s", r.str(t, "pagination.links.next_page"))
	}
	get(t, ts, "/payment").want(t, http.StatusNotFound, "ROUTE_NOT_FOUND")
	get(t, ts, "/_mock/en/apisx/payment").want(t, http.StatusNotFound, "ROUTE_NOT_FOUND")
	get(t, ts, "/_mock/en/apis").want(t, http.StatusNotFound, "ROUTE_NOT_FOUND")
	// The admin API stays at the root.
	if r := call(t, ts, http.MethodGet, "/__admin/requests", "", ""); r.status != http.StatusOK {
		t.Errorf("admin under a prefix: %d", r.status)
	}
}

func TestLatency(t *testing.T) {
	s, ts := start(t, Options{Latency: 30 * time.Millisecond})
	began := time.Now()
	get(t, ts, "/ip")
	if time.Since(began) < 30*time.Millisecond {
		t.Error("latency not applied")
	}
	s.SetLatency(0)
	began = time.Now()
	get(t, ts, "/ip")
	if time.Since(began) > 25*time.Millisecond {
		t.Logf("slow without latency: %v (a loaded machine?)", time.Since(began))
	}
	// The admin API is never slowed down.
	s.SetLatency(time.Hour)
	if r := call(t, ts, http.MethodGet, "/__admin/counters", "", ""); r.status != http.StatusOK {
		t.Errorf("admin: %d", r.status)
	}
	s.SetLatency(0)
}

// TestConcurrency hammers every kind of state change at once; run with
// -race.
func TestConcurrency(t *testing.T) {
	s, ts := start(t, Options{Transactions: 30})
	s.AddFault(Fault{Path: "/ip", Status: 503, Fraction: 0.5})
	var wg sync.WaitGroup
	const workers = 8
	for w := range workers {
		wg.Go(func() {
			for i := range 10 {
				r := post(t, ts, "/payment/d151e4f9/transactions", `{"amount": 10}`)
				id := r.str(t, "data.transactionId")
				if err := s.SetTransactionStatus("d151e4f9", id, "transaction_paid"); err != nil {
					t.Error(err)
				}
				rf := post(t, ts, "/payment/d151e4f9/transactions/"+id+"/refunds", `{"amount": 4}`)
				if err := s.SetRefundStatus("d151e4f9", id, rf.str(t, "data.refund_id"), "refund_completed"); err != nil {
					t.Error(err)
				}
				post(t, ts, "/payment/d151e4f9/transactions/"+id+"/refunds", ``)
				get(t, ts, "/payment/d151e4f9/transactions?page="+itoa(i+1))
				get(t, ts, "/ip")
				post(t, ts, "/directbilling/d151e4f9/transactions", `{"amount": 5}`)
				post(t, ts, "/sms/d151e4f9", `{"code":"Q9Z8Y7"}`)
				s.Requests()
				s.CountRequests("GET", "/ip")
				s.AddFault(Fault{Path: "/nothing/" + itoa(w), Status: 500, Times: 1})
				if i == 5 {
					s.ResetRequests()
					s.AddPaymentTransactions("d151e4f9", 1)
				}
			}
		})
	}
	wg.Wait()
	if s.PaymentTransactionsCreated() != workers*10 || s.RefundsCreated() != workers*10*2 || s.DirectBillingTransactionsCreated() != workers*10 {
		t.Errorf("created %d transactions, %d refunds, %d DB", s.PaymentTransactionsCreated(), s.RefundsCreated(), s.DirectBillingTransactionsCreated())
	}
	r := get(t, ts, "/payment/d151e4f9/transactions?limit=1")
	if got := r.num(t, "pagination.total"); got != itoa(4+30+workers+workers*10) {
		t.Errorf("total %s", got)
	}
}

func TestShortTokenRedaction(t *testing.T) {
	s, ts := start(t, Options{Tokens: []Token{{Value: "T"}}})
	call(t, ts, http.MethodPost, "/payment/d151e4f9/transactions", "T", `{"amount": 10, "control": "T", "cart": [{"name": "T-shirt", "quantity": 1, "price": 1}]}`)
	call(t, ts, http.MethodGet, "/payment/T?x=T", "T", "")
	log := s.Requests()
	if strings.Contains(log[0].Body, `"T"`) || !strings.Contains(log[0].Body, "T-shirt") {
		t.Errorf("body %s", log[0].Body)
	}
	if log[1].Path != "/payment/REDACTED" || log[1].Query != "x=REDACTED" {
		t.Errorf("path %s query %s", log[1].Path, log[1].Query)
	}
}
