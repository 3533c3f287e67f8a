package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// manualClock is a mock clock that stands still until the test moves it, so
// that timestamps are exact and a refresh can be seen to change them.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func newManualClock(t *testing.T, rfc3339 string) *manualClock {
	c := &manualClock{}
	c.set(t, rfc3339)
	return c
}

func (c *manualClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) set(t *testing.T, rfc3339 string) {
	t.Helper()
	v, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		t.Fatal(err)
	}
	c.mu.Lock()
	c.t = v
	c.mu.Unlock()
}

// attrCapture keeps an attribute of a resource in state for later steps.
type attrCapture struct {
	mu    sync.Mutex
	value string
}

func (c *attrCapture) get() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.value
}

// capture is a TestCheckFunc that records attr of addr.
func (c *attrCapture) capture(addr, attr string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		c.mu.Lock()
		c.value = rs.Primary.Attributes[attr]
		c.mu.Unlock()
		return nil
	}
}

// importIDOf builds an import id by joining attributes of addr with "/".
func importIDOf(addr string, attrs ...string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return "", fmt.Errorf("%s not in state", addr)
		}
		parts := make([]string, len(attrs))
		for i, a := range attrs {
			parts[i] = rs.Primary.Attributes[a]
			if parts[i] == "" {
				return "", fmt.Errorf("%s has no %s", addr, a)
			}
		}
		return strings.Join(parts, "/"), nil
	}
}

// expectPriorID checks that the plan changes addr from a prior state whose id
// is want(): the object created earlier is the one in state.
type expectPriorID struct {
	addr string
	want func() string
}

func (e expectPriorID) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		if got, want := before["id"], e.want(); got != want || want == "" {
			resp.Error = fmt.Errorf("%s: prior id %v, want %q", e.addr, got, want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s: no change planned", e.addr)
}

var uuidRegexp = uuidPattern

// postBodies returns the bodies of the POSTs in the mock's request log whose
// path matches pattern ("*" matches one segment).
func postBodies(m *testMock, pattern string) []string {
	var out []string
	for _, r := range m.Requests() {
		if r.Method == "POST" && pathPatternMatches(pattern, r.Path) {
			out = append(out, r.Body)
		}
	}
	return out
}

func pathPatternMatches(pattern, p string) bool {
	ps, xs := strings.Split(strings.Trim(pattern, "/"), "/"), strings.Split(strings.Trim(p, "/"), "/")
	if len(ps) != len(xs) {
		return false
	}
	for i := range ps {
		if ps[i] != "*" && ps[i] != xs[i] {
			return false
		}
	}
	return true
}

// requiredProvidersBlock lets the terraform CLI, run with dev_overrides, find
// the provider under its registry address.
const requiredProvidersBlock = `terraform {
  required_providers {
    simpay = { source = "simpay-tf/simpay" }
  }
}
`

// checkDestroyWarns runs, with the real terraform CLI, apply, plan -destroy
// and destroy of config, and checks that the destroy plan and the destroy
// both carry the warning that SimPay keeps the object, and that destroying
// sends SimPay nothing.
func checkDestroyWarns(t *testing.T, mock *testMock, config, kind string) {
	t.Helper()
	cli := newTerraformCLI(t, requiredProvidersBlock+config)
	ctx := context.Background()
	if out, errOut, err := cli.Run(ctx, "apply", "-auto-approve", "-no-color"); err != nil {
		t.Fatalf("apply: %v\n%s\n%s", err, out, errOut)
	}
	warning := regexp.MustCompile(`(?s)Warning: Destroying does not cancel the SimPay ` + regexp.QuoteMeta(kind) +
		`.*no\s+request\s+is\s+sent`)
	out, errOut, err := cli.Run(ctx, "plan", "-destroy", "-no-color")
	if err != nil {
		t.Fatalf("plan -destroy: %v\n%s\n%s", err, out, errOut)
	}
	if !warning.MatchString(out + errOut) {
		t.Errorf("plan -destroy does not warn:\n%s\n%s", out, errOut)
	}
	mock.ResetRequests()
	out, errOut, err = cli.Run(ctx, "destroy", "-auto-approve", "-refresh=false", "-no-color")
	if err != nil {
		t.Fatalf("destroy: %v\n%s\n%s", err, out, errOut)
	}
	if !warning.MatchString(out + errOut) {
		t.Errorf("destroy does not warn:\n%s\n%s", out, errOut)
	}
	if !strings.Contains(out, "1 destroyed") {
		t.Errorf("destroy did not destroy one resource:\n%s", out)
	}
	if reqs := mock.apiRequests(); len(reqs) != 0 {
		t.Errorf("destroy sent requests to SimPay: %v", reqs)
	}
}

// createOnlyAbouts lists every create-only resource the provider serves, by
// what createOnlyResource knows of it.
func createOnlyAbouts(t *testing.T) []createOnlyAbout {
	t.Helper()
	var out []createOnlyAbout
	for _, newResource := range (&simpayProvider{}).Resources(context.Background()) {
		if r, ok := newResource().(interface{ about() createOnlyAbout }); ok {
			out = append(out, r.about())
		}
	}
	if len(out) != 3 {
		t.Fatalf("%d create-only resources, want 3", len(out))
	}
	return out
}
