package simpaymock

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// receiver is a shop's notification endpoint for a test: it records every
// POST and answers with the next of replies (the last one repeats).
type receiver struct {
	t       *testing.T
	srv     *httptest.Server
	mu      sync.Mutex
	got     []received
	replies []reply
}

type received struct {
	header http.Header
	body   []byte
}

type reply struct {
	status int
	body   string
	hang   <-chan struct{} // if set, the answer waits for it
}

func newReceiver(t *testing.T, replies ...reply) *receiver {
	t.Helper()
	if len(replies) == 0 {
		replies = []reply{{status: 200, body: "OK"}}
	}
	rc := &receiver{t: t, replies: replies}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.got = append(rc.got, received{header: r.Header.Clone(), body: body})
		rp := rc.replies[min(len(rc.got), len(rc.replies))-1]
		rc.mu.Unlock()
		if rp.hang != nil {
			select {
			case <-rp.hang:
			case <-r.Context().Done():
			}
		}
		w.WriteHeader(rp.status)
		_, _ = io.WriteString(w, rp.body)
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) all() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return slices.Clone(rc.got)
}

// startIPN serves a mock that notifies rc, closed at the end of the test.
func startIPN(t *testing.T, rc *receiver, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	opts.IPN.URL = rc.srv.URL + "/ipn"
	if opts.IPN.Key == "" {
		opts.IPN.Key = "test-ipn-key"
	}
	s, ts := start(t, opts)
	t.Cleanup(s.Close)
	return s, ts
}

func settle(t *testing.T, s *Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Settle(ctx); err != nil {
		t.Fatal(err)
	}
}

// keysOf returns the member names of a JSON object at path ("" for the
// root, "data", "data.amount"), in the order written.
func keysOf(t *testing.T, body []byte, path string) []string {
	t.Helper()
	raw := json.RawMessage(body)
	for _, p := range strings.Split(path, ".") {
		if p == "" {
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		raw = m[p]
	}
	d := json.NewDecoder(strings.NewReader(string(raw)))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("%s is not an object in %s", path, body)
	}
	var keys []string
	for d.More() {
		k, _ := d.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func wantKeys(t *testing.T, body []byte, path string, want ...string) {
	t.Helper()
	if got := keysOf(t, body, path); !slices.Equal(got, want) {
		t.Errorf("members of %q: %q, want %q", path, got, want)
	}
}

// TestIPNSignatureDocumentedExample checks the signature against the
// worked example of SimPay's IPN v2 page: its fields, its joined string, and
// the rule that an absent field is skipped.
func TestIPNSignatureDocumentedExample(t *testing.T) {
	const documented = "example:type|0196bf93-aca4-7253-8a2d-0941a037f25b|2025-05-20T16:36:07Z|transaction_paid|PLN|5.25|123123123123|test|keyFromPanel"
	const withoutMeta = "example:type|0196bf93-aca4-7253-8a2d-0941a037f25b|2025-05-20T16:36:07Z|transaction_paid|PLN|5.25|123123123123|keyFromPanel"
	sha := func(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
	cases := map[string]struct{ body, base string }{
		// The page lists the values without saying whether numbers are
		// JSON numbers or strings; both sign the same.
		"numbers": {`{"type":"example:type","notification_id":"0196bf93-aca4-7253-8a2d-0941a037f25b","date":"2025-05-20T16:36:07Z",` +
			`"data":{"status":"transaction_paid","amount":{"currency":"PLN","value":5.25},"transaction_id":123123123123,"meta":"test"}}`, documented},
		"strings": {`{"type":"example:type","notification_id":"0196bf93-aca4-7253-8a2d-0941a037f25b","date":"2025-05-20T16:36:07Z",` +
			`"data":{"status":"transaction_paid","amount":{"currency":"PLN","value":"5.25"},"transaction_id":"123123123123","meta":"test"}}`, documented},
		"meta absent": {`{"type":"example:type","notification_id":"0196bf93-aca4-7253-8a2d-0941a037f25b","date":"2025-05-20T16:36:07Z",` +
			`"data":{"status":"transaction_paid","amount":{"currency":"PLN","value":5.25},"transaction_id":123123123123}}`, withoutMeta},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			base, err := SignatureBase([]byte(c.body), "keyFromPanel")
			if err != nil {
				t.Fatal(err)
			}
			if base != c.base {
				t.Errorf("joined values:\n got %s\nwant %s", base, c.base)
			}
			sig, err := IPNSignature([]byte(c.body), "keyFromPanel")
			if err != nil {
				t.Fatal(err)
			}
			if sig != sha(c.base) {
				t.Errorf("signature %s, want sha256 of the documented string %s", sig, sha(c.base))
			}
			signed := strings.TrimSuffix(c.body, "}") + `,"signature":"` + sig + `"}`
			if err := VerifyIPNSignature([]byte(signed), "keyFromPanel"); err != nil {
				t.Error(err)
			}
			if err := VerifyIPNSignature([]byte(signed), "anotherKey"); err == nil {
				t.Error("verified under the wrong key")
			}
		})
	}
}

// TestPHPStringForms pins the string forms PHP's (string) cast gives the
// values json_decode produces; TestIPNSignatureMatchesPHP checks the same
// table against php-cli where it is installed.
func TestPHPStringForms(t *testing.T) {
	for body, want := range phpFormCases {
		values, _, err := ipnValues([]byte(`{"v":` + body + `}`))
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if got := strings.Join(values, "|"); got != want {
			t.Errorf("%s: %q, want %q", body, got, want)
		}
	}
}

var phpFormCases = map[string]string{
	`5.25`: "5.25", `24.9`: "24.9", `5.0`: "5", `100`: "100", `-0`: "0", `-0.0`: "-0",
	`0.1`: "0.1", `0.30000000000000004`: "0.3", `1e2`: "100", `123123123123`: "123123123123",
	`0.0001`: "0.0001", `0.00001`: "1.0E-5", `1.5e-7`: "1.5E-7", `1e14`: "1.0E+14", `1e15`: "1.0E+15",
	`99999999999999`: "99999999999999", `99999999999999.0`: "99999999999999", `999999999999999.0`: "1.0E+15",
	`12345678.901234567`: "12345678.901235", `9223372036854775807`: "9223372036854775807",
	`9223372036854775808`: "9.2233720368548E+18", `-1.25`: "-1.25", `true`: "1", `false`: "", `null`: "",
	`"x|y"`: "x|y", `"zażółć"`: "zażółć", `"\u00e9"`: "é", `[]`: "", `{}`: "", `[1,[2,{"a":3}]]`: "1|2|3",
	`{"a":1,"b":2,"a":3}`: "3|2",
}

// TestIPNTransactionNotification: a status change of a payment transaction
// is POSTed once, as SimPay sends it: headers, envelope order, data in
// SimPay's field order with absent fields left out, and a signature that
// verifies.
func TestIPNTransactionNotification(t *testing.T) {
	rc := newReceiver(t)
	s, _ := startIPN(t, rc, Options{})
	if err := s.SetTransactionStatus(fixtureServiceID, "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b", "transaction_paid"); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	got := rc.all()
	if len(got) != 1 {
		t.Fatalf("%d notifications, want 1", len(got))
	}
	n := got[0]
	if ct := n.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	if ua := n.header.Get("User-Agent"); ua != "SimPay-IPN/2.0" {
		t.Errorf("User-Agent %q", ua)
	}
	wantKeys(t, n.body, "", "type", "notification_id", "date", "data", "signature")
	wantKeys(t, n.body, "data", "id", "payer_transaction_id", "service_id", "status", "amount", "control", "payment", "paid_at", "created_at")
	wantKeys(t, n.body, "data.amount", "final_currency", "final_value", "original_currency", "original_value", "commission_system", "commission_currency")
	wantKeys(t, n.body, "data.payment", "channel", "type")
	if err := VerifyIPNSignature(n.body, "test-ipn-key"); err != nil {
		t.Error(err)
	}
	var env struct {
		Type           string         `json:"type"`
		NotificationID string         `json:"notification_id"`
		Date           string         `json:"date"`
		Data           map[string]any `json:"data"`
	}
	if err := json.Unmarshal(n.body, &env); err != nil {
		t.Fatal(err)
	}
	if env.Type != IPNTransactionStatusChanged {
		t.Errorf("type %q", env.Type)
	}
	if _, err := time.Parse(time.RFC3339, env.Date); err != nil || !strings.HasSuffix(env.Date, "Z") {
		t.Errorf("date %q is not RFC 3339 in UTC", env.Date)
	}
	if id := env.NotificationID; len(id) != 36 || id[14] != '7' {
		t.Errorf("notification_id %s is not a version-7 UUID", id)
	}
	want := map[string]any{
		"id": "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b", "service_id": fixtureServiceID, "status": "transaction_paid",
		"amount": map[string]any{"final_currency": "PLN", "final_value": "49.00", "original_currency": "PLN", "original_value": "49.00",
			"commission_system": "0.74", "commission_currency": "PLN"},
		"payment": map[string]any{"channel": "blik", "type": "blik"},
	}
	for k, v := range want {
		if g, _ := json.Marshal(env.Data[k]); string(g) != string(marshal(v)) {
			t.Errorf("data.%s = %s, want %s", k, g, marshal(v))
		}
	}
	d := s.IPNDeliveries()
	if len(d) != 1 || d[0].State != "delivered" || len(d[0].Attempts) != 1 || d[0].Attempts[0].Status != 200 || d[0].Attempts[0].Body != "OK" {
		t.Errorf("delivery record: %+v", d)
	}
}

// TestIPNUnchangedStatusSendsNothing: setting the status a transaction
// already has is no change, and no notification.
func TestIPNUnchangedStatusSendsNothing(t *testing.T) {
	rc := newReceiver(t)
	s, _ := startIPN(t, rc, Options{})
	if err := s.SetTransactionStatus(fixtureServiceID, "0238d92e-0dd9-469a-9aa9-0505974336a3", "transaction_paid"); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	if n := len(rc.all()); n != 0 {
		t.Errorf("%d notifications for an unchanged status", n)
	}
}

// TestIPNRetriesWithBackoff: 500 twice, then OK: three attempts, no more,
// waiting the backoff and then twice it.
func TestIPNRetriesWithBackoff(t *testing.T) {
	rc := newReceiver(t, reply{500, "busy", nil}, reply{500, "busy", nil}, reply{200, "OK", nil})
	var mu sync.Mutex
	var waits []time.Duration
	s, _ := startIPN(t, rc, Options{IPN: IPNOptions{Attempts: 5, Backoff: 3 * time.Second,
		Sleep: func(ctx context.Context, d time.Duration) bool {
			mu.Lock()
			waits = append(waits, d)
			mu.Unlock()
			return true
		}}})
	if err := s.SetTransactionStatus(fixtureServiceID, "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b", "transaction_expired"); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	got := rc.all()
	if len(got) != 3 {
		t.Fatalf("%d attempts, want 3", len(got))
	}
	for i := range got {
		if string(got[i].body) != string(got[0].body) {
			t.Errorf("attempt %d sent another body: a retry resends the same notification", i+1)
		}
	}
	if !slices.Equal(waits, []time.Duration{3 * time.Second, 6 * time.Second}) {
		t.Errorf("waits %v, want [3s 6s]", waits)
	}
	d := s.IPNDeliveries()[0]
	if d.State != "delivered" || len(d.Attempts) != 3 {
		t.Fatalf("delivery %+v", d)
	}
	a := d.Attempts
	if a[0].Status != 500 || a[0].Body != "busy" || a[0].NextIn != "3s" || !strings.Contains(a[0].Error, "status 500") ||
		a[1].NextIn != "6s" || a[2].Status != 200 || a[2].Error != "" || a[2].NextIn != "" {
		t.Errorf("attempts %+v", a)
	}
}

// TestIPNGivesUp: an endpoint that never answers OK gets exactly Attempts
// tries, and the delivery is failed.
func TestIPNGivesUp(t *testing.T) {
	rc := newReceiver(t, reply{200, "OK\n", nil})
	var logged []IPNAttempt
	var mu sync.Mutex
	s, _ := startIPN(t, rc, Options{IPN: IPNOptions{Attempts: 3, Backoff: time.Millisecond,
		OnAttempt: func(_ IPNDelivery, a IPNAttempt) { mu.Lock(); logged = append(logged, a); mu.Unlock() }}})
	if _, err := s.SendTestIPN(fixtureServiceID); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	if n := len(rc.all()); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
	d := s.IPNDeliveries()[0]
	if d.State != "failed" || len(d.Attempts) != 3 || !strings.Contains(d.Attempts[2].Error, `body "OK\n" is not exactly OK`) {
		t.Errorf("delivery %+v", d)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(logged) != 3 {
		t.Errorf("OnAttempt saw %d attempts, want 3", len(logged))
	}
}

// TestIPNSlowEndpointDoesNotBlockAPI: while the shop's endpoint hangs, the
// status change returns at once and the API answers; the attempt ends at
// its own timeout.
func TestIPNSlowEndpointDoesNotBlockAPI(t *testing.T) {
	hang := make(chan struct{})
	defer close(hang)
	rc := newReceiver(t, reply{200, "OK", hang})
	s, ts := startIPN(t, rc, Options{IPN: IPNOptions{Attempts: 1, Timeout: 300 * time.Millisecond}})
	start := time.Now()
	if err := s.SetTransactionStatus(fixtureServiceID, "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b", "transaction_paid"); err != nil {
		t.Fatal(err)
	}
	r := get(t, ts, "/payment/"+fixtureServiceID+"/transactions/7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b")
	if r.status != 200 || r.str(t, "data.status") != "transaction_paid" {
		t.Fatalf("API answer %d %s", r.status, r.raw)
	}
	if el := time.Since(start); el > 200*time.Millisecond {
		t.Errorf("status change and API answer took %s while the endpoint hung", el)
	}
	if len(s.IPNDeliveries()) != 1 || s.IPNDeliveries()[0].State != "pending" {
		t.Errorf("delivery should still be pending: %+v", s.IPNDeliveries())
	}
	settle(t, s)
	d := s.IPNDeliveries()[0]
	if d.State != "failed" || !strings.Contains(d.Attempts[0].Error, "no answer within 300ms") {
		t.Errorf("delivery %+v", d)
	}
}

// TestIPNPerServiceURLAndKey: -ipn-url and -ipn-key per service win over
// the defaults; a service with no URL sends nothing.
func TestIPNPerServiceURLAndKey(t *testing.T) {
	shop := newReceiver(t)
	s, _ := start(t, Options{IPN: IPNOptions{URLs: map[string]string{"e14f8074": shop.srv.URL}, Keys: map[string]string{"e14f8074": "shop-key"}}})
	t.Cleanup(s.Close)
	if _, err := s.SendTestIPN(fixtureServiceID); err == nil || !strings.Contains(err.Error(), "-ipn-url") {
		t.Errorf("a service without a URL: %v", err)
	}
	if _, err := s.SendTestIPN("e14f8074"); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	got := shop.all()
	if len(got) != 1 {
		t.Fatalf("%d notifications", len(got))
	}
	wantKeys(t, got[0].body, "data", "service_id", "nonce")
	if err := VerifyIPNSignature(got[0].body, "shop-key"); err != nil {
		t.Error(err)
	}
	if !strings.Contains(string(got[0].body), `"type":"ipn:test"`) {
		t.Errorf("body %s", got[0].body)
	}
}

// TestAutopayLifecycle: with Autopay, a transaction created through the API
// gets its outcome by itself, chosen by its control prefix, and notifies it.
func TestAutopayLifecycle(t *testing.T) {
	rc := newReceiver(t)
	s, ts := startIPN(t, rc, Options{Autopay: 20 * time.Millisecond})
	want := map[string]string{
		"order-1":        "transaction_paid",
		"":               "transaction_paid",
		"fail:order-2":   "transaction_failure",
		"expire:order-3": "transaction_expired",
		"cancel:order-4": "transaction_canceled",
		"hold:order-5":   "transaction_new",
	}
	ids := map[string]string{}
	for control := range want {
		body := `{"amount": 10}`
		if control != "" {
			body = `{"amount": 10, "control": "` + control + `"}`
		}
		r := post(t, ts, "/payment/"+fixtureServiceID+"/transactions", body)
		if r.status != 200 {
			t.Fatalf("create: %d %s", r.status, r.raw)
		}
		ids[control] = r.str(t, "data.transactionId")
	}
	settle(t, s)
	notified := map[string]int{}
	for _, n := range rc.all() {
		var env struct{ Data struct{ ID, Status string } }
		_ = json.Unmarshal(n.body, &env)
		notified[env.Data.ID+" "+env.Data.Status]++
	}
	for control, status := range want {
		r := get(t, ts, "/payment/"+fixtureServiceID+"/transactions/"+ids[control])
		if got := r.str(t, "data.status"); got != status {
			t.Errorf("control %q: status %s, want %s", control, got, status)
		}
		wantN := 1
		if status == "transaction_new" {
			wantN = 0
		}
		if n := notified[ids[control]+" "+status]; n != wantN {
			t.Errorf("control %q: %d notifications of %s, want %d", control, n, status, wantN)
		}
	}
	if n := len(rc.all()); n != 5 {
		t.Errorf("%d notifications, want 5", n)
	}
}

// TestAutopayRefund: a full refund makes the transaction refunded at once
// (one transaction notification) and is completed by the lifecycle (one
// refund notification), both signed.
func TestAutopayRefund(t *testing.T) {
	rc := newReceiver(t)
	s, ts := startIPN(t, rc, Options{Autopay: 10 * time.Millisecond})
	const tx = "0238d92e-0dd9-469a-9aa9-0505974336a3"
	r := post(t, ts, "/payment/"+fixtureServiceID+"/transactions/"+tx+"/refunds", "")
	if r.status != 200 {
		t.Fatalf("refund: %d %s", r.status, r.raw)
	}
	refundID := r.str(t, "data.refund_id")
	settle(t, s)
	got := rc.all()
	if len(got) != 2 {
		t.Fatalf("%d notifications, want 2", len(got))
	}
	var types []string
	for _, n := range got {
		if err := VerifyIPNSignature(n.body, "test-ipn-key"); err != nil {
			t.Error(err)
		}
		var env struct{ Type string }
		_ = json.Unmarshal(n.body, &env)
		types = append(types, env.Type)
		if env.Type == IPNRefundStatusChanged {
			wantKeys(t, n.body, "data", "id", "service_id", "status", "amount", "transaction")
			wantKeys(t, n.body, "data.amount", "currency", "value", "wallet_currency", "wallet_value")
			wantKeys(t, n.body, "data.transaction", "id", "payment_channel", "payment_type")
			for _, part := range []string{`"id":"` + refundID + `"`, `"status":"refund_completed"`, `"value":"24.99"`, `"payment_channel":"blik"`} {
				if !strings.Contains(string(n.body), part) {
					t.Errorf("refund notification lacks %s: %s", part, n.body)
				}
			}
		}
	}
	slices.Sort(types)
	if !slices.Equal(types, []string{IPNTransactionStatusChanged, IPNRefundStatusChanged}) {
		t.Errorf("types %q", types)
	}
	if st := get(t, ts, "/payment/"+fixtureServiceID+"/transactions/"+tx+"/refunds/"+refundID).str(t, "data.status"); st != "refund_completed" {
		t.Errorf("refund status %s", st)
	}
}

// TestIPNAdminAPI: health, the test notification, the delivery list with a
// wait for settling, and clearing it.
func TestIPNAdminAPI(t *testing.T) {
	rc := newReceiver(t)
	_, ts := startIPN(t, rc, Options{})
	if r := call(t, ts, "GET", "/__admin/health", "", ""); r.status != 200 || r.str(t, "status") != "ok" {
		t.Errorf("health: %d %s", r.status, r.raw)
	}
	if r := call(t, ts, "POST", "/__admin/ipn/test", "", `{"service_id": "ffffffff"}`); r.status != 404 {
		t.Errorf("unknown service: %d %s", r.status, r.raw)
	}
	if r := call(t, ts, "POST", "/__admin/ipn/test", "", `{}`); r.status != 400 {
		t.Errorf("no service: %d %s", r.status, r.raw)
	}
	r := call(t, ts, "POST", "/__admin/ipn/test", "", `{"service_id": "`+fixtureServiceID+`"}`)
	if r.status != 202 || r.str(t, "type") != "ipn:test" {
		t.Fatalf("test notification: %d %s", r.status, r.raw)
	}
	if r := call(t, ts, "GET", "/__admin/ipn?wait=forever", "", ""); r.status != 400 {
		t.Errorf("bad wait: %d %s", r.status, r.raw)
	}
	r = call(t, ts, "GET", "/__admin/ipn?wait=10s", "", "")
	var list struct {
		Settled    bool
		Deliveries []IPNDelivery
	}
	if err := json.Unmarshal(r.raw, &list); err != nil || !list.Settled || len(list.Deliveries) != 1 || list.Deliveries[0].State != "delivered" {
		t.Fatalf("list: %v %s", err, r.raw)
	}
	if err := VerifyIPNSignature(list.Deliveries[0].Payload, "test-ipn-key"); err != nil {
		t.Errorf("the recorded payload: %v", err)
	}
	if r := call(t, ts, "DELETE", "/__admin/ipn", "", ""); r.status != 204 {
		t.Errorf("delete: %d", r.status)
	}
	if r := call(t, ts, "GET", "/__admin/ipn", "", ""); !strings.Contains(string(r.raw), `"deliveries":[]`) {
		t.Errorf("after delete: %s", r.raw)
	}
}

// TestIPNWithoutURLSendsNothing: with no URL configured, status changes
// and the lifecycle send nothing and Settle returns at once.
func TestIPNWithoutURLSendsNothing(t *testing.T) {
	s, _ := start(t, Options{})
	t.Cleanup(s.Close)
	if err := s.SetTransactionStatus(fixtureServiceID, "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b", "transaction_paid"); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	if d := s.IPNDeliveries(); len(d) != 0 {
		t.Errorf("deliveries without a URL: %+v", d)
	}
}

// TestCloseAbandonsPending: Close stops a delivery waiting for its retry
// and a lifecycle timer, promptly.
func TestCloseAbandonsPending(t *testing.T) {
	rc := newReceiver(t, reply{500, "down", nil})
	s, ts := startIPN(t, rc, Options{Autopay: time.Hour, IPN: IPNOptions{Backoff: time.Hour}})
	if r := post(t, ts, "/payment/"+fixtureServiceID+"/transactions", `{"amount": 10}`); r.status != 200 {
		t.Fatal(r.status)
	}
	if _, err := s.SendTestIPN(fixtureServiceID); err != nil {
		t.Fatal(err)
	}
	for len(rc.all()) == 0 {
		time.Sleep(time.Millisecond)
	}
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return")
	}
	settle(t, s)
	if d := s.IPNDeliveries(); len(d) != 1 || d[0].State != "abandoned" {
		t.Errorf("deliveries %+v", d)
	}
}

// TestIPNAttemptDuration: an attempt's duration_ms is the time the shop took
// to answer, not 0, both in IPNDeliveries and in what OnAttempt logs.
func TestIPNAttemptDuration(t *testing.T) {
	const shopDelay = 40 * time.Millisecond
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		time.Sleep(shopDelay)
		_, _ = io.WriteString(w, "OK")
	}))
	t.Cleanup(shop.Close)
	var mu sync.Mutex
	var logged []IPNAttempt
	s, _ := start(t, Options{IPN: IPNOptions{URL: shop.URL, Key: "test-ipn-key", Attempts: 1,
		OnAttempt: func(_ IPNDelivery, a IPNAttempt) { mu.Lock(); logged = append(logged, a); mu.Unlock() }}})
	t.Cleanup(s.Close)
	if _, err := s.SendTestIPN(fixtureServiceID); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	d := s.IPNDeliveries()[0]
	if len(d.Attempts) != 1 || d.Attempts[0].Error != "" {
		t.Fatalf("delivery %+v", d)
	}
	min := float64(shopDelay.Milliseconds())
	if got := d.Attempts[0].DurationMS; got < min {
		t.Errorf("duration_ms %v, want at least %v (the shop's delay)", got, min)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(logged) != 1 || logged[0].DurationMS < min {
		t.Errorf("OnAttempt saw %+v, want a duration of at least %vms", logged, min)
	}
}
