package simpaymock

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

const (
	docsPremiumSub   = "019970c6-3d3e-708c-9313-5f89e251e2c0"
	docsPremiumAlias = "019970c6-3ce8-71e7-8214-20fd635532fb"
	docsMusicAlias   = "0198a54d-05d9-7177-9ac6-5d9831bc988d"
)

// TestSubscriptionListDocsExample: the list's first item is the first item
// of the example on SimPay's page "Retrieve subscription list", member for
// member and null for null, with the pagination envelope of SimPay's other
// lists.
func TestSubscriptionListDocsExample(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/payment/d151e4f9/subscriptions")
	r.want(t, http.StatusOK, "")
	want := `{"id":"019970c6-3d3e-708c-9313-5f89e251e2c0","status":"subscription_active","mode":"BLIK",` +
		`"blik":{"model":"O","alias":{"id":"019970c6-3ce8-71e7-8214-20fd635532fb","type":"PAYID","value":"AABBCC",` +
		`"label":"Payment for premium package","blik_key":null,"status":"alias_active","expires_at":"2035-07-15T00:00:00+02:00",` +
		`"created_at":"2025-09-22T11:34:23+02:00","updated_at":"2025-09-22T11:34:32+02:00"}},"frequency":null,` +
		`"initiation_date":null,"total_amount_limit":null,"total_transactions_limit":null,"cancelled":null,` +
		`"created_at":"2025-09-22T11:34:24+02:00","updated_at":"2025-09-22T11:34:32+02:00"}`
	if got := string(r.field(t, "data.0")); got != want {
		t.Errorf("first subscription:\n%s\nwant SimPay's example:\n%s", got, want)
	}
	if got := r.str(t, "data.1.frequency"); got != "1M" {
		t.Errorf("second subscription's frequency %q", got)
	}
	wantKeys(t, r.raw, "pagination", "total", "count", "per_page", "current_page", "total_pages", "links")
	if got := string(r.field(t, "pagination.per_page")); got != "20" {
		t.Errorf("default per_page %s, want SimPay's 20", got)
	}
}

// TestBlikAliasListDocsExample: an alias carries its subscription, whose blik
// holds the model alone, as on SimPay's page "Retrieve list of BLIK aliases".
func TestBlikAliasListDocsExample(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/payment/d151e4f9/blik/aliases")
	r.want(t, http.StatusOK, "")
	wantKeys(t, r.field(t, "data.0"), "", "id", "type", "value", "label", "blik_key", "status", "expires_at", "created_at", "updated_at", "subscription")
	if got := string(r.field(t, "data.0.subscription.blik")); got != `{"model":"O"}` {
		t.Errorf("subscription.blik = %s", got)
	}
	if got := r.str(t, "data.1.id"); got != docsMusicAlias {
		t.Errorf("second alias %s", got)
	}
	if got := string(r.field(t, "data.1.expires_at")); got != "null" {
		t.Errorf("unregistered alias expires_at = %s", got)
	}
}

// TestRecurringListsPageByPerPage: page and perPage page both lists (limit
// is not theirs); perPage outside 1..50 is SimPay's 422.
func TestRecurringListsPageByPerPage(t *testing.T) {
	_, ts := start(t, Options{Subscriptions: 60})
	for _, path := range []string{"/payment/d151e4f9/subscriptions", "/payment/d151e4f9/blik/aliases"} {
		r := get(t, ts, path+"?perPage=50&page=2")
		r.want(t, http.StatusOK, "")
		var page struct {
			Data       []json.RawMessage `json:"data"`
			Pagination pagination        `json:"pagination"`
		}
		if err := json.Unmarshal(r.raw, &page); err != nil {
			t.Fatal(err)
		}
		p := page.Pagination
		if len(page.Data) != 12 || p.Total != 62 || p.TotalPages != 2 || p.PerPage != 50 || p.CurrentPage != 2 || p.Links.PrevPage == nil {
			t.Errorf("%s page 2: %d items, %+v", path, len(page.Data), p)
		}
		if r := get(t, ts, path+"?limit=5"); string(r.field(t, "pagination.per_page")) != "20" {
			t.Errorf("%s: limit changed the page size: %s", path, r.field(t, "pagination"))
		}
		for q, msg := range map[string]string{"perPage=51": "The per page may not be greater than 50.",
			"perPage=0": "The per page must be at least 1.", "perPage=x": "The per page must be an integer."} {
			r := get(t, ts, path+"?"+q)
			r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
			if got := string(r.field(t, "errors.perPage")); got != `["`+msg+`"]` {
				t.Errorf("%s?%s: errors.perPage = %s", path, q, got)
			}
		}
	}
}

// TestRecurringFilters: every filter and both sort orders; a value outside a
// documented enum is a 422 naming the filter.
func TestRecurringFilters(t *testing.T) {
	_, ts := start(t, Options{Subscriptions: 10})
	count := func(path string) int {
		t.Helper()
		r := get(t, ts, path)
		r.want(t, http.StatusOK, "")
		var page struct{ Data []map[string]any }
		if err := json.Unmarshal(r.raw, &page); err != nil {
			t.Fatal(err)
		}
		return len(page.Data)
	}
	for path, want := range map[string]int{
		"/payment/d151e4f9/subscriptions?filter[status]=subscription_cancelled": 1 + 2, // the page's and k = 2, 8
		"/payment/d151e4f9/subscriptions?filter[mode]=CARD":                     2,     // k = 4, 9
		"/payment/d151e4f9/subscriptions?filter[uuid]=" + docsPremiumSub:        1,
		"/payment/d151e4f9/subscriptions?filter[uuid]=nothing":                  0,
		"/payment/d151e4f9/blik/aliases?filter[type]=UID":                       2,
		"/payment/d151e4f9/blik/aliases?filter[status]=alias_unregistered":      1 + 2, // the page's and k = 3, 7
		"/payment/d151e4f9/blik/aliases?filter[uuid]=" + docsPremiumAlias:       1,
		"/payment/d151e4f9/blik/aliases?filter[value]=CCBBAA":                   1,
		"/payment/d151e4f9/blik/aliases?filter[value]=CCBBAA&filter[type]=UID":  0,
	} {
		if got := count(path); got != want {
			t.Errorf("%s: %d items, want %d", path, got, want)
		}
	}
	newest := get(t, ts, "/payment/d151e4f9/subscriptions?sort=-created_at")
	oldest := get(t, ts, "/payment/d151e4f9/subscriptions?sort=created_at")
	if newest.str(t, "data.0.id") != docsPremiumSub || oldest.str(t, "data.11.id") != docsPremiumSub ||
		oldest.str(t, "data.0.created_at") != "2024-03-01T09:00:00+01:00" {
		t.Errorf("sort: newest first %s, oldest first %s ... %s", newest.str(t, "data.0.id"), oldest.str(t, "data.0.id"), oldest.str(t, "data.11.id"))
	}
	for path, field := range map[string]string{
		"/payment/d151e4f9/subscriptions?filter[status]=subscription_paused": "filter.status",
		"/payment/d151e4f9/subscriptions?filter[mode]=PAYPAL":                "filter.mode",
		"/payment/d151e4f9/blik/aliases?filter[type]=EMAIL":                  "filter.type",
		"/payment/d151e4f9/blik/aliases?sort=amount":                         "sort",
	} {
		r := get(t, ts, path)
		r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
		if !strings.Contains(string(r.field(t, "errors")), field) {
			t.Errorf("%s: errors %s do not name %s", path, r.field(t, "errors"), field)
		}
	}
	get(t, ts, "/payment/ffffffff/subscriptions").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
	// A generated subscription with limits writes its amount with the
	// trailing zero it was given.
	r := get(t, ts, "/payment/d151e4f9/subscriptions?sort=created_at")
	if got := string(r.field(t, "data.1.total_amount_limit")); got != "101.50" {
		t.Errorf("total_amount_limit %s, want 101.50", got)
	}
}

// TestUnregisterBlikAlias: 204 with no body, the alias is
// alias_unregistered with a new updated_at, and blik:alias_status_changed
// goes out signed; an unknown uuid is the mock's own 404, a long reason a 422.
func TestUnregisterBlikAlias(t *testing.T) {
	rc := newReceiver(t)
	s, ts := startIPN(t, rc, Options{})
	r := call(t, ts, http.MethodDelete, "/payment/d151e4f9/blik/aliases", testToken,
		`{"uuid":"`+docsPremiumAlias+`","reason":"Plan cancellation"}`)
	if r.status != http.StatusNoContent || len(r.raw) != 0 {
		t.Fatalf("DELETE: %d %s, want 204 without a body", r.status, r.raw)
	}
	if got := s.BlikAliasStatus(fixtureServiceID, docsPremiumAlias); got != "alias_unregistered" {
		t.Errorf("status after DELETE %q", got)
	}
	list := get(t, ts, "/payment/d151e4f9/blik/aliases?filter[uuid]="+docsPremiumAlias)
	if got := list.str(t, "data.0.updated_at"); got == "2025-09-22T11:34:32+02:00" {
		t.Errorf("updated_at unchanged: %s", got)
	}
	settle(t, s)
	got := rc.all()
	if len(got) != 1 {
		t.Fatalf("%d notifications, want 1", len(got))
	}
	wantKeys(t, got[0].body, "data", "id", "service_id", "type", "value", "label", "status", "created_at", "updated_at")
	if err := VerifyIPNSignature(got[0].body, "test-ipn-key"); err != nil {
		t.Error(err)
	}
	var env struct {
		Type string            `json:"type"`
		Data map[string]string `json:"data"`
	}
	if err := json.Unmarshal(got[0].body, &env); err != nil {
		t.Fatal(err)
	}
	if env.Type != IPNBlikAliasStatusChanged || env.Data["id"] != docsPremiumAlias || env.Data["status"] != "alias_unregistered" ||
		env.Data["value"] != "AABBCC" {
		t.Errorf("notification %s", got[0].body)
	}

	// Again: 204, no second notification.
	r = call(t, ts, http.MethodDelete, "/payment/d151e4f9/blik/aliases", testToken, `{"uuid":"`+docsPremiumAlias+`","reason":null}`)
	if r.status != http.StatusNoContent {
		t.Errorf("second DELETE: %d %s", r.status, r.raw)
	}
	settle(t, s)
	if n := len(rc.all()); n != 1 {
		t.Errorf("%d notifications after a second DELETE, want 1", n)
	}

	call(t, ts, http.MethodDelete, "/payment/d151e4f9/blik/aliases", testToken, `{"uuid":"00000000-0000-0000-0000-000000000000"}`).
		want(t, http.StatusNotFound, "ALIAS_NOT_FOUND")
	r = call(t, ts, http.MethodDelete, "/payment/d151e4f9/blik/aliases", testToken,
		`{"uuid":"`+docsMusicAlias+`","reason":"`+strings.Repeat("x", 21)+`"}`)
	r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
	if got := string(r.field(t, "errors.reason")); got != `["The reason may not be greater than 20 characters."]` {
		t.Errorf("errors.reason = %s", got)
	}
	call(t, ts, http.MethodDelete, "/payment/d151e4f9/blik/aliases", testToken, `{}`).want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
}
