package client_test

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/mockproc"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The benchmarks run the mock as a separate process, so that its work is not
// counted as the client's, with the latency a real network adds.

const (
	benchLatency     = 20 * time.Millisecond
	benchConcurrency = 4
	benchItems       = 10000
	pageLimit        = 99
	// The mock seeds four transactions of its own before the generated ones.
	mockSeedTransactions = 4
)

func newBenchClient(b *testing.B, url string) *client.Client {
	b.Helper()
	c, err := client.New(client.Config{BaseURL: url, Token: simpaymock.DefaultToken, PageConcurrency: benchConcurrency})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkListPaymentTransactions10k lists 10,000 transactions (102 pages of
// 99) at 20 ms a request and compares the wall time with the floor that the
// page concurrency allows: ceil(pages / concurrency) x latency.
func BenchmarkListPaymentTransactions10k(b *testing.B) {
	proc := mockproc.Start(b, "-latency", benchLatency.String(), "-transactions", strconv.Itoa(benchItems-mockSeedTransactions))
	c := newBenchClient(b, proc.URL)
	ctx := context.Background()

	pages := int(math.Ceil(float64(benchItems) / pageLimit))
	floor := time.Duration(math.Ceil(float64(pages)/benchConcurrency)) * benchLatency
	var total time.Duration
	requests := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		proc.ResetRequests(b)
		b.StartTimer()
		began := time.Now()
		items, err := c.ListPaymentTransactions(ctx, "d151e4f9", client.ListOptions{})
		total += time.Since(began)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if len(items) != benchItems {
			b.Fatalf("listed %d transactions, want %d", len(items), benchItems)
		}
		requests = len(proc.Requests(b))
		b.StartTimer()
	}
	wall := total / time.Duration(b.N)
	ratio := float64(wall) / float64(floor)
	b.ReportMetric(float64(requests), "requests/op")
	b.ReportMetric(ratio, "x-floor")
	fmt.Printf("client list %d transactions: wall %s, %d requests (%d pages), floor ceil(%d/%d) x %s = %s, ratio %.2fx the floor (target <= 1.30)\n",
		benchItems, wall.Round(time.Millisecond), requests, pages, pages, benchConcurrency, benchLatency, floor, ratio)
}

// BenchmarkListPaymentTransactionsMemory lists 2,500, 5,000 and 10,000
// transactions with no latency and reports what was allocated, what the
// result keeps, and the peak heap growth, per item: memory must grow
// linearly with items, with no extra copies of page bodies.
func BenchmarkListPaymentTransactionsMemory(b *testing.B) {
	proc := mockproc.Start(b, "-transactions", strconv.Itoa(benchItems-mockSeedTransactions))
	c := newBenchClient(b, proc.URL)
	ctx := context.Background()
	if _, err := c.ListPaymentTransactions(ctx, "d151e4f9", client.ListOptions{MaxItems: 99}); err != nil {
		b.Fatal(err) // warms connections and code paths
	}
	var perItem []float64
	line := "client list memory:"
	for _, n := range []int{2500, 5000, 10000} {
		var allocPerItem, keptPerItem, peakPerItem float64
		for i := 0; i < b.N; i++ {
			alloc, kept, peak := measure(func() any {
				items, err := c.ListPaymentTransactions(ctx, "d151e4f9", client.ListOptions{MaxItems: n})
				if err != nil || len(items) != n {
					b.Fatalf("listed %d, err %v", len(items), err)
				}
				return items
			})
			allocPerItem += float64(alloc) / float64(n) / float64(b.N)
			keptPerItem += float64(kept) / float64(n) / float64(b.N)
			peakPerItem += float64(peak) / float64(n) / float64(b.N)
		}
		perItem = append(perItem, allocPerItem)
		b.ReportMetric(allocPerItem, fmt.Sprintf("alloc-B/item@%d", n))
		b.ReportMetric(keptPerItem, fmt.Sprintf("kept-B/item@%d", n))
		line += fmt.Sprintf(" %d items: %.0f B/item allocated, %.0f B/item kept, peak heap +%.1f MiB;",
			n, allocPerItem, keptPerItem, peakPerItem*float64(n)/(1<<20))
	}
	growth := perItem[len(perItem)-1] / perItem[0]
	fmt.Printf("%s allocation per item at 10,000 vs 2,500 items: %.2fx (linear growth = 1.00x)\n", line, growth)
}

// measure runs f and returns the bytes allocated, the bytes still held by
// its result after a GC, and the peak growth of the heap while it ran.
func measure(f func() any) (alloc, kept, peak uint64) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var maxHeap atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > maxHeap.Load() {
				maxHeap.Store(m.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	result := f()
	close(stop)
	<-sampled
	runtime.ReadMemStats(&after)
	alloc = after.TotalAlloc - before.TotalAlloc
	if maxHeap.Load() > before.HeapAlloc {
		peak = maxHeap.Load() - before.HeapAlloc
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > before.HeapAlloc {
		kept = after.HeapAlloc - before.HeapAlloc
	}
	runtime.KeepAlive(result)
	return alloc, kept, peak
}
