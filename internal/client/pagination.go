package client

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// pageLimit is SimPay's largest page size: the fewer pages, the fewer requests.
const pageLimit = 99

// maxPages guards the page-walk against a nonsensical total_pages: the result
// slice is allocated up front from it.
const maxPages = 10000

// ListOptions tunes a list call.
type ListOptions struct {
	// MaxItems stops the walk once this many items are read, fetching only the
	// pages needed; 0 reads every page.
	MaxItems int
}

// listAll reads every page of a list endpoint; with shared, identical page
// requests are shared (see sharedReads).
//
// listAll reads every page of a list endpoint into one slice, in SimPay's
// order. Page 1 comes first, since it tells how many pages there are; pages 2..N
// are then fetched concurrently, at most PageConcurrency at a time, each
// decoded straight into its own region of the result. The first failure
// cancels the other pages.
//
// paged says whether SimPay documents the endpoint as paginated: then every
// request carries page and limit=99. Endpoints documented without pagination
// get no such parameters on the first request; if an answer has a
// pagination object anyway, the remaining pages are fetched with just page=N,
// so that every page has the server's default size.
func listAll[T any](ctx context.Context, c *Client, path string, query url.Values, paged, shared bool, opts ListOptions) ([]T, error) {
	if opts.MaxItems < 0 {
		return nil, fmt.Errorf("MaxItems is negative (%d); use 0 for all items", opts.MaxItems)
	}
	pageQuery := func(page int) url.Values {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		if paged || page > 1 {
			q.Set("page", strconv.Itoa(page))
		}
		if paged {
			q.Set("limit", strconv.Itoa(pageLimit))
		}
		return q
	}

	var first []T
	pg, err := c.get(ctx, shared, path, pageQuery(1), &first)
	if err != nil {
		return nil, err
	}
	if err := checkPage(pg, 1); err != nil {
		return nil, fmt.Errorf("SimPay API GET /%s: %w", path, err)
	}
	pages := 1
	if pg != nil {
		pages = max(pg.TotalPages, 1)
	}
	// Every page but the last is full, so page 1 gives the page size. It is
	// what the server really did (it may cap limit), and unlike per_page it
	// cannot make the allocation below larger than what was actually received.
	size := len(first)
	if opts.MaxItems > 0 && size > 0 {
		pages = min(pages, (opts.MaxItems+size-1)/size)
	}
	if pages <= 1 || size == 0 {
		return trim(first, opts.MaxItems), nil
	}
	if pages > maxPages {
		return nil, fmt.Errorf("SimPay API GET /%s: SimPay reports %d pages, more than the %d this client reads; narrow the query or set MaxItems", path, pages, maxPages)
	}

	// Each page owns all[(p-1)*size : p*size]. Decoding into a slice with
	// that capacity appends in place, so items are written once, into their
	// final place, and no page body or per-page slice outlives its decoding.
	all := make([]T, pages*size)
	copy(all, first)
	counts := make([]int, pages+1)
	counts[1] = len(first)
	first = nil
	// overflow keeps a page that came back larger than the page size; its
	// items could not fit in its region.
	overflow := make(map[int][]T)
	var mu sync.Mutex

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	fail := func(err error) {
		errOnce.Do(func() { firstErr = err; cancel() })
	}
	sem := make(chan struct{}, c.pageConcurrency)
loop:
	for p := 2; p <= pages; p++ {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			break loop
		}
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			defer func() { <-sem }()
			start := (p - 1) * size
			region := all[start : start : p*size]
			pg, err := c.get(ctx, shared, path, pageQuery(p), &region)
			if err == nil {
				err = checkPage(pg, p)
			}
			if err != nil {
				fail(fmt.Errorf("reading page %d of %d: %w", p, pages, err))
				return
			}
			mu.Lock()
			defer mu.Unlock()
			counts[p] = len(region)
			if len(region) > size {
				overflow[p] = region
			}
		}(p)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("SimPay API GET /%s: %w", path, err)
	}

	// Close the gaps left by short pages (normally only the last one).
	n := 0
	if len(overflow) == 0 {
		for p := 1; p <= pages; p++ {
			start := (p - 1) * size
			n += copy(all[n:], all[start:start+counts[p]])
		}
		clear(all[n:]) // drop references held by the unused tail
		return trim(all[:n:n], opts.MaxItems), nil
	}
	out := make([]T, 0, len(all)+len(overflow)*size)
	for p := 1; p <= pages; p++ {
		if items, ok := overflow[p]; ok {
			out = append(out, items...)
			continue
		}
		start := (p - 1) * size
		out = append(out, all[start:start+counts[p]]...)
	}
	return trim(out, opts.MaxItems), nil
}

// checkPage rejects an answer for another page than the one asked for: a
// server that ignores "page" would otherwise make every page a duplicate.
func checkPage(pg *pagination, want int) error {
	if pg != nil && pg.CurrentPage != 0 && pg.CurrentPage != want {
		return fmt.Errorf("asked for page %d, SimPay answered page %d", want, pg.CurrentPage)
	}
	return nil
}

func trim[T any](items []T, maxItems int) []T {
	if maxItems > 0 && len(items) > maxItems {
		clear(items[maxItems:])
		return items[:maxItems:maxItems]
	}
	return items
}

// joinPath escapes each segment and joins them with "/".
func joinPath(segments ...string) string {
	for i, s := range segments {
		segments[i] = url.PathEscape(s)
	}
	return strings.Join(segments, "/")
}

// checkID rejects an ID that would change the meaning of the path: empty, or
// a dot segment that a server or proxy would resolve to a parent path.
func checkID(what, id string) error {
	switch id {
	case "":
		return fmt.Errorf("%s is empty", what)
	case ".", "..":
		return fmt.Errorf("%s %q is not a valid ID", what, id)
	}
	return nil
}
