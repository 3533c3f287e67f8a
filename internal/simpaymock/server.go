package simpaymock

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultToken is the bearer token accepted when Options.Tokens is empty.
const DefaultToken = "simpay-mock-token"

// Token is a bearer token the mock accepts.
type Token struct {
	// Value is what the client sends after "Bearer ".
	Value string
	// Abilities lists what the token may do (see the package documentation);
	// nil means every ability, an empty non-nil slice means none. "*" grants
	// every ability.
	Abilities []string
	// BlockedIP makes every request with this token fail with 403
	// IP_ADDRESS_NOT_WHITELISTED, as when the caller's address is outside the
	// token's allow-list.
	BlockedIP bool
}

func (t Token) can(ability string) bool {
	if t.Abilities == nil {
		return true
	}
	for _, a := range t.Abilities {
		if a == ability || a == "*" {
			return true
		}
	}
	return false
}

// Options configure a Server. The zero value is a usable mock.
type Options struct {
	// Tokens accepted as bearer tokens; default one token, DefaultToken, with
	// every ability.
	Tokens []Token
	// Transactions is the number of extra generated payment transactions for
	// service d151e4f9, for pagination tests. Their ids, amounts, statuses and
	// timestamps depend only on Seed and their position.
	Transactions int
	// Subscriptions is the number of extra generated recurring-payment
	// subscriptions (and as many BLIK aliases) for service d151e4f9, for
	// pagination tests; see AddSubscriptions.
	Subscriptions int
	// Latency is added to every API request (not to /__admin/ requests).
	Latency time.Duration
	// Prefix is a path prefix the API is served under, e.g. "/_mock/en/apis"
	// as on SimPay's hosted mock. With a prefix, paths outside it answer 404.
	Prefix string
	// Now is the clock for created_at, paid_at and the like. The default is
	// a deterministic clock that starts at 2025-06-02T10:00:00+02:00 and moves
	// one second on every reading.
	Now func() time.Time
	// Seed varies the generated ids and the fault PRNG; the same seed and the
	// same sequence of requests give the same answers.
	Seed uint64
	// OnRequest, if set, is called after each API request with its log entry
	// (which never holds a token), before the answer is complete on the
	// client's side: a test may change the mock's state there, between two
	// requests of one client call.
	OnRequest func(Request)
	// IPN sends SimPay's payment notifications (IPN v2) on every status
	// change of a payment transaction or refund; see IPNOptions.
	IPN IPNOptions
	// Autopay, when positive, pays each payment transaction created through
	// the API that long after its creation (or fails, expires or cancels it,
	// by its control prefix; see the package documentation), and completes
	// each refund that long after its creation.
	Autopay time.Duration
	// Dialect selects the shapes of the answers (see Dialect);
	// DialectDocumented when empty. New panics on an unknown dialect.
	Dialect Dialect
}

// Request is one entry of the request log. It never holds a token: headers
// are not recorded, and a configured or presented token value found in the
// path, query or body is replaced by "REDACTED" (a token shorter than six
// characters only where it is a whole path segment, query value or JSON
// string).
type Request struct {
	Time   time.Time `json:"time"`
	Method string    `json:"method"`
	// Path is the path as received, including the Prefix.
	Path  string `json:"path"`
	Query string `json:"query,omitempty"`
	// AuthPresent reports an Authorization header; AuthValid that it carried
	// a known bearer token. The token itself is never logged.
	AuthPresent bool `json:"auth_present"`
	AuthValid   bool `json:"auth_valid"`
	// Status is the HTTP status written, 0 when none was (dropped
	// connection, client gone).
	Status int `json:"status"`
	// Body is the request body of a POST (or other method with a body).
	Body string `json:"body,omitempty"`
	// Fault is the kind of fault applied, if any (see FaultKind.String).
	Fault string `json:"fault,omitempty"`
}

// Server is the SimPay mock: an http.Handler speaking SimPay's REST API, with
// test hooks to inspect requests, inject faults and move objects between
// statuses. All methods are safe for concurrent use.
type Server struct {
	prefix    string
	tokens    map[string]Token
	secrets   []string
	now       func() time.Time
	seed      uint64
	onRequest func(Request)
	dialect   Dialect
	latency   atomic.Int64
	admin     http.Handler
	notify    *notifier

	fmu    sync.Mutex
	faults []*activeFault
	rng    *rand.Rand

	lmu sync.Mutex
	log []*Request

	// mu guards everything below and the mutable parts of the fixtures
	// (transactions, refunds, SMS codes).
	mu               sync.Mutex
	idSeq            uint64
	paymentServices  []*paymentService
	smsServices      []*smsService
	dbServices       []*dbService
	paymentTxCreated int
	refundsCreated   int
	dbTxCreated      int
	// refundAmounts are the amounts the next refunds record instead of the
	// one asked for, oldest first (RecordNextRefundAs).
	refundAmounts []dec
}

// New returns a mock loaded with the fixtures described in the package
// documentation.
func New(opts Options) *Server {
	s := &Server{
		prefix:    normalizePrefix(opts.Prefix),
		tokens:    map[string]Token{},
		now:       opts.Now,
		seed:      opts.Seed,
		onRequest: opts.OnRequest,
		rng:       rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5eed5eed5eed5eed)),
	}
	if s.now == nil {
		s.now = steppingClock(defaultClockStart, time.Second)
	}
	dialect, err := ParseDialect(string(opts.Dialect))
	if err != nil {
		panic("simpaymock: " + err.Error())
	}
	s.dialect = dialect
	tokens := opts.Tokens
	if len(tokens) == 0 {
		tokens = []Token{{Value: DefaultToken}}
	}
	for _, t := range tokens {
		s.tokens[t.Value] = t
		if t.Value != "" {
			s.secrets = append(s.secrets, t.Value)
		}
	}
	s.latency.Store(int64(opts.Latency))
	s.loadFixtures()
	if opts.Transactions > 0 {
		s.AddPaymentTransactions(fixtureServiceID, opts.Transactions)
	}
	if opts.Subscriptions > 0 {
		s.AddSubscriptions(fixtureServiceID, opts.Subscriptions)
	}
	s.notify = newNotifier(s, opts)
	s.admin = s.adminHandler()
	return s
}

func normalizePrefix(p string) string {
	p = strings.TrimRight(strings.TrimSpace(p), "/")
	if p != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// SetLatency changes the delay added to every API request.
func (s *Server) SetLatency(d time.Duration) { s.latency.Store(int64(d)) }

// maxBody bounds what the mock reads of a request body; SimPay's bodies are
// a few kilobytes.
const maxBody = 1 << 20

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/__admin" || strings.HasPrefix(r.URL.Path, "/__admin/") {
		s.admin.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	auth := s.authenticate(r)
	entry := s.logStart(r, body, auth)
	defer s.logFinish(entry)
	if err != nil {
		s.write(w, apiError(http.StatusBadRequest, "BAD_REQUEST", "The request body could not be read."), entry)
		return
	}
	if d := time.Duration(s.latency.Load()); d > 0 && !sleep(r.Context(), d) {
		return
	}
	apiPath, inPrefix := s.stripPrefix(r.URL.Path)
	handle := func() *response { return s.dispatch(r, apiPath, inPrefix, body, auth) }
	f, ok := s.nextFault(r.Method, apiPath)
	if !ok {
		s.write(w, handle(), entry)
		return
	}
	s.setFault(entry, f.Kind.String())
	s.applyFault(w, r, f, handle, entry)
}

// sleep waits for d or until ctx ends; it reports whether the full time
// passed, so that a request whose client has gone is not answered.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *Server) stripPrefix(p string) (string, bool) {
	if s.prefix == "" {
		return p, true
	}
	if p == s.prefix {
		return "/", true
	}
	if rest, ok := strings.CutPrefix(p, s.prefix); ok && strings.HasPrefix(rest, "/") {
		return rest, true
	}
	return p, false
}

type authInfo struct {
	present bool
	valid   bool
	token   Token
	value   string
}

func (s *Server) authenticate(r *http.Request) authInfo {
	h := r.Header.Get("Authorization")
	a := authInfo{present: h != ""}
	scheme, value, _ := strings.Cut(strings.TrimSpace(h), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return a
	}
	a.value = strings.TrimSpace(value)
	if t, ok := s.tokens[a.value]; ok && a.value != "" {
		a.valid, a.token = true, t
	}
	return a
}

func (s *Server) write(w http.ResponseWriter, resp *response, entry *Request) {
	resp = s.inDialect(resp)
	for k, v := range resp.header {
		w.Header()[k] = v
	}
	w.WriteHeader(resp.status)
	_, _ = w.Write(resp.body)
	s.setStatus(entry, resp.status)
}

// baseURL is the scheme, host and prefix the client used, for pagination
// links.
func (s *Server) baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + s.prefix
}

// apiRequest is what a handler sees of a request.
type apiRequest struct {
	r      *http.Request
	s      *Server
	path   string
	params map[string]string
	query  url.Values
	body   []byte
}

func (a *apiRequest) param(name string) string { return a.params[name] }

// pageURL is the link to another page of the same list, keeping the other
// query parameters.
func (a *apiRequest) pageURL(page int) string {
	q := url.Values{}
	for k, v := range a.query {
		q[k] = v
	}
	q.Set("page", itoa(page))
	return a.s.baseURL(a.r) + a.path + "?" + q.Encode()
}
