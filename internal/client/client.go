// Package client is a small SimPay REST API client: online payments, SMS and
// DirectBilling. It knows nothing of Terraform; the provider adapts its
// results and errors.
//
// Every call goes through one transport path that authenticates with a bearer
// token, retries what is safe to retry, caps response sizes and turns SimPay's
// error envelope into *APIError. Money is never a float: amounts are Decimal
// (responses, the text as SimPay wrote it) or decimal.Decimal (requests, which
// go out only as JSON numbers), kept exact.
package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultBaseURL is SimPay's production API.
const DefaultBaseURL = "https://api.simpay.pl/"

// Defaults applied by New to zero-valued Config fields.
const (
	DefaultMaxRetries      = 4
	DefaultRetryWaitMin    = 500 * time.Millisecond
	DefaultRetryWaitMax    = 30 * time.Second
	DefaultMaxBodyBytes    = 32 << 20
	DefaultPageConcurrency = 4
)

// userAgentProduct is appended to the caller's User-Agent so SimPay (and
// anyone reading a proxy log) can tell which HTTP stack sent the request.
const userAgentProduct = "simpay-go-client"

// Config configures a Client. The zero value of every field but Token is
// usable and means the default documented on the field.
type Config struct {
	// BaseURL is the API root, DefaultBaseURL when empty. A path prefix, such as
	// SimPay's hosted mock https://docs.simpay.pl/_mock/en/apis/, is kept for
	// every call, with or without a trailing slash. It must be https; plain http
	// is accepted only for a loopback host (see ValidateBaseURL).
	BaseURL string

	// Token is sent as "Authorization: Bearer <token>". An empty token does not
	// make New fail, but every call then returns an error matching ErrNoToken,
	// except ListNotificationIPs: GET /ip is public.
	Token string

	// UserAgent holds the caller's product tokens, e.g.
	// "terraform-provider-simpay/1.2.0 terraform/1.11.4"; the client appends
	// its own.
	UserAgent string

	// HTTPClient sends the requests; a default client when nil. The client
	// uses a copy of it that never follows redirects (see New).
	HTTPClient *http.Client

	// RequestTimeout bounds one attempt, including reading the response body;
	// 0 means no per-attempt limit (the caller's context still applies). A GET
	// that times out is retried; a POST that times out after it was sent is not,
	// because SimPay may have acted on it (see OutcomeUnknownError).
	RequestTimeout time.Duration

	// MaxRetries is the number of retries after the first attempt, so a call
	// makes at most MaxRetries+1 attempts. nil means DefaultMaxRetries; a
	// pointer to 0 disables retries. It is a pointer because 0 is a meaningful
	// choice that a plain int could not tell apart from "not set".
	MaxRetries *int

	// RetryWaitMin is the backoff base, DefaultRetryWaitMin when 0.
	RetryWaitMin time.Duration

	// RetryWaitMax caps a single wait, a Retry-After included;
	// DefaultRetryWaitMax when 0.
	RetryWaitMax time.Duration

	// MaxBodyBytes caps a response body, DefaultMaxBodyBytes when 0. A larger
	// body is an error and is never read into memory beyond the cap.
	MaxBodyBytes int64

	// PageConcurrency is how many pages after the first a list call fetches at
	// once, DefaultPageConcurrency when 0.
	PageConcurrency int

	// ShareCatalogueReads makes identical catalogue GETs (services, channels,
	// currencies, notification IPs, SMS numbers, DirectBilling calculations)
	// share one request for the Client's life: concurrent callers wait for the
	// one under way, later callers reuse its answer. Transactions and refunds
	// are always read afresh. Suits a short-lived Client such as the
	// provider's, which lives for one Terraform run.
	ShareCatalogueReads bool

	// Logger receives one record per attempt; nil disables logging.
	Logger Logger
}

// Logger receives the client's log records. Fields never contain the token:
// the Authorization header is only ever logged as "Bearer [REDACTED]".
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Warn(ctx context.Context, msg string, fields map[string]any)
}

// Client calls the SimPay API. It is safe for concurrent use.
type Client struct {
	base            string // absolute URL ending in "/"
	token           string
	userAgent       string
	httpClient      *http.Client
	requestTimeout  time.Duration
	maxRetries      int
	retryWaitMin    time.Duration
	retryWaitMax    time.Duration
	maxBodyBytes    int64
	pageConcurrency int
	logger          Logger
	shared          *sharedReads // nil unless Config.ShareCatalogueReads
}

// New validates cfg, applies the defaults and returns a Client.
//
// The HTTP client is copied with redirects disabled: SimPay's API does not
// redirect, a redirected POST could be sent twice, and a bearer token should
// not travel to wherever a Location header points. A 3xx is returned as an
// *APIError.
func New(cfg Config) (*Client, error) {
	base := cfg.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	if err := ValidateBaseURL(base); err != nil {
		return nil, err
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	if hasControlChar(cfg.Token) {
		// Never quote the token: this message may end up in a log.
		return nil, errors.New("the SimPay API token contains a control character or line break; copy the token again from SimPay's client panel (My Account > API keys)")
	}
	if hasControlChar(cfg.UserAgent) {
		return nil, fmt.Errorf("user agent %q contains a control character or line break; pass plain product tokens such as \"terraform-provider-simpay/1.2.0\"", cfg.UserAgent)
	}
	c := &Client{
		base:            base,
		token:           cfg.Token,
		userAgent:       strings.TrimSpace(strings.TrimSpace(cfg.UserAgent) + " " + userAgentProduct),
		requestTimeout:  cfg.RequestTimeout,
		maxRetries:      DefaultMaxRetries,
		retryWaitMin:    cfg.RetryWaitMin,
		retryWaitMax:    cfg.RetryWaitMax,
		maxBodyBytes:    cfg.MaxBodyBytes,
		pageConcurrency: cfg.PageConcurrency,
		logger:          cfg.Logger,
	}
	if cfg.ShareCatalogueReads {
		c.shared = &sharedReads{entries: map[string]*sharedEntry{}}
	}
	if cfg.MaxRetries != nil {
		if *cfg.MaxRetries < 0 {
			return nil, fmt.Errorf("MaxRetries is %d; use 0 to disable retries or a positive number", *cfg.MaxRetries)
		}
		c.maxRetries = *cfg.MaxRetries
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{{"RequestTimeout", cfg.RequestTimeout}, {"RetryWaitMin", cfg.RetryWaitMin}, {"RetryWaitMax", cfg.RetryWaitMax}} {
		if d.v < 0 {
			return nil, fmt.Errorf("%s is negative (%s); use 0 for the default or a positive duration", d.name, d.v)
		}
	}
	if c.retryWaitMin == 0 {
		c.retryWaitMin = DefaultRetryWaitMin
	}
	if c.retryWaitMax == 0 {
		c.retryWaitMax = DefaultRetryWaitMax
	}
	if c.retryWaitMin > c.retryWaitMax {
		return nil, fmt.Errorf("RetryWaitMin (%s) is larger than RetryWaitMax (%s)", c.retryWaitMin, c.retryWaitMax)
	}
	switch {
	case cfg.MaxBodyBytes < 0:
		return nil, fmt.Errorf("MaxBodyBytes is negative (%d); use 0 for the default of %d bytes", cfg.MaxBodyBytes, DefaultMaxBodyBytes)
	case cfg.MaxBodyBytes == 0:
		c.maxBodyBytes = DefaultMaxBodyBytes
	}
	switch {
	case cfg.PageConcurrency < 0:
		return nil, fmt.Errorf("PageConcurrency is negative (%d); use 0 for the default of %d", cfg.PageConcurrency, DefaultPageConcurrency)
	case cfg.PageConcurrency == 0:
		c.pageConcurrency = DefaultPageConcurrency
	}
	hc := http.Client{}
	if cfg.HTTPClient != nil {
		hc = *cfg.HTTPClient
	}
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.httpClient = &hc
	return c, nil
}

// ValidateBaseURL reports whether raw can be used as Config.BaseURL: an
// absolute https URL without credentials, query or fragment. Plain http is
// accepted only for a loopback host (localhost, 127.0.0.0/8, ::1), so a local
// mock server works while a token is never sent in clear over a network.
func ValidateBaseURL(raw string) error {
	if strings.TrimSpace(raw) == "" {
		return fmt.Errorf("base URL is empty; use %s or leave it unset for the default", DefaultBaseURL)
	}
	if err := missingScheme(raw); err != nil {
		return err
	}
	u, err := url.Parse(raw)
	if err != nil {
		// url.Error quotes the input, which may hold a password; say only what failed.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("base URL is not a valid URL (%w); use a full URL such as %s", err, DefaultBaseURL)
	}
	if u.User != nil {
		return fmt.Errorf("base URL %q contains credentials; remove them: the API token is configured separately and sent as a bearer token", u.Redacted())
	}
	if u.Scheme == "" || u.Host == "" {
		return fmt.Errorf("base URL %q is not absolute; use a full URL with scheme and host such as %s", raw, DefaultBaseURL)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return fmt.Errorf("base URL %q has a query or fragment; remove it: only a scheme, host and optional path prefix are used", raw)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return nil
	case "http":
		if isLoopbackHost(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("base URL %q uses plain http: SimPay requires https; plain http is allowed only for a loopback host (127.0.0.1, ::1, localhost) such as a local mock server", raw)
	default:
		return fmt.Errorf("base URL %q uses scheme %q; use https (or http for a loopback mock server)", raw, u.Scheme)
	}
}

// missingScheme says in plain words that raw lacks its scheme, with the URL
// meant, rather than what url.Parse makes of "127.0.0.1:8089" (a first path
// segment with a colon) or "localhost:8089" (a scheme "localhost"). It says
// nothing of a raw with "@", which may hold a password.
func missingScheme(raw string) error {
	if strings.Contains(raw, "://") || strings.Contains(raw, "@") || hasControlChar(raw) {
		return nil
	}
	hostPort, _, _ := strings.Cut(raw, "/")
	host := hostPort
	if h, _, err := net.SplitHostPort(hostPort); err == nil {
		host = h
	}
	if isLoopbackHost(host) {
		return fmt.Errorf("base URL %q has no scheme: write it with http:// for a local mock, as in %q", raw, "http://"+raw)
	}
	if strings.Contains(host, ".") {
		return fmt.Errorf("base URL %q has no scheme: write it with https://, as in %q", raw, "https://"+raw)
	}
	return fmt.Errorf("base URL %q is not absolute: it has no scheme and no host name; use a full URL such as %s", raw, DefaultBaseURL)
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func hasControlChar(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return true
		}
	}
	return false
}
