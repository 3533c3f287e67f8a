package client

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// redactedAuthorization is how the Authorization header appears in logs.
const redactedAuthorization = "Bearer [REDACTED]"

// attemptResult is what one HTTP exchange produced.
type attemptResult struct {
	status int
	header http.Header
	body   []byte
	// err is a transport error, or a failure to read the body; nil when the
	// whole body was read.
	err error
	// gotConn is true once a connection was obtained: from then on a request
	// may have reached the server.
	gotConn bool
	// timedOut is true when the attempt hit Config.RequestTimeout.
	timedOut bool
	// permanent is true when the request could not even be built.
	permanent bool
	duration  time.Duration
}

// do is the single path every API call takes. path is relative to the base
// URL with its segments already escaped (see joinPath); body, when non-nil,
// is sent as JSON; out, when non-nil, receives the response's "data".
//
// Retry rules. A GET is retried on connection failures (including a body
// that could not be read to the end), on an attempt timeout and on 429, 500,
// 502, 503 and 504; a body that was read whole but is not JSON is not
// retried, as the same bytes would most likely come back. Anything else (a
// POST) is re-sent only when it provably did not reach SimPay: a 429, or a
// failure before a connection was obtained. A POST that may have been
// delivered (timeout, dropped connection, 5xx, unreadable success body) is
// never re-sent, since SimPay has no idempotency key and a second send
// would create a second object; it fails with *OutcomeUnknownError.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any) (*pagination, error) {
	apiPath := "/" + path
	if c.token == "" && !publicEndpoint(method, path) {
		return nil, fmt.Errorf("SimPay API %s %s: %w", method, apiPath, ErrNoToken)
	}
	var payload []byte
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("SimPay API %s %s: encoding the request body: %w", method, apiPath, err)
		}
		payload = b
	}
	fullURL := c.base + path
	if len(query) > 0 {
		fullURL += "?" + query.Encode()
	}
	safe := method == http.MethodGet || method == http.MethodHead
	maxAttempts := c.maxRetries + 1

	for attempt := 1; ; attempt++ {
		r := c.attempt(ctx, method, fullURL, payload)
		c.logAttempt(ctx, method, fullURL, attempt, maxAttempts, &r)

		var err error     // the error to return or to retry on
		var reason string // why a retry is allowed; "" means do not retry
		unknown := false  // the POST may have been delivered
		var wait time.Duration

		switch {
		case r.err != nil && ctx.Err() != nil:
			// The caller gave up (Ctrl-C, a deadline): no retry, whatever the method.
			err = fmt.Errorf("SimPay API %s %s: %w", method, apiPath, ctx.Err())
			unknown = !safe && r.gotConn
		case r.err != nil && errors.Is(r.err, ErrResponseTooLarge):
			err = fmt.Errorf("SimPay API %s %s: %d %w", method, apiPath, r.status, r.err)
			unknown = !safe && r.status >= 200 && r.status <= 299
		case r.err != nil:
			err = c.transportError(method, apiPath, &r)
			switch {
			case r.permanent || permanentTransportError(r.err):
			case safe || !r.gotConn:
				reason = "connection error: " + c.scrub(r.err.Error())
				if r.timedOut {
					reason = fmt.Sprintf("attempt timed out after %s", c.requestTimeout)
				}
			default:
				unknown = true
			}
		default:
			var pg *pagination
			pg, err = c.decodeResponse(method, apiPath, r.status, r.body, out)
			if retryableStatus(r.status) && (safe || slices.Contains(retriedCreateStatuses, r.status)) {
				reason = fmt.Sprintf("HTTP %d", r.status)
				if err == nil {
					// A retryable status with a success body: keep it an error.
					err = &APIError{StatusCode: r.status, Method: method, Path: apiPath}
				}
				now := time.Now()
				if d, ok := retryAfter(r.header, now); ok {
					// A wait longer than all the retries left may wait would
					// end in the same refusal, minutes later: fail now, and
					// say when to come back. With no retry left, the ordinary
					// "gave up after N attempts" error says it.
					left := maxAttempts - attempt
					if budget := time.Duration(left) * c.retryWaitMax; left > 0 && d > budget {
						return nil, fmt.Errorf("%w: SimPay asks to wait %s (Retry-After %q), longer than the %d retries left may "+
							"wait (at most %s each), so the request was not retried; it takes requests again from %s",
							err, (d + time.Second - 1).Truncate(time.Second), r.header.Get("Retry-After"), left, c.retryWaitMax,
							now.Add(d).UTC().Format("2006-01-02 15:04:05 UTC"))
					}
					wait = min(d, c.retryWaitMax)
					reason += fmt.Sprintf(", Retry-After %q", r.header.Get("Retry-After"))
				}
			} else if !safe && (r.status >= 500 || (r.status >= 200 && r.status <= 299 && err != nil && !isEnvelopeError(err))) {
				// A 5xx may come after SimPay acted, and a success we cannot
				// read hides the id of what was created.
				unknown = true
				if err == nil {
					err = &APIError{StatusCode: r.status, Method: method, Path: apiPath}
				}
			} else if err == nil {
				return pg, nil
			}
		}

		if unknown {
			return nil, &OutcomeUnknownError{Method: method, Path: apiPath, Err: err}
		}
		if reason == "" {
			return nil, err
		}
		if attempt >= maxAttempts {
			if maxAttempts == 1 {
				return nil, err
			}
			return nil, fmt.Errorf("%w (gave up after %d attempts)", err, attempt)
		}
		if wait == 0 {
			wait = c.backoff(attempt - 1)
		}
		if c.logger != nil {
			c.logger.Warn(ctx, "SimPay API request failed; retrying", map[string]any{
				"method":       method,
				"url":          fullURL,
				"attempt":      attempt,
				"max_attempts": maxAttempts,
				"reason":       reason,
				"wait":         wait.String(),
				"wait_ms":      wait.Milliseconds(),
			})
		}
		if werr := sleep(ctx, wait); werr != nil {
			return nil, fmt.Errorf("SimPay API %s %s: cancelled while waiting %s to retry (%s): %w; last attempt: %w", method, apiPath, wait, reason, werr, err)
		}
	}
}

// publicEndpoint reports whether a call needs no token. Only GET /ip does:
// SimPay's own WooCommerce, WordPress and WHMCS handlers fetch the
// notification addresses without an Authorization header. The token is still
// sent when there is one, since SimPay documents the endpoint with it.
func publicEndpoint(method, path string) bool {
	return method == http.MethodGet && path == "ip"
}

// isEnvelopeError reports whether err is SimPay's own JSON error envelope, a
// definite answer, as opposed to a body that could not be understood.
func isEnvelopeError(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Snippet == ""
}

// attempt performs one HTTP exchange and reads the whole body.
func (c *Client) attempt(ctx context.Context, method, fullURL string, payload []byte) attemptResult {
	actx := ctx
	if c.requestTimeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(ctx, c.requestTimeout)
		defer cancel()
	}
	var gotConn atomic.Bool
	actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
		// Before a connection exists nothing can have been written. After
		// it, even without WroteHeaders, a partial write cannot be ruled out,
		// so GotConn is the line between "not sent" and "maybe sent".
		GotConn: func(httptrace.GotConnInfo) { gotConn.Store(true) },
	})
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	start := time.Now()
	req, err := http.NewRequestWithContext(actx, method, fullURL, body)
	if err != nil {
		return attemptResult{err: err, permanent: true}
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}

	resp, err := c.httpClient.Do(req)
	r := attemptResult{err: err}
	if err == nil {
		r.status = resp.StatusCode
		r.header = resp.Header
		r.body, r.err = readBody(resp.Body, resp.ContentLength, c.maxBodyBytes)
		resp.Body.Close()
	}
	r.duration = time.Since(start)
	r.gotConn = gotConn.Load()
	r.timedOut = r.err != nil && ctx.Err() == nil && actx.Err() != nil
	return r
}

// readBody reads at most limit bytes. It never allocates beyond limit+1 bytes,
// even when the server lies about or omits the length.
func readBody(r io.Reader, contentLength, limit int64) ([]byte, error) {
	tooLarge := fmt.Errorf("response body is larger than the %d-byte limit (MaxBodyBytes); raise the limit if such a large answer is expected: %w", limit, ErrResponseTooLarge)
	if contentLength > limit {
		return nil, tooLarge
	}
	size := int64(64 << 10)
	if contentLength >= 0 {
		size = contentLength + 1 // +1 so that EOF is seen without growing
	}
	size = max(min(size, limit+1), 1)
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			grown := make([]byte, len(buf), min(int64(cap(buf))*2, limit+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, tooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading the response body: %w", err)
		}
	}
}

// transportError describes a failed exchange without the URL's host or query,
// which url.Error would repeat.
func (c *Client) transportError(method, apiPath string, r *attemptResult) error {
	err := r.err
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if r.timedOut {
		return fmt.Errorf("SimPay API %s %s: no answer within the %s request timeout: %w", method, apiPath, c.requestTimeout, err)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("connection closed before a complete answer: %w", err)
	}
	if r.status != 0 {
		return fmt.Errorf("SimPay API %s %s: %d: %w", method, apiPath, r.status, err)
	}
	if tlsToPlainHTTP(err) {
		if u, perr := url.Parse(c.base); perr == nil {
			plain := *u
			plain.Scheme = "http"
			return fmt.Errorf("SimPay API %s %s: the server at %s answers plain HTTP, not HTTPS: for a local mock such as "+
				"simpay-mock, write the base URL with http://, as in %s (%w)", method, apiPath, u.Host, plain.String(), err)
		}
	}
	return fmt.Errorf("SimPay API %s %s: %w", method, apiPath, err)
}

// tlsToPlainHTTP reports an https request answered in plain HTTP. net/http
// turns the tls.RecordHeaderError of that case into an untyped error, so
// its text is what tells.
func tlsToPlainHTTP(err error) bool {
	var record tls.RecordHeaderError
	return errors.As(err, &record) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client")
}

// permanentTransportError reports failures that a retry cannot fix: a
// certificate that does not verify, or TLS spoken to a plain-http server.
func permanentTransportError(err error) bool {
	var (
		verify   *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		record   tls.RecordHeaderError
	)
	return errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &hostname) ||
		errors.As(err, &invalid) || errors.As(err, &record) || tlsToPlainHTTP(err)
}

// retriedStatuses are the HTTP statuses a read is retried on; a create is
// retried only on 429 (SimPay did not take it) and on connection failures
// before the request was sent.
var retriedStatuses = []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
	http.StatusServiceUnavailable, http.StatusGatewayTimeout}

// retriedCreateStatuses are those of retriedStatuses a create is retried
// on: a 429 says SimPay did not take the request.
var retriedCreateStatuses = []int{http.StatusTooManyRequests}

// RetriedStatuses returns the HTTP statuses a read is retried on, in
// ascending order, and RetriedCreateStatuses those a create is retried on:
// the one list, for whoever describes the retries.
func RetriedStatuses() []int { return slices.Clone(retriedStatuses) }

// RetriedCreateStatuses: see RetriedStatuses.
func RetriedCreateStatuses() []int { return slices.Clone(retriedCreateStatuses) }

func retryableStatus(status int) bool { return slices.Contains(retriedStatuses, status) }

// retryAfter parses a Retry-After header: delta seconds or an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Clamp before multiplying so that a silly value cannot overflow.
		return time.Duration(min(secs, int64(24*time.Hour/time.Second))) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// backoff returns the wait before retry number n (0-based): a random
// duration in [w/2, w] with w = RetryWaitMin*2^n capped at RetryWaitMax. The
// jitter spreads out clients that failed together.
func (c *Client) backoff(n int) time.Duration {
	w := c.retryWaitMin
	for i := 0; i < n && w < c.retryWaitMax; i++ {
		w *= 2
	}
	w = min(w, c.retryWaitMax)
	lo := w / 2
	return lo + rand.N(w-lo+1)
}

// sleep waits for d or until ctx is done, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// logAttempt records one attempt. Only the redacted Authorization header is
// logged, and error text is scrubbed of the token.
func (c *Client) logAttempt(ctx context.Context, method, fullURL string, attempt, maxAttempts int, r *attemptResult) {
	if c.logger == nil {
		return
	}
	headers := map[string]string{"Accept": "application/json", "User-Agent": c.userAgent}
	if c.token != "" {
		headers["Authorization"] = redactedAuthorization
	}
	fields := map[string]any{
		"method":          method,
		"url":             fullURL,
		"attempt":         attempt,
		"max_attempts":    maxAttempts,
		"duration_ms":     r.duration.Milliseconds(),
		"request_headers": headers,
	}
	if r.status != 0 {
		fields["status"] = r.status
		fields["response_bytes"] = len(r.body)
	}
	if r.err != nil {
		fields["error"] = c.scrub(r.err.Error())
	}
	c.logger.Debug(ctx, "SimPay API request", fields)
}
