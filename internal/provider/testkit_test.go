package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The test kit: what the provider's tests share.

// testClock is the mock's clock in a test: it stands still until the test
// moves it, so that timestamps are exact and a refresh can be seen to change
// them. Give its now to simpaymock.Options.Now.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock(t *testing.T, rfc3339 string) *testClock {
	c := &testClock{}
	c.set(t, rfc3339)
	return c
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

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

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
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
	// The warning names the object by its id and what it belongs to.
	warning := regexp.MustCompile(`(?sU)Warning: Destroying does not cancel the SimPay ` + regexp.QuoteMeta(kind) +
		`.*destroying\s+(transaction|refund)\s+[0-9a-f-]{36}\s+of\s+.*service\s+d151e4f9\s+only\s+removes\s+it\s+from\s+` +
		`Terraform\s+state:\s+no\s+request\s+is\s+sent`)
	out, errOut, err := cli.Run(ctx, "plan", "-destroy", "-no-color")
	if err != nil {
		t.Fatalf("plan -destroy: %v\n%s\n%s", err, out, errOut)
	}
	if n := len(warning.FindAllString(out+errOut, -1)); n != 1 {
		t.Errorf("plan -destroy warns %d times, want once:\n%s\n%s", n, out, errOut)
	}
	mock.ResetRequests()
	out, errOut, err = cli.Run(ctx, "destroy", "-auto-approve", "-refresh=false", "-no-color")
	if err != nil {
		t.Fatalf("destroy: %v\n%s\n%s", err, out, errOut)
	}
	// Once per resource per command: the plan that destroys says it, the
	// destroy itself does not repeat it.
	if n := strings.Count(out+errOut, "Warning: Destroying does not cancel"); n != 1 || !warning.MatchString(out+errOut) {
		t.Errorf("destroy warns %d times, want once:\n%s\n%s", n, out, errOut)
	}
	if !strings.Contains(out, "1 destroyed") {
		t.Errorf("destroy did not destroy one resource:\n%s", out)
	}
	if out, _, _ := cli.Run(ctx, "state", "list"); strings.TrimSpace(out) != "" {
		t.Errorf("still in state after destroy:\n%s", out)
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

// State checks.

// expectState checks top-level attributes of addr.
func expectState(addr string, checks map[string]knownvalue.Check) []statecheck.StateCheck {
	var out []statecheck.StateCheck
	for attr, check := range checks {
		out = append(out, statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), check))
	}
	return out
}

func stateString(addr, attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.StringExact(want))
}

func checkCount(what string, got func() int, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := got(); n != want {
			return fmt.Errorf("%s: %d, want %d", what, n, want)
		}
		return nil
	}
}

// Plan checks.

// expectTainted checks that the plan replaces the resource because it is
// tainted, and that the state holds the transaction id SimPay created.
type expectTainted struct {
	addr string
	id   func() string
}

func (e expectTainted) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if req.Plan.PriorState == nil || req.Plan.PriorState.Values == nil || req.Plan.PriorState.Values.RootModule == nil {
		resp.Error = fmt.Errorf("the plan has no prior state")
		return
	}
	for _, r := range req.Plan.PriorState.Values.RootModule.Resources {
		if r.Address != e.addr {
			continue
		}
		if !r.Tainted {
			resp.Error = fmt.Errorf("%s is not tainted in state", e.addr)
			return
		}
		if want := e.id(); r.AttributeValues["id"] != want || want == "" {
			resp.Error = fmt.Errorf("%s: state has id %v, want the created transaction %q", e.addr, r.AttributeValues["id"], want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s not in the prior state", e.addr)
}

// stateProbe is a plan check that reads the prior state of a plan made with
// -refresh=false: the state exactly as the previous step left it.
type stateProbe struct {
	addr    string
	seen    bool
	present bool
	tainted bool
	values  map[string]any
}

func (p *stateProbe) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, _ *plancheck.CheckPlanResponse) {
	p.seen = true
	ps := req.Plan.PriorState
	if ps == nil || ps.Values == nil || ps.Values.RootModule == nil {
		return
	}
	for _, res := range ps.Values.RootModule.Resources {
		if res.Address == p.addr {
			p.present, p.tainted, p.values = true, res.Tainted, res.AttributeValues
		}
	}
}

type planCheckFunc func(resp *plancheck.CheckPlanResponse)

func (f planCheckFunc) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	f(resp)
}

// expectImportOnly checks that a plan imports addr and neither creates nor
// replaces anything (an in-place update that only records arguments SimPay
// does not return is allowed).
type expectImportOnly struct{ addr string }

func (e expectImportOnly) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.addr {
			continue
		}
		if rc.Change == nil || rc.Change.Importing == nil {
			resp.Error = fmt.Errorf("%s is not imported by the plan", e.addr)
			return
		}
		if !rc.Change.Actions.NoOp() && !rc.Change.Actions.Update() {
			resp.Error = fmt.Errorf("%s: plan %v, want an import without create or replace", e.addr, rc.Change.Actions)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", e.addr)
}

// Requests the mock saw.

// expectOnlyRequests checks that the mock saw each of want at least once
// since its log was last reset, and nothing else.
func expectOnlyRequests(mock *testMock, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := mock.apiRequests()
		var problems []string
		for _, r := range got {
			if !slices.Contains(want, r) {
				problems = append(problems, "unexpected request "+r)
			}
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				problems = append(problems, "missing request "+w)
			}
		}
		if len(problems) > 0 {
			return fmt.Errorf("%s\nrequests seen:\n  %s", strings.Join(problems, "\n"), strings.Join(got, "\n  "))
		}
		return nil
	}
}

// lazyVariable is a configuration variable whose value is known only when
// the step runs, such as the id of an object a failed apply made.
type lazyVariable func() (string, error)

func (v lazyVariable) MarshalJSON() ([]byte, error) {
	s, err := v()
	if err != nil {
		return nil, err
	}
	return json.Marshal(s)
}

// eachDialect runs test once per dialect the mock speaks (SimPay's documented
// shapes and those its newer SDKs read), each as a parallel subtest named
// after the dialect, so a configuration is proved against both readings of
// SimPay's API. test builds its mock with newTestMock(t, opts) where
// opts.Dialect is the dialect given.
func eachDialect(t *testing.T, test func(t *testing.T, dialect simpaymock.Dialect)) {
	t.Helper()
	for _, d := range simpaymock.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			test(t, d)
		})
	}
}

// checkDialectShape checks that the mock's answer to GET path, in the
// dialect under test, holds want[dialect], a fragment of its JSON body: that
// a test run in a dialect read SimPay's answer in that dialect's shape, so
// that the values it asserts prove the provider reads both. Call it after
// the test's steps: the request it makes is in the mock's log.
func checkDialectShape(t *testing.T, mock *testMock, dialect simpaymock.Dialect, path string, want map[simpaymock.Dialect]string) {
	t.Helper()
	fragment, ok := want[dialect]
	if !ok {
		t.Fatalf("no shape given for dialect %s", dialect)
	}
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+simpaymock.DefaultToken)
	rec := httptest.NewRecorder()
	mock.ServeHTTP(rec, req)
	if body := rec.Body.String(); !strings.Contains(body, fragment) {
		t.Errorf("the mock's %s answer to GET %s lacks %s:\n%s", dialect, path, fragment, body)
	}
}

// eitherOrder matches an error output in which both patterns match, one
// after the other in either order: CLIs differ in the order they print a
// run's diagnostics.
func eitherOrder(a, b string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)(?:` + a + `.*` + b + `|` + b + `.*` + a + `)`)
}

// checkPlanWarns runs terraform plan of config (a provider block pointed at
// mock and data sources) through the CLI and checks that its output carries
// the warning summary, about the value, exactly once, and that the plan
// still succeeds: the check behind a test's claim that a value is "a
// warning, not an error".
func checkPlanWarns(t *testing.T, config, summary, value string) {
	t.Helper()
	cli := newTerraformCLI(t, requiredProvidersBlock+config)
	out, errOut, err := cli.Run(context.Background(), "plan", "-no-color")
	if err != nil {
		t.Fatalf("plan fails, want it to warn only: %v\n%s\n%s", err, out, errOut)
	}
	text := out + errOut
	re := regexp.MustCompile(`(?s)Warning: ` + regexp.QuoteMeta(summary) + `.*` + regexp.QuoteMeta(strconv.Quote(value)))
	if !re.MatchString(text) || strings.Count(text, "Warning: "+summary) != 1 {
		t.Errorf("plan output does not warn once %q about %q:\n%s", summary, value, text)
	}
}
