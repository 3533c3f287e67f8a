package client

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// docsSubscription is the first item of the example on SimPay's page
// "Retrieve subscription list"
// (docs.simpay.pl/en/apis/payment/paymentsubscriptionindex), as printed.
const docsSubscription = `{"id":"019970c6-3d3e-708c-9313-5f89e251e2c0","status":"subscription_active","mode":"BLIK",` +
	`"blik":{"model":"O","alias":{"id":"019970c6-3ce8-71e7-8214-20fd635532fb","type":"PAYID","value":"AABBCC",` +
	`"label":"Payment for premium package","blik_key":null,"status":"alias_active","expires_at":"2035-07-15T00:00:00+02:00",` +
	`"created_at":"2025-09-22T11:34:23+02:00","updated_at":"2025-09-22T11:34:32+02:00"}},"frequency":null,` +
	`"initiation_date":null,"total_amount_limit":null,"total_transactions_limit":null,"cancelled":null,` +
	`"created_at":"2025-09-22T11:34:24+02:00","updated_at":"2025-09-22T11:34:32+02:00"}`

// recurringServer serves n items of one list in pages of perPage, as SimPay
// pages the recurring-payment lists, and records the queries it got.
type recurringServer struct {
	item func(k int) string
	n    int

	mu      sync.Mutex
	queries []url.Values
}

func (s *recurringServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	s.queries = append(s.queries, q)
	s.mu.Unlock()
	page, perPage := 1, 20
	if v := q.Get("page"); v != "" {
		page, _ = strconv.Atoi(v)
	}
	if v := q.Get("perPage"); v != "" {
		perPage, _ = strconv.Atoi(v)
	}
	pages := max((s.n+perPage-1)/perPage, 1)
	var items []string
	for k := (page - 1) * perPage; k < min(page*perPage, s.n); k++ {
		items = append(items, s.item(k))
	}
	writeJSON(w, 200, fmt.Sprintf(`{"success":true,"data":[%s],"pagination":{"total":%d,"count":%d,"per_page":%d,"current_page":%d,"total_pages":%d,"links":{"next_page":null,"prev_page":null}}}`,
		strings.Join(items, ","), s.n, len(items), perPage, page, pages))
}

// TestListPaymentSubscriptionsPerPage: every page is read with page and
// perPage=50, never limit; the filters go out as SimPay names them; SimPay's
// example item decodes with its nulls still null.
func TestListPaymentSubscriptionsPerPage(t *testing.T) {
	srv := &recurringServer{n: 51, item: func(k int) string {
		if k == 0 {
			return docsSubscription
		}
		// An amount with a trailing zero and cancelled as PHP's 1: both read exactly.
		return fmt.Sprintf(`{"id":"sub-%d","status":"subscription_active","mode":"CARD","blik":null,"frequency":"1M",`+
			`"initiation_date":"2025-08-13T23:15:13+02:00","total_amount_limit":1200.50,"total_transactions_limit":"12","cancelled":%d,`+
			`"created_at":"2025-08-13T23:19:05+02:00","updated_at":"2025-08-13T23:19:16+02:00"}`, k, k%2)
	}}
	ts := newServer(t, srv.ServeHTTP)
	c, _ := newTestClient(t, ts.URL, nil)
	subs, err := c.ListPaymentSubscriptions(t.Context(), "d151e4f9", PaymentSubscriptionFilter{
		Status: "subscription_active", Mode: "BLIK", UUID: "019970c6-3d3e-708c-9313-5f89e251e2c0", Sort: SortOldestFirst})
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 51 {
		t.Fatalf("got %d subscriptions, want 51", len(subs))
	}
	pages := map[string]bool{}
	for _, q := range srv.queries {
		pages[q.Get("page")] = true
		if q.Get("perPage") != "50" || q.Has("limit") {
			t.Errorf("query %v: want perPage=50 and no limit", q)
		}
		for k, want := range map[string]string{"filter[status]": "subscription_active", "filter[mode]": "BLIK",
			"filter[uuid]": "019970c6-3d3e-708c-9313-5f89e251e2c0", "sort": "created_at"} {
			if q.Get(k) != want {
				t.Errorf("query %v: %s = %q, want %q", q, k, q.Get(k), want)
			}
		}
	}
	if !pages["1"] || !pages["2"] || len(pages) != 2 {
		t.Errorf("pages asked: %v, want 1 and 2", pages)
	}
	first := subs[0]
	if first.Blik == nil || first.Blik.Model != "O" || first.Blik.Alias == nil || first.Blik.Alias.Value != "AABBCC" ||
		first.Blik.Alias.BlikKey != nil || derefOr(first.Blik.Alias.Label, "<nil>") != "Payment for premium package" {
		t.Errorf("first subscription's blik = %+v", first.Blik)
	}
	if first.Frequency != nil || first.InitiationDate != nil || first.TotalAmountLimit != "" ||
		first.TotalTransactionsLimit != nil || first.Cancelled != nil {
		t.Errorf("SimPay's nulls did not stay null: %+v", first)
	}
	second := subs[1]
	if second.TotalAmountLimit != "1200.50" || second.TotalTransactionsLimit == nil || *second.TotalTransactionsLimit != 12 ||
		second.Cancelled == nil || *second.Cancelled != true || second.Blik != nil || derefOr(second.Frequency, "") != "1M" {
		t.Errorf("second subscription = %+v", second)
	}
	if subs[2].Cancelled == nil || *subs[2].Cancelled {
		t.Errorf("cancelled 0 read as %v", subs[2].Cancelled)
	}
}

// TestListBlikAliasesPerPage: the alias list pages alike and sends its own
// filters; an alias's subscription decodes with only its model under blik.
func TestListBlikAliasesPerPage(t *testing.T) {
	srv := &recurringServer{n: 3, item: func(k int) string {
		return fmt.Sprintf(`{"id":"alias-%d","type":"UID","value":"v%d","label":null,"blik_key":null,"status":"alias_active",`+
			`"expires_at":null,"created_at":"2025-09-22T11:34:23+02:00","updated_at":"2025-09-22T11:34:32+02:00",`+
			`"subscription":{"id":"sub-%d","status":"subscription_active","mode":"BLIK","blik":{"model":"O"},"frequency":null,`+
			`"initiation_date":null,"total_amount_limit":"99.90","total_transactions_limit":null,"cancelled":false,`+
			`"created_at":"2025-09-22T11:34:24+02:00","updated_at":"2025-09-22T11:34:32+02:00"}}`, k, k, k)
	}}
	ts := newServer(t, srv.ServeHTTP)
	c, _ := newTestClient(t, ts.URL, nil)
	aliases, err := c.ListBlikAliases(t.Context(), "d151e4f9", BlikAliasFilter{Status: "alias_active", Type: "UID",
		UUID: "alias-1", Value: "v1", Sort: SortNewestFirst})
	if err != nil {
		t.Fatal(err)
	}
	if len(aliases) != 3 || aliases[1].ID != "alias-1" || aliases[1].Label != nil || aliases[1].ExpiresAt != nil {
		t.Fatalf("aliases = %+v", aliases)
	}
	sub := aliases[1].Subscription
	if sub == nil || sub.Blik == nil || sub.Blik.Model != "O" || sub.Blik.Alias != nil || sub.TotalAmountLimit != "99.90" ||
		sub.Cancelled == nil || *sub.Cancelled {
		t.Errorf("subscription of an alias = %+v", sub)
	}
	q := srv.queries[0]
	for k, want := range map[string]string{"filter[status]": "alias_active", "filter[type]": "UID", "filter[uuid]": "alias-1",
		"filter[value]": "v1", "sort": "-created_at", "page": "1", "perPage": "50"} {
		if q.Get(k) != want {
			t.Errorf("%s = %q, want %q (query %v)", k, q.Get(k), want, q)
		}
	}
	if q.Has("limit") {
		t.Errorf("query %v has limit", q)
	}
}

// TestUnregisterBlikAlias: one DELETE with SimPay's body, 204 is success; a
// reason without its limit or an empty uuid sends nothing; a 5xx is an
// outcome unknown, never retried.
func TestUnregisterBlikAlias(t *testing.T) {
	var mu sync.Mutex
	var got []string
	status := http.StatusNoContent
	ts := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, r.Method+" "+r.URL.Path+" "+string(b))
		mu.Unlock()
		if status == http.StatusNoContent {
			w.WriteHeader(status)
			return
		}
		writeJSON(w, status, `{"success":false,"errorCode":"INTERNAL"}`)
	})
	c, _ := newTestClient(t, ts.URL, nil)
	ctx := t.Context()
	if err := c.UnregisterBlikAlias(ctx, "d151e4f9", "0198a54d-05d9-7177-9ac6-5d9831bc988d", "Plan cancellation"); err != nil {
		t.Fatal(err)
	}
	if err := c.UnregisterBlikAlias(ctx, "d151e4f9", "0198a54d-05d9-7177-9ac6-5d9831bc988d", ""); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`DELETE /payment/d151e4f9/blik/aliases {"uuid":"0198a54d-05d9-7177-9ac6-5d9831bc988d","reason":"Plan cancellation"}`,
		`DELETE /payment/d151e4f9/blik/aliases {"uuid":"0198a54d-05d9-7177-9ac6-5d9831bc988d"}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, tc := range []struct{ id, reason, want string }{
		{"", "", "alias ID is empty"},
		{"x", strings.Repeat("ż", 21), "reason has 21 characters, more than the 20"},
	} {
		err := c.UnregisterBlikAlias(ctx, "d151e4f9", tc.id, tc.reason)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("UnregisterBlikAlias(%q, %q) = %v, want %q", tc.id, tc.reason, err, tc.want)
		}
	}
	if err := c.UnregisterBlikAlias(ctx, "d151e4f9", "x", strings.Repeat("ż", 20)); err != nil {
		t.Errorf("a 20-character reason: %v", err)
	}
	got, status = nil, http.StatusBadGateway
	err := c.UnregisterBlikAlias(ctx, "d151e4f9", "x", "")
	if !isOutcomeUnknown(err) || len(got) != 1 {
		t.Errorf("after a 502: err = %v, %d requests; want an outcome unknown after one request", err, len(got))
	}
}
