package provider

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// TestBadInputsRejectedBeforeAnyRequest runs each invalid configuration
// through Terraform, each against a mock of its own, and checks that it is
// refused at the stage given, by an error that names the attribute, with no
// request made to SimPay.
func TestBadInputsRejectedBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	cases := badInputCases()
	if len(cases) < 60 {
		t.Fatalf("only %d bad inputs; the suite needs at least 60", len(cases))
	}
	seen := map[string]bool{}
	for _, tc := range cases {
		if seen[tc.name] {
			t.Fatalf("two cases are named %q", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkCLI(t, tc.cliChecks...)
			badInputTally.tried.Add(1)
			if runBadInput(t, tc) {
				badInputTally.rejected.Add(1)
			}
		})
	}
}

// badInputTally is what the suite measured, printed by TestMain.
var badInputTally struct {
	tried, rejected atomic.Int64
}

// unexpectedRequests are the mock's requests that tc does not allow.
func unexpectedRequests(mock *testMock, tc badInputCase) []string {
	var out []string
	for _, r := range mock.apiRequests() {
		if !slices.Contains(tc.reads, r) || !strings.HasPrefix(r, "GET ") {
			out = append(out, r)
		}
	}
	return out
}

// runBadInput runs one case and reports whether it was refused before any
// request; every way it can fall short is also a test failure. A case runs
// as a resource.UnitTest step unless it needs the CLI itself: an
// environment of its own (the in-process provider shares the test's), a
// check of every line the CLI prints for a secret, or terraform import.
func runBadInput(t *testing.T, tc badInputCase) bool {
	if len(tc.env) > 0 || tc.mustNotSay != "" || tc.stage == "import" {
		return runBadInputCLI(t, tc)
	}
	return runBadInputStep(t, tc)
}

// configureCounter is the provider server, counting ConfigureProvider
// calls: Terraform configures the provider only once the configuration is
// valid, so a case refused with none was refused at validation.
type configureCounter struct {
	tfprotov6.ProviderServer
	calls *atomic.Int32
}

func (c configureCounter) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	c.calls.Add(1)
	return c.ProviderServer.ConfigureProvider(ctx, req)
}

// runBadInputStep runs a case as a resource.UnitTest step whose ExpectError
// is the case's error naming its attribute, then checks the stage by whether
// the provider was configured, and that the mock saw no request.
func runBadInputStep(t *testing.T, tc badInputCase) bool {
	mock := newTestMock(t, simpaymock.Options{})
	settings := tc.provider
	if settings == "" {
		settings = `base_url = "%URL%"` + "\n  " + q("api_token", simpaymock.DefaultToken)
	}
	config := "provider \"simpay\" {\n  " + strings.ReplaceAll(settings, "%URL%", mock.URL) + "\n}\n\n" + tc.body
	var configured atomic.Int32
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"simpay": func() (tfprotov6.ProviderServer, error) {
			s, err := testAccProviders["simpay"]()
			return configureCounter{ProviderServer: s, calls: &configured}, err
		},
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps:                    []resource.TestStep{{Config: config, ExpectError: namingError(tc.want, tc.attr)}},
	})
	stage := "validate"
	if configured.Load() > 0 {
		stage = "plan"
	}
	if stage != tc.stage {
		t.Errorf("refused at %s (the provider was configured %d times), want at %s", stage, configured.Load(), tc.stage)
	}
	requests := unexpectedRequests(mock, tc)
	if len(requests) != 0 {
		t.Errorf("the mock saw %d request(s), want none but %v: %v", len(requests), tc.reads, requests)
	}
	return stage == tc.stage && len(requests) == 0
}

// namingError matches Terraform's report of an error matching want that
// names attr, in its text or in the source line Terraform quotes. Terraform
// wraps long lines, so a space matches any white space.
func namingError(want, attr string) *regexp.Regexp {
	spaced := func(s string) string { return strings.ReplaceAll(s, " ", `\s+`) }
	w := `(?:` + spaced(want) + `)`
	a := `(?:^|[^A-Za-z0-9_.\[])` + spaced(regexp.QuoteMeta(attr)) + `(?:$|[^A-Za-z0-9_\[])`
	if regexp.MustCompile(a).MatchString(want) {
		// The expected text names the attribute itself.
		return regexp.MustCompile(`(?s)` + w)
	}
	return regexp.MustCompile(`(?s)` + w + `.*` + a + `|` + a + `.*` + w)
}

// runBadInputCLI runs a case through the terraform CLI: validate, then plan
// or import.
func runBadInputCLI(t *testing.T, tc badInputCase) bool {
	mock := newTestMock(t, simpaymock.Options{})
	settings := tc.provider
	if settings == "" {
		settings = `base_url = "%URL%"` + "\n  " + q("api_token", simpaymock.DefaultToken)
	}
	settings = strings.ReplaceAll(settings, "%URL%", mock.URL)
	config := "provider \"simpay\" {\n  " + settings + "\n}\n\n" + tc.body
	tf := newTerraformCLI(t, config)
	for k, v := range tc.env {
		tf.Env = append(tf.Env, k+"="+v)
	}
	ctx := context.Background()

	stage, diags := "", []tfDiagnostic(nil)
	stdout, stderr, err := tf.Run(ctx, "validate", "-json", "-no-color")
	var validated struct {
		Valid       bool           `json:"valid"`
		Diagnostics []tfDiagnostic `json:"diagnostics"`
	}
	if jerr := json.Unmarshal([]byte(stdout), &validated); jerr != nil {
		t.Fatalf("terraform validate -json printed no JSON (%v): %v\n%s\n%s", jerr, err, stdout, stderr)
	}
	var text string // what the rejecting command said, for failure messages
	switch {
	case !validated.Valid:
		stage, diags, text = "validate", validated.Diagnostics, stdout+stderr
	case tc.stage == "import":
		stdout, stderr, err = tf.Run(ctx, append([]string{"import", "-input=false", "-no-color"}, tc.importArgs...)...)
		text = stdout + stderr
		if err != nil {
			stage = "import"
			diags = []tfDiagnostic{{Severity: "error", Detail: stderr}}
		}
	default:
		stdout, stderr, err = tf.Run(ctx, "plan", "-json", "-input=false", "-no-color", "-lock=false")
		text = stdout + stderr
		if err != nil {
			stage, diags = "plan", planDiagnostics(t, stdout)
		}
	}
	if stage == "" {
		t.Errorf("accepted; want it refused at %s:\n%s", tc.stage, text)
	} else if stage != tc.stage {
		t.Errorf("refused at %s, want at %s:\n%s", stage, tc.stage, text)
	}

	// A secret the configuration does not hold literally must appear nowhere
	// in the output, source snippets and expression values included.
	if tc.mustNotSay != "" && !strings.Contains(config, tc.mustNotSay) && strings.Contains(text, tc.mustNotSay) {
		t.Errorf("the output repeats %q:\n%s", tc.mustNotSay, text)
	}

	want := regexp.MustCompile(tc.want)
	named, matched := false, false
	source := strings.Split(config, "\n")
	for _, d := range diags {
		if tc.mustNotSay != "" && strings.Contains(d.Summary+d.Detail, tc.mustNotSay) {
			t.Errorf("an error repeats %q:\n%s", tc.mustNotSay, d.text())
		}
		if d.Severity != "error" || !want.MatchString(d.text()) {
			continue
		}
		matched = true
		named = named || namesAttribute(d, source, tc.attr)
	}
	if stage != "" && !matched {
		t.Errorf("no error matches %q:\n%s", tc.want, text)
	} else if stage != "" && !named {
		t.Errorf("the error does not name %s, in its text or its source range:\n%s", tc.attr, text)
	}

	requests := unexpectedRequests(mock, tc)
	if len(requests) != 0 {
		t.Errorf("the mock saw %d request(s), want none but %v: %v", len(requests), tc.reads, requests)
	}
	return stage == tc.stage && matched && named && len(requests) == 0
}

// tfDiagnostic is a diagnostic in Terraform's JSON output.
type tfDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address"`
	Range    *struct {
		Filename string `json:"filename"`
		Start    struct {
			Line int `json:"line"`
		} `json:"start"`
	} `json:"range"`
}

func (d tfDiagnostic) text() string {
	return strings.Join(strings.Fields(d.Summary+": "+d.Detail), " ")
}

// planDiagnostics reads the diagnostics of terraform plan -json.
func planDiagnostics(t *testing.T, stdout string) []tfDiagnostic {
	var diags []tfDiagnostic
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Type       string        `json:"type"`
			Diagnostic *tfDiagnostic `json:"diagnostic"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("terraform plan -json printed a line that is not JSON: %v\n%s", err, sc.Text())
		}
		if line.Type == "diagnostic" && line.Diagnostic != nil {
			diags = append(diags, *line.Diagnostic)
		}
	}
	return diags
}

// namesAttribute reports whether d names attr: as a word of its text, or by
// pointing at the line of main.tf that sets the attribute.
func namesAttribute(d tfDiagnostic, source []string, attr string) bool {
	word := regexp.MustCompile(`(^|[^A-Za-z0-9_.\[])` + regexp.QuoteMeta(attr) + `($|[^A-Za-z0-9_\[])`)
	if word.MatchString(d.Summary + " " + d.Detail) {
		return true
	}
	if d.Range == nil || filepath.Base(d.Range.Filename) != "main.tf" || d.Range.Start.Line < 1 || d.Range.Start.Line > len(source) {
		return false
	}
	leaf := attr[strings.LastIndex(attr, ".")+1:]
	if i := strings.Index(leaf, "["); i >= 0 {
		leaf = leaf[:i]
	}
	line := strings.TrimSpace(source[d.Range.Start.Line-1])
	return regexp.MustCompile(`^` + regexp.QuoteMeta(leaf) + `\s*=`).MatchString(line)
}

// TestTextLimitsCountCharacters checks the other side of the length limits:
// SimPay counts characters, so Polish text as long as the limit, twice as
// many bytes in UTF-8, is valid.
func TestTextLimitsCountCharacters(t *testing.T) {
	t.Parallel()
	polish := func(n int) string { return quoteHCL(strings.Repeat("ż", n)) }
	tf := newTerraformCLI(t, `provider "simpay" {}

resource "simpay_payment_transaction" "polish" {
  service_id  = "d151e4f9"
  amount      = "24.99"
  description = `+polish(64)+`
  control     = `+polish(255)+`
}

resource "simpay_directbilling_transaction" "polish" {
  service_id  = "d151e4f9"
  amount      = "19.99"
  description = `+polish(dbTextMaxLength)+`
  control     = `+polish(dbTextMaxLength)+`
}
`)
	stdout, stderr, err := tf.Run(context.Background(), "validate", "-no-color")
	if err != nil || !strings.Contains(stdout, "The configuration is valid") {
		t.Fatalf("terraform validate refused text at the length limits: %v\n%s%s", err, stdout, stderr)
	}
}

// init adds the bad-input and secrets summaries to those TestMain prints
// after the run, where gotestsum (make test) shows them even when every test
// passed.
func init() {
	suiteSummaries = append(suiteSummaries, func() string {
		if badInputTally.tried.Load() == 0 {
			return ""
		}
		return badInputSummary()
	}, secretsSummary)
}

func badInputSummary() string {
	return fmt.Sprintf("bad inputs: %d tried, %d rejected before any request",
		badInputTally.tried.Load(), badInputTally.rejected.Load())
}
