package client

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// pagedServer serves total services, page by page as SimPay does, and records
// what it was asked.
type pagedServer struct {
	total    int
	delay    time.Duration
	failPage int // answer 404 for this page; 0 for none
	// unpaged leaves out pagination when the request has no page parameter
	// (as for endpoints SimPay documents without pagination), and uses
	// defaultLimit for the page size.
	defaultLimit int

	mu       sync.Mutex
	queries  []url.Values
	inFlight atomic.Int32
	maxSeen  atomic.Int32
}

func (s *pagedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	s.queries = append(s.queries, q)
	s.mu.Unlock()
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.maxSeen.Load()
		if n <= m || s.maxSeen.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(s.delay)

	page, limit := 1, s.defaultLimit
	if v := q.Get("page"); v != "" {
		page, _ = strconv.Atoi(v)
	}
	if v := q.Get("limit"); v != "" {
		limit, _ = strconv.Atoi(v)
	}
	if limit == 0 {
		limit = 15
	}
	if page == s.failPage {
		writeJSON(w, 404, `{"success":false,"errorCode":"SERVICE_NOT_FOUND"}`)
		return
	}
	pages := max((s.total+limit-1)/limit, 1)
	var items []string
	for i := (page - 1) * limit; i < min(page*limit, s.total); i++ {
		items = append(items, fmt.Sprintf(`{"id":"%08x","name":"service %d","status":"service_active","created_at":"2021-11-08T18:19:16+01:00"}`, i, i))
	}
	body := `{"success":true,"data":[` + strings.Join(items, ",") + `]`
	if s.defaultLimit == 0 || q.Has("page") || s.total > limit {
		body += fmt.Sprintf(`,"pagination":{"total":%d,"count":%d,"per_page":%d,"current_page":%d,"total_pages":%d,"links":{"next_page":null,"prev_page":null}}`,
			s.total, len(items), limit, page, pages)
	}
	writeJSON(w, 200, body+"}")
}

func (s *pagedServer) pagesAsked() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	var pages []int
	for _, q := range s.queries {
		p, _ := strconv.Atoi(q.Get("page"))
		pages = append(pages, p)
	}
	slices.Sort(pages)
	return pages
}

func TestListWalksEveryPageOnceInOrderWithBoundedConcurrency(t *testing.T) {
	ps := &pagedServer{total: 1000, delay: 20 * time.Millisecond}
	srv := newServer(t, ps.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.PageConcurrency = 3 })
	items, err := c.ListPaymentServices(t.Context(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1000 {
		t.Fatalf("%d items, want 1000", len(items))
	}
	for i, it := range items {
		if want := fmt.Sprintf("%08x", i); it.ID != want {
			t.Fatalf("item %d has id %s, want %s: order lost", i, it.ID, want)
		}
	}
	if got := ps.pagesAsked(); !slices.Equal(got, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) {
		t.Fatalf("pages asked: %v", got)
	}
	for _, q := range ps.queries {
		if q.Get("limit") != "99" {
			t.Fatalf("a page was asked with limit %q", q.Get("limit"))
		}
	}
	if m := ps.maxSeen.Load(); m > 3 || m < 2 {
		t.Fatalf("max pages in flight = %d, want 2..3", m)
	}
	if cap(items) != len(items) {
		t.Errorf("result keeps %d spare slots", cap(items)-len(items))
	}
}

func TestListMaxItemsFetchesOnlyTheNeededPages(t *testing.T) {
	ps := &pagedServer{total: 1000}
	srv := newServer(t, ps.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, nil)
	items, err := c.ListPaymentServices(t.Context(), ListOptions{MaxItems: 250})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 250 || items[0].ID != "00000000" || items[249].ID != fmt.Sprintf("%08x", 249) {
		t.Fatalf("%d items, first %s", len(items), items[0].ID)
	}
	if got := ps.pagesAsked(); !slices.Equal(got, []int{1, 2, 3}) {
		t.Fatalf("pages asked: %v, want 1..3", got)
	}

	// A cap inside page 1 asks for page 1 only.
	ps2 := &pagedServer{total: 1000}
	srv2 := newServer(t, ps2.ServeHTTP)
	c2, _ := newTestClient(t, srv2.URL, nil)
	items, err = c2.ListPaymentServices(t.Context(), ListOptions{MaxItems: 5})
	if err != nil || len(items) != 5 || !slices.Equal(ps2.pagesAsked(), []int{1}) {
		t.Fatalf("%d items, pages %v, %v", len(items), ps2.pagesAsked(), err)
	}
}

func TestListPageFailureCancelsTheRestAndNamesThePage(t *testing.T) {
	ps := &pagedServer{total: 2000, failPage: 5, delay: 5 * time.Millisecond}
	srv := newServer(t, ps.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.PageConcurrency = 2 })
	_, err := c.ListPaymentServices(t.Context(), ListOptions{})
	if err == nil || !strings.Contains(err.Error(), "reading page 5 of 21") || !KindOf(err).NotFound() {
		t.Fatalf("err = %v", err)
	}
	if n := len(ps.pagesAsked()); n >= 21 {
		t.Errorf("all %d pages were fetched despite the failure", n)
	}
}

func TestListRefusesAServerThatIgnoresThePage(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"success":true,"data":[{"id":"a"}],"pagination":{"total":2,"count":1,"per_page":1,"current_page":1,"total_pages":2}}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.ListPaymentServices(t.Context(), ListOptions{})
	if err == nil || !strings.Contains(err.Error(), "asked for page 2, SimPay answered page 1") {
		t.Fatalf("err = %v", err)
	}
}

// Channels, currencies, refunds and /ip are documented without pagination:
// one request, no page parameters...
func TestUnpaginatedEndpointMakesOneRequest(t *testing.T) {
	ps := &pagedServer{total: 3, defaultLimit: 100}
	srv := newServer(t, ps.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, nil)
	items, err := c.ListPaymentChannels(t.Context(), "d151e4f9")
	if err != nil || len(items) != 3 {
		t.Fatalf("%d items, %v", len(items), err)
	}
	if len(ps.queries) != 1 || len(ps.queries[0]) != 0 {
		t.Fatalf("queries: %v", ps.queries)
	}
}

// ...but if SimPay starts paginating them, every page is read, using the
// server's own page size.
func TestUnpaginatedEndpointWalksPagesWhenTheyAppear(t *testing.T) {
	ps := &pagedServer{total: 40, defaultLimit: 15}
	srv := newServer(t, ps.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, nil)
	items, err := c.ListPaymentChannels(t.Context(), "d151e4f9")
	if err != nil || len(items) != 40 {
		t.Fatalf("%d items, %v", len(items), err)
	}
	for i, it := range items {
		if it.ID != fmt.Sprintf("%08x", i) {
			t.Fatalf("item %d is %s", i, it.ID)
		}
	}
	if got := ps.pagesAsked(); !slices.Equal(got, []int{0, 2, 3}) { // page 1 carries no page parameter
		t.Fatalf("pages asked: %v", got)
	}
	for _, q := range ps.queries {
		if q.Has("limit") {
			t.Fatalf("limit sent to an endpoint documented without it: %v", q)
		}
	}
}

func TestListHandlesPagesOfUnexpectedSize(t *testing.T) {
	// Page 2 is longer than page 1 (data changed between requests): nothing is
	// lost and order is kept.
	sizes := map[string]int{"1": 2, "2": 4, "3": 1}
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		var items []string
		for i := range sizes[page] {
			items = append(items, fmt.Sprintf(`{"id":"p%s-%d"}`, page, i))
		}
		p, _ := strconv.Atoi(page)
		writeJSON(w, 200, fmt.Sprintf(`{"success":true,"data":[%s],"pagination":{"current_page":%d,"total_pages":3}}`, strings.Join(items, ","), p))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	items, err := c.ListPaymentServices(t.Context(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	want := []string{"p1-0", "p1-1", "p2-0", "p2-1", "p2-2", "p2-3", "p3-0"}
	if !slices.Equal(ids, want) {
		t.Fatalf("ids %v, want %v", ids, want)
	}
}

// growingList serves transactions newest first, as SimPay lists them, and
// puts `grow` new ones at the top right after it has served page 1: the
// pages read afterwards have shifted, so their first items are page 1's last.
type growingList struct {
	mu    sync.Mutex
	ids   []string // newest first
	grow  int
	grown bool
	asked []int
}

func newGrowingList(n, grow int) *growingList {
	l := &growingList{grow: grow}
	for i := n; i >= 1; i-- {
		l.ids = append(l.ids, fmt.Sprintf("tx-%04d", i))
	}
	return l
}

func (l *growingList) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	l.mu.Lock()
	defer l.mu.Unlock()
	l.asked = append(l.asked, page)
	total := len(l.ids)
	var items []string
	for i := (page - 1) * limit; i < min(page*limit, total); i++ {
		items = append(items, `{"id":"`+l.ids[i]+`","status":"transaction_paid","amount":1}`)
	}
	body := fmt.Sprintf(`{"success":true,"data":[%s],"pagination":{"total":%d,"count":%d,"per_page":%d,"current_page":%d,"total_pages":%d}}`,
		strings.Join(items, ","), total, len(items), limit, page, (total+limit-1)/limit)
	if page == 1 && !l.grown {
		l.grown = true
		for i := range l.grow {
			l.ids = append([]string{fmt.Sprintf("new-%04d", i)}, l.ids...)
		}
	}
	writeJSON(w, 200, body)
}

func (l *growingList) pagesAsked() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Sorted(slices.Values(l.asked))
}

func txIDsOf(txs []PaymentTransactionSummary) []string {
	ids := make([]string, len(txs))
	for i, t := range txs {
		ids[i] = t.ID
	}
	return ids
}

// TestListNeverReturnsAnObjectTwiceWhenTheListGrows creates transactions
// between the page requests of one walk: every object read is returned
// once, in SimPay's order, and none of those there at the start is lost.
func TestListNeverReturnsAnObjectTwiceWhenTheListGrows(t *testing.T) {
	cases := []struct {
		name      string
		grow      int
		maxItems  int
		wantItems int
		wantPages []int
	}{
		// One new transaction: page 2 starts with page 1's last item. Pages
		// 2 and 3 were both answered after it, so they agree and are not
		// read again.
		{"one created", 1, 0, 250, []int{1, 2, 3}},
		// Fifty new ones push the oldest items onto a fourth page, which
		// pages 2 and 3 report and the walk then reads.
		{"a new page appears", 50, 0, 250, []int{1, 2, 3, 4}},
		// The repeat would leave 197 of the 198 asked for: page 3 tops up.
		{"max items topped up", 1, 198, 198, []int{1, 2, 3}},
		// Nothing changes: three pages, nothing dropped.
		{"unchanged", 0, 0, 250, []int{1, 2, 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			list := newGrowingList(250, tc.grow)
			want := slices.Clone(list.ids[:tc.wantItems])
			srv := newServer(t, list.ServeHTTP)
			c, _ := newTestClient(t, srv.URL, nil)
			txs, err := c.ListPaymentTransactions(t.Context(), "d151e4f9", ListOptions{MaxItems: tc.maxItems})
			if err != nil {
				t.Fatal(err)
			}
			got := txIDsOf(txs)
			if !slices.Equal(got, want) {
				t.Errorf("got %d items %v...%v, want %d items %v...%v", len(got), got[:3], got[len(got)-3:], len(want), want[:3], want[len(want)-3:])
			}
			if pages := list.pagesAsked(); !slices.Equal(pages, tc.wantPages) {
				t.Errorf("pages asked %v, want %v", pages, tc.wantPages)
			}
		})
	}
}

// TestListLeavesNoGapWhenPagesReadAtOnceSeeTheListChange makes the worst
// order happen: of pages 2 and 3, read at once, page 3 is answered first,
// then new transactions arrive, then page 2 is answered from the shifted
// list. Taken as they came, the items pushed from page 2 onto page 3 would
// be in neither answer; the walk must notice the change and read again.
func TestListLeavesNoGapWhenPagesReadAtOnceSeeTheListChange(t *testing.T) {
	var mu sync.Mutex
	ids := make([]string, 0, 300)
	for i := 250; i >= 1; i-- {
		ids = append(ids, fmt.Sprintf("tx-%04d", i))
	}
	want := slices.Clone(ids)
	page3Served := make(chan struct{})
	var once sync.Once
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		if page == 2 {
			select {
			case <-page3Served:
			case <-time.After(5 * time.Second):
				t.Error("page 3 was not asked for while page 2 was under way")
			}
		}
		mu.Lock()
		total := len(ids)
		var items []string
		for i := (page - 1) * limit; i < min(page*limit, total); i++ {
			items = append(items, `{"id":"`+ids[i]+`","status":"transaction_paid","amount":1}`)
		}
		if page == 3 {
			once.Do(func() {
				for i := range 5 {
					ids = append([]string{fmt.Sprintf("new-%04d", i)}, ids...)
				}
				close(page3Served)
			})
		}
		mu.Unlock()
		writeJSON(w, 200, fmt.Sprintf(`{"success":true,"data":[%s],"pagination":{"total":%d,"count":%d,"per_page":%d,"current_page":%d,"total_pages":%d}}`,
			strings.Join(items, ","), total, len(items), limit, page, (total+limit-1)/limit))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	txs, err := c.ListPaymentTransactions(t.Context(), "d151e4f9", ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := txIDsOf(txs)
	// What was there at the start, once each and in order; the five new
	// ones may or may not come after page 1 was read, and here they do not.
	if !slices.Equal(got, want) {
		missing := 0
		for _, id := range want {
			if !slices.Contains(got, id) {
				missing++
			}
		}
		t.Errorf("got %d items, %d of the 250 there at the start missing; want all 250 once, in order", len(got), missing)
	}
}

func TestDropRepeatsKeepsTheFirstOccurrenceAndKeylessItems(t *testing.T) {
	seen := map[string]struct{}{}
	got := dropRepeats([]Refund{{ID: "a"}, {ID: "b"}, {ID: "a", Status: "later copy"}, {}, {}, {ID: "c"}}, seen)
	mustEqual(t, "refunds", got, []Refund{{ID: "a"}, {ID: "b"}, {}, {}, {ID: "c"}})
	mustEqual(t, "next page", dropRepeats([]Refund{{ID: "c"}, {ID: "d"}}, seen), []Refund{{ID: "d"}})
	mustEqual(t, "strings", dropRepeats([]string{"192.0.2.1", "192.0.2.1", "192.0.2.2"}, map[string]struct{}{}), []string{"192.0.2.1", "192.0.2.2"})
	mustEqual(t, "sms", dropRepeats([]SMSTransaction{{ID: 1}, {ID: 1}, {ID: 0}, {ID: 0}}, map[string]struct{}{}), []SMSTransaction{{ID: 1}, {ID: 0}, {ID: 0}})
	type plain struct{ ID string }
	mustEqual(t, "no identity", dropRepeats([]plain{{"a"}, {"a"}}, map[string]struct{}{}), []plain{{"a"}, {"a"}})
}
