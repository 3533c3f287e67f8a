package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

func TestTypedErrorsForSimPayStatuses(t *testing.T) {
	cases := []struct {
		status    int
		body      string
		code, msg string
		kind      ErrorKind
		text      string
	}{
		{401, `{"success":false,"errorCode":"UNAUTHORIZED"}`, "UNAUTHORIZED", "", KindUnauthorized,
			"SimPay API GET /payment/d151e4f9: 401 UNAUTHORIZED"},
		{403, `{"success":false,"errorCode":"IP_ADDRESS_NOT_WHITELISTED","message":"IP not allowed"}`, "IP_ADDRESS_NOT_WHITELISTED", "IP not allowed", KindIPNotAllowed,
			"SimPay API GET /payment/d151e4f9: 403 IP_ADDRESS_NOT_WHITELISTED: IP not allowed"},
		{404, `{"success":false,"errorCode":"SERVICE_NOT_FOUND","message":"Service not found"}`, "SERVICE_NOT_FOUND", "Service not found", KindServiceNotFound,
			"SimPay API GET /payment/d151e4f9: 404 SERVICE_NOT_FOUND: Service not found"},
		{409, `{"success":false,"errorCode":"TRANSACTION_NOT_PAID"}`, "TRANSACTION_NOT_PAID", "", KindConflict,
			"SimPay API GET /payment/d151e4f9: 409 TRANSACTION_NOT_PAID"},
		{400, `{"success":false,"errorCode":"WALLET_BALANCE_TOO_LOW","message":"Not enough funds"}`, "WALLET_BALANCE_TOO_LOW", "Not enough funds", KindBadRequest,
			"SimPay API GET /payment/d151e4f9: 400 WALLET_BALANCE_TOO_LOW: Not enough funds"},
	}
	for _, tc := range cases {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, tc.status, tc.body) })
		c, _ := newTestClient(t, srv.URL, nil)
		_, err := c.GetPaymentService(t.Context(), "d151e4f9")
		var ae *APIError
		if !errors.As(err, &ae) {
			t.Fatalf("%d: err = %v, want *APIError", tc.status, err)
		}
		if ae.StatusCode != tc.status || ae.ErrorCode != tc.code || ae.Message != tc.msg || ae.Method != "GET" || ae.Path != "/payment/d151e4f9" || ae.Snippet != "" {
			t.Errorf("%d: got %+v", tc.status, ae)
		}
		if got := KindOf(err); got != tc.kind {
			t.Errorf("%d: KindOf = %s, want %s", tc.status, got, tc.kind)
		}
		if ae.Error() != tc.text {
			t.Errorf("%d: Error() = %q, want %q", tc.status, ae.Error(), tc.text)
		}
		if !strings.HasPrefix(err.Error(), "reading payment service d151e4f9: ") {
			t.Errorf("%d: no call context in %q", tc.status, err)
		}
	}
}

func TestValidationErrorKeepsDottedFieldKeys(t *testing.T) {
	var posted []byte
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		posted, _ = io.ReadAll(r.Body)
		writeJSON(w, 422, `{"success":false,"errorCode":"VALIDATION_ERROR","message":"The given data was invalid.","errors":{"customer.email":["The customer.email must be a valid email address."],"amount":["The amount must be at least 1.","The amount field is required."],"cart.0.name":"too short"}}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.CreatePaymentTransaction(t.Context(), "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("0.5"), Customer: &CustomerInput{Email: "nope"}})
	if KindOf(err) != KindValidation || isOutcomeUnknown(err) {
		t.Fatalf("err = %v, want a validation error with a definite outcome", err)
	}
	var ae *APIError
	errors.As(err, &ae)
	want := map[string][]string{
		"customer.email": {"The customer.email must be a valid email address."},
		"amount":         {"The amount must be at least 1.", "The amount field is required."},
		"cart.0.name":    {"too short"}, // a bare string instead of a list is tolerated
	}
	if !reflect.DeepEqual(ae.Errors, want) {
		t.Errorf("Errors = %#v", ae.Errors)
	}
	wantText := "SimPay API POST /payment/d151e4f9/transactions: 422 VALIDATION_ERROR: The given data was invalid.; amount: The amount must be at least 1. The amount field is required.; cart.0.name: too short; customer.email: The customer.email must be a valid email address."
	if ae.Error() != wantText {
		t.Errorf("Error() = %q", ae.Error())
	}
	if string(posted) != `{"amount":0.5,"customer":{"email":"nope"}}` {
		t.Errorf("posted %s", posted)
	}
}

func TestSuccessFalseInA200IsAnAPIError(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"success":false,"errorCode":"TRANSACTION_NOT_FOUND","message":"Transaction not found","data":"ignored"}`)
	})
	c, logger := newTestClient(t, srv.URL, nil)
	_, err := c.GetPaymentTransaction(t.Context(), "d151e4f9", "tx")
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 200 || ae.ErrorCode != "TRANSACTION_NOT_FOUND" || ae.Message != "Transaction not found" {
		t.Fatalf("err = %#v", err)
	}
	if logger.attempts() != 1 {
		t.Errorf("success:false was retried (%d attempts)", logger.attempts())
	}
}

func TestNotFoundHelperIgnoresWrongURLs(t *testing.T) {
	for _, tc := range []struct{ body, contentType string }{
		{`{"success":false,"errorCode":"ROUTE_NOT_FOUND"}`, "application/json"},
		{"<html><body>404 Not Found</body></html>", "text/html"},
	} {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", tc.contentType)
			w.WriteHeader(404)
			_, _ = io.WriteString(w, tc.body)
		})
		c, _ := newTestClient(t, srv.URL, nil)
		_, err := c.GetPaymentService(t.Context(), "d151e4f9")
		if err == nil || KindOf(err).NotFound() {
			t.Errorf("body %q: KindOf(%v).NotFound() = true; a wrong base URL must not look like a deleted object", tc.body, err)
		}
	}
}

func TestNonJSONBodyGivesShortCleanSnippet(t *testing.T) {
	body := "<html>\r\n\t<head><title>502 Bad\x00 Gateway</title></head>\n\n<body>\xff\xfe caf\xc3\xa9 " + strings.Repeat("x", 5000) + "</body></html>"
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(200)
		_, _ = io.WriteString(w, body)
	})
	c, logger := newTestClient(t, srv.URL, nil)
	_, err := c.ListPaymentServices(t.Context(), ListOptions{})
	var ae *APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v", err)
	}
	if logger.attempts() != 1 {
		t.Errorf("a whole but non-JSON 200 was retried (%d attempts)", logger.attempts())
	}
	s := ae.Snippet
	if !strings.HasPrefix(s, "<html> <head><title>502 Bad Gateway</title></head> <body>\uFFFD café xxx") {
		t.Errorf("snippet = %q", s)
	}
	if n := utf8.RuneCountInString(s); n > snippetRunes+1 || !utf8.ValidString(s) || !strings.HasSuffix(s, "…") {
		t.Errorf("snippet is %d runes, valid UTF-8 %v: %q", n, utf8.ValidString(s), s)
	}
	for _, r := range s {
		if r < 0x20 {
			t.Fatalf("control character %U in snippet %q", r, s)
		}
	}
	if !strings.HasPrefix(ae.Error(), `SimPay API GET /payment: 200 response is not valid JSON: "<html> <head>`) {
		t.Errorf("Error() = %q", ae.Error())
	}
}

func TestTruncatedJSONReadWholeIsReportedNotRetried(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"success":true,"data":[{"id":"d1`) })
	c, logger := newTestClient(t, srv.URL, nil)
	_, err := c.ListPaymentServices(t.Context(), ListOptions{})
	var ae *APIError
	if !errors.As(err, &ae) || ae.Snippet != `{"success":true,"data":[{"id":"d1` {
		t.Fatalf("err = %v", err)
	}
	if logger.attempts() != 1 {
		t.Errorf("%d attempts, want 1", logger.attempts())
	}
}

func TestJSONWithoutEnvelopeIsAnError(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"id":"d151e4f9"}`) })
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.GetPaymentService(t.Context(), "d151e4f9")
	if err == nil || !strings.Contains(err.Error(), `without SimPay's "success" field`) {
		t.Fatalf("err = %v", err)
	}
}

func TestResponseBodyCap(t *testing.T) {
	for _, withLength := range []bool{true, false} {
		var hits atomic.Int32
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			big := `{"success":true,"data":"` + strings.Repeat("a", 4096) + `"}`
			if withLength {
				w.Header().Set("Content-Length", strconv.Itoa(len(big)))
			}
			w.WriteHeader(200)
			for i := 0; i < len(big); i += 100 {
				_, _ = io.WriteString(w, big[i:min(i+100, len(big))])
				if f, ok := w.(http.Flusher); ok && !withLength {
					f.Flush() // chunked: the client cannot know the size up front
				}
			}
		})
		c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.MaxBodyBytes = 1024 })
		_, err := c.GetPaymentService(t.Context(), "d151e4f9")
		if !errors.Is(err, ErrResponseTooLarge) || !strings.Contains(err.Error(), "1024-byte limit (MaxBodyBytes)") {
			t.Errorf("Content-Length %v: err = %v", withLength, err)
		}
		if hits.Load() != 1 {
			t.Errorf("Content-Length %v: an oversized body was retried", withLength)
		}
	}
}

// endless never stops producing bytes: readBody must stop at the cap on its own.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestReadBodyNeverAllocatesFarBeyondTheCap(t *testing.T) {
	const limit = 1 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := readBody(endless{}, -1, limit)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrResponseTooLarge) {
		t.Fatalf("err = %v", err)
	}
	// Doubling from 64 KiB up to limit+1 allocates a little under 2*limit.
	if got := after.TotalAlloc - before.TotalAlloc; got > 3*limit {
		t.Fatalf("allocated %d bytes for a %d-byte cap", got, limit)
	}
	b, err := readBody(strings.NewReader("exact"), 5, 5)
	if err != nil || string(b) != "exact" || cap(b) > 6 {
		t.Fatalf("exact-size body: %q (cap %d), %v", b, cap(b), err)
	}
}

func TestSuccessWithoutDataIsAnErrorForObjectsButNotForLists(t *testing.T) {
	for _, body := range []string{`{"success":true}`, `{"success":true,"data":null}`} {
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, body) })
		c, _ := newTestClient(t, srv.URL, nil)
		if s, err := c.GetPaymentService(t.Context(), "d151e4f9"); err == nil || !strings.Contains(err.Error(), `has no "data"`) {
			t.Errorf("%s: got %+v, %v; an absent object must not read as an empty one", body, s, err)
		}
		if _, err := c.CheckSMSCode(t.Context(), "d151e4f9", "ABC1D6", 0); !isOutcomeUnknown(err) {
			t.Errorf("%s: POST without data: %v", body, err)
		}
		if items, err := c.ListPaymentChannels(t.Context(), "d151e4f9"); err != nil || len(items) != 0 {
			t.Errorf("%s: list: %v, %v", body, items, err)
		}
	}
}

// TestKindOf checks the classification callers rely on, answer by answer,
// through real calls: every kind that an answer or a transport failure can
// give, and the ones that only a caller's context or configuration gives.
func TestKindOf(t *testing.T) {
	t.Parallel()
	answer := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		}
	}
	envelope := func(code, message string) string {
		return `{"success":false,"errorCode":"` + code + `","message":"` + message + `"}`
	}
	cases := []struct {
		name    string
		handler http.HandlerFunc
		create  bool // a POST rather than a GET
		mod     func(*Config)
		want    ErrorKind
	}{
		{name: "401", handler: answer(401, envelope("UNAUTHORIZED", "")), want: KindUnauthorized},
		{name: "401 as an HTML page", handler: answer(401, "<html>401</html>"), want: KindUnauthorized},
		{name: "403 IP not whitelisted", handler: answer(403, envelope("IP_ADDRESS_NOT_WHITELISTED", "IP not allowed")), want: KindIPNotAllowed},
		{name: "403 missing ability", handler: answer(403, envelope("INVALID_ABILITY_PROVIDED", "The provided token does not have the required ability: payment.service")), want: KindMissingAbility},
		{name: "429 beyond the retries", handler: answer(429, envelope("TOO_MANY_REQUESTS", "")), want: KindRateLimited},
		{name: "500 beyond the retries", handler: answer(500, envelope("INTERNAL_SERVER_ERROR", "")), want: KindServerError},
		{name: "502 proxy page", handler: answer(502, "<html><h1>502 Bad Gateway</h1></html>"), want: KindServerError},
		{name: "200 success false", handler: answer(200, envelope("INTERNAL_SERVER_ERROR", "Something went wrong")), want: KindRefused},
		{name: "404 route not found", handler: answer(404, envelope("ROUTE_NOT_FOUND", "")), want: KindWrongBaseURL},
		{name: "404 page that is not JSON", handler: answer(404, "<html>Not Found</html>"), want: KindWrongBaseURL},
		{name: "200 body that is not JSON", handler: answer(200, "<html>hello</html>"), want: KindUnexpectedAnswer},
		{name: "400 body that is not JSON", handler: answer(400, "Bad Request"), want: KindUnexpectedAnswer},
		{name: "404 service not found", handler: answer(404, envelope("SERVICE_NOT_FOUND", "Service not found")), want: KindServiceNotFound},
		{name: "404 transaction not found", handler: answer(404, envelope("TRANSACTION_NOT_FOUND", "")), want: KindObjectNotFound},
		{name: "422", handler: answer(422, `{"success":false,"errorCode":"VALIDATION_ERROR","errors":{"amount":["too small"]}}`), want: KindValidation},
		{name: "409", handler: answer(409, envelope("TRANSACTION_NOT_PAID", "")), want: KindConflict},
		{name: "400", handler: answer(400, envelope("REFUND_AMOUNT_EXCEEDED", "")), want: KindBadRequest},
		{name: "405", handler: answer(405, envelope("METHOD_NOT_ALLOWED", "")), want: KindOther},
		{name: "body larger than the cap", handler: answer(200, ok(`"`+strings.Repeat("x", 4096)+`"`)),
			mod: func(c *Config) { c.MaxBodyBytes = 1024 }, want: KindUnexpectedAnswer},
		{name: "dropped connection", handler: func(w http.ResponseWriter, r *http.Request) { dropConnection(t, w) }, want: KindConnectionFailed},
		{name: "slower than the request timeout", handler: func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, mod: func(c *Config) { c.RequestTimeout = 50 * time.Millisecond }, want: KindTimeout},
		{name: "create answered 500", create: true, handler: answer(500, envelope("INTERNAL_SERVER_ERROR", "")), want: KindOutcomeUnknown},
		{name: "create whose connection dropped", create: true, handler: func(w http.ResponseWriter, r *http.Request) { dropConnection(t, w) }, want: KindOutcomeUnknown},
		{name: "create refused with 422", create: true, handler: answer(422, `{"success":false,"errorCode":"VALIDATION_ERROR","errors":{"amount":["too small"]}}`), want: KindValidation},
		{name: "no token", handler: answer(200, ok(`{}`)), mod: func(c *Config) { c.Token = "" }, want: KindNoToken},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, tc.handler)
			c, _ := newTestClient(t, srv.URL, func(cfg *Config) {
				cfg.MaxRetries = intPtr(1)
				if tc.mod != nil {
					tc.mod(cfg)
				}
			})
			var err error
			if tc.create {
				_, err = c.CreatePaymentTransaction(t.Context(), "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("10")})
			} else {
				_, err = c.GetPaymentService(t.Context(), "d151e4f9")
			}
			if got := KindOf(err); got != tc.want {
				t.Errorf("KindOf(%v) = %s, want %s", err, got, tc.want)
			}
		})
	}

	t.Run("connection refused", func(t *testing.T) {
		t.Parallel()
		srv := httptest.NewServer(http.NotFoundHandler())
		url := srv.URL
		srv.Close()
		c, _ := newTestClient(t, url, func(cfg *Config) { cfg.MaxRetries = intPtr(0) })
		_, err := c.GetPaymentService(t.Context(), "d151e4f9")
		if got := KindOf(err); got != KindConnectionFailed {
			t.Errorf("KindOf(%v) = %s, want %s", err, got, KindConnectionFailed)
		}
	})
	t.Run("canceled by the caller", func(t *testing.T) {
		t.Parallel()
		srv := newServer(t, answer(200, ok(`{}`)))
		c, _ := newTestClient(t, srv.URL, nil)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		_, err := c.GetPaymentService(ctx, "d151e4f9")
		if got := KindOf(err); got != KindCanceled {
			t.Errorf("KindOf(%v) = %s, want %s", err, got, KindCanceled)
		}
	})
	t.Run("wrapped by a caller", func(t *testing.T) {
		t.Parallel()
		err := fmt.Errorf("reading refunds: %w", &APIError{StatusCode: 404, ErrorCode: "SERVICE_NOT_FOUND"})
		if got := KindOf(err); got != KindServiceNotFound || !got.NotFound() {
			t.Errorf("KindOf(%v) = %s, want %s", err, got, KindServiceNotFound)
		}
		if KindOf(nil) != KindNone || KindOf(errors.New("something else")) != KindOther {
			t.Error("nil or a plain error misclassified")
		}
	})
}

func TestMissingAbilityAndFieldErrors(t *testing.T) {
	t.Parallel()
	forbidden := &APIError{StatusCode: 403, ErrorCode: "INVALID_ABILITY_PROVIDED",
		Message: "The provided token does not have the required ability: payment.transactions.create"}
	if got := MissingAbility(fmt.Errorf("creating: %w", forbidden)); got != "payment.transactions.create" {
		t.Errorf("MissingAbility = %q", got)
	}
	if got := MissingAbility(&APIError{StatusCode: 403, Message: "Forbidden."}); got != "" {
		t.Errorf("MissingAbility of a message naming none = %q", got)
	}
	if got := MissingAbility(&APIError{StatusCode: 403, ErrorCode: "IP_ADDRESS_NOT_WHITELISTED", Message: "see docs.simpay.pl"}); got != "" {
		t.Errorf("MissingAbility of an IP refusal = %q", got)
	}
	invalid := &APIError{StatusCode: 422, Errors: map[string][]string{"customer.email": {"invalid"}}}
	if got := FieldErrors(fmt.Errorf("creating: %w", invalid)); !reflect.DeepEqual(got, invalid.Errors) {
		t.Errorf("FieldErrors = %v", got)
	}
	if got := FieldErrors(&APIError{StatusCode: 400, Errors: map[string][]string{"amount": {"x"}}}); got != nil {
		t.Errorf("FieldErrors of a 400 = %v", got)
	}
}

// TestClientReadsMeaningNotMockCodes: the client reads an answer's meaning
// from its HTTP status and SimPay's documented codes, never from the codes
// only the mock sends (REFUND_NOT_FOUND, NUMBER_NOT_FOUND, CODE_NOT_FOUND,
// PREVIOUS_REFUND_PENDING, REFUND_AMOUNT_EXCEEDED): SimPay's answer with an
// unknown code, or none, means the same.
func TestClientReadsMeaningNotMockCodes(t *testing.T) {
	for _, c := range []struct {
		status   int
		mockCode string
		want     ErrorKind
	}{
		{http.StatusNotFound, "REFUND_NOT_FOUND", KindObjectNotFound},
		{http.StatusNotFound, "NUMBER_NOT_FOUND", KindObjectNotFound},
		{http.StatusNotFound, "CODE_NOT_FOUND", KindObjectNotFound},
		{http.StatusConflict, "PREVIOUS_REFUND_PENDING", KindConflict},
		{http.StatusBadRequest, "REFUND_AMOUNT_EXCEEDED", KindBadRequest},
	} {
		for _, code := range []string{c.mockCode, "", "SOME_CODE_SIMPAY_MIGHT_USE"} {
			err := &APIError{StatusCode: c.status, ErrorCode: code, Message: "x"}
			if got := KindOf(err); got != c.want {
				t.Errorf("%d %q: KindOf = %v, want %v", c.status, code, got, c.want)
			}
			if c.status == http.StatusNotFound && !KindOf(err).NotFound() {
				t.Errorf("%d %q: KindOf(err).NotFound() = false", c.status, code)
			}
		}
	}
	// A 409 without the mock's code still reads as a conflict a caller
	// explains (both causes when nothing tells which).
	if got := RefundConflictOf(&APIError{StatusCode: http.StatusConflict, ErrorCode: "", Message: "Conflict."}); got != RefundConflictUnknown {
		t.Errorf("409 without a code: RefundConflictOf = %v, want RefundConflictUnknown", got)
	}
	if got := RefundConflictOf(&APIError{StatusCode: http.StatusConflict, ErrorCode: ErrorCodeTransactionNotPaid}); got != RefundConflictNotPaid {
		t.Errorf("409 TRANSACTION_NOT_PAID: RefundConflictOf = %v", got)
	}
}
