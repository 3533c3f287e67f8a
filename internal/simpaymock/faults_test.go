package simpaymock

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
)

// freshClient opens a new connection per request, so that Go's transport
// does not quietly retry a request whose reused connection was dropped.
func freshClient(timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout, Transport: &http.Transport{DisableKeepAlives: true}}
}

func send(t *testing.T, c *http.Client, ts *httptest.Server, method, path, body string) (*http.Response, error) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testToken)
	return c.Do(req)
}

func TestFaultStatusTimesAndRetryAfter(t *testing.T) {
	s, ts := start(t, Options{})
	s.AddFault(Fault{Method: "GET", Path: "/payment/*/channels", Kind: FaultStatus, Status: 503, RetryAfter: "1", Times: 2})
	for i := range 2 {
		r := get(t, ts, "/payment/d151e4f9/channels")
		r.want(t, http.StatusServiceUnavailable, "INTERNAL_SERVER_ERROR")
		if r.header.Get("Retry-After") != "1" {
			t.Errorf("request %d: Retry-After %q", i, r.header.Get("Retry-After"))
		}
	}
	get(t, ts, "/payment/d151e4f9/channels").want(t, http.StatusOK, "")
	get(t, ts, "/payment/e14f8074/channels").want(t, http.StatusOK, "")
	log := s.Requests()
	if log[0].Fault != "status" || log[0].Status != 503 || log[2].Fault != "" || log[2].Status != 200 {
		t.Errorf("log: %+v", log)
	}
	if len(s.Faults()) != 0 {
		t.Errorf("exhausted fault still listed: %+v", s.Faults())
	}
}

func TestFaultStatusDefaults(t *testing.T) {
	s, ts := start(t, Options{})
	for status, code := range map[int]string{
		401: "UNAUTHORIZED", 403: "INVALID_ABILITY_PROVIDED", 404: "ROUTE_NOT_FOUND", 429: "TOO_MANY_REQUESTS",
		500: "INTERNAL_SERVER_ERROR", 502: "INTERNAL_SERVER_ERROR", 504: "INTERNAL_SERVER_ERROR",
	} {
		s.ClearFaults()
		s.AddFault(Fault{Status: status})
		r := get(t, ts, "/payment")
		r.want(t, status, code)
		if r.body["message"] == "" {
			t.Errorf("%d: no message", status)
		}
	}
	s.ClearFaults()
	s.AddFault(Fault{Status: 403, ErrorCode: "IP_ADDRESS_NOT_WHITELISTED", Message: "Not from here."})
	r := get(t, ts, "/payment")
	jsonEqual(t, "custom", r.raw, `{"success":false,"errorCode":"IP_ADDRESS_NOT_WHITELISTED","message":"Not from here."}`)
	s.ClearFaults()
	s.AddFault(Fault{Status: 502, Body: "<html><body>Bad Gateway</body></html>"})
	r = get(t, ts, "/payment")
	if r.status != 502 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") || string(r.raw) != "<html><body>Bad Gateway</body></html>" {
		t.Errorf("html body: %d %s %s", r.status, r.header.Get("Content-Type"), r.raw)
	}
	s.ClearFaults()
	get(t, ts, "/payment").want(t, http.StatusOK, "")
}

func TestFaultMatching(t *testing.T) {
	s, ts := start(t, Options{})
	s.AddFault(Fault{Method: "POST", Path: "/payment/*/transactions", Status: 500})
	get(t, ts, "/payment/d151e4f9/transactions").want(t, http.StatusOK, "")
	get(t, ts, "/payment/d151e4f9/transactions/"+seedDetailID).want(t, http.StatusOK, "")
	post(t, ts, "/payment/e14f8074/transactions", `{"amount": 10}`).want(t, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR")
	if s.PaymentTransactionsCreated() != 0 {
		t.Error("a fault without AfterHandler ran the handler")
	}
	s.ClearFaults()

	// The first matching fault applies; when it is used up the next does.
	s.AddFault(Fault{Path: "/ip", Status: 429, Times: 1})
	s.AddFault(Fault{Status: 500})
	get(t, ts, "/ip").want(t, http.StatusTooManyRequests, "TOO_MANY_REQUESTS")
	get(t, ts, "/ip").want(t, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR")
	get(t, ts, "/payment").want(t, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR")
	s.ClearFaults()
	get(t, ts, "/ip").want(t, http.StatusOK, "")
}

func TestFaultDropConnection(t *testing.T) {
	s, ts := start(t, Options{})
	c := freshClient(5 * time.Second)
	s.AddFault(Fault{Method: "POST", Path: "/payment/*/transactions", Kind: FaultDropConnection, Times: 1})
	if _, err := send(t, c, ts, "POST", "/payment/d151e4f9/transactions", `{"amount": 10}`); err == nil {
		t.Fatal("dropped request succeeded")
	}
	if s.PaymentTransactionsCreated() != 0 {
		t.Error("dropped without AfterHandler, yet created")
	}

	// Created, but the answer never came.
	s.AddFault(Fault{Method: "POST", Path: "/payment/*/transactions", Kind: FaultDropConnection, AfterHandler: true, Times: 1})
	if _, err := send(t, c, ts, "POST", "/payment/d151e4f9/transactions", `{"amount": 10}`); err == nil {
		t.Fatal("dropped request succeeded")
	}
	if s.PaymentTransactionsCreated() != 1 {
		t.Errorf("created %d, want 1", s.PaymentTransactionsCreated())
	}
	if got := get(t, ts, "/payment/d151e4f9/transactions").num(t, "pagination.total"); got != "5" {
		t.Errorf("total %s", got)
	}
	log := s.Requests()
	if log[1].Fault != "drop" || log[1].Status != 0 {
		t.Errorf("log entry %+v", log[1])
	}
}

func TestFaultTruncatedBody(t *testing.T) {
	s, ts := start(t, Options{})
	c := freshClient(5 * time.Second)
	full := get(t, ts, "/payment/d151e4f9/channels").raw
	s.AddFault(Fault{Path: "/payment/*/channels", Kind: FaultTruncatedBody, Times: 1})
	resp, err := send(t, c, ts, "GET", "/payment/d151e4f9/channels", "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading a truncated body: %v", err)
	}
	if resp.StatusCode != 200 || resp.ContentLength != int64(len(full)) || string(got) != string(full[:len(full)/2]) {
		t.Errorf("status %d, length %d of %d, got %q", resp.StatusCode, resp.ContentLength, len(full), got)
	}

	s.AddFault(Fault{Method: "POST", Kind: FaultTruncatedBody, AfterHandler: true, Times: 1})
	resp, err = send(t, c, ts, "POST", "/payment/d151e4f9/transactions/"+paidTxDetailID+"/refunds", "")
	if err == nil {
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	if err == nil {
		t.Error("a truncated answer read cleanly")
	}
	if s.RefundsCreated() != 1 {
		t.Errorf("refunds created %d", s.RefundsCreated())
	}
	if s.Requests()[1].Fault != "truncated" {
		t.Errorf("log %+v", s.Requests()[1])
	}
}

func TestFaultMalformedAndSuccessFalse(t *testing.T) {
	s, ts := start(t, Options{})
	s.AddFault(Fault{Kind: FaultMalformedJSON, Times: 1})
	resp, err := send(t, ts.Client(), ts, "GET", "/payment", "")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var v any
	if resp.StatusCode != 200 || json.Unmarshal(raw, &v) == nil || string(raw) != `{"success": true, "data": [` {
		t.Errorf("malformed: %d %s", resp.StatusCode, raw)
	}
	s.AddFault(Fault{Kind: FaultMalformedJSON, Body: "<html>maintenance</html>", Times: 1})
	resp, err = send(t, ts.Client(), ts, "GET", "/payment", "")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(raw) != "<html>maintenance</html>" {
		t.Errorf("custom malformed body %s", raw)
	}

	s.AddFault(Fault{Kind: FaultSuccessFalse, Times: 1})
	r := get(t, ts, "/payment")
	r.want(t, http.StatusOK, "INTERNAL_SERVER_ERROR")
	s.AddFault(Fault{Kind: FaultSuccessFalse, ErrorCode: "SOMETHING", Message: "Nope.", Times: 1})
	jsonEqual(t, "success false", get(t, ts, "/payment").raw, `{"success":false,"errorCode":"SOMETHING","message":"Nope."}`)
	get(t, ts, "/payment").want(t, http.StatusOK, "")
}

func TestFaultDelay(t *testing.T) {
	s, ts := start(t, Options{})
	s.AddFault(Fault{Kind: FaultDelay, Delay: 40 * time.Millisecond, Times: 1})
	began := time.Now()
	get(t, ts, "/payment").want(t, http.StatusOK, "")
	if time.Since(began) < 40*time.Millisecond {
		t.Error("no delay")
	}

	// The client gives up: the server stops waiting too, and with
	// AfterHandler the transaction exists all the same.
	s.AddFault(Fault{Kind: FaultDelay, Delay: 10 * time.Second, AfterHandler: true, Times: 1})
	began = time.Now()
	if _, err := send(t, freshClient(100*time.Millisecond), ts, "POST", "/payment/d151e4f9/transactions", `{"amount": 10}`); err == nil {
		t.Fatal("the client did not time out")
	}
	if s.PaymentTransactionsCreated() != 1 {
		t.Errorf("created %d", s.PaymentTransactionsCreated())
	}
	// The handler notices the client going away long before the delay.
	deadline := time.Now().Add(5 * time.Second)
	for {
		log := s.Requests()
		if len(log) == 2 && log[1].Fault == "delay" && log[1].Status == 0 && time.Since(began) < 5*time.Second {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("log %+v", log)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestFaultFraction(t *testing.T) {
	pattern := func(seed uint64) []bool {
		s, ts := start(t, Options{Seed: seed})
		s.AddFault(Fault{Path: "/ip", Status: 503, Fraction: 0.3})
		var out []bool
		for range 200 {
			out = append(out, get(t, ts, "/ip").status == 503)
		}
		return out
	}
	a, b := pattern(1), pattern(1)
	if !reflect.DeepEqual(a, b) {
		t.Error("same seed, different faults")
	}
	n := 0
	for _, hit := range a {
		if hit {
			n++
		}
	}
	if n < 30 || n > 90 {
		t.Errorf("%d of 200 faulted with fraction 0.3", n)
	}
	if reflect.DeepEqual(a, pattern(2)) {
		t.Error("different seeds, same faults")
	}

	// Fraction and Times together: at most Times applications.
	s, ts := start(t, Options{})
	s.AddFault(Fault{Path: "/ip", Status: 503, Fraction: 0.5, Times: 3})
	hits := 0
	for range 100 {
		if get(t, ts, "/ip").status == 503 {
			hits++
		}
	}
	if hits != 3 {
		t.Errorf("%d hits, want 3", hits)
	}
}

func TestFaultIgnoresAuth(t *testing.T) {
	s, ts := start(t, Options{})
	s.AddFault(Fault{Status: 503})
	call(t, ts, http.MethodGet, "/payment", "", "").want(t, http.StatusServiceUnavailable, "INTERNAL_SERVER_ERROR")
}

func TestParseFault(t *testing.T) {
	cases := map[string]Fault{
		"GET /payment/*/channels status=503 times=2 retry_after=1": {Method: "GET", Path: "/payment/*/channels", Kind: FaultStatus, Status: 503, Times: 2, RetryAfter: "1"},
		"POST /payment/*/transactions drop after_handler":          {Method: "POST", Path: "/payment/*/transactions", Kind: FaultDropConnection, AfterHandler: true},
		"kind=truncated path=/ip":                                  {Path: "/ip", Kind: FaultTruncatedBody},
		"malformed body=<html>":                                    {Kind: FaultMalformedJSON, Body: "<html>"},
		`success_false error_code=X message="Try again later"`:     {Kind: FaultSuccessFalse, ErrorCode: "X", Message: "Try again later"},
		"GET delay=1.5s after_handler=true fraction=0.25":          {Method: "GET", Kind: FaultDelay, Delay: 1500 * time.Millisecond, AfterHandler: true, Fraction: 0.25},
		"status=429 retry_after=\"Wed, 21 Oct 2015 07:28:00 GMT\"": {Kind: FaultStatus, Status: 429, RetryAfter: "Wed, 21 Oct 2015 07:28:00 GMT"},
	}
	for spec, want := range cases {
		got, err := ParseFault(spec)
		if err != nil {
			t.Errorf("%s: %v", spec, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", spec, got, want)
		}
	}
	for _, bad := range []string{"", "GET /ip", "explode", "status=abc", "delay=soon", "kind=delay", "times=-1 status=500", "fraction=2 status=500", "status=99", "color=red status=500", `message="open status=500`} {
		if _, err := ParseFault(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestFaultJSON(t *testing.T) {
	var f Fault
	if err := json.Unmarshal([]byte(`{"method":"get","path":"/ip","kind":"delay","delay":"250ms","after_handler":true,"retry_after":"2","times":3}`), &f); err != nil {
		t.Fatal(err)
	}
	want := Fault{Method: "GET", Path: "/ip", Kind: FaultDelay, Delay: 250 * time.Millisecond, AfterHandler: true, RetryAfter: "2", Times: 3}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("got %+v", f)
	}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var back Fault
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, want) {
		t.Errorf("round trip: %s -> %+v (%v)", b, back, err)
	}
	for _, bad := range []string{`{"kind":"boom"}`, `{"kind":"delay"}`, `{"kind":"delay","delay":"x"}`, `{"status":1000}`, `[]`} {
		if err := json.Unmarshal([]byte(bad), &f); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if FaultKind(42).String() != "FaultKind(42)" {
		t.Error(FaultKind(42).String())
	}
}

// TestFaultDelayShutdown checks that a delayed request does not hold up a
// server being shut down once its client has gone.
func TestFaultDelayContext(t *testing.T) {
	s := New(Options{})
	s.AddFault(Fault{Kind: FaultDelay, Delay: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	req := httptestRequest(ctx, "GET", "/payment")
	done := make(chan struct{})
	go func() {
		s.ServeHTTP(discardWriter{}, req)
		close(done)
	}()
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("ServeHTTP kept sleeping after the client went away")
	}
}
