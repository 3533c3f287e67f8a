package provider

// The kit's own tests: each custom check is fed a value it must refuse and
// one it must accept.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

func TestParseCLIVersion(t *testing.T) {
	cases := []struct {
		name, out, host string
		want            string // "Name version host", or "" for an error
	}{
		{"terraform", "Terraform v1.15.9\non linux_amd64\n", "", "Terraform 1.15.9 registry.terraform.io"},
		{"opentofu", "OpenTofu v1.12.6\non linux_amd64\n", "", "OpenTofu 1.12.6 registry.opentofu.org"},
		{"TF_ACC_PROVIDER_HOST wins", "OpenTofu v1.12.6\n", "registry.example.com", "OpenTofu 1.12.6 registry.example.com"},
		{"prerelease", "Terraform v1.16.0-alpha20260101\n", "", "Terraform 1.16.0-alpha20260101 registry.terraform.io"},
		{"not a CLI", "go version go1.26 linux/amd64\n", "", ""},
		{"empty", "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := parseCLIVersion("cli", tc.out, tc.host)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("parsed %v from %q, want an error", c, tc.out)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.String() + " " + c.ProviderHost; got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSkipOnOpenTofu(t *testing.T) {
	for out, wantSkip := range map[string]string{
		"Terraform v1.15.9": "",
		"OpenTofu v1.12.6":  "OpenTofu 1.12.6: it lacks the feature",
	} {
		c, err := parseCLIVersion("cli", out, "")
		if err != nil {
			t.Fatal(err)
		}
		check := openTofuCheck{why: "it lacks the feature", cli: func() (testCLI, error) { return c, nil }}
		var resp tfversion.CheckTerraformVersionResponse
		check.CheckTerraformVersion(context.Background(), tfversion.CheckTerraformVersionRequest{TerraformVersion: c.Version}, &resp)
		if resp.Error != nil || resp.Skip != wantSkip {
			t.Errorf("%s: skip %q, error %v; want skip %q", out, resp.Skip, resp.Error, wantSkip)
		}
	}
}

// kitPlan is a plan in the JSON form terraform show -json gives it, as the
// plan checks receive it.
func kitPlan(t *testing.T, planJSON string) plancheck.CheckPlanRequest {
	t.Helper()
	var req plancheck.CheckPlanRequest
	if planJSON != "" {
		planJSON = "," + planJSON
	}
	if err := json.Unmarshal([]byte(`{"format_version":"1.2"`+planJSON+`}`), &req.Plan); err != nil {
		t.Fatalf("the test's plan: %v", err)
	}
	return req
}

// kitPriorState is a plan whose prior state holds resources (JSON).
func kitPriorState(resources string) string {
	return `"prior_state":{"format_version":"1.0","values":{"root_module":{"resources":[` + resources + `]}}}`
}

// kitChange is a resource change of addr (JSON) with the actions and the
// rest of its change given.
func kitChange(addr, actions, rest string) string {
	return `{"address":"` + addr + `","change":{"actions":[` + actions + `]` + rest + `}}`
}

// TestKitPlanChecks feeds each custom plan check a plan it must accept and
// plans it must refuse, and checks the error names what is wrong.
func TestKitPlanChecks(t *testing.T) {
	const a = "simpay_payment_transaction.test"
	id := func(s string) func() string { return func() string { return s } }
	for _, tc := range []struct {
		name  string
		check plancheck.PlanCheck
		plan  string
		want  string // a fragment of the error, "" for none
	}{
		{"prior id: the one created", expectPriorID{a, id("tx-1")},
			`"resource_changes":[` + kitChange(a, `"update"`, `,"before":{"id":"tx-1"}`) + `]`, ""},
		{"prior id: another object", expectPriorID{a, id("tx-1")},
			`"resource_changes":[` + kitChange(a, `"update"`, `,"before":{"id":"tx-2"}`) + `]`, `prior id tx-2, want "tx-1"`},
		{"prior id: nothing captured", expectPriorID{a, id("")},
			`"resource_changes":[` + kitChange(a, `"update"`, `,"before":{"id":""}`) + `]`, `want ""`},
		{"prior id: no change", expectPriorID{a, id("tx-1")}, `"resource_changes":[]`, "no change planned"},

		{"tainted: the one created", expectTainted{a, id("tx-1")},
			kitPriorState(`{"address":"` + a + `","tainted":true,"values":{"id":"tx-1"}}`), ""},
		{"tainted: not tainted", expectTainted{a, id("tx-1")},
			kitPriorState(`{"address":"` + a + `","values":{"id":"tx-1"}}`), "is not tainted"},
		{"tainted: another id", expectTainted{a, id("tx-1")},
			kitPriorState(`{"address":"` + a + `","tainted":true,"values":{"id":"tx-2"}}`), `want the created transaction "tx-1"`},
		{"tainted: not in state", expectTainted{a, id("tx-1")}, kitPriorState(``), "not in the prior state"},
		{"tainted: no prior state", expectTainted{a, id("tx-1")}, `"resource_changes":[]`, "no prior state"},

		{"import only: a no-op import", expectImportOnly{a},
			`"resource_changes":[` + kitChange(a, `"no-op"`, `,"importing":{"id":"d151e4f9/tx-1"}`) + `]`, ""},
		{"import only: an import that records arguments", expectImportOnly{a},
			`"resource_changes":[` + kitChange(a, `"update"`, `,"importing":{"id":"d151e4f9/tx-1"}`) + `]`, ""},
		{"import only: an import that creates", expectImportOnly{a},
			`"resource_changes":[` + kitChange(a, `"create"`, `,"importing":{"id":"d151e4f9/tx-1"}`) + `]`, "want an import without create or replace"},
		{"import only: no import", expectImportOnly{a},
			`"resource_changes":[` + kitChange(a, `"no-op"`, ``) + `]`, "is not imported"},
		{"import only: not in the plan", expectImportOnly{a}, `"resource_changes":[]`, "is not in the plan"},

		{"only import: one no-op import", expectOnlyImport{a},
			`"resource_changes":[` + kitChange(a, `"no-op"`, `,"importing":{"id":"x"}`) + `,` + kitChange("b.c", `"no-op"`, ``) + `]`, ""},
		{"only import: another import", expectOnlyImport{a},
			`"resource_changes":[` + kitChange(a, `"no-op"`, `,"importing":{"id":"x"}`) + `,` + kitChange("b.c", `"no-op"`, `,"importing":{"id":"y"}`) + `]`, "also imports b.c"},
		{"only import: something else changes", expectOnlyImport{a},
			`"resource_changes":[` + kitChange(a, `"no-op"`, `,"importing":{"id":"x"}`) + `,` + kitChange("b.c", `"create"`, ``) + `]`, "for b.c"},
		{"only import: an import that updates", expectOnlyImport{a},
			`"resource_changes":[` + kitChange(a, `"update"`, `,"importing":{"id":"x"}`) + `]`, "want only the import"},
		{"only import: nothing imported", expectOnlyImport{a}, `"resource_changes":[]`, "imports 0 resources"},

		{"no drift: none", expectNoDrift{a}, `"resource_drift":[` + kitChange("b.c", `"update"`, ``) + `]`, ""},
		{"no drift: drifted", expectNoDrift{a}, `"resource_drift":[` + kitChange(a, `"update"`, `,"before":{"id":"1"},"after":{"id":"2"}`) + `]`, "changed on refresh"},

		{"func: passes its error on", planCheckFunc(func(resp *plancheck.CheckPlanResponse) { resp.Error = errors.New("refused") }), ``, "refused"},
		{"func: no error", planCheckFunc(func(*plancheck.CheckPlanResponse) {}), ``, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var resp plancheck.CheckPlanResponse
			tc.check.CheckPlan(context.Background(), kitPlan(t, tc.plan), &resp)
			switch {
			case tc.want == "" && resp.Error != nil:
				t.Errorf("refused a plan it must accept: %v", resp.Error)
			case tc.want != "" && resp.Error == nil:
				t.Errorf("accepted a plan it must refuse (want an error with %q)", tc.want)
			case tc.want != "" && !strings.Contains(resp.Error.Error(), tc.want):
				t.Errorf("error %q does not say %q", resp.Error, tc.want)
			}
		})
	}
}

// TestKitStateProbe checks that the probe reads the prior state as it is,
// and says when the resource is not there.
func TestKitStateProbe(t *testing.T) {
	p := &stateProbe{addr: "a.b"}
	var resp plancheck.CheckPlanResponse
	p.CheckPlan(context.Background(), kitPlan(t, kitPriorState(`{"address":"a.b","tainted":true,"values":{"id":"x"}}`)), &resp)
	if !p.seen || !p.present || !p.tainted || p.values["id"] != "x" || resp.Error != nil {
		t.Errorf("probe of a tainted a.b: %+v, error %v", p, resp.Error)
	}
	p = &stateProbe{addr: "a.b"}
	p.CheckPlan(context.Background(), kitPlan(t, kitPriorState(`{"address":"a.c","values":{"id":"x"}}`)), &resp)
	if !p.seen || p.present || p.values != nil {
		t.Errorf("probe of a state without a.b: %+v", p)
	}
}

// kitState is a state in the JSON form of terraform show -json, as the
// state checks receive it.
func kitState(t *testing.T, resources string) statecheck.CheckStateRequest {
	t.Helper()
	var req statecheck.CheckStateRequest
	if err := json.Unmarshal([]byte(`{"format_version":"1.0","values":{"root_module":{"resources":[`+resources+`]}}}`), &req.State); err != nil {
		t.Fatalf("the test's state: %v", err)
	}
	return req
}

// TestKitStateChecks feeds the state checks the kit builds a state they
// must accept and one they must refuse.
func TestKitStateChecks(t *testing.T) {
	const a = "simpay_payment_refund.test"
	good := `{"address":"` + a + `","mode":"managed","type":"simpay_payment_refund","name":"test",` +
		`"values":{"service_id":"d151e4f9","id":"r-1","status":"done"},"identity_schema_version":0,"identity":{"service_id":"d151e4f9","id":"r-1"}}`
	bad := `{"address":"` + a + `","mode":"managed","type":"simpay_payment_refund","name":"test",` +
		`"values":{"service_id":"d151e4f9","id":"r-1","status":"new"},"identity_schema_version":0,"identity":{"service_id":"d151e4f9","id":"r-2"}}`
	identity := map[string]knownvalue.Check{"service_id": knownvalue.StringExact("d151e4f9"), "id": knownvalue.StringExact("r-1")}
	for _, tc := range []struct {
		name   string
		checks []statecheck.StateCheck
	}{
		{"stateString", []statecheck.StateCheck{stateString(a, "status", "done")}},
		{"expectState", expectState(a, map[string]knownvalue.Check{"status": knownvalue.StringExact("done"), "id": knownvalue.StringExact("r-1")})},
		{"identityOf", identityOf(a, identity)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run := func(resources string) []error {
				var errs []error
				for _, c := range tc.checks {
					var resp statecheck.CheckStateResponse
					c.CheckState(context.Background(), kitState(t, resources), &resp)
					if resp.Error != nil {
						errs = append(errs, resp.Error)
					}
				}
				return errs
			}
			if errs := run(good); len(errs) != 0 {
				t.Errorf("refused a state it must accept: %v", errs)
			}
			if errs := run(bad); len(errs) == 0 {
				t.Errorf("accepted a state it must refuse")
			}
		})
	}
}

// TestKitValueChecks checks the value checks on values they must accept and
// values they must refuse.
func TestKitValueChecks(t *testing.T) {
	for _, tc := range []struct {
		name      string
		check     knownvalue.Check
		good, bad any
	}{
		{"stringList in order", stringList("a", "b"), []any{"a", "b"}, []any{"b", "a"}},
		{"stringList exactly", stringList("a"), []any{"a"}, []any{"a", "a"}},
		{"stringOrNullCheck of a string", stringOrNullCheck("x"), "x", nil},
		{"stringOrNullCheck of none", stringOrNullCheck(""), nil, ""},
		{"sdkOnly in the SDK dialect", sdkOnly(simpaymock.DialectSDK, knownvalue.StringExact("x")), "x", nil},
		{"sdkOnly in the documented dialect", sdkOnly(simpaymock.DialectDocumented, knownvalue.StringExact("x")), nil, "x"},
		{"byDialect", byDialect(simpaymock.DialectSDK, map[simpaymock.Dialect]knownvalue.Check{
			simpaymock.DialectDocumented: knownvalue.StringExact("doc"), simpaymock.DialectSDK: knownvalue.StringExact("sdk"),
		}), "sdk", "doc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.check.CheckValue(tc.good); err != nil {
				t.Errorf("refused %#v: %v", tc.good, err)
			}
			if err := tc.check.CheckValue(tc.bad); err == nil {
				t.Errorf("accepted %#v", tc.bad)
			}
		})
	}
}

// TestKitStateFuncs checks the TestCheckFuncs and import id functions that
// read terraform-plugin-testing's flat state.
func TestKitStateFuncs(t *testing.T) {
	s := &terraform.State{Modules: []*terraform.ModuleState{{
		Path: []string{"root"},
		Resources: map[string]*terraform.ResourceState{"simpay_payment_refund.test": {
			Type:    "simpay_payment_refund",
			Primary: &terraform.InstanceState{ID: "r-1", Attributes: map[string]string{"service_id": "d151e4f9", "transaction_id": "tx-1", "id": "r-1", "amount": ""}},
		}},
	}}}
	if err := checkCount("refunds", func() int { return 1 }, 1)(s); err != nil {
		t.Errorf("checkCount refused 1 of 1: %v", err)
	}
	if err := checkCount("refunds", func() int { return 2 }, 1)(s); err == nil || !strings.Contains(err.Error(), "refunds: 2, want 1") {
		t.Errorf("checkCount of 2, want 1: %v", err)
	}

	if got, err := importIDOf("simpay_payment_refund.test", "service_id", "transaction_id", "id")(s); got != "d151e4f9/tx-1/r-1" || err != nil {
		t.Errorf("importIDOf = %q, %v", got, err)
	}
	if _, err := importIDOf("simpay_payment_refund.test", "service_id", "amount")(s); err == nil || !strings.Contains(err.Error(), "has no amount") {
		t.Errorf("importIDOf an empty attribute: %v, want an error naming it", err)
	}
	if _, err := importIDOf("simpay_payment_refund.other", "id")(s); err == nil {
		t.Error("importIDOf a resource not in state: no error")
	}

	var c attrCapture
	if err := c.capture("simpay_payment_refund.test", "transaction_id")(s); err != nil || c.get() != "tx-1" {
		t.Errorf("capture: %q, %v", c.get(), err)
	}
	if err := c.capture("simpay_payment_refund.other", "id")(s); err == nil {
		t.Error("capture of a resource not in state: no error")
	}

	if b, err := json.Marshal(lazyVariable(func() (string, error) { return "tx-1", nil })); string(b) != `"tx-1"` || err != nil {
		t.Errorf("lazyVariable marshals to %s, %v", b, err)
	}
	if _, err := json.Marshal(lazyVariable(func() (string, error) { return "", errors.New("not yet") })); err == nil {
		t.Error("lazyVariable whose value fails marshals without an error")
	}
}

// TestKitRequestChecks checks the checks of the mock's request log against
// requests made to a mock of the test's own.
func TestKitRequestChecks(t *testing.T) {
	mock := newTestMock(t, simpaymock.Options{})
	get := func(path string) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Authorization", "Bearer "+simpaymock.DefaultToken)
		mock.ServeHTTP(httptest.NewRecorder(), req)
	}
	currencies := "/payment/" + simpaymock.FixtureServiceID + "/currencies"
	if err := expectOnlyRequests(mock, "GET "+currencies)(nil); err == nil || !strings.Contains(err.Error(), "missing request GET "+currencies) {
		t.Errorf("no request made: %v, want a missing request", err)
	}
	get(currencies)
	get(currencies)
	if err := expectOnlyRequests(mock, "GET "+currencies)(nil); err != nil {
		t.Errorf("the one request wanted, twice: %v", err)
	}
	get("/payment/" + simpaymock.FixtureServiceID + "/channels?currency=PLN")
	if err := expectOnlyRequests(mock, "GET "+currencies)(nil); err == nil || !strings.Contains(err.Error(), "unexpected request GET /payment/d151e4f9/channels?currency=PLN") {
		t.Errorf("a request not wanted: %v, want it named", err)
	}

	subscriptions := "/payment/" + simpaymock.FixtureServiceID + "/subscriptions"
	paged := newTestMock(t, simpaymock.Options{})
	getFrom := func(m *testMock, target string) {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.Header.Set("Authorization", "Bearer "+simpaymock.DefaultToken)
		m.ServeHTTP(httptest.NewRecorder(), req)
	}
	if err := expectPerPagePaging(paged, subscriptions)(nil); err == nil || !strings.Contains(err.Error(), "want 1 and 2") {
		t.Errorf("no page asked: %v, want the pages named", err)
	}
	getFrom(paged, subscriptions+"?page=1&perPage=50&filter%5Bstatus%5D=subscription_active")
	if err := expectPerPagePaging(paged, subscriptions)(nil); err == nil || !strings.Contains(err.Error(), `["1"]`) {
		t.Errorf("page 1 alone: %v, want the pages asked named", err)
	}
	getFrom(paged, subscriptions+"?page=2&perPage=50&filter%5Bstatus%5D=subscription_active")
	if err := expectPerPagePaging(paged, subscriptions)(nil); err != nil {
		t.Errorf("pages 1 and 2 by perPage=50: %v", err)
	}
	if err := expectFilterQueries(paged, subscriptions, "filter[status]=subscription_active", "page=2&perPage=50")(nil); err != nil {
		t.Errorf("filters the mock saw: %v", err)
	}
	if err := expectFilterQueries(paged, subscriptions, "filter[status]=subscription_cancelled")(nil); err == nil || !strings.Contains(err.Error(), "no GET "+subscriptions+" with filter[status]=subscription_cancelled") {
		t.Errorf("a filter the mock never saw: %v, want it named", err)
	}
	if err := expectFilterQueries(paged, subscriptions, "filter[status]=subscription_active&filter[mode]=CARD")(nil); err == nil {
		t.Error("a filter the mock saw, with one it did not in the same request: no error")
	}
	getFrom(paged, subscriptions+"?page=1&limit=50")
	if err := expectPerPagePaging(paged, subscriptions)(nil); err == nil || !strings.Contains(err.Error(), "want perPage=50 and no limit") {
		t.Errorf("a page asked with limit: %v, want it refused", err)
	}

	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"/payment/*/transactions", "/payment/d151e4f9/transactions", true},
		{"payment/*/transactions", "/payment/d151e4f9/transactions/", true},
		{"/payment/*/transactions", "/payment/d151e4f9/transactions/tx-1", false},
		{"/payment/*/transactions", "/directbilling/d151e4f9/transactions", false},
		{"/payment/*", "/payment", false},
	} {
		if got := simpaymock.PathMatches(tc.pattern, tc.path); got != tc.want {
			t.Errorf("simpaymock.PathMatches(%q, %q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

// TestKitEitherOrder checks that eitherOrder wants both patterns, in either
// order.
func TestKitEitherOrder(t *testing.T) {
	re := eitherOrder("first", "second")
	for text, want := range map[string]bool{
		"first\n...\nsecond": true,
		"second\n...\nfirst": true,
		"first only":         false,
		"second only":        false,
	} {
		if re.MatchString(text) != want {
			t.Errorf("eitherOrder matches %q: %v, want %v", text, !want, want)
		}
	}
}

// TestKitTestdata checks testdataConfig's refusals, and that every file in
// testdata is a configuration some test loads.
func TestKitTestdata(t *testing.T) {
	vars := map[string]string{"amount": "10", "price": "4.5", "extra": ""}
	text, err := renderTestdata("payment_transaction_full", vars)
	if err != nil || strings.Contains(text, "{{") || !strings.Contains(text, `amount      = "10"`) {
		t.Errorf("rendering with every value: %v\n%s", err, text)
	}
	delete(vars, "price")
	if _, err := renderTestdata("payment_transaction_full", vars); err == nil || !strings.Contains(err.Error(), "no value given for price") {
		t.Errorf("a placeholder left unfilled: %v", err)
	}
	vars["price"], vars["amonut"] = "4.5", "10"
	if _, err := renderTestdata("payment_transaction_full", vars); err == nil || !strings.Contains(err.Error(), "no placeholder for amonut") {
		t.Errorf("a value the file does not use: %v", err)
	}
	if _, err := renderTestdata("no_such_configuration", nil); err == nil {
		t.Error("a file that does not exist: no error")
	}

	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var sources strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources.Write(b)
	}
	entries, err := testdataFiles.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".tf")
		if !strings.Contains(sources.String(), `testdataConfig("`+name+`"`) {
			t.Errorf("testdata/%s is loaded by no test", e.Name())
		}
	}
}
