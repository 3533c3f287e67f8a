package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingServer answers every path with body after delay and counts the
// requests per path.
func countingServer(t *testing.T, delay time.Duration, status func(path string, n int64) int, body string) (*httptest.Server, func(path string) int64) {
	t.Helper()
	var mu sync.Mutex
	counts := map[string]*atomic.Int64{}
	counter := func(path string) *atomic.Int64 {
		mu.Lock()
		defer mu.Unlock()
		if counts[path] == nil {
			counts[path] = &atomic.Int64{}
		}
		return counts[path]
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := counter(r.URL.Path).Add(1)
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		code := http.StatusOK
		if status != nil {
			code = status(r.URL.Path, n)
		}
		if code != http.StatusOK {
			writeJSON(w, code, `{"success":false,"errorCode":"INTERNAL_SERVER_ERROR"}`)
			return
		}
		writeJSON(w, code, body)
	}))
	t.Cleanup(ts.Close)
	return ts, func(path string) int64 { return counter(path).Load() }
}

const channelsBody = `{"success":true,"data":[{"id":"blik","name":"BLIK","type":"blik","img":"x","commission":1.5,"currencies":["PLN"],"amount":{"min":1,"max":20000}}]}`

func TestSharedReadsConcurrentCallersMakeOneRequest(t *testing.T) {
	ts, count := countingServer(t, 50*time.Millisecond, nil, channelsBody)
	c, _ := newTestClient(t, ts.URL, func(cfg *Config) { cfg.ShareCatalogueReads = true })

	const callers = 25
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chs, err := c.ListPaymentChannels(context.Background(), "d151e4f9")
			if err == nil && (len(chs) != 1 || chs[0].ID != "blik" || chs[0].Commission != "1.5") {
				err = errors.New("wrong channels")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := count("/payment/d151e4f9/channels"); n != 1 {
		t.Fatalf("%d concurrent callers made %d requests, want 1", callers, n)
	}
	// A later caller reuses the answer.
	if _, err := c.ListPaymentChannels(context.Background(), "d151e4f9"); err != nil {
		t.Fatal(err)
	}
	if n := count("/payment/d151e4f9/channels"); n != 1 {
		t.Fatalf("a later caller made a new request (%d in all), want the answer reused", n)
	}
	// Another service is another request.
	if _, err := c.ListPaymentChannels(context.Background(), "e14f8074"); err != nil {
		t.Fatal(err)
	}
	if n := count("/payment/e14f8074/channels"); n != 1 {
		t.Fatalf("other service: %d requests, want 1", n)
	}
}

func TestSharedReadsGiveEachCallerItsOwnCopy(t *testing.T) {
	ts, _ := countingServer(t, 0, nil, channelsBody)
	c, _ := newTestClient(t, ts.URL, func(cfg *Config) { cfg.ShareCatalogueReads = true })
	first, err := c.ListPaymentChannels(context.Background(), "d151e4f9")
	if err != nil {
		t.Fatal(err)
	}
	first[0].ID = "changed"
	first[0].Currencies[0] = "EUR"
	second, err := c.ListPaymentChannels(context.Background(), "d151e4f9")
	if err != nil {
		t.Fatal(err)
	}
	if second[0].ID != "blik" || second[0].Currencies[0] != "PLN" {
		t.Fatalf("a caller's change leaked into another caller's result: %+v", second[0])
	}
}

func TestSharedReadsDoNotKeepFailures(t *testing.T) {
	ts, count := countingServer(t, 0, func(_ string, n int64) int {
		if n == 1 {
			return http.StatusInternalServerError
		}
		return http.StatusOK
	}, channelsBody)
	c, _ := newTestClient(t, ts.URL, func(cfg *Config) { cfg.ShareCatalogueReads = true; cfg.MaxRetries = intPtr(0) })
	if _, err := c.ListPaymentChannels(context.Background(), "d151e4f9"); err == nil {
		t.Fatal("first call: want the 500")
	}
	if _, err := c.ListPaymentChannels(context.Background(), "d151e4f9"); err != nil {
		t.Fatalf("second call: %v; a failure must not be kept", err)
	}
	if n := count("/payment/d151e4f9/channels"); n != 2 {
		t.Fatalf("%d requests, want 2 (the failure, then a fresh request)", n)
	}
}

func TestTransactionsAndRefundsAreNeverShared(t *testing.T) {
	ts, count := countingServer(t, 0, nil, `{"success":true,"data":[]}`)
	c, _ := newTestClient(t, ts.URL, func(cfg *Config) { cfg.ShareCatalogueReads = true })
	for range 2 {
		if _, err := c.ListPaymentTransactions(context.Background(), "d151e4f9", ListOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.ListRefunds(context.Background(), "d151e4f9", "528bd43f-d08a-43f5-9462-861e54db37bf"); err != nil {
			t.Fatal(err)
		}
	}
	if n := count("/payment/d151e4f9/transactions"); n != 2 {
		t.Errorf("transactions: %d requests, want 2", n)
	}
	if n := count("/payment/d151e4f9/transactions/528bd43f-d08a-43f5-9462-861e54db37bf/refunds"); n != 2 {
		t.Errorf("refunds: %d requests, want 2", n)
	}
}

func TestWithoutSharingEveryCallIsARequest(t *testing.T) {
	ts, count := countingServer(t, 0, nil, channelsBody)
	c, _ := newTestClient(t, ts.URL, nil)
	for range 3 {
		if _, err := c.ListPaymentChannels(context.Background(), "d151e4f9"); err != nil {
			t.Fatal(err)
		}
	}
	if n := count("/payment/d151e4f9/channels"); n != 3 {
		t.Fatalf("%d requests, want 3", n)
	}
}

func TestSharedReadsCancelledWaiterReturnsAtOnceOthersStillGetTheAnswer(t *testing.T) {
	ts, count := countingServer(t, 300*time.Millisecond, nil, channelsBody)
	c, _ := newTestClient(t, ts.URL, func(cfg *Config) { cfg.ShareCatalogueReads = true })

	done := make(chan error, 1)
	go func() {
		_, err := c.ListPaymentChannels(context.Background(), "d151e4f9")
		done <- err
	}()
	time.Sleep(50 * time.Millisecond) // let the first caller start the request
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	began := time.Now()
	if _, err := c.ListPaymentChannels(ctx, "d151e4f9"); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled waiter: err = %v, want context.Canceled", err)
	}
	if d := time.Since(began); d > 150*time.Millisecond {
		t.Fatalf("cancelled waiter returned after %s, want at once", d)
	}
	if err := <-done; err != nil {
		t.Fatalf("the other caller lost its answer: %v", err)
	}
	if n := count("/payment/d151e4f9/channels"); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}
}

func TestSharedReadStopsWhenItsLastWaiterGoes(t *testing.T) {
	ts, count := countingServer(t, 5*time.Second, nil, channelsBody)
	c, _ := newTestClient(t, ts.URL, func(cfg *Config) { cfg.ShareCatalogueReads = true })
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := c.ListPaymentChannels(ctx, "d151e4f9"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the caller's deadline", err)
	}
	// The abandoned request was dropped: a new caller starts afresh instead of
	// joining a cancelled one.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel2()
	_, _ = c.ListPaymentChannels(ctx2, "d151e4f9")
	if n := count("/payment/d151e4f9/channels"); n != 2 {
		t.Fatalf("%d requests, want 2: the second caller must not join the abandoned request", n)
	}
}

// A shared read that SimPay answers in pages is read into its regions in
// place by the page walk; reusing the kept answers must fill them as
// decoding did.
func TestSharedReadsOfPagesGiveTheWholeListAgain(t *testing.T) {
	ps := &pagedServer{total: 40, defaultLimit: 15}
	srv := newServer(t, ps.ServeHTTP)
	c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.ShareCatalogueReads = true })
	first, err := c.ListPaymentChannels(t.Context(), "d151e4f9")
	if err != nil || len(first) != 40 {
		t.Fatalf("%d items, %v", len(first), err)
	}
	asked := len(ps.queries)
	second, err := c.ListPaymentChannels(t.Context(), "d151e4f9")
	if err != nil || len(second) != 40 {
		t.Fatalf("second read: %d items, %v", len(second), err)
	}
	if len(ps.queries) != asked {
		t.Fatalf("the second read made %d requests, want none", len(ps.queries)-asked)
	}
	for i := range second {
		if second[i].ID != fmt.Sprintf("%08x", i) {
			t.Fatalf("second read, item %d is %q", i, second[i].ID)
		}
	}
}
