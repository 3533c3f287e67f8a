package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The runner of the fault suite; faults_cases_test.go is its table.

// faultRecord is what a case measured.
type faultRecord struct {
	name      string
	want      faultOutcome
	observed  []string
	endedWell bool
	// created is how many objects SimPay holds that the case made (the
	// refresh cases create theirs first), allowed how many it may make.
	created, allowed int
	// tracked: the object is in state (or was imported as the error said),
	// or the error said how to find and import it, or SimPay itself said it
	// is gone (a 404 on refresh, which warns with its id).
	tracked    bool
	lost, dupe bool
}

func (r *faultRecord) observe(format string, args ...any) {
	r.observed = append(r.observed, fmt.Sprintf(format, args...))
}

// faultSummary collects the records of a run of TestAccFaults; TestMain
// prints its line.
var faultSummary struct {
	sync.Mutex
	ran     bool
	records []*faultRecord
}

func faultSummaryLine() (string, bool) {
	faultSummary.Lock()
	defer faultSummary.Unlock()
	if !faultSummary.ran {
		return "", false
	}
	well, lost, dupe := 0, 0, 0
	for _, r := range faultSummary.records {
		if r.endedWell {
			well++
		}
		if r.lost {
			lost++
		}
		if r.dupe {
			dupe++
		}
	}
	return fmt.Sprintf("faults: %d cases, %d ended well, %d lost, %d duplicated", len(faultSummary.records), well, lost, dupe), true
}

// faultConcurrency is how many cases run at once. Most of a case is spent
// waiting (Retry-After, backoff, request_timeout), so more cases than cores
// run together; the subtests do not call t.Parallel, which -parallel
// (GOMAXPROCS by default) would hold to two on a two-core machine.
const faultConcurrency = 8

// TestAccFaults runs every case of faultCases through the terraform CLI and
// prints "faults: N cases, N ended well, 0 lost, 0 duplicated".
func TestAccFaults(t *testing.T) {
	t.Parallel()
	cases := faultCases()
	faultSummary.Lock()
	faultSummary.ran = true
	faultSummary.records = nil
	faultSummary.Unlock()
	t.Cleanup(func() {
		line, _ := faultSummaryLine()
		t.Log(line)
		if bad := faultsLostOrDuplicated(); len(bad) > 0 {
			t.Errorf("%s: lost or duplicated in %s", line, strings.Join(bad, ", "))
		}
	})

	sem := make(chan struct{}, faultConcurrency)
	var wg sync.WaitGroup
	for _, c := range cases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			// t.Run may be called from several goroutines at once; the
			// subtest runs in its own goroutine and fails on its own.
			t.Run(c.name(), func(t *testing.T) { runFaultCase(t, c) })
		}()
	}
	wg.Wait()
}

// faultRun is the state of one running case.
type faultRun struct {
	t    *testing.T
	c    faultCase
	mock *testMock
	rec  *faultRecord
	// before is the target's object count before the faulted step.
	before int
	// id is the object's id in state before the fault (refresh).
	id string
	// attrs are attributes of the object before the fault (refresh).
	attrs map[string]string
	// probe is the state found after a failed step.
	probe *stateProbe
	// errorShown: the faulted step failed with the expected error.
	errorShown bool
}

func runFaultCase(t *testing.T, c faultCase) {
	rec := &faultRecord{name: c.name(), want: c.want}
	if c.op == opCreate || c.op == opRefresh {
		rec.allowed = 1
	}
	faultSummary.Lock()
	faultSummary.records = append(faultSummary.records, rec)
	faultSummary.Unlock()

	r := &faultRun{t: t, c: c, mock: newTestMock(t, simpaymock.Options{}), rec: rec, before: -1}
	t.Cleanup(r.account)

	var steps []resource.TestStep
	switch c.op {
	case opDataSource:
		steps = r.dataSourceSteps()
	case opCreate:
		steps = r.createSteps()
	case opRefresh:
		steps = r.refreshSteps()
	case opImport:
		steps = r.importSteps()
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

// account settles the record once the case is over, whatever happened.
func (r *faultRun) account() {
	rec := r.rec
	// Every case starts from the mock's fixtures: whatever the counter
	// holds, the case made.
	rec.created = r.c.target.created(r.mock)
	if rec.created > 0 && !rec.tracked && r.errorShown && r.c.want == wantOutcomeUnknown {
		// The error said the object may exist and how to import it.
		rec.tracked = true
	}
	rec.lost = rec.created > 0 && !rec.tracked
	rec.dupe = rec.created > rec.allowed
	rec.endedWell = !r.t.Failed() && !rec.lost && !rec.dupe
	r.t.Logf("want: %s; observed: %s; created %d (allowed %d), lost %v, duplicated %v",
		rec.want, strings.Join(rec.observed, "; "), rec.created, rec.allowed, rec.lost, rec.dupe)
	// The suite's promise, not only its summary line: nothing SimPay holds
	// is lost track of, and nothing is created twice.
	if rec.lost {
		r.t.Errorf("fault case %s lost an object: SimPay holds %d it made, and neither state nor the error tracks it",
			rec.name, rec.created)
	}
	if rec.dupe {
		r.t.Errorf("fault case %s duplicated an object: SimPay holds %d it made, at most %d allowed",
			rec.name, rec.created, rec.allowed)
	}
}

// faultsLostOrDuplicated names the cases of the last run that ended lost or
// duplicated.
func faultsLostOrDuplicated() []string {
	faultSummary.Lock()
	defer faultSummary.Unlock()
	var out []string
	for _, r := range faultSummary.records {
		if r.lost || r.dupe {
			out = append(out, r.name)
		}
	}
	return out
}

// arm resets the request log, notes the object count and queues the fault.
func (r *faultRun) arm() {
	r.mock.ResetRequests()
	r.before = r.c.target.created(r.mock)
	r.mock.AddFault(r.c.injected())
}

func (r *faultRun) config(body string) string { return r.mock.configWith(r.c.settings(), body) }

// targetRequests are the logged requests the fault could hit.
func (r *faultRun) targetRequests() []simpaymock.Request {
	var out []simpaymock.Request
	for _, q := range r.mock.Requests() {
		if q.Method == r.c.target.method && simpaymock.PathMatches(r.c.target.path, q.Path) {
			out = append(out, q)
		}
	}
	return out
}

// checkRetried checks that the first target request took the fault and the
// second, after the wait Retry-After asked for, succeeded.
func (r *faultRun) checkRetried() error {
	reqs := r.targetRequests()
	if len(reqs) < 2 {
		return fmt.Errorf("%d %s %s requests, want the faulted one and a retry; log: %q", len(reqs), r.c.target.method, r.c.target.path, r.mock.apiRequests())
	}
	first, second := reqs[0], reqs[1]
	if first.Fault == "" || second.Fault != "" || second.Status < 200 || second.Status > 299 {
		return fmt.Errorf("want a faulted request then a successful retry, got %s (fault %q, status %d) and %s (fault %q, status %d)",
			first.Path, first.Fault, first.Status, second.Path, second.Fault, second.Status)
	}
	gap := second.Time.Sub(first.Time)
	if r.c.fault == f429 && gap < 950*time.Millisecond {
		return fmt.Errorf("retried %s after the 429, before its Retry-After of 1s", gap)
	}
	r.rec.observe("%s %s: attempt 1 got the %s fault (HTTP %d), retried after %s, attempt 2 HTTP %d", r.c.target.method, r.c.target.path,
		first.Fault, first.Status, gap.Round(10*time.Millisecond), second.Status)
	return nil
}

// checkNotRetried checks that the faulted request was the only one.
func (r *faultRun) checkNotRetried() {
	reqs := r.targetRequests()
	if len(reqs) != 1 || reqs[0].Fault == "" {
		r.t.Errorf("want exactly one %s %s request (the faulted one, not retried), got %d; log: %q",
			r.c.target.method, r.c.target.path, len(reqs), r.mock.apiRequests())
		return
	}
	r.rec.observe("1 %s, not retried", r.c.target.method)
}

// checkGaveUp checks that every attempt took the fault and that there were
// max_retries+1 of them.
func (r *faultRun) checkGaveUp() {
	reqs := r.targetRequests()
	for _, q := range reqs {
		if q.Fault == "" {
			r.t.Errorf("a request without the fault: %+v", q)
		}
	}
	attempts := faultRetries + 1
	most := attempts
	if r.c.fault == fDrop && r.c.target.method == http.MethodGet {
		// Go's HTTP transport itself replays an idempotent request once when
		// a reused keep-alive connection closes without an answer, before the
		// client sees an error: each of the client's attempts may reach the
		// server twice. It never does so for a POST, so creates stay exact.
		most = 2 * attempts
	}
	if len(reqs) < attempts || len(reqs) > most {
		r.t.Errorf("want %d %s %s requests (max_retries = %d; up to %d for a dropped GET), got %d; log: %q", attempts,
			r.c.target.method, r.c.target.path, faultRetries, most, len(reqs), r.mock.apiRequests())
		return
	}
	r.rec.observe("%d %s, all faulted, then gave up", len(reqs), r.c.target.method)
}

// failed is the PreConfig of the step after a failing one: the failing step
// is over, so its requests and the objects it made can be counted. A
// persistent fault is lifted for what follows.
func (r *faultRun) failed() {
	r.mock.ClearFaults()
	r.errorShown = true
	r.rec.observe("error as expected")
	if r.c.want == wantGaveUp || r.c.want == wantTainted {
		r.checkGaveUp()
		return
	}
	r.checkNotRetried()
}

// expectError is the faulted step's expected error.
func (r *faultRun) expectError() *regexp.Regexp { return errPattern(r.c.err) }

// probeStep is a plan-only step over body that records the state the failed
// step left in r.probe.
func (r *faultRun) probeStep(body string, nonEmpty bool, extra ...plancheck.PlanCheck) resource.TestStep {
	r.probe = &stateProbe{addr: r.c.target.addr}
	return resource.TestStep{
		PreConfig:          r.failed,
		Config:             r.config(body),
		PlanOnly:           true,
		ExpectNonEmptyPlan: nonEmpty,
		ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPreRefresh: append([]plancheck.PlanCheck{r.probe}, extra...)},
	}
}

// stateID returns the id of addr in s, and whether it is tainted.
func stateID(s *terraform.State, addr string) (string, bool, bool) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok || rs.Primary == nil {
		return "", false, false
	}
	return rs.Primary.ID, rs.Primary.Tainted, true
}

// Data source read.
func (r *faultRun) dataSourceSteps() []resource.TestStep {
	body := r.c.target.body("")
	step := resource.TestStep{PreConfig: r.arm, Config: r.config(body)}
	if r.c.want == wantRetried {
		for _, v := range r.c.target.readValues {
			step.ConfigStateChecks = append(step.ConfigStateChecks, statecheck.ExpectKnownValue(r.c.target.addr, v.at, v.want))
		}
		step.Check = func(*terraform.State) error {
			if err := r.checkRetried(); err != nil {
				return err
			}
			r.rec.observe("data source read with SimPay's values")
			return nil
		}
		return []resource.TestStep{step}
	}
	step.ExpectError = r.expectError()
	// The read failed at plan time: nothing was written to state.
	probe := r.probeStep("", false)
	probe.ConfigPlanChecks.PostApplyPreRefresh = append(probe.ConfigPlanChecks.PostApplyPreRefresh, r.checkAbsent("data source"))
	return []resource.TestStep{step, probe}
}

// checkAbsent is a plan check (run after r.probe) that the target is not in
// state.
func (r *faultRun) checkAbsent(what string) plancheck.PlanCheck {
	return planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
		if !r.probe.seen || r.probe.present {
			resp.Error = fmt.Errorf("after the failed step, %s %s is in state: %v", what, r.c.target.addr, r.probe.values)
			return
		}
		r.rec.observe("nothing in state after the failure")
	})
}

// Create.

// createSteps are the steps of a fault case on create: the create under the
// fault, then, where it must fail, a plan that probes what state kept.
func (r *faultRun) createSteps() []resource.TestStep {
	control := r.c.control()
	body := r.c.target.body(control)
	step := resource.TestStep{PreConfig: r.arm, Config: r.config(body)}
	switch r.c.want {
	case wantRetried:
		step.Check = func(s *terraform.State) error {
			if err := r.checkRetried(); err != nil {
				return err
			}
			return r.checkTracked(s, control, "state holds the one object SimPay made")
		}
		return []resource.TestStep{step}
	case wantError, wantGaveUp:
		step.ExpectError = r.expectError()
		probe := r.probeStep(body, true, plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionCreate),
			r.checkAbsent("the resource"),
			planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
				if n := r.c.target.created(r.mock) - r.before; n != 0 {
					resp.Error = fmt.Errorf("a refused create made %d objects in SimPay", n)
				}
			}))
		return []resource.TestStep{step, probe}
	case wantTainted:
		step.ExpectError = r.expectError()
		probe := r.probeStep(body, true, plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionReplace),
			planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
				want, err := r.c.target.find(r.mock, control)
				if err != nil {
					resp.Error = err
					return
				}
				p := r.probe
				id, _ := p.values["id"].(string)
				if !p.present || !p.tainted || id == "" || !strings.HasSuffix(want, "/"+id) {
					resp.Error = fmt.Errorf("after the failed read-back: present %v, tainted %v, id %q; want %s, tainted", p.present, p.tainted, id, want)
					return
				}
				if n := r.c.target.created(r.mock) - r.before; n != 1 {
					resp.Error = fmt.Errorf("SimPay made %d objects, want 1", n)
					return
				}
				r.rec.tracked = true
				r.rec.observe("state holds the created %s, tainted; the next plan replaces it", id)
			}))
		return []resource.TestStep{step, probe}
	}

	// Outcome unknown: the object exists once, is not in state, and the
	// error said how to find and import it. Doing so tracks it.
	step.ExpectError = r.expectError()
	probe := r.probeStep(body, true, plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionCreate),
		r.checkAbsent("the resource"))
	var importID string
	adopt := resource.TestStep{
		PreConfig: func() {
			if n := r.c.target.created(r.mock) - r.before; n != 1 {
				r.t.Errorf("SimPay holds %d new objects after the create whose answer was lost, want exactly 1", n)
			}
			id, err := r.c.target.find(r.mock, control)
			if err != nil {
				r.t.Fatalf("finding the object as the error says: %v", err)
			}
			importID = id
		},
		Config: r.config(body + fmt.Sprintf(`
variable "import_id" {
  type = string
}

import {
  to = %s
  id = var.import_id
}
`, r.c.target.addr)),
		ConfigVariables:  config.Variables{"import_id": lazyVariable(func() (string, error) { return importID, nil })},
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{expectImportOnly{addr: r.c.target.addr}}},
		Check: func(s *terraform.State) error {
			if posts := r.mock.CountRequests("POST", r.c.target.path); posts != 1 {
				return fmt.Errorf("%d create requests, want 1: the failed one, never re-sent", posts)
			}
			return r.checkTracked(s, control, "imported as the error said: state holds the one object SimPay made")
		},
	}
	return []resource.TestStep{step, probe, adopt}
}

// checkTracked checks that the object the case created is the one in state,
// not tainted, and the only one SimPay made.
func (r *faultRun) checkTracked(s *terraform.State, control, what string) error {
	id, tainted, ok := stateID(s, r.c.target.addr)
	if !ok {
		return fmt.Errorf("%s is not in state", r.c.target.addr)
	}
	want, err := r.c.target.find(r.mock, control)
	if err != nil {
		return err
	}
	if !strings.HasSuffix(want, "/"+id) || tainted {
		return fmt.Errorf("state holds %s (tainted %v), want %s, untainted", id, tainted, want)
	}
	if n := r.c.target.created(r.mock) - r.before; n != 1 {
		return fmt.Errorf("SimPay made %d objects, want 1", n)
	}
	r.rec.tracked = true
	r.rec.observe("%s (%s)", what, id)
	return nil
}

// Refresh.
func (r *faultRun) refreshSteps() []resource.TestStep {
	body := r.c.target.body(r.c.control())
	create := resource.TestStep{
		Config: r.config(body),
		Check: func(s *terraform.State) error {
			rs, ok := s.RootModule().Resources[r.c.target.addr]
			if !ok {
				return fmt.Errorf("%s not created", r.c.target.addr)
			}
			r.id = rs.Primary.ID
			r.attrs = map[string]string{}
			for _, k := range []string{"status", "amount", "currency", "control", "created_at", "updated_at", "redirect_url", "payer_transaction_id"} {
				r.attrs[k] = rs.Primary.Attributes[k]
			}
			return nil
		},
	}
	refresh := resource.TestStep{PreConfig: r.arm, RefreshState: true}
	switch r.c.want {
	case wantRetried:
		refresh.Check = func(s *terraform.State) error {
			if err := r.checkRetried(); err != nil {
				return err
			}
			id, tainted, ok := stateID(s, r.c.target.addr)
			if !ok || id != r.id || tainted {
				return fmt.Errorf("after the refresh state holds %q (present %v, tainted %v), want %s", id, ok, tainted, r.id)
			}
			r.rec.tracked = true
			r.rec.observe("state still holds %s, untainted", id)
			return nil
		}
		return []resource.TestStep{create, refresh}
	case wantRemoved:
		refresh.ExpectNonEmptyPlan = true
		refresh.RefreshPlanChecks = resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionCreate),
		}}
		refresh.Check = func(s *terraform.State) error {
			r.checkNotRetried()
			if _, _, ok := stateID(s, r.c.target.addr); ok {
				return fmt.Errorf("%s is still in state after SimPay answered 404 TRANSACTION_NOT_FOUND", r.c.target.addr)
			}
			r.rec.tracked = true
			r.rec.observe("removed from state, next plan creates a new one")
			return nil
		}
		return []resource.TestStep{create, refresh}
	}
	refresh.ExpectError = r.expectError()
	probe := r.probeStep(body, false, planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
		p := r.probe
		if !p.present || p.tainted || p.values["id"] != r.id {
			resp.Error = fmt.Errorf("after the failed refresh: present %v, tainted %v, id %v; want %s as before", p.present, p.tainted, p.values["id"], r.id)
			return
		}
		for k, want := range r.attrs {
			got := fmt.Sprint(p.values[k])
			if p.values[k] == nil {
				got = ""
			}
			if got != want {
				resp.Error = fmt.Errorf("after the failed refresh %s = %q, want %q as before", k, got, want)
				return
			}
		}
		r.rec.tracked = true
		r.rec.observe("state unchanged (%s)", r.id)
	}))
	return []resource.TestStep{create, refresh, probe}
}

// Import.
func (r *faultRun) importSteps() []resource.TestStep {
	step := resource.TestStep{PreConfig: r.arm, Config: r.config(ptImportBody)}
	if r.c.want == wantRetried {
		step.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionNoop),
			expectImportOnly{addr: r.c.target.addr},
		}}
		step.ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(r.c.target.addr, tfjsonpath.New("id"), knownvalue.StringExact(faultTx)),
			statecheck.ExpectKnownValue(r.c.target.addr, tfjsonpath.New("status"), knownvalue.StringExact("transaction_paid")),
		}
		step.Check = func(s *terraform.State) error {
			if err := r.checkRetried(); err != nil {
				return err
			}
			if id, tainted, ok := stateID(s, r.c.target.addr); !ok || id != faultTx || tainted {
				return fmt.Errorf("state holds %q (tainted %v), want %s", id, tainted, faultTx)
			}
			r.rec.observe("imported %s", faultTx)
			return nil
		}
		return []resource.TestStep{step}
	}
	step.ExpectError = r.expectError()
	probe := r.probeStep("", false)
	probe.ConfigPlanChecks.PostApplyPreRefresh = append(probe.ConfigPlanChecks.PostApplyPreRefresh, r.checkAbsent("the resource"))
	return []resource.TestStep{step, probe}
}

func init() {
	suiteSummaries = append(suiteSummaries, func() string {
		line, _ := faultSummaryLine()
		return line
	})
}
