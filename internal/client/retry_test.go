package client

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

func TestGETIsRetriedOnTransientStatuses(t *testing.T) {
	for _, status := range []int{429, 500, 502, 503, 504} {
		var hits atomic.Int32
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			if hits.Add(1) == 1 {
				writeJSON(w, status, `{"success":false,"errorCode":"TRY_AGAIN"}`)
				return
			}
			writeJSON(w, 200, ok(`{"id":"d151e4f9","name":"Test service","status":"service_active","created_at":"2021-11-08T18:19:16+01:00"}`))
		})
		c, logger := newTestClient(t, srv.URL, nil)
		s, err := c.GetPaymentService(t.Context(), "d151e4f9")
		if err != nil || s.ID != "d151e4f9" {
			t.Errorf("%d: got %+v, %v", status, s, err)
		}
		if hits.Load() != 2 {
			t.Errorf("%d: server saw %d requests, want 2", status, hits.Load())
		}
		warns := logger.warns()
		if len(warns) != 1 || warns[0].fields["reason"] != "HTTP "+strconv.Itoa(status) || warns[0].fields["attempt"] != 1 {
			t.Errorf("%d: retry log = %+v", status, warns)
		}
	}
}

func TestGETIsNotRetriedOnOtherClientErrors(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 422} {
		var hits atomic.Int32
		srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			writeJSON(w, status, `{"success":false,"errorCode":"NOPE"}`)
		})
		c, _ := newTestClient(t, srv.URL, nil)
		if _, err := c.GetPaymentService(t.Context(), "d151e4f9"); err == nil {
			t.Errorf("%d: no error", status)
		}
		if hits.Load() != 1 {
			t.Errorf("%d: %d requests, want 1", status, hits.Load())
		}
	}
}

func TestGETIsRetriedAfterADroppedConnection(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			dropConnection(t, w)
			return
		}
		writeJSON(w, 200, ok(`{"id":"d151e4f9"}`))
	})
	c, logger := newTestClient(t, srv.URL, nil)
	if _, err := c.GetPaymentService(t.Context(), "d151e4f9"); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 2 || logger.attempts() != 2 {
		t.Fatalf("server saw %d requests, client logged %d attempts; want 2 and 2", hits.Load(), logger.attempts())
	}
	if reason, _ := logger.warns()[0].fields["reason"].(string); !strings.HasPrefix(reason, "connection error") {
		t.Errorf("reason = %q", reason)
	}
}

func TestGETIsRetriedWhenTheBodyIsCutShort(t *testing.T) {
	var hits atomic.Int32
	full := ok(`{"id":"d151e4f9"}`)
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(full)))
		if hits.Add(1) == 1 {
			_, _ = io.WriteString(w, full[:10]) // the server closes: unexpected EOF
			return
		}
		_, _ = io.WriteString(w, full)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	s, err := c.GetPaymentService(t.Context(), "d151e4f9")
	if err != nil || s.ID != "d151e4f9" || hits.Load() != 2 {
		t.Fatalf("got %+v, %v after %d requests", s, err, hits.Load())
	}
}

func TestGETIsRetriedAfterAnAttemptTimeout(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
			return
		}
		writeJSON(w, 200, ok(`{"id":"d151e4f9"}`))
	})
	c, logger := newTestClient(t, srv.URL, func(cfg *Config) { cfg.RequestTimeout = 50 * time.Millisecond })
	if _, err := c.GetPaymentService(t.Context(), "d151e4f9"); err != nil {
		t.Fatal(err)
	}
	if reason := logger.warns()[0].fields["reason"]; reason != "attempt timed out after 50ms" {
		t.Errorf("reason = %v", reason)
	}
}

// The only test that really waits: Retry-After: 1 must hold the retry back a
// whole second even though the backoff would be a millisecond.
func TestRetryAfterSecondsIsHonoured(t *testing.T) {
	var hits atomic.Int32
	var times [2]time.Time
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		n := hits.Add(1)
		times[n-1] = time.Now()
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			writeJSON(w, 429, `{"success":false,"errorCode":"TOO_MANY_REQUESTS"}`)
			return
		}
		writeJSON(w, 200, ok(`{}`))
	})
	c, logger := newTestClient(t, srv.URL, func(cfg *Config) { cfg.RetryWaitMax = 5 * time.Second })
	if _, err := c.GetPaymentService(t.Context(), "d151e4f9"); err != nil {
		t.Fatal(err)
	}
	if gap := times[1].Sub(times[0]); gap < time.Second {
		t.Fatalf("retried after %s, Retry-After asked for 1s", gap)
	}
	if w := logger.warns()[0].fields["wait"]; w != "1s" {
		t.Errorf("logged wait %v", w)
	}
}

func TestRetryAfterHTTPDateIsHonouredAndCapped(t *testing.T) {
	now := time.Date(2025, 5, 10, 13, 4, 32, 0, time.UTC)
	h := http.Header{"Retry-After": {now.Add(90 * time.Second).Format(http.TimeFormat)}}
	if d, ok := retryAfter(h, now); !ok || d != 90*time.Second {
		t.Fatalf("HTTP date: %s, %v", d, ok)
	}
	if d, ok := retryAfter(http.Header{"Retry-After": {now.Add(-time.Hour).Format(http.TimeFormat)}}, now); !ok || d != 0 {
		t.Fatalf("past date: %s, %v", d, ok)
	}
	for _, bad := range []string{"", "soon", "-5"} {
		if _, ok := retryAfter(http.Header{"Retry-After": {bad}}, now); ok {
			t.Errorf("%q accepted", bad)
		}
	}
	if d, _ := retryAfter(http.Header{"Retry-After": {"99999999999999"}}, now); d != 24*time.Hour {
		t.Errorf("huge value not clamped: %s", d)
	}

	// End to end: a Retry-After within what the retries left may wait in
	// all is honoured, each wait cut to RetryWaitMax.
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			writeJSON(w, 503, `{"success":false}`)
			return
		}
		writeJSON(w, 200, ok(`{}`))
	})
	c, logger := newTestClient(t, srv.URL, func(cfg *Config) { cfg.RetryWaitMax = 300 * time.Millisecond })
	start := time.Now()
	if _, err := c.GetPaymentService(t.Context(), "d151e4f9"); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	warn := logger.warns()[0]
	if warn.fields["wait"] != "300ms" || elapsed < 300*time.Millisecond || elapsed > 2*time.Second {
		t.Errorf("Retry-After 1 with 4 retries of at most 300ms: waited %s, logged %v", elapsed, warn.fields["wait"])
	}
	if reason := warn.fields["reason"].(string); !strings.Contains(reason, "Retry-After") {
		t.Errorf("reason %q does not mention Retry-After", reason)
	}
}

// TestRetryAfterBeyondTheRetryBudgetFailsAtOnce: a Retry-After longer than
// all the retries left may wait fails at the first answer, with no retry,
// saying when SimPay takes requests again, instead of retrying into the
// same refusal for minutes.
func TestRetryAfterBeyondTheRetryBudgetFailsAtOnce(t *testing.T) {
	for name, value := range map[string]func() string{
		"seconds":   func() string { return "86400" },
		"HTTP date": func() string { return time.Now().Add(24 * time.Hour).UTC().Format(http.TimeFormat) },
	} {
		t.Run(name, func(t *testing.T) {
			var hits atomic.Int32
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				w.Header().Set("Retry-After", value())
				writeJSON(w, 429, `{"success":false,"errorCode":"TOO_MANY_REQUESTS","message":"Too Many Attempts."}`)
			})
			c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.RetryWaitMax = 30 * time.Second })
			start := time.Now()
			_, err := c.GetPaymentService(t.Context(), "d151e4f9")
			if err == nil {
				t.Fatal("no error")
			}
			if hits.Load() != 1 || time.Since(start) > 5*time.Second {
				t.Errorf("%d requests in %s, want 1 at once", hits.Load(), time.Since(start))
			}
			var ae *APIError
			if !errors.As(err, &ae) || ae.StatusCode != 429 {
				t.Errorf("err %v does not wrap the 429", err)
			}
			when := time.Now().Add(24 * time.Hour).UTC().Format("2006-01-02 15:04")
			for _, want := range []string{"SimPay asks to wait 24h", "longer than the 4 retries left may wait (at most 30s each)",
				"it takes requests again from " + when} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q\ndoes not say %q", err, want)
				}
			}
		})
	}
}

func TestBackoffGrowsWithJitterWithinBounds(t *testing.T) {
	c, _ := newTestClient(t, "https://api.simpay.pl/", func(cfg *Config) {
		cfg.RetryWaitMin = 100 * time.Millisecond
		cfg.RetryWaitMax = time.Second
	})
	for n, ms := range []int{100, 200, 400, 800, 1000, 1000} {
		want := time.Duration(ms) * time.Millisecond
		for range 50 {
			if d := c.backoff(n); d < want/2 || d > want {
				t.Fatalf("backoff(%d) = %s, want within [%s, %s]", n, d, want/2, want)
			}
		}
	}
}

func TestRetriesExhaustedReturnsTheLastError(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		n := hits.Add(1)
		writeJSON(w, 503, `{"success":false,"errorCode":"MAINTENANCE","message":"attempt `+strconv.Itoa(int(n))+`"}`)
	})
	c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = intPtr(2) })
	_, err := c.GetPaymentService(t.Context(), "d151e4f9")
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 503 || ae.Message != "attempt 3" {
		t.Fatalf("err = %v", err)
	}
	if hits.Load() != 3 || !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Fatalf("%d requests, err %q", hits.Load(), err)
	}

	// MaxRetries 0 means exactly one attempt.
	hits.Store(0)
	c, _ = newTestClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = intPtr(0) })
	if _, err := c.GetPaymentService(t.Context(), "d151e4f9"); err == nil || hits.Load() != 1 {
		t.Fatalf("MaxRetries 0: %d requests, %v", hits.Load(), err)
	}
}

func TestPOSTIsNotResentAfterA5xx(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		writeJSON(w, 502, `{"success":false,"errorCode":"BAD_GATEWAY"}`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.CreatePaymentTransaction(t.Context(), "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("10.00")})
	if !isOutcomeUnknown(err) || hits.Load() != 1 {
		t.Fatalf("%d requests, err %v", hits.Load(), err)
	}
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 502 {
		t.Fatalf("the 502 is not reachable through errors.As: %v", err)
	}
	if !strings.Contains(err.Error(), "may have been created on SimPay's side") {
		t.Errorf("message does not warn about a possible object: %q", err)
	}
}

func TestPOSTIsNotResentAfterTheConnectionDropsOnceTheRequestWasRead(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.ReadAll(r.Body)
		dropConnection(t, w)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.CreateRefund(t.Context(), "d151e4f9", "tx", decimal.MustParse("5.00"))
	if !isOutcomeUnknown(err) || hits.Load() != 1 {
		t.Fatalf("%d requests, err %v", hits.Load(), err)
	}
}

func TestPOSTIsNotResentAfterATimeout(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		// The server notices a closed connection only once the body is read.
		_, _ = io.ReadAll(r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	})
	c, _ := newTestClient(t, srv.URL, func(cfg *Config) { cfg.RequestTimeout = 50 * time.Millisecond })
	_, err := c.CreateDirectBillingTransaction(t.Context(), "d151e4f9", DirectBillingTransactionRequest{Amount: decimal.MustParse("19.99")})
	if !isOutcomeUnknown(err) || hits.Load() != 1 {
		t.Fatalf("%d requests, err %v", hits.Load(), err)
	}
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "50ms request timeout") {
		t.Errorf("err = %v", err)
	}
}

func TestPOSTIsNotResentWhenTheSuccessBodyIsUnreadable(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		writeJSON(w, 200, `<html>created?</html>`)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.CreatePaymentTransaction(t.Context(), "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("1")})
	if !isOutcomeUnknown(err) || hits.Load() != 1 {
		t.Fatalf("%d requests, err %v", hits.Load(), err)
	}
	// A success without an id is just as unknown: something may exist.
	srv2 := newServer(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, ok(`{}`)) })
	c2, _ := newTestClient(t, srv2.URL, nil)
	if _, err := c2.CreatePaymentTransaction(t.Context(), "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("1")}); !isOutcomeUnknown(err) {
		t.Fatalf("success without transactionId: %v", err)
	}
}

func TestPOSTIsResentAfter429(t *testing.T) {
	var hits atomic.Int32
	var bodies []string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		if hits.Add(1) == 1 {
			writeJSON(w, 429, `{"success":false,"errorCode":"TOO_MANY_REQUESTS"}`)
			return
		}
		writeJSON(w, 200, ok(`{"transactionId":"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f","redirectUrl":"https://pay.simpay.pl/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"}`))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	created, err := c.CreatePaymentTransaction(t.Context(), "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("10.00")})
	if err != nil || created.TransactionID != "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f" {
		t.Fatalf("got %+v, %v", created, err)
	}
	if hits.Load() != 2 || bodies[0] != `{"amount":10.00}` || bodies[1] != bodies[0] {
		t.Fatalf("%d requests with bodies %q", hits.Load(), bodies)
	}
}

func TestPOSTIsResentAfterADialError(t *testing.T) {
	var hits, dials atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		writeJSON(w, 200, ok(`{"refund_id":"019483a5-885e-70f7-9b5b-94387a6690da"}`))
	})
	transport := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if dials.Add(1) == 1 {
			return nil, errors.New("simulated: connection refused")
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
	t.Cleanup(transport.CloseIdleConnections)
	c, logger := newTestClient(t, srv.URL, func(cfg *Config) { cfg.HTTPClient = &http.Client{Transport: transport} })
	id, err := c.CreateRefund(t.Context(), "d151e4f9", "tx", decimal.Decimal{})
	if err != nil || id != "019483a5-885e-70f7-9b5b-94387a6690da" {
		t.Fatalf("got %q, %v", id, err)
	}
	if dials.Load() != 2 || hits.Load() != 1 || logger.attempts() != 2 {
		t.Fatalf("dials %d, requests %d, attempts %d", dials.Load(), hits.Load(), logger.attempts())
	}
}

func TestCancellingDuringABackoffReturnsAtOnce(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "30")
		writeJSON(w, 503, `{"success":false}`)
	})
	c, logger := newTestClient(t, srv.URL, func(cfg *Config) { cfg.RetryWaitMax = time.Minute })
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		_, err := c.GetPaymentService(ctx, "d151e4f9")
		done <- err
	}()
	// Cancel once the client is inside its 30s wait.
	deadline := time.Now().Add(5 * time.Second)
	for len(logger.warns()) == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	cancelled := time.Now()
	cancel()
	select {
	case err := <-done:
		if took := time.Since(cancelled); took > 100*time.Millisecond {
			t.Errorf("returned %s after cancel", took)
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want it to wrap context.Canceled", err)
		}
		var ae *APIError
		if !errors.As(err, &ae) || ae.StatusCode != 503 {
			t.Errorf("the last attempt's error is lost: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the call did not return after cancel")
	}
}

func TestCancellingAPOSTInFlightIsOutcomeUnknown(t *testing.T) {
	arrived := make(chan struct{})
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		close(arrived)
		<-r.Context().Done()
	})
	c, _ := newTestClient(t, srv.URL, nil)
	ctx, cancel := context.WithCancel(t.Context())
	go func() { <-arrived; cancel() }()
	_, err := c.CreatePaymentTransaction(ctx, "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("1")})
	if !isOutcomeUnknown(err) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}
