package client

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// TestHTTPSToAPlainHTTPServerIsNotRetried: https:// against a server that
// speaks plain HTTP, as simpay-mock does, fails after one connection, since
// every retry would fail alike, and says to write http:// for a local mock.
func TestHTTPSToAPlainHTTPServerIsNotRetried(t *testing.T) {
	var conns atomic.Int32
	// The connection counter is set before the server starts: its serving
	// goroutine reads ConnState.
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, ok(`{}`)) }))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	base := "https://" + srv.Listener.Addr().String() + "/"
	c, logger := newTestClient(t, base, nil)
	_, err := c.GetPaymentService(t.Context(), "d151e4f9")
	if err == nil {
		t.Fatal("no error")
	}
	if n := conns.Load(); n != 1 || logger.attempts() != 1 {
		t.Errorf("%d connections, %d attempts logged; want 1: a TLS mismatch is not retried", n, logger.attempts())
	}
	want := "the server at " + srv.Listener.Addr().String() + " answers plain HTTP, not HTTPS: for a local mock such as simpay-mock, write the base URL with http://, as in http://" + srv.Listener.Addr().String() + "/"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q\ndoes not say: %s", err, want)
	}
}
