package provider

// The SimPay mock of a test: its server, the provider blocks pointed at it,
// its request log and the clock it reads.

import (
	"fmt"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// testAccProviders serves the provider in-process to the terraform CLI that
// terraform-plugin-testing drives.
var testAccProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"simpay": providerserver.NewProtocol6WithError(New("test")()),
}

// testMock is a SimPay mock server for one test, on a loopback port.
type testMock struct {
	*simpaymock.Server
	URL string
}

// newTestMock starts a mock on a loopback port, closed when the test ends.
func newTestMock(t *testing.T, opts simpaymock.Options) *testMock {
	t.Helper()
	srv := simpaymock.New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &testMock{Server: srv, URL: ts.URL + "/"}
}

// config returns a provider block pointed at the mock with its default token,
// followed by body. Retries are kept short so fault tests stay fast.
func (m *testMock) config(body string) string {
	return m.configWith(`api_token = "`+simpaymock.DefaultToken+`"`, body)
}

// configWith is config with the provider block's other settings given.
func (m *testMock) configWith(settings, body string) string {
	return fmt.Sprintf("provider \"simpay\" {\n  base_url = %q\n  %s\n}\n\n%s", m.URL, settings, body)
}

// apiRequests returns the mock's log of SimPay API requests as
// "METHOD /path?query" lines, for assertions on what the provider asked.
func (m *testMock) apiRequests() []string {
	var out []string
	for _, r := range m.Requests() {
		line := r.Method + " " + r.Path
		if r.Query != "" {
			line += "?" + r.Query
		}
		out = append(out, line)
	}
	return out
}

// testClock is the mock's clock in a test: it stands still until the test
// moves it, so that timestamps are exact and a refresh can be seen to change
// them. Give its now to simpaymock.Options.Now.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

// newTestClock is a clock standing at rfc3339.
func newTestClock(t *testing.T, rfc3339 string) *testClock {
	c := &testClock{}
	c.set(t, rfc3339)
	return c
}

// now is the clock's time, for simpaymock.Options.Now.
func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// set moves the clock to rfc3339.
func (c *testClock) set(t *testing.T, rfc3339 string) {
	t.Helper()
	v, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		t.Fatal(err)
	}
	c.mu.Lock()
	c.t = v
	c.mu.Unlock()
}

// advance moves the clock on by d.
func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// postBodies returns the bodies of the POSTs in the mock's request log whose
// path matches pattern ("*" matches one segment).
func postBodies(m *testMock, pattern string) []string {
	var out []string
	for _, r := range m.Requests() {
		if r.Method == "POST" && simpaymock.PathMatches(pattern, r.Path) {
			out = append(out, r.Body)
		}
	}
	return out
}
