package simpaymock

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// IPN v2: payment notifications POSTed to the shop, as SimPay sends them
// (docs.simpay.pl/en/notifications/payment). Deliveries run in goroutines of
// their own with their own timeouts, so a slow or dead endpoint never holds
// up the API.

// DefaultIPNKey signs notifications for a service that has no key in
// IPNOptions.
const DefaultIPNKey = "simpay-mock-ipn-key"

// Defaults of IPNOptions.
const (
	DefaultIPNAttempts = 5
	DefaultIPNBackoff  = time.Second
	DefaultIPNTimeout  = 10 * time.Second
)

// IPN notification types. SimPay sends more (BLIK, subscriptions); the mock
// sends these.
const (
	IPNTransactionStatusChanged = "transaction:status_changed"
	IPNRefundStatusChanged      = "transaction_refund:status_changed"
	IPNTest                     = "ipn:test"
)

// ipnUserAgent is how SimPay announces IPN v2; SimPay's validator
// (simpay-ecommerce src/IpnValidator.php) rejects any other version.
const ipnUserAgent = "SimPay-IPN/2.0"

// ipnBodyExcerpt bounds what an attempt record keeps of the answer.
const ipnBodyExcerpt = 256

// IPNOptions configure notifications. With no URL for a service, nothing is
// sent for it and nothing of this costs anything.
type IPNOptions struct {
	// URL receives the notifications of every payment service without an
	// entry in URLs.
	URL string
	// URLs by payment service id.
	URLs map[string]string
	// Key signs notifications of services without an entry in Keys; default
	// DefaultIPNKey.
	Key string
	// Keys by payment service id.
	Keys map[string]string
	// Attempts is how many times a notification is sent before it is given
	// up; default DefaultIPNAttempts.
	Attempts int
	// Backoff is the wait before the second attempt, doubling for each one
	// after; default DefaultIPNBackoff.
	Backoff time.Duration
	// Timeout bounds one attempt, connection to answer; default
	// DefaultIPNTimeout.
	Timeout time.Duration
	// OnAttempt, if set, is called after every attempt with the delivery as
	// it stands and the attempt just made.
	OnAttempt func(IPNDelivery, IPNAttempt)
	// Sleep, if set, replaces the wait between attempts (tests use it to
	// record the backoff without waiting). It reports whether the full time
	// passed, false when ctx ended first.
	Sleep func(ctx context.Context, d time.Duration) bool
	// Client sends the notifications; default a client that follows no
	// redirect, since SimPay expects the answer at the configured URL.
	Client *http.Client
}

// IPNDelivery is one notification and what became of it.
type IPNDelivery struct {
	NotificationID string `json:"notification_id"`
	Type           string `json:"type"`
	ServiceID      string `json:"service_id"`
	URL            string `json:"url"`
	// State is "pending" while attempts remain, "delivered" after a 200 OK,
	// "failed" when every attempt failed, "abandoned" when the mock stopped
	// first.
	State    string          `json:"state"`
	Attempts []IPNAttempt    `json:"attempts"`
	Payload  json.RawMessage `json:"payload"`
}

// IPNAttempt is one POST of a notification.
type IPNAttempt struct {
	Attempt int       `json:"attempt"`
	Time    time.Time `json:"time"`
	// Status is the HTTP status answered, 0 when there was no answer.
	Status int `json:"status"`
	// Body is the start of the answer (at most 256 bytes).
	Body       string  `json:"body"`
	DurationMS float64 `json:"duration_ms"`
	// Error says why the attempt does not count as delivered; empty when it
	// does.
	Error string `json:"error,omitempty"`
	// NextIn is the wait before the next attempt, empty after the last.
	NextIn string `json:"next_in,omitempty"`
}

// Delivery states.
const (
	ipnPending   = "pending"
	ipnDelivered = "delivered"
	ipnFailed    = "failed"
	ipnAbandoned = "abandoned"
)

// notifier holds the IPN deliveries and the payment lifecycle of a Server.
type notifier struct {
	s       *Server
	opts    IPNOptions
	autopay time.Duration
	client  *http.Client
	ctx     context.Context
	cancel  context.CancelFunc
	busy    tracker

	mu         sync.Mutex
	seq        uint64
	deliveries []*IPNDelivery
	timers     map[*time.Timer]bool
	closed     bool
}

func newNotifier(s *Server, opts Options) *notifier {
	o := opts.IPN
	if o.Attempts <= 0 {
		o.Attempts = DefaultIPNAttempts
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultIPNBackoff
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultIPNTimeout
	}
	if o.Key == "" {
		o.Key = DefaultIPNKey
	}
	client := o.Client
	if client == nil {
		client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &notifier{s: s, opts: o, autopay: opts.Autopay, client: client, ctx: ctx, cancel: cancel, timers: map[*time.Timer]bool{}}
}

func (n *notifier) url(serviceID string) string {
	if u, ok := n.opts.URLs[serviceID]; ok {
		return u
	}
	return n.opts.URL
}

func (n *notifier) key(serviceID string) string {
	if k, ok := n.opts.Keys[serviceID]; ok && k != "" {
		return k
	}
	return n.opts.Key
}

// ValidIPNURL checks a notification URL: absolute http or https.
func ValidIPNURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("IPN URL %q is not an absolute http:// or https:// URL", raw)
	}
	return nil
}

// send signs and queues a notification of serviceID. date is when it is
// sent, written in UTC as in SimPay's example ("2025-05-20T16:36:07Z").
// Callers may hold s.mu: nothing here waits.
func (n *notifier) send(serviceID, typ string, date time.Time, data jsonObject) (*IPNDelivery, error) {
	target := n.url(serviceID)
	if target == "" {
		return nil, fmt.Errorf("no IPN URL for payment service %s: start simpay-mock with -ipn-url URL or -ipn-url %s=URL", serviceID, serviceID)
	}
	n.mu.Lock()
	if n.closed {
		n.mu.Unlock()
		return nil, errors.New("the mock is closed")
	}
	n.seq++
	id := uuidV7(date, n.s.seed, "ipn", n.seq)
	n.mu.Unlock()

	env := jsonObject{
		{"type", typ},
		{"notification_id", id},
		{"date", date.UTC().Format(time.RFC3339)},
		{"data", data},
	}
	unsigned := marshal(env)
	sig, err := IPNSignature(unsigned, n.key(serviceID))
	if err != nil {
		return nil, fmt.Errorf("signing the notification: %w", err)
	}
	body := marshal(append(env, jsonField{"signature", sig}))

	d := &IPNDelivery{NotificationID: id, Type: typ, ServiceID: serviceID, URL: target, State: ipnPending,
		Attempts: []IPNAttempt{}, Payload: body}
	n.mu.Lock()
	n.deliveries = append(n.deliveries, d)
	n.mu.Unlock()
	n.busy.add()
	go n.deliver(d)
	return d, nil
}

func (n *notifier) deliver(d *IPNDelivery) {
	defer n.busy.done()
	wait := n.opts.Backoff
	for i := 1; i <= n.opts.Attempts; i++ {
		if n.ctx.Err() != nil {
			n.mu.Lock()
			d.State = ipnAbandoned
			n.mu.Unlock()
			return
		}
		a := n.attempt(d, i)
		last := a.Error == "" || i == n.opts.Attempts
		if !last {
			a.NextIn = wait.String()
		}
		n.mu.Lock()
		d.Attempts = append(d.Attempts, a)
		switch {
		case a.Error == "":
			d.State = ipnDelivered
		case last:
			d.State = ipnFailed
		}
		snap := d.snapshot()
		n.mu.Unlock()
		if n.opts.OnAttempt != nil {
			n.opts.OnAttempt(snap, a)
		}
		if last {
			return
		}
		if !n.sleep(wait) {
			n.mu.Lock()
			d.State = ipnAbandoned
			n.mu.Unlock()
			return
		}
		wait *= 2
	}
}

func (n *notifier) sleep(d time.Duration) bool {
	if n.opts.Sleep != nil {
		return n.opts.Sleep(n.ctx, d) && n.ctx.Err() == nil
	}
	return sleep(n.ctx, d)
}

// attempt POSTs the notification once. It counts as delivered only on 200
// with the body exactly "OK": SimPay's page asks for a plaintext OK with
// status 200, and a mock that accepted "OK\n" or "ok" would pass a shop that
// SimPay may keep retrying.
//
// The result is named so that the deferred duration lands in what the
// caller gets: a deferred write to a local copy is lost on return.
func (n *notifier) attempt(d *IPNDelivery, i int) (a IPNAttempt) {
	a = IPNAttempt{Attempt: i, Time: time.Now()}
	ctx, cancel := context.WithTimeout(n.ctx, n.opts.Timeout)
	defer cancel()
	start := time.Now()
	defer func() { a.DurationMS = float64(time.Since(start).Microseconds()) / 1000 }()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(d.Payload))
	if err != nil {
		a.Error = err.Error()
		return a
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", ipnUserAgent)
	resp, err := n.client.Do(req)
	if err != nil {
		a.Error = "no answer: " + err.Error()
		if ctx.Err() == context.DeadlineExceeded && n.ctx.Err() == nil {
			a.Error = fmt.Sprintf("no answer within %s (-ipn-timeout)", n.opts.Timeout)
		}
		return a
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	a.Status = resp.StatusCode
	a.Body = excerpt(raw)
	switch {
	case err != nil:
		a.Error = "reading the answer: " + err.Error()
	case resp.StatusCode != http.StatusOK:
		a.Error = fmt.Sprintf("status %d, SimPay needs 200 with the body OK", resp.StatusCode)
	case string(raw) != "OK":
		a.Error = fmt.Sprintf("body %q is not exactly OK (no whitespace, no other text)", excerpt(raw))
	}
	return a
}

func excerpt(b []byte) string {
	if len(b) > ipnBodyExcerpt {
		b = b[:ipnBodyExcerpt]
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func (d *IPNDelivery) snapshot() IPNDelivery {
	c := *d
	c.Attempts = append([]IPNAttempt(nil), d.Attempts...)
	return c
}

// IPNDeliveries returns every notification sent so far, oldest first, with
// its attempts.
func (s *Server) IPNDeliveries() []IPNDelivery {
	n := s.notify
	n.mu.Lock()
	defer n.mu.Unlock()
	out := make([]IPNDelivery, 0, len(n.deliveries))
	for _, d := range n.deliveries {
		out = append(out, d.snapshot())
	}
	return out
}

// ResetIPNDeliveries forgets the notifications sent so far; those still
// being delivered go on.
func (s *Server) ResetIPNDeliveries() {
	n := s.notify
	n.mu.Lock()
	n.deliveries = nil
	n.mu.Unlock()
}

// SendTestIPN sends an ipn:test notification for a payment service, as the
// "test" button of SimPay's panel does.
func (s *Server) SendTestIPN(serviceID string) (IPNDelivery, error) {
	s.mu.Lock()
	known := s.paymentService(serviceID) != nil
	s.mu.Unlock()
	if !known {
		return IPNDelivery{}, fmt.Errorf("payment service %s: %w", serviceID, ErrNotFound)
	}
	now := s.now()
	n := s.notify
	n.mu.Lock()
	nonce := idBytes(s.seed, "ipn-nonce", n.seq+1)
	n.mu.Unlock()
	// Field order of SimPay's TypeScript SDK (SimPaypl/simpay-typescript,
	// src/types/notifications/notification-types.ts, IpnTestData).
	d, err := n.send(serviceID, IPNTest, now, jsonObject{
		{"service_id", serviceID},
		{"nonce", fmt.Sprintf("%x", nonce[:16])},
	})
	if err != nil {
		return IPNDelivery{}, err
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	return d.snapshot(), nil
}

// Settle waits until no payment waits for its lifecycle and no notification
// is being delivered, or until ctx ends.
func (s *Server) Settle(ctx context.Context) error {
	return s.notify.busy.wait(ctx)
}

// Close stops the lifecycle timers and pending deliveries; notifications
// not yet delivered are "abandoned". The handler still answers afterwards,
// but sends nothing more.
func (s *Server) Close() {
	n := s.notify
	n.mu.Lock()
	if n.closed {
		n.mu.Unlock()
		return
	}
	n.closed = true
	for t := range n.timers {
		// A timer that has already fired is left to its callback, which
		// sees closed and only counts itself done.
		if t.Stop() {
			delete(n.timers, t)
			n.busy.done()
		}
	}
	n.mu.Unlock()
	n.cancel()
	_ = n.busy.wait(context.Background())
}

// tracker counts work in progress, for Settle.
type tracker struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed while n == 0; nil means idle too
}

func (t *tracker) add() {
	t.mu.Lock()
	if t.n == 0 {
		t.idle = make(chan struct{})
	}
	t.n++
	t.mu.Unlock()
}

func (t *tracker) done() {
	t.mu.Lock()
	t.n--
	if t.n == 0 {
		close(t.idle)
	}
	t.mu.Unlock()
}

func (t *tracker) wait(ctx context.Context) error {
	t.mu.Lock()
	ch := t.idle
	t.mu.Unlock()
	if ch == nil {
		return nil
	}
	select {
	case <-ch: // idle wins over an ended ctx
		return nil
	default:
	}
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("notifications still in progress: %w", ctx.Err())
	}
}

// jsonObject is a JSON object that keeps its members in order: the order
// of a notification's fields is part of its signature.
type jsonObject []jsonField

type jsonField struct {
	key   string
	value any
}

// MarshalJSON writes the members in order.
func (o jsonObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(marshal(f.key))
		b.WriteByte(':')
		b.Write(marshal(f.value))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
