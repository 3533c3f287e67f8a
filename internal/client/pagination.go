package client

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// pageLimit is SimPay's largest page size: the fewer pages, the fewer requests.
const pageLimit = 99

// pagePerPage is the largest perPage of the recurring-payment lists
// (subscriptions, BLIK aliases), which page by page and perPage (1..50,
// default 20; pages "Retrieve subscription list" and "Retrieve list of BLIK
// aliases") instead of page and limit.
const pagePerPage = 50

// paging is how a list endpoint is paged.
type paging int

const (
	// unpaged: SimPay documents the endpoint without pagination.
	unpaged paging = iota
	// pagedByLimit: page and limit (up to pageLimit), as most lists.
	pagedByLimit
	// pagedByPerPage: page and perPage (up to pagePerPage), as the
	// recurring-payment lists.
	pagedByPerPage
)

// maxPages guards the page-walk against a nonsensical total_pages: the result
// slice is allocated up front from it.
const maxPages = 10000

// ListOptions tunes a list call.
type ListOptions struct {
	// MaxItems stops the walk once this many items are read, fetching only the
	// pages needed; 0 reads every page.
	MaxItems int
}

// listAll reads every page of a list endpoint into one slice, in SimPay's
// order; with shared, identical page requests are shared (see sharedReads).
// Page 1 comes first, since it tells how many pages there are; pages 2..N
// are then fetched concurrently, at most PageConcurrency at a time, each
// decoded straight into its own region of the result. The first failure
// cancels the other pages.
//
// paged says whether SimPay documents the endpoint as paginated: then every
// request carries page and limit=99. Endpoints documented without pagination
// get no such parameters on the first request; if an answer has a
// pagination object anyway, the remaining pages are fetched with just page=N,
// so that every page has the server's default size.
//
// The list may change while it is read: SimPay lists transactions newest
// first, so one created between two page requests pushes every item one
// place down, and the next page starts with the item the previous one ended
// with. The result therefore never holds an object twice: a repeat of an id
// already read is dropped, and the first occurrence keeps its place. An item
// pushed past the last page is not lost either: when a page reports more
// pages than page 1 did, or when repeats leave fewer items than MaxItems
// asks for, the following pages are read too, one at a time. Pages read at
// once could also leave a gap (a later page answered before the change, an
// earlier one after it), so when two of them report other totals the pages
// after the first are read again, one after the other, which a new object
// can only make repeat, never skip. An object created during the
// walk may or may not be in the result, and one removed during it may leave
// a gap, as in any offset-paginated list; reading again gives the list as
// it now stands.
func listAll[T any](ctx context.Context, c *Client, path string, query url.Values, paged, shared bool, opts ListOptions) ([]T, error) {
	style := unpaged
	if paged {
		style = pagedByLimit
	}
	return listPages[T](ctx, c, path, query, style, shared, opts)
}

// listPages is listAll with the page-size parameter named by style:
// pagedByPerPage sends page and perPage=50 on every request, never limit.
func listPages[T any](ctx context.Context, c *Client, path string, query url.Values, style paging, shared bool, opts ListOptions) ([]T, error) {
	paged := style != unpaged
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
		switch style {
		case pagedByLimit:
			q.Set("limit", strconv.Itoa(pageLimit))
		case pagedByPerPage:
			q.Set("perPage", strconv.Itoa(pagePerPage))
		}
		return q
	}
	getPage := func(ctx context.Context, page int, out *[]T) (pageCounts, error) {
		pg, err := c.get(ctx, shared, path, pageQuery(page), out)
		if err == nil {
			err = checkPage(pg, page)
		}
		if err != nil || pg == nil {
			return pageCounts{}, err
		}
		return pageCounts{pages: int(pg.TotalPages), items: int(pg.Total)}, nil
	}

	var first []T
	firstCounts, err := getPage(ctx, 1, &first)
	reported := firstCounts.pages
	if err != nil {
		if errors.As(err, new(*pageError)) {
			return nil, fmt.Errorf("SimPay API GET /%s: %w", path, err)
		}
		return nil, err
	}
	total := max(reported, 1)
	pages := total
	// Every page but the last is full, so page 1 gives the page size. It is
	// what the server really did (it may cap limit), and unlike per_page it
	// cannot make the allocation below larger than what was actually received.
	size := len(first)
	if opts.MaxItems > 0 && size > 0 {
		pages = min(pages, (opts.MaxItems+size-1)/size)
	}
	if size == 0 {
		return first, nil
	}
	if pages > maxPages {
		return nil, fmt.Errorf("SimPay API GET /%s: SimPay reports %d pages, more than the %d this client reads; narrow the query or set MaxItems", path, pages, maxPages)
	}

	all := first
	if pages > 1 {
		var counts pageCounts
		var changed bool
		all, counts, changed, err = readPages(ctx, c, pages, size, first, getPage)
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("SimPay API GET /%s: %w", path, err)
		}
		total = max(total, counts.pages)
		if changed {
			// The list changed while pages were read at once: a page
			// answered before a new object pushed the list down misses the
			// items pushed onto it, which the earlier page, answered after,
			// no longer holds. Read the rest again, one page after the
			// other: then a change can only repeat an item, never skip one.
			all, pages = first, 1
		}
	}

	// Sized up front: growing the map would allocate it several times over.
	seen := make(map[string]struct{}, len(all))
	all = dropRepeats(all, seen)
	for next := pages + 1; next <= min(total, maxPages) && (opts.MaxItems == 0 || len(all) < opts.MaxItems); next++ {
		var items []T
		counts, err := getPage(ctx, next, &items)
		if err != nil {
			return nil, fmt.Errorf("reading page %d of %d: %w", next, total, err)
		}
		if len(items) == 0 {
			break
		}
		total = max(total, counts.pages)
		all = append(all, dropRepeats(items, seen)...)
	}
	return trim(all, opts.MaxItems), nil
}

// pageCounts is what a page says of the whole list: how many pages and items
// it has (0 when SimPay did not say).
type pageCounts struct{ pages, items int }

// readPages fetches pages 2..pages concurrently after page 1 (first, of size
// items) and returns every item in page order, the largest page count any
// page reported, and whether two of the pages read at once reported other
// totals: the list changed between their answers.
func readPages[T any](ctx context.Context, c *Client, pages, size int, first []T, getPage func(context.Context, int, *[]T) (pageCounts, error)) ([]T, pageCounts, bool, error) {
	// Each page owns all[(p-1)*size : p*size]. Decoding into a slice with
	// that capacity appends in place, so items are written once, into their
	// final place, and no page body or per-page slice outlives its decoding.
	all := make([]T, pages*size)
	copy(all, first)
	counts := make([]int, pages+1)
	counts[1] = len(first)
	// overflow keeps a page that came back larger than the page size; its
	// items could not fit in its region.
	overflow := make(map[int][]T)
	var reported, other pageCounts
	changed, seenOther := false, false
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
			n, err := getPage(ctx, p, &region)
			if err != nil {
				fail(fmt.Errorf("reading page %d of %d: %w", p, pages, err))
				return
			}
			mu.Lock()
			defer mu.Unlock()
			counts[p] = len(region)
			reported.pages = max(reported.pages, n.pages)
			// Pages answered in the same state of the list agree on its
			// totals. Page 1 may differ: it was read before the others, and
			// a shift after it only repeats items. Two of these pages that
			// differ were answered on either side of a change, and the one
			// answered first may have missed what the change pushed onto it.
			if !seenOther {
				other, seenOther = n, true
			}
			changed = changed || n != other
			if len(region) > size {
				overflow[p] = region
			}
		}(p)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, pageCounts{}, false, firstErr
	}

	// Close the gaps left by short pages (normally only the last one).
	n := 0
	if len(overflow) == 0 {
		for p := 1; p <= pages; p++ {
			start := (p - 1) * size
			n += copy(all[n:], all[start:start+counts[p]])
		}
		clear(all[n:]) // drop references held by the unused tail
		return all[:n:n], reported, changed, nil
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
	return out, reported, changed, nil
}

// listKeyed is an item with an identity of its own, by which a page walk
// recognises an item it has already read.
type listKeyed interface{ listKey() string }

// dropRepeats removes, in place, the items whose key is in seen or repeats
// an earlier one, and adds the others' keys to seen. Items without a key
// (an empty id) are always kept: nothing says they are the same object.
func dropRepeats[T any](items []T, seen map[string]struct{}) []T {
	var zero T
	_, keyed := any(zero).(listKeyed)
	_, isString := any(zero).(string)
	if !keyed && !isString {
		return items
	}
	n := 0
	for _, it := range items {
		var k string
		if kk, ok := any(it).(listKeyed); ok {
			k = kk.listKey()
		} else {
			k = any(it).(string)
		}
		if k != "" {
			if _, dup := seen[k]; dup {
				continue
			}
			seen[k] = struct{}{}
		}
		items[n] = it
		n++
	}
	clear(items[n:])
	return items[:n]
}

// checkPage rejects an answer for another page than the one asked for: a
// server that ignores "page" would otherwise make every page a duplicate.
func checkPage(pg *pagination, want int) error {
	if pg != nil && pg.CurrentPage != 0 && int(pg.CurrentPage) != want {
		return &pageError{want: want, got: int(pg.CurrentPage)}
	}
	return nil
}

// pageError is an answer for another page than the one asked for.
type pageError struct{ want, got int }

func (e *pageError) Error() string {
	return fmt.Sprintf("asked for page %d, SimPay answered page %d", e.want, e.got)
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

// The identities by which a page walk recognises a repeat.

func (s PaymentService) listKey() string            { return s.ID }
func (ch PaymentChannel) listKey() string           { return ch.ID }
func (cur Currency) listKey() string                { return cur.ISO }
func (t PaymentTransactionSummary) listKey() string { return t.ID }
func (r Refund) listKey() string                    { return r.ID }
func (s SMSService) listKey() string                { return s.ID }
func (t SMSTransaction) listKey() string            { return integerKey(t.ID) }
func (n SMSNumber) listKey() string                 { return integerKey(n.Number) }
func (s DirectBillingService) listKey() string      { return s.ID }
func (t DirectBillingTransaction) listKey() string  { return t.ID }
func (s PaymentSubscription) listKey() string       { return s.ID }
func (a BlikAlias) listKey() string                 { return a.ID }

// integerKey is the key of an integer identity; 0 is what an absent one
// decodes to, so it identifies nothing.
func integerKey(n Integer) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(int64(n), 10)
}
