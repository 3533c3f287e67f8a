package simpaymock

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestPaginationDefaults(t *testing.T) {
	_, ts := start(t, Options{Transactions: 196}) // 4 fixtures + 196 = 200
	r := get(t, ts, "/payment/d151e4f9/transactions")
	r.want(t, http.StatusOK, "")
	next := ts.URL + "/payment/d151e4f9/transactions?page=2"
	jsonEqual(t, "page 1", r.field(t, "pagination"),
		`{"total":200,"count":15,"per_page":15,"current_page":1,"total_pages":14,"links":{"next_page":"`+next+`","prev_page":null}}`)

	r = get(t, ts, "/payment/d151e4f9/transactions?limit=99")
	jsonEqual(t, "limit 99", r.field(t, "pagination"),
		`{"total":200,"count":99,"per_page":99,"current_page":1,"total_pages":3,"links":{"next_page":"`+ts.URL+`/payment/d151e4f9/transactions?limit=99&page=2","prev_page":null}}`)

	r = get(t, ts, "/payment/d151e4f9/transactions?limit=99&page=3")
	jsonEqual(t, "last page", r.field(t, "pagination"),
		`{"total":200,"count":2,"per_page":99,"current_page":3,"total_pages":3,"links":{"next_page":null,"prev_page":"`+ts.URL+`/payment/d151e4f9/transactions?limit=99&page=2"}}`)

	r = get(t, ts, "/payment/d151e4f9/transactions?limit=99&page=4")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "past the end data", r.field(t, "data"), `[]`)
	jsonEqual(t, "past the end", r.field(t, "pagination"),
		`{"total":200,"count":0,"per_page":99,"current_page":4,"total_pages":3,"links":{"next_page":null,"prev_page":"`+ts.URL+`/payment/d151e4f9/transactions?limit=99&page=3"}}`)
}

func TestPaginationWalk(t *testing.T) {
	_, ts := start(t, Options{Transactions: 50})
	seen := map[string]bool{}
	next := "/payment/d151e4f9/transactions?limit=7"
	pages := 0
	for next != "" {
		r := get(t, ts, next)
		r.want(t, http.StatusOK, "")
		pages++
		n := int(r.body["pagination"].(map[string]any)["count"].(float64))
		for i := range n {
			id := r.str(t, "data."+itoa(i)+".id")
			if seen[id] {
				t.Fatalf("id %s seen twice", id)
			}
			seen[id] = true
		}
		link, _ := r.body["pagination"].(map[string]any)["links"].(map[string]any)["next_page"].(string)
		next = strings.TrimPrefix(link, ts.URL)
	}
	if len(seen) != 54 || pages != 8 {
		t.Errorf("%d transactions in %d pages", len(seen), pages)
	}
}

func TestPaginationValidation(t *testing.T) {
	_, ts := start(t, Options{})
	cases := map[string]map[string]string{
		"limit=100":      {"limit": "The limit may not be greater than 99."},
		"limit=0":        {"limit": "The limit must be at least 1."},
		"limit=-5":       {"limit": "The limit must be at least 1."},
		"limit=ten":      {"limit": "The limit must be an integer."},
		"limit=1.5":      {"limit": "The limit must be an integer."},
		"page=0":         {"page": "The page must be at least 1."},
		"page=x":         {"page": "The page must be an integer."},
		"page=0&limit=0": {"page": "The page must be at least 1.", "limit": "The limit must be at least 1."},
	}
	for _, path := range []string{"/payment", "/payment/d151e4f9/transactions", "/sms", "/sms/numbers", "/sms/d151e4f9/transactions", "/sms/d151e4f9/numbers", "/directbilling", "/directbilling/d151e4f9/transactions"} {
		for q, want := range cases {
			r := get(t, ts, path+"?"+q)
			r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
			got := r.errors(t)
			if len(got) != len(want) {
				t.Errorf("%s?%s: %v", path, q, got)
			}
			for k, msg := range want {
				if len(got[k]) != 1 || got[k][0] != msg {
					t.Errorf("%s?%s: %s = %v, want %q", path, q, k, got[k], msg)
				}
			}
		}
	}
}

func TestPaginationLinksKeepFiltersAndPrefix(t *testing.T) {
	s := New(Options{Prefix: "/_mock/en/apis"})
	for range 20 {
		s.mu.Lock()
		p := s.dbService("d151e4f9")
		p.txs = append(p.txs, &dbTx{id: "x" + itoa(len(p.txs)), status: "transaction_db_new", control: strPtr("c"), value: "1", valueNetto: "1"})
		s.mu.Unlock()
	}
	ts := startHandler(t, s)
	r := get(t, ts, "/_mock/en/apis/directbilling/d151e4f9/transactions?filter[control]=c&limit=5")
	r.want(t, http.StatusOK, "")
	link := r.str(t, "pagination.links.next_page")
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != "/_mock/en/apis/directbilling/d151e4f9/transactions" || u.Query().Get("filter[control]") != "c" ||
		u.Query().Get("limit") != "5" || u.Query().Get("page") != "2" || !strings.HasPrefix(link, ts.URL) {
		t.Errorf("next_page %s", link)
	}
	if got := r.num(t, "pagination.total"); got != "20" {
		t.Errorf("filtered total %s", got)
	}
}
