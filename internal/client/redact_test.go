package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// A hostile or careless server echoes the request headers back. Whatever the
// path (JSON error, HTML page, retries, POST outcome unknown, logs), the
// token must not come back out of the client.
func TestTokenNeverAppearsInErrorsOrLogs(t *testing.T) {
	var sawToken atomic.Bool
	echo := func(r *http.Request) string {
		if r.Header.Get("Authorization") == "Bearer "+testToken {
			sawToken.Store(true)
		}
		var b strings.Builder
		for k, v := range r.Header {
			fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(v, ","))
		}
		return b.String()
	}
	quote := func(s string) string { q, _ := json.Marshal(s); return string(q) }

	handlers := map[string]http.HandlerFunc{
		"json error fields": func(w http.ResponseWriter, r *http.Request) {
			h := echo(r)
			writeJSON(w, 400, `{"success":false,"errorCode":`+quote(testToken)+`,"message":`+quote(h)+`,"errors":{`+quote("field."+testToken)+`:[`+quote(h)+`]}}`)
		},
		"html 502 with retries": func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(502)
			_, _ = io.WriteString(w, "<html><pre>"+echo(r)+"</pre></html>")
		},
		"200 not json": func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, echo(r))
		},
		"200 json without envelope": func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 200, `{"headers":`+quote(echo(r))+`}`)
		},
		"token straddling the snippet cut": func(w http.ResponseWriter, r *http.Request) {
			echo(r)
			_, _ = io.WriteString(w, strings.Repeat("x", snippetRunes-10)+testToken+strings.Repeat("y", 500))
		},
		"oversized body": func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, strings.Repeat(echo(r), 1000))
		},
	}
	for name, h := range handlers {
		for _, method := range []string{"GET", "POST"} {
			srv := newServer(t, h)
			c, logger := newTestClient(t, srv.URL, func(cfg *Config) {
				cfg.MaxRetries = intPtr(1)
				cfg.MaxBodyBytes = 4096
			})
			var err error
			if method == "GET" {
				_, err = c.GetPaymentTransaction(t.Context(), "d151e4f9", "tx")
			} else {
				_, err = c.CreatePaymentTransaction(t.Context(), "d151e4f9", PaymentTransactionRequest{Amount: decimal.MustParse("1")})
			}
			if err == nil {
				t.Fatalf("%s %s: no error", name, method)
			}
			assertNoToken(t, name+" "+method, err, logger)
		}
	}
	if !sawToken.Load() {
		t.Fatal("the servers never received the token: the test proves nothing")
	}
}

func TestTokenNeverAppearsOnTransportFailures(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		dropConnection(t, w)
	})
	c, logger := newTestClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = intPtr(1) })
	_, err := c.GetPaymentService(t.Context(), "d151e4f9")
	assertNoToken(t, "GET dropped", err, logger)
	_, err = c.CreateRefund(t.Context(), "d151e4f9", "tx", decimal.Decimal{})
	assertNoToken(t, "POST dropped", err, logger)

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = c.GetPaymentService(ctx, "d151e4f9")
	assertNoToken(t, "cancelled", err, logger)
}

func assertNoToken(t *testing.T, name string, err error, logger *captureLogger) {
	t.Helper()
	texts := []string{fmt.Sprint(err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)}
	var ae *APIError
	if errors.As(err, &ae) {
		texts = append(texts, fmt.Sprintf("%#v", *ae))
	}
	var ou *OutcomeUnknownError
	if errors.As(err, &ou) {
		texts = append(texts, fmt.Sprintf("%#v", *ou))
	}
	texts = append(texts, logger.text())
	for _, s := range texts {
		// Even a piece of the token must not survive a cut.
		for i := 0; i+8 <= len(testToken); i++ {
			if strings.Contains(s, testToken[i:i+8]) {
				t.Errorf("%s: token piece %q leaked into %q", name, testToken[i:i+8], s)
				break
			}
		}
	}
	if !strings.Contains(logger.text(), redactedAuthorization) {
		t.Errorf("%s: logs do not show the redacted Authorization header", name)
	}
}
