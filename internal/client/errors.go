package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNoToken is returned (wrapped) by every call made without an API token.
var ErrNoToken = errors.New("no SimPay API token configured: create one in SimPay's client panel (My Account > API keys) and configure it")

// ErrResponseTooLarge is returned (wrapped) when a response body exceeds
// Config.MaxBodyBytes.
var ErrResponseTooLarge = errors.New("response body too large")

// snippetRunes bounds APIError.Snippet: enough to recognise an HTML error page
// or a proxy message, short enough for a terminal line.
const snippetRunes = 200

// APIError is an answer from SimPay (or from something in front of it) that is
// not a success: a non-2xx status, a 2xx with "success": false, or a body that
// is not JSON. Its strings never contain the API token: anything the server
// echoed back is scrubbed before it is stored.
type APIError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// ErrorCode is SimPay's errorCode, e.g. VALIDATION_ERROR or
	// TRANSACTION_NOT_FOUND; empty when the body had none.
	ErrorCode string
	// Message is SimPay's message, if any.
	Message string
	// Errors holds field errors (422), keyed by the request field as SimPay sent
	// it, dotted for nested fields (e.g. "customer.email").
	Errors map[string][]string
	// Method and Path identify the call; Path is the API path without the base
	// URL (e.g. "/payment/abc/channels"), never with a secret.
	Method, Path string
	// Snippet is set when the body was not valid JSON: its first ~200
	// characters, valid UTF-8, with control characters and runs of white space
	// collapsed to one space.
	Snippet string
}

// Error renders e on one line, e.g.
// "SimPay API GET /payment/x/channels: 404 SERVICE_NOT_FOUND: Service not found".
func (e *APIError) Error() string {
	return fmt.Sprintf("SimPay API %s %s: %s", e.Method, e.Path, e.detail())
}

// detail is Error without the method and path, for wrappers that print them.
func (e *APIError) detail() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", e.StatusCode)
	if e.Snippet != "" || (e.ErrorCode == "" && e.Message == "" && len(e.Errors) == 0) {
		if e.Snippet != "" {
			fmt.Fprintf(&b, " response is not valid JSON: %q", e.Snippet)
		} else if text := http.StatusText(e.StatusCode); text != "" {
			fmt.Fprintf(&b, " %s", text)
		}
		return b.String()
	}
	if e.ErrorCode != "" {
		b.WriteString(" " + e.ErrorCode)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if len(e.Errors) > 0 {
		keys := make([]string, 0, len(e.Errors))
		for k := range e.Errors {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		sep := ": "
		if e.Message != "" {
			sep = "; "
		}
		for _, k := range keys {
			if k == "" {
				fmt.Fprintf(&b, "%s%s", sep, strings.Join(e.Errors[k], " "))
			} else {
				fmt.Fprintf(&b, "%s%s: %s", sep, k, strings.Join(e.Errors[k], " "))
			}
			sep = "; "
		}
	}
	return b.String()
}

// OutcomeUnknownError is returned for a request that changes something (a
// POST) when it may have reached SimPay but no definite answer came back: a
// timeout or a dropped connection after the request was sent, a 5xx, or a
// success body that could not be read. The object may exist on SimPay's side,
// and SimPay has no idempotency key, so the client never re-sends it: the
// caller should look the object up (or import it) before trying again.
type OutcomeUnknownError struct {
	Method, Path string
	// Err is what went wrong; an *APIError for a 5xx.
	Err error
}

// Error says what failed and that the object may have been created.
func (e *OutcomeUnknownError) Error() string {
	cause := ""
	if e.Err != nil {
		// The cause usually names the same call; say it once.
		cause = strings.TrimPrefix(e.Err.Error(), fmt.Sprintf("SimPay API %s %s: ", e.Method, e.Path))
	}
	return fmt.Sprintf("SimPay API %s %s: %s; outcome unknown: the request may have reached SimPay, so the object may have been created on SimPay's side; it was not re-sent, to avoid creating it twice; look it up in SimPay before retrying", e.Method, e.Path, cause)
}

// Unwrap returns the underlying error.
func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// ErrorKind says what an error returned by the client means for whoever
// called it, so that callers need not know SimPay's status codes, its error
// codes or Go's network error types. KindOf tells it.
type ErrorKind int

// The kinds of error, in the order KindOf tries them.
const (
	// KindNone is the kind of a nil error.
	KindNone ErrorKind = iota
	// KindNoToken: the call was not made, because no API token is configured.
	KindNoToken
	// KindOutcomeUnknown: a request that creates something may have reached
	// SimPay and no definite answer came back; it was not re-sent (see
	// OutcomeUnknownError). It wins over every other kind, because the
	// object may exist whatever the cause.
	KindOutcomeUnknown
	// KindCanceled: the caller's context was cancelled (Ctrl-C in Terraform).
	KindCanceled
	// KindUnauthorized: SimPay refused the token (401): missing, wrong or revoked.
	KindUnauthorized
	// KindIPNotAllowed: the token may be used only from whitelisted IP
	// addresses, and this machine's is not one (403 IP_ADDRESS_NOT_WHITELISTED).
	KindIPNotAllowed
	// KindMissingAbility: the token lacks the ability the call needs (any
	// other 403); MissingAbility names it when SimPay does.
	KindMissingAbility
	// KindRateLimited: SimPay kept answering 429 beyond the retries.
	KindRateLimited
	// KindServerError: SimPay (or a proxy in front of it) answered 5xx,
	// beyond the retries for a read.
	KindServerError
	// KindRefused: a 2xx whose JSON body says "success": false, SimPay's own
	// definite refusal.
	KindRefused
	// KindWrongBaseURL: the answer says the URL is not an API route (404
	// ROUTE_NOT_FOUND, or a 404 page that is not JSON): the base URL is
	// wrong, not the object gone.
	KindWrongBaseURL
	// KindUnexpectedAnswer: a body that is not JSON, or a response larger
	// than any SimPay sends: not what SimPay's API answers.
	KindUnexpectedAnswer
	// KindServiceNotFound: SimPay has no such service for this token (404
	// SERVICE_NOT_FOUND). A token of another account sees no service at
	// all, so this does not say that an object below the service is gone.
	KindServiceNotFound
	// KindObjectNotFound: SimPay says the object named in the path does not
	// exist (any other 404 with SimPay's JSON error body).
	KindObjectNotFound
	// KindValidation: SimPay refused the request's fields (422); FieldErrors
	// has them by request field.
	KindValidation
	// KindConflict: the request conflicts with the object's state (409, e.g.
	// refunding a transaction that is not paid).
	KindConflict
	// KindBadRequest: SimPay refused the request as it stands (400, e.g. a
	// refund larger than what remains).
	KindBadRequest
	// KindTimeout: no answer came in time, retries included.
	KindTimeout
	// KindConnectionFailed: the connection could not be made or broke before
	// a complete answer, retries included.
	KindConnectionFailed
	// KindOther is every other error: another status, a certificate that
	// does not verify, a JSON answer of an unexpected shape.
	KindOther
)

var kindNames = [...]string{
	KindNone: "none", KindNoToken: "no token", KindOutcomeUnknown: "outcome unknown", KindCanceled: "canceled",
	KindUnauthorized: "unauthorized", KindIPNotAllowed: "IP not allowed", KindMissingAbility: "missing ability",
	KindRateLimited: "rate limited", KindServerError: "server error", KindRefused: "refused",
	KindWrongBaseURL: "wrong base URL", KindUnexpectedAnswer: "unexpected answer",
	KindServiceNotFound: "service not found", KindObjectNotFound: "object not found", KindValidation: "validation",
	KindConflict: "conflict", KindBadRequest: "bad request", KindTimeout: "timeout",
	KindConnectionFailed: "connection failed", KindOther: "other",
}

// String names the kind, for logs and test failures.
func (k ErrorKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("ErrorKind(%d)", int(k))
}

// NotFound reports whether SimPay said that what the path names, the service
// or an object below it, does not exist.
func (k ErrorKind) NotFound() bool { return k == KindServiceNotFound || k == KindObjectNotFound }

// KindOf says what err means. A wrapped error counts as what it wraps, so
// the context a caller adds with fmt.Errorf("...: %w", err) changes nothing.
func KindOf(err error) ErrorKind {
	if err == nil {
		return KindNone
	}
	if errors.Is(err, ErrNoToken) {
		return KindNoToken
	}
	var unknown *OutcomeUnknownError
	if errors.As(err, &unknown) {
		return KindOutcomeUnknown
	}
	if errors.Is(err, context.Canceled) {
		return KindCanceled
	}
	var e *APIError
	if errors.As(err, &e) {
		return e.kind()
	}
	if errors.Is(err, ErrResponseTooLarge) {
		return KindUnexpectedAnswer
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return KindTimeout
	}
	var (
		opErr  *net.OpError
		dnsErr *net.DNSError
	)
	if errors.As(err, &opErr) || errors.As(err, &dnsErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return KindConnectionFailed
	}
	return KindOther
}

// kind classifies an answer. The statuses that say something about the
// token or the server come first, whatever the body, then what the body
// says.
func (e *APIError) kind() ErrorKind {
	ok2xx := e.StatusCode >= 200 && e.StatusCode <= 299
	switch {
	case e.StatusCode == http.StatusUnauthorized:
		return KindUnauthorized
	case e.StatusCode == http.StatusForbidden && e.ErrorCode == "IP_ADDRESS_NOT_WHITELISTED":
		return KindIPNotAllowed
	case e.StatusCode == http.StatusForbidden:
		return KindMissingAbility
	case e.StatusCode == http.StatusTooManyRequests:
		return KindRateLimited
	case e.StatusCode >= 500:
		return KindServerError
	case ok2xx && e.Snippet == "":
		return KindRefused
	case e.ErrorCode == "ROUTE_NOT_FOUND", e.StatusCode == http.StatusNotFound && e.Snippet != "":
		return KindWrongBaseURL
	case e.Snippet != "":
		return KindUnexpectedAnswer
	case e.StatusCode == http.StatusNotFound && e.ErrorCode == "SERVICE_NOT_FOUND":
		return KindServiceNotFound
	case e.StatusCode == http.StatusNotFound:
		return KindObjectNotFound
	case e.StatusCode == http.StatusUnprocessableEntity:
		return KindValidation
	case e.StatusCode == http.StatusConflict:
		return KindConflict
	case e.StatusCode == http.StatusBadRequest:
		return KindBadRequest
	}
	return KindOther
}

// abilityPattern finds an ability name such as payment.transactions.create
// in SimPay's 403 message.
var abilityPattern = regexp.MustCompile(`\b[a-z_]+(?:\.[a-z_]+){1,3}\b`)

// MissingAbility returns the ability a 403 says the token lacks, when
// SimPay's message names one ("... the required ability:
// payment.transactions.create"), or "".
func MissingAbility(err error) string {
	var e *APIError
	if KindOf(err) != KindMissingAbility || !errors.As(err, &e) {
		return ""
	}
	return abilityPattern.FindString(e.Message)
}

// FieldErrors returns the field errors of a 422 (see APIError.Errors), or nil.
func FieldErrors(err error) map[string][]string {
	var e *APIError
	if KindOf(err) != KindValidation || !errors.As(err, &e) {
		return nil
	}
	return e.Errors
}

// scrub removes the token from s. Servers and proxies sometimes echo request
// headers into error pages, and whatever lands in an error ends up in a
// terminal or a CI log.
func (c *Client) scrub(s string) string {
	if c.token == "" {
		return s
	}
	return strings.ReplaceAll(s, c.token, "[REDACTED]")
}

// snippet returns a short, printable, token-free excerpt of a body.
func (c *Client) snippet(body []byte) string {
	// Scrub before cutting: a token that starts inside the excerpt lies wholly
	// within this window, so cutting can never leave a piece of it behind.
	window := snippetRunes*utf8.UTFMax + len(c.token)
	if len(body) > window {
		body = body[:window]
	}
	s := c.scrub(strings.ToValidUTF8(string(body), "\uFFFD"))
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		if n >= snippetRunes {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
