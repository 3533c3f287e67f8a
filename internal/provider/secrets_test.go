package provider

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// secretToken is distinctive enough that any occurrence is a leak;
// rejectedToken is one SimPay (the mock) does not know, for the error path.
const (
	secretToken   = "sk_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0"
	rejectedToken = "sk_test_0a1b2c3d4e5f60718293a4b5c6d7e8f9"
)

// secretsTally collects the secrets suite's findings, printed by TestMain.
var secretsTally struct {
	mu    sync.Mutex
	lines []string
}

func secretsSummary() string {
	secretsTally.mu.Lock()
	defer secretsTally.mu.Unlock()
	lines := append([]string(nil), secretsTally.lines...)
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// secretForms is the token as it would appear if leaked: as text, and
// base64-encoded at each of the three alignments (as []byte fields of JSON
// logs are), each reduced to the characters that depend on the token alone.
func secretForms(token string) []string {
	forms := []string{token}
	for k := 0; k < 3; k++ {
		enc := base64.StdEncoding.EncodeToString(append(bytes.Repeat([]byte{0}, k), token...))
		start := 0
		if k > 0 {
			start = 4
		}
		forms = append(forms, enc[start:len(enc)-4])
	}
	return forms
}

// leakScan looks for the token in command output and files, and counts
// what it looked at.
type leakScan struct {
	t       *testing.T
	forms   []string
	outputs int
	files   int
	entries int
	bytes   int64
	allowed map[string]bool // files where the token is expected (reported, not failed)
	foundIn []string
}

func (s *leakScan) check(where string, data []byte) bool {
	for _, f := range s.forms {
		if i := bytes.Index(data, []byte(f)); i >= 0 {
			lo, hi := max(i-120, 0), min(i+len(f)+40, len(data))
			if file, _, _ := strings.Cut(where, "!"); s.allowed[file] {
				s.foundIn = append(s.foundIn, where)
				return true
			}
			s.t.Errorf("the API token appears in %s:\n...%q...", where, data[lo:hi])
			return true
		}
	}
	return false
}

func (s *leakScan) output(name string, text string) {
	s.outputs++
	s.bytes += int64(len(text))
	s.check(name, []byte(text))
}

// dir scans every file under root, and every entry of the zip files among
// them (a saved plan is a zip), decompressed.
func (s *leakScan) dir(root string) {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		s.files++
		s.bytes += int64(len(data))
		s.check(rel, data)
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return fmt.Errorf("%s looks like a zip but is not: %w", rel, err)
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					return err
				}
				entry, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					return err
				}
				s.entries++
				s.bytes += int64(len(entry))
				s.check(rel+"!"+f.Name, entry)
			}
		}
		return nil
	})
	if err != nil {
		s.t.Fatal(err)
	}
}

// secretsRun is one configuration taken through create, read, import and
// destroy with TF_LOG=TRACE, each command logging to its own file.
type secretsRun struct {
	t    *testing.T
	tf   *terraformCLI
	scan *leakScan
	logs string
	n    int
}

func (r *secretsRun) run(args ...string) string {
	r.t.Helper()
	stdout, stderr, err := r.exec(nil, args...)
	if err != nil {
		r.t.Fatalf("terraform %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, stdout, stderr)
	}
	return stdout
}

// exec runs terraform at TF_LOG=TRACE with env added, and scans its output.
func (r *secretsRun) exec(env []string, args ...string) (string, string, error) {
	r.n++
	logFile := filepath.Join(r.logs, fmt.Sprintf("%02d-%s.log", r.n, args[0]))
	tf := *r.tf
	tf.Env = append(append(append([]string(nil), r.tf.Env...), env...), "TF_LOG=TRACE", "TF_LOG_PATH="+logFile)
	stdout, stderr, err := tf.Run(context.Background(), append(args, "-no-color")...)
	r.scan.output(fmt.Sprintf("stdout of terraform %s", strings.Join(args, " ")), stdout)
	r.scan.output(fmt.Sprintf("stderr of terraform %s", strings.Join(args, " ")), stderr)
	return stdout, stderr, err
}

// secretsConfig reads, creates and imports (testdata/secrets.tf).
func secretsConfig() string {
	return testdataConfig("secrets", map[string]string{
		"transaction_id": simpaymock.FixtureTxPaidWithRefund,
		"refund_id":      simpaymock.FixtureRefundID,
	})
}

// secretsImported is added before terraform import, which needs the block.
const secretsImported = `
resource "simpay_directbilling_transaction" "imported" {
  service_id = "d151e4f9"
  amount     = "10"
}
`

// TestSecretsNeverLeak takes a configuration through plan -out, apply of the
// saved plan, a refreshing plan, terraform import, show and destroy with
// TF_LOG=TRACE, and looks for the API token in every command's output, every
// log file, the saved plan (raw and unzipped), the state and its backup. It
// also checks that logging did happen, with the Authorization header
// redacted.
func TestSecretsNeverLeak(t *testing.T) {
	t.Parallel()
	for _, variant := range []struct {
		name string
		// provider is the provider block's settings beyond base_url, and
		// envKey the environment variable that gives the token.
		provider string
		envKey   string
		extra    string
		// planMayHold reports that the saved plan may hold the token:
		// Terraform stores the values of input variables in saved plans.
		planMayHold bool
	}{
		{name: "token from SIMPAY_API_TOKEN", envKey: envAPIToken},
		{
			name:        "token from a sensitive variable",
			provider:    "api_token = var.simpay_api_token",
			envKey:      "TF_VAR_simpay_api_token",
			extra:       "variable \"simpay_api_token\" {\n  type      = string\n  sensitive = true\n}\n",
			planMayHold: true,
		},
	} {
		t.Run(variant.name, func(t *testing.T) {
			t.Parallel()
			mock := newTestMock(t, simpaymock.Options{Tokens: []simpaymock.Token{{Value: secretToken}}})
			provider := fmt.Sprintf("provider \"simpay\" {\n  base_url = %q\n  %s\n}\n", mock.URL, variant.provider)
			tf := newTerraformCLI(t, provider+variant.extra+secretsConfig())
			tf.Env = append(tf.Env, variant.envKey+"="+secretToken)
			logs := filepath.Join(tf.Dir, "logs")
			if err := os.Mkdir(logs, 0o700); err != nil {
				t.Fatal(err)
			}
			scan := &leakScan{t: t, forms: append(secretForms(secretToken), secretForms(rejectedToken)...), allowed: map[string]bool{}}
			if variant.planMayHold {
				scan.allowed["tfplan"] = true
			}
			r := &secretsRun{t: t, tf: tf, scan: scan, logs: logs}

			r.run("plan", "-input=false", "-out=tfplan")
			r.run("apply", "-input=false", "tfplan")
			r.run("plan", "-input=false")
			if err := os.WriteFile(filepath.Join(tf.Dir, "main.tf"), []byte(provider+variant.extra+secretsConfig()+secretsImported), 0o600); err != nil {
				t.Fatal(err)
			}
			r.run("import", "-input=false", "simpay_directbilling_transaction.imported", "d151e4f9/"+simpaymock.FixtureDirectBillingTxNew)
			state := r.run("show", "-json")
			r.run("destroy", "-input=false", "-auto-approve")
			// The error path: a token SimPay rejects is not repeated either.
			accepted := len(mock.Requests())
			stdout, stderr, err := r.exec([]string{variant.envKey + "=" + rejectedToken}, "plan", "-input=false")
			if err == nil || !strings.Contains(stderr, "SimPay rejected the API token") {
				t.Errorf("a plan with a rejected token did not fail with SimPay's 401: %v\n%s%s", err, stdout, stderr)
			}

			// The run did what it claims: the payment was created, the
			// refund and the DirectBilling transaction imported, all with
			// the token, and the state is empty after destroy.
			for _, want := range []string{"simpay_payment_transaction.order", "simpay_payment_refund.existing",
				"simpay_directbilling_transaction.imported", "data.simpay_payment_service.shop"} {
				if !strings.Contains(state, `"address":"`+want+`"`) {
					t.Errorf("terraform show -json has no %s:\n%s", want, state)
				}
			}
			if n := mock.PaymentTransactionsCreated(); n != 1 {
				t.Errorf("the mock created %d payment transactions, want 1", n)
			}
			requests := mock.Requests()
			for i, req := range requests {
				if i < accepted && !req.AuthValid {
					t.Errorf("%s %s reached the mock without the token", req.Method, req.Path)
				}
				if i >= accepted && (req.AuthValid || req.Status != 401) {
					t.Errorf("%s %s with the rejected token was answered %d (valid token: %v), want 401",
						req.Method, req.Path, req.Status, req.AuthValid)
				}
			}
			if len(requests) == accepted {
				t.Error("the plan with the rejected token sent no request")
			}
			for _, want := range []string{"GET /payment/d151e4f9", "POST /payment/d151e4f9/transactions",
				"GET /payment/d151e4f9/transactions/" + simpaymock.FixtureTxPaidWithRefund + "/refunds/" + simpaymock.FixtureRefundID,
				"GET /directbilling/d151e4f9/transactions/" + simpaymock.FixtureDirectBillingTxNew} {
				found := false
				for _, got := range mock.apiRequests() {
					found = found || got == want
				}
				if !found {
					t.Errorf("the mock never saw %s: %v", want, mock.apiRequests())
				}
			}

			scan.dir(tf.Dir)
			for _, f := range []string{"tfplan", "terraform.tfstate", "terraform.tfstate.backup"} {
				if _, err := os.Stat(filepath.Join(tf.Dir, f)); err != nil {
					t.Errorf("%s was not written, so it was not scanned: %v", f, err)
				}
			}

			// Logging happened, at TRACE, with the client's request records
			// and the Authorization header redacted in each of them.
			entries, err := os.ReadDir(logs)
			if err != nil {
				t.Fatal(err)
			}
			var logText strings.Builder
			var logBytes int64
			for _, e := range entries {
				b, err := os.ReadFile(filepath.Join(logs, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				logBytes += int64(len(b))
				logText.Write(b)
			}
			all := logText.String()
			if !strings.Contains(all, "[TRACE]") {
				t.Error("the logs hold no TRACE records: TF_LOG=TRACE did not take effect")
			}
			records := strings.Count(all, "SimPay API request:")
			redacted := strings.Count(all, "Authorization:"+redactedAuthorizationForTest)
			if records == 0 || records < len(requests) {
				t.Errorf("the logs hold %d request records for the %d requests the mock saw", records, len(requests))
			}
			if redacted != records {
				t.Errorf("%d of %d request records show Authorization as %q", redacted, records, redactedAuthorizationForTest)
			}
			if m := regexp.MustCompile(`Bearer [^\[]`).FindString(all); m != "" {
				t.Errorf("the logs show a bearer header that is not redacted: %q", m)
			}

			planNote := "token not in the saved plan"
			holding := map[string]bool{}
			for _, where := range scan.foundIn {
				file, _, _ := strings.Cut(where, "!")
				holding[file] = true
			}
			if len(scan.foundIn) > 0 {
				planNote = "token in the saved plan (" + strings.Join(scan.foundIn, ", ") +
					"): Terraform stores input variable values, sensitive ones included, in saved plans"
			}
			secretsTally.mu.Lock()
			secretsTally.lines = append(secretsTally.lines, fmt.Sprintf(
				"secrets (%s): accepted and rejected tokens absent from %d command outputs and %d of %d files "+
					"(%d log files, %d KiB of logs; %d zip entries; %d KiB scanned in all) over %d terraform commands "+
					"at TF_LOG=TRACE; %d request records, Authorization shown as %q in all; %s",
				variant.name, scan.outputs, scan.files-len(holding), scan.files, len(entries), logBytes/1024, scan.entries,
				scan.bytes/1024, r.n, records, redactedAuthorizationForTest, planNote))
			secretsTally.mu.Unlock()
		})
	}
}

// redactedAuthorizationForTest is how internal/client logs the header.
const redactedAuthorizationForTest = "Bearer [REDACTED]"
