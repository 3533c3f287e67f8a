package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
)

// The test kit: what the provider's tests share, one file per concern.
//
//   - testkit_mock_test.go: the SimPay mock of a test (newTestMock), the
//     provider blocks pointed at it, its request log and a test clock.
//   - testkit_cli_test.go: the terraform CLI harness (newTerraformCLI,
//     cliRun, stateValues) and the checks that run the CLI themselves.
//   - testkit_dialect_test.go: the CLI under test, Terraform or OpenTofu
//     (checkCLI, skipOnOpenTofu), and the mock's dialects of SimPay's API
//     (eachDialect, byDialect).
//   - testkit_config_test.go: configurations, testdata/*.tf by name
//     (testdataConfig) and the HCL builders for short ones.
//   - testkit_test.go, this file: state checks, plan checks and the checks
//     of the mock's request log.
//   - testkit_self_test.go: the kit's own tests, which show that each
//     custom check fails when it should.

// attrCapture keeps an attribute of a resource in state for later steps.
type attrCapture struct {
	mu    sync.Mutex
	value string
}

// get is the value captured last.
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

// uuidRegexp matches an id in SimPay's format, by the provider's own rule.
var uuidRegexp = uuidPattern

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
// what the skeleton (createonly) knows of it.
func createOnlyAbouts(t *testing.T) []createonly.About {
	t.Helper()
	var out []createonly.About
	for _, newResource := range (&simpayProvider{}).Resources(context.Background()) {
		if r, ok := newResource().(interface{ About() createonly.About }); ok {
			out = append(out, r.About())
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

// stateString checks that attr of addr is the string want.
func stateString(addr, attr string, want string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(attr), knownvalue.StringExact(want))
}

// checkCount checks that got(), a count the test keeps (such as the mock's
// objects created), is want.
func checkCount(what string, got func() int, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := got(); n != want {
			return fmt.Errorf("%s: %d, want %d", what, n, want)
		}
		return nil
	}
}

// identityOf checks a resource's identity: exactly these attributes, each
// equal to the state attribute of the same name.
func identityOf(addr string, want map[string]knownvalue.Check) []statecheck.StateCheck {
	checks := []statecheck.StateCheck{statecheck.ExpectIdentity(addr, want)}
	for attr := range want {
		checks = append(checks, statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New(attr)))
	}
	return checks
}

// stringList checks a list of strings exactly, in order.
func stringList(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, 0, len(values))
	for _, v := range values {
		checks = append(checks, knownvalue.StringExact(v))
	}
	return knownvalue.ListExact(checks)
}

// stringOrNullCheck is StringExact, or Null for "".
func stringOrNullCheck(s string) knownvalue.Check {
	if s == "" {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(s)
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

// expectOnlyImport checks that a plan imports addr and does nothing else: no
// other resource is imported, created, changed or destroyed, and the
// imported one is taken as it is (no-op), as `Plan: 1 to import, 0 to add,
// 0 to change, 0 to destroy` says.
type expectOnlyImport struct{ addr string }

func (e expectOnlyImport) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	imports := 0
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Change == nil {
			continue
		}
		if rc.Change.Importing != nil {
			imports++
			if rc.Address != e.addr {
				resp.Error = fmt.Errorf("the plan also imports %s", rc.Address)
				return
			}
		}
		if !rc.Change.Actions.NoOp() {
			resp.Error = fmt.Errorf("the plan has %v for %s; want only the import of %s", rc.Change.Actions, rc.Address, e.addr)
			return
		}
	}
	if imports != 1 {
		resp.Error = fmt.Errorf("the plan imports %d resources, want 1 (%s)", imports, e.addr)
	}
}

// expectNoDrift checks that the refresh before a plan found addr as state
// had it: SimPay's answer, however written, maps to the values in state.
type expectNoDrift struct{ addr string }

func (e expectNoDrift) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceDrift {
		if rc.Address == e.addr {
			resp.Error = fmt.Errorf("%s changed on refresh:\nbefore %v\nafter  %v", e.addr, rc.Change.Before, rc.Change.After)
			return
		}
	}
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

// expectPerPagePaging checks that the mock saw pages 1 and 2 of path, each
// asked with perPage=50 and never with limit: SimPay's recurring lists page
// by perPage.
func expectPerPagePaging(mock *testMock, path string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var pages []string
		for _, r := range mock.Requests() {
			if r.Method != "GET" || r.Path != path {
				continue
			}
			q, err := url.ParseQuery(r.Query)
			if err != nil {
				return err
			}
			if q.Get("perPage") != "50" || q.Has("limit") {
				return fmt.Errorf("GET %s?%s: want perPage=50 and no limit", r.Path, r.Query)
			}
			if !slices.Contains(pages, q.Get("page")) {
				pages = append(pages, q.Get("page"))
			}
		}
		slices.Sort(pages)
		if !slices.Equal(pages, []string{"1", "2"}) {
			return fmt.Errorf("pages of %s asked: %q, want 1 and 2; requests:\n  %s", path, pages, strings.Join(mock.apiRequests(), "\n  "))
		}
		return nil
	}
}

// expectFilterQueries checks that the mock saw a GET of path with each of
// filters, a query fragment of "&"-joined parameters, all present.
func expectFilterQueries(mock *testMock, path string, filters ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, f := range filters {
			want, err := url.ParseQuery(f)
			if err != nil {
				return err
			}
			found := false
			for _, r := range mock.Requests() {
				q, _ := url.ParseQuery(r.Query)
				if r.Method != "GET" || r.Path != path {
					continue
				}
				match := true
				for k := range want {
					match = match && q.Get(k) == want.Get(k)
				}
				found = found || match
			}
			if !found {
				return fmt.Errorf("no GET %s with %s; requests:\n  %s", path, f, strings.Join(mock.apiRequests(), "\n  "))
			}
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
