package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"sync"
)

// sharedReads lets identical catalogue GETs made through one Client share one
// request. Terraform reads data sources ten at a time, and a configuration
// often has many that look at the same service's channels or currencies:
// concurrent callers wait for the request already under way (single flight),
// and later callers reuse its answer for the rest of the Client's life, which
// for the provider is one Terraform run. Only catalogue data is shared
// (services, channels, currencies, notification IPs, SMS numbers,
// DirectBilling calculations); transactions and refunds are always read
// afresh. Failures are never kept: the next caller asks again.
//
// What is kept is the raw "data" of each answer; every caller decodes it
// into its own value, so no caller can change what another one sees. (A deep
// copy of one decoded value instead saved 5% of the provider's instructions
// per added lookup, under the 10% that would pay for it: BENCHMARKS.md.)
type sharedReads struct {
	mu      sync.Mutex
	entries map[string]*sharedEntry
}

type sharedEntry struct {
	done     chan struct{} // closed when the request finished
	finished bool
	data     json.RawMessage
	pg       *pagination
	err      error
	waiters  int
	cancel   context.CancelFunc
}

// get is do for a GET, shared when shared is set.
func (c *Client) get(ctx context.Context, shared bool, path string, query url.Values, out any) (*pagination, error) {
	if shared {
		return c.getShared(ctx, path, query, out)
	}
	return c.do(ctx, http.MethodGet, path, query, nil, out)
}

// getShared is do for a catalogue GET: with sharing on, the request for path
// and query is made at most once at a time, and its answer is reused.
func (c *Client) getShared(ctx context.Context, path string, query url.Values, out any) (*pagination, error) {
	if c.shared == nil {
		return c.do(ctx, http.MethodGet, path, query, nil, out)
	}
	key := path + "?" + query.Encode()
	s := c.shared
	s.mu.Lock()
	e := s.entries[key]
	if e == nil {
		e = s.start(ctx, c, key, path, query)
	} else if e.finished {
		s.mu.Unlock()
		if c.logger != nil {
			c.logger.Debug(ctx, "SimPay API answer reused from an earlier identical request", map[string]any{"url": c.base + key})
		}
		return e.pg, e.decode(out, path)
	}
	e.waiters++
	s.mu.Unlock()

	select {
	case <-e.done:
		if e.err != nil {
			return nil, e.err
		}
		return e.pg, e.decode(out, path)
	case <-ctx.Done():
		s.mu.Lock()
		e.waiters--
		if e.waiters == 0 && !e.finished {
			// Nobody wants the answer any more: stop the request, and let the
			// next caller start a fresh one rather than join a cancelled one.
			e.cancel()
			if s.entries[key] == e {
				delete(s.entries, key)
			}
		}
		s.mu.Unlock()
		return nil, fmt.Errorf("SimPay API GET /%s: %w", path, ctx.Err())
	}
}

// start begins the shared request for key; s.mu is held. The request runs
// under a context that keeps the first caller's values (its logger) but not
// its cancellation: it stops when every waiting caller has gone.
func (s *sharedReads) start(ctx context.Context, c *Client, key, path string, query url.Values) *sharedEntry {
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	e := &sharedEntry{done: make(chan struct{}), cancel: cancel}
	s.entries[key] = e
	go func() {
		defer cancel()
		var data json.RawMessage
		pg, err := c.do(rctx, http.MethodGet, path, query, nil, &data)
		s.mu.Lock()
		e.data, e.pg, e.err, e.finished = data, pg, err, true
		if err != nil && s.entries[key] == e {
			delete(s.entries, key)
		}
		s.mu.Unlock()
		close(e.done)
	}()
	return e
}

// decode decodes the entry's data into out, afresh for every caller, so
// that no caller can change what another one sees.
func (e *sharedEntry) decode(out any, path string) error {
	return decodeShared(e.data, out, path)
}

// decodeShared decodes a kept "data" into out, with the same rule as
// decodeResponse: a missing object is an error, a missing list is empty.
func decodeShared(data json.RawMessage, out any, path string) error {
	if out == nil {
		return nil
	}
	if len(data) == 0 || bytes.Equal(data, []byte("null")) {
		if reflect.TypeOf(out).Elem().Kind() != reflect.Slice {
			return fmt.Errorf("SimPay API GET /%s: response has no \"data\"", path)
		}
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("SimPay API GET /%s: response has an unexpected shape: %w", path, err)
	}
	return nil
}
