package client

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// TestCancellingA429RetryAfterWait does what
// TestCancellingDuringABackoffReturnsAtOnce (retry_test.go) does to a GET
// waiting out a 503's Retry-After, against the mock's 429 fault with
// Retry-After: 30, as Ctrl-C does in Terraform, for a read and for a
// create: each returns within a second with context.Canceled, sends nothing
// more, and the create, refused by the 429 before SimPay acted, is a
// definite failure (not "outcome unknown") with nothing created.
func TestCancellingA429RetryAfterWait(t *testing.T) {
	for _, tc := range []struct {
		name   string
		method string
		path   string
		call   func(context.Context, *Client) error
	}{
		{"read", "GET", "/payment/*/transactions/*", func(ctx context.Context, c *Client) error {
			_, err := c.GetPaymentTransaction(ctx, "d151e4f9", "528bd43f-d08a-43f5-9462-861e54db37bf")
			return err
		}},
		{"create", "POST", "/payment/*/transactions", func(ctx context.Context, c *Client) error {
			_, err := c.CreatePaymentTransaction(ctx, "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("10"), Currency: "PLN"})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mock := simpaymock.New(simpaymock.Options{})
			srv := httptest.NewServer(mock)
			t.Cleanup(srv.Close)
			mock.AddFault(simpaymock.Fault{Method: tc.method, Path: tc.path, Kind: simpaymock.FaultStatus, Status: 429, RetryAfter: "30"})
			// The provider's defaults: Retry-After is honoured up to 30s.
			c, logger := newTestClient(t, srv.URL, func(cfg *Config) {
				cfg.Token = simpaymock.DefaultToken
				cfg.RetryWaitMin, cfg.RetryWaitMax = 0, 0
			})
			ctx, cancel := context.WithCancel(t.Context())
			done := make(chan error, 1)
			go func() { done <- tc.call(ctx, c) }()
			deadline := time.Now().Add(10 * time.Second)
			for len(logger.warns()) == 0 && time.Now().Before(deadline) {
				time.Sleep(time.Millisecond)
			}
			if w := logger.warns(); len(w) != 1 || w[0].fields["wait"] != "30s" {
				t.Fatalf("want the client waiting 30s after the 429, got %+v", w)
			}
			cancelled := time.Now()
			cancel()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("the call did not return after cancel")
			}
			took := time.Since(cancelled)
			t.Logf("%s returned %s after cancel", tc.name, took)
			if took > time.Second {
				t.Errorf("returned %s after cancel, want under 1s", took)
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want it to wrap context.Canceled", err)
			}
			if statusOf(err) != http.StatusTooManyRequests || isOutcomeUnknown(err) {
				t.Errorf("err = %v, want the 429 kept as the last attempt and no unknown outcome", err)
			}
			if n := mock.CountRequests(tc.method, tc.path); n != 1 {
				t.Errorf("%d requests, want 1: nothing is sent after the cancel", n)
			}
			if n := mock.PaymentTransactionsCreated(); n != 0 {
				t.Errorf("%d transactions created, want 0", n)
			}
		})
	}
}
