package client

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

func TestValidateBaseURLAcceptsHTTPSAndLoopbackHTTP(t *testing.T) {
	for _, u := range []string{
		"https://api.simpay.pl/",
		"https://docs.simpay.pl/_mock/en/apis/",
		"https://docs.simpay.pl/_mock/en/apis",
		"http://localhost:8080/",
		"http://LOCALHOST/",
		"http://127.0.0.1:9999",
		"http://127.8.9.10/prefix/",
		"http://[::1]:8080/",
	} {
		if err := ValidateBaseURL(u); err != nil {
			t.Errorf("ValidateBaseURL(%q) = %v, want nil", u, err)
		}
	}
}

func TestValidateBaseURLRefusesPlainHTTPForNonLoopback(t *testing.T) {
	err := ValidateBaseURL("http://api.example.com/")
	want := `base URL "http://api.example.com/" uses plain http: SimPay requires https; plain http is allowed only for a loopback host (127.0.0.1, ::1, localhost) such as a local mock server`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
	// New must refuse it the same way, before any request.
	if _, err := New(Config{BaseURL: "http://10.0.0.1/", Token: "x"}); err == nil || !strings.Contains(err.Error(), "plain http") {
		t.Fatalf("New accepted a non-loopback http base URL: %v", err)
	}
}

func TestValidateBaseURLRejectsOtherMistakes(t *testing.T) {
	cases := map[string]string{
		"":                                 "empty",
		"api.simpay.pl":                    `has no scheme: write it with https://, as in "https://api.simpay.pl"`,
		"127.0.0.1:8089":                   `has no scheme: write it with http:// for a local mock, as in "http://127.0.0.1:8089"`,
		"[::1]:8089/x":                     `write it with http:// for a local mock, as in "http://[::1]:8089/x"`,
		"simpay":                           "not absolute: it has no scheme and no host name",
		"ftp://api.simpay.pl/":             `scheme "ftp"`,
		"https://api.simpay.pl/?x=1":       "query or fragment",
		"https://api.simpay.pl/#top":       "query or fragment",
		"https://user:hunter2@simpay.pl/":  "contains credentials",
		"https://api.simpay.pl/%zz":        "not a valid URL",
		"http://localhost.example.com/api": "plain http",
	}
	for in, want := range cases {
		err := ValidateBaseURL(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ValidateBaseURL(%q) = %v, want it to mention %q", in, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("ValidateBaseURL(%q) repeated the password: %v", in, err)
		}
	}
}

func TestNewAppliesDefaults(t *testing.T) {
	c, err := New(Config{Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if c.base != DefaultBaseURL || c.maxRetries != DefaultMaxRetries || c.retryWaitMin != DefaultRetryWaitMin ||
		c.retryWaitMax != DefaultRetryWaitMax || c.maxBodyBytes != DefaultMaxBodyBytes || c.pageConcurrency != DefaultPageConcurrency {
		t.Fatalf("defaults not applied: %+v", c)
	}
	if c.userAgent != "simpay-go-client" {
		t.Fatalf("user agent = %q", c.userAgent)
	}
	c, err = New(Config{Token: "t", MaxRetries: intPtr(0)})
	if err != nil || c.maxRetries != 0 {
		t.Fatalf("MaxRetries 0: %v, %d", err, c.maxRetries)
	}
}

func TestNewRejectsBadSettings(t *testing.T) {
	for name, cfg := range map[string]Config{
		"negative retries":  {MaxRetries: intPtr(-1)},
		"negative timeout":  {RequestTimeout: -time.Second},
		"min above max":     {RetryWaitMin: time.Minute, RetryWaitMax: time.Second},
		"negative body cap": {MaxBodyBytes: -1},
		"negative pages":    {PageConcurrency: -2},
		"newline in token":  {Token: "abc\r\nX-Evil: 1"},
		"newline in agent":  {UserAgent: "tf\nX-Evil: 1"},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: New accepted %+v", name, cfg)
		} else if strings.Contains(err.Error(), "abc") {
			t.Errorf("%s: error repeats the token: %v", name, err)
		}
	}
}

// Every method must keep the base URL's path prefix, with or without its
// trailing slash, and escape its path segments.
func TestEveryCallKeepsThePathPrefix(t *testing.T) {
	var gotPath, gotRawQuery, gotMethod atomic.Value
	var reply atomic.Value
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		gotPath.Store(r.URL.EscapedPath())
		gotRawQuery.Store(r.URL.RawQuery)
		gotMethod.Store(r.Method)
		writeJSON(w, 200, reply.Load().(string))
	})
	created := ok(`{"transactionId":"t-1","redirectUrl":"https://pay.simpay.pl/t-1"}`)
	cases := []struct {
		name, method, path, query, reply string
		call                             func(ctx context.Context, c *Client) error
	}{
		{"ListPaymentServices", "GET", "/payment", "limit=99&page=1", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListPaymentServices(ctx, ListOptions{})
			return err
		}},
		{"GetPaymentService", "GET", "/payment/d151e4f9", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetPaymentService(ctx, "d151e4f9")
			return err
		}},
		{"ListPaymentChannels", "GET", "/payment/d151e4f9/channels", "", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListPaymentChannels(ctx, "d151e4f9")
			return err
		}},
		{"ListPaymentCurrencies", "GET", "/payment/d151e4f9/currencies", "", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListPaymentCurrencies(ctx, "d151e4f9")
			return err
		}},
		{"ListPaymentTransactions", "GET", "/payment/d151e4f9/transactions", "limit=99&page=1", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListPaymentTransactions(ctx, "d151e4f9", ListOptions{})
			return err
		}},
		{"CreatePaymentTransaction", "POST", "/payment/d151e4f9/transactions", "", created, func(ctx context.Context, c *Client) error {
			_, err := c.CreatePaymentTransaction(ctx, "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("10.00")})
			return err
		}},
		{"GetPaymentTransaction (escaped)", "GET", "/payment/d151e4f9/transactions/a%2Fb%20c", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetPaymentTransaction(ctx, "d151e4f9", "a/b c")
			return err
		}},
		{"ListRefunds", "GET", "/payment/d151e4f9/transactions/tx/refunds", "", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListRefunds(ctx, "d151e4f9", "tx")
			return err
		}},
		{"CreateRefund", "POST", "/payment/d151e4f9/transactions/tx/refunds", "", ok(`{"refund_id":"r-1"}`), func(ctx context.Context, c *Client) error {
			_, err := c.CreateRefund(ctx, "d151e4f9", "tx", decimal.Decimal{})
			return err
		}},
		{"GetRefund", "GET", "/payment/d151e4f9/transactions/tx/refunds/r-1", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetRefund(ctx, "d151e4f9", "tx", "r-1")
			return err
		}},
		{"ListNotificationIPs", "GET", "/ip", "", ok(`["1.2.3.4"]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListNotificationIPs(ctx)
			return err
		}},
		{"ListSMSServices", "GET", "/sms", "limit=99&page=1", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListSMSServices(ctx, ListOptions{})
			return err
		}},
		{"GetSMSService", "GET", "/sms/d151e4f9", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetSMSService(ctx, "d151e4f9")
			return err
		}},
		{"CheckSMSCode", "POST", "/sms/d151e4f9", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.CheckSMSCode(ctx, "d151e4f9", "AB12D6", 7055)
			return err
		}},
		{"ListSMSTransactions", "GET", "/sms/d151e4f9/transactions", "limit=99&page=1", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListSMSTransactions(ctx, "d151e4f9", ListOptions{})
			return err
		}},
		{"GetSMSTransaction", "GET", "/sms/d151e4f9/transactions/42", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetSMSTransaction(ctx, "d151e4f9", 42)
			return err
		}},
		{"ListSMSServiceNumbers", "GET", "/sms/d151e4f9/numbers", "limit=99&page=1", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListSMSServiceNumbers(ctx, "d151e4f9", ListOptions{})
			return err
		}},
		{"GetSMSServiceNumber", "GET", "/sms/d151e4f9/numbers/7055", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetSMSServiceNumber(ctx, "d151e4f9", 7055)
			return err
		}},
		{"ListSMSNumbers", "GET", "/sms/numbers", "limit=99&page=1", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListSMSNumbers(ctx, ListOptions{})
			return err
		}},
		{"GetSMSNumber", "GET", "/sms/numbers/7055", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetSMSNumber(ctx, 7055)
			return err
		}},
		{"ListDirectBillingServices", "GET", "/directbilling", "limit=99&page=1", ok(`[]`), func(ctx context.Context, c *Client) error {
			_, err := c.ListDirectBillingServices(ctx, ListOptions{})
			return err
		}},
		{"GetDirectBillingService", "GET", "/directbilling/d151e4f9", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetDirectBillingService(ctx, "d151e4f9")
			return err
		}},
		{"CalculateDirectBilling", "GET", "/directbilling/d151e4f9/calculate", "amount=19.99", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.CalculateDirectBilling(ctx, "d151e4f9", decimal.MustParse("19.99"))
			return err
		}},
		{"ListDirectBillingTransactions", "GET", "/directbilling/d151e4f9/transactions",
			"filter%5Bcontrol%5D=order-1&filter%5BphoneNumber%5D=48123123123&filter%5Bstatus%5D=transaction_db_payed&limit=99&page=1",
			ok(`[]`), func(ctx context.Context, c *Client) error {
				_, err := c.ListDirectBillingTransactions(ctx, "d151e4f9", DirectBillingTransactionFilter{
					Status: "transaction_db_payed", PhoneNumber: "48123123123", Control: "order-1"}, ListOptions{})
				return err
			}},
		{"CreateDirectBillingTransaction", "POST", "/directbilling/d151e4f9/transactions", "", created, func(ctx context.Context, c *Client) error {
			_, err := c.CreateDirectBillingTransaction(ctx, "d151e4f9", DirectBillingTransactionRequest{Amount: decimal.MustParse("19.99")})
			return err
		}},
		{"GetDirectBillingTransaction", "GET", "/directbilling/d151e4f9/transactions/tx", "", ok(`{}`), func(ctx context.Context, c *Client) error {
			_, err := c.GetDirectBillingTransaction(ctx, "d151e4f9", "tx")
			return err
		}},
	}
	for _, prefix := range []string{"/_mock/en/apis", "/_mock/en/apis/"} {
		c, _ := newTestClient(t, srv.URL+prefix, nil)
		for _, tc := range cases {
			reply.Store(tc.reply)
			if err := tc.call(t.Context(), c); err != nil {
				t.Errorf("%s (prefix %q): %v", tc.name, prefix, err)
				continue
			}
			if got, want := gotPath.Load(), "/_mock/en/apis"+tc.path; got != want {
				t.Errorf("%s (prefix %q): server saw path %q, want %q", tc.name, prefix, got, want)
			}
			if got := gotRawQuery.Load(); got != tc.query {
				t.Errorf("%s: server saw query %q, want %q", tc.name, got, tc.query)
			}
			if got := gotMethod.Load(); got != tc.method {
				t.Errorf("%s: server saw method %q, want %q", tc.name, got, tc.method)
			}
		}
	}
}

func TestRequestsCarryBearerTokenAndUserAgent(t *testing.T) {
	var got http.Header
	var body []byte
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		body, _ = io.ReadAll(r.Body)
		writeJSON(w, 200, ok(`{"transactionId":"t","redirectUrl":"u"}`))
	})
	c, _ := newTestClient(t, srv.URL, nil)
	if _, err := c.CreatePaymentTransaction(t.Context(), "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("5")}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Authorization": "Bearer " + testToken,
		"User-Agent":    "terraform-provider-simpay/1.2.0 terraform/1.11.4 simpay-go-client",
		"Accept":        "application/json",
		"Content-Type":  "application/json",
	}
	for k, v := range want {
		if got.Get(k) != v {
			t.Errorf("header %s = %q, want %q", k, got.Get(k), v)
		}
	}
	if string(body) != `{"amount":5}` {
		t.Errorf("body = %s", body)
	}
	// A GET has no body, so no Content-Type.
	if _, err := c.GetPaymentService(t.Context(), "d151e4f9"); err == nil {
		if got.Get("Content-Type") != "" {
			t.Errorf("GET sent Content-Type %q", got.Get("Content-Type"))
		}
	}
}

func TestCallWithoutTokenFailsWithErrNoToken(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { hits.Add(1) })
	c, err := New(Config{BaseURL: srv.URL})
	if err != nil {
		t.Fatalf("New without a token must not fail: %v", err)
	}
	_, err = c.ListPaymentServices(t.Context(), ListOptions{})
	if !errors.Is(err, ErrNoToken) {
		t.Fatalf("err = %v, want ErrNoToken", err)
	}
	if hits.Load() != 0 {
		t.Fatalf("a request without a token reached the server")
	}
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	var elsewhere atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/elsewhere" {
			elsewhere.Add(1)
			writeJSON(w, 200, ok(`{}`))
			return
		}
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
	})
	c, _ := newTestClient(t, srv.URL, nil)
	_, err := c.GetPaymentService(t.Context(), "d151e4f9")
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusFound {
		t.Fatalf("err = %v, want an APIError with status 302", err)
	}
	if elsewhere.Load() != 0 {
		t.Fatal("the redirect was followed")
	}
}

func TestInvalidIDsAreRefusedBeforeAnyRequest(t *testing.T) {
	var hits atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) { hits.Add(1) })
	c, _ := newTestClient(t, srv.URL, nil)
	for _, id := range []string{"", ".", ".."} {
		if _, err := c.GetPaymentService(t.Context(), id); err == nil {
			t.Errorf("GetPaymentService(%q) succeeded", id)
		}
		if _, err := c.GetPaymentTransaction(t.Context(), "d151e4f9", id); err == nil {
			t.Errorf("GetPaymentTransaction(_, %q) succeeded", id)
		}
	}
	if hits.Load() != 0 {
		t.Fatalf("%d requests reached the server", hits.Load())
	}
}
