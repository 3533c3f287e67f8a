package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The acceptance suite runs on Terraform and on OpenTofu. The two resolve the
// provider's source "simpay-tf/simpay" to different registry hosts, and
// whatever points the CLI at the provider under test must name the host the
// CLI resolves: the dev_overrides of the tests that run the CLI themselves,
// and terraform-plugin-testing's TF_ACC_PROVIDER_HOST.

// testCLI is the Terraform or OpenTofu binary the acceptance tests run.
type testCLI struct {
	Path    string
	Name    string // "Terraform" or "OpenTofu", as the binary names itself
	Version *version.Version
	// ProviderHost is the registry host that "simpay-tf/simpay" means to
	// this CLI: TF_ACC_PROVIDER_HOST when set, else the CLI's default.
	ProviderHost string
}

// openTofu reports whether the CLI is OpenTofu.
func (c testCLI) openTofu() bool { return c.Name == "OpenTofu" }

// providerAddress is the provider's full address as this CLI resolves it.
func (c testCLI) providerAddress() string { return c.ProviderHost + "/simpay-tf/simpay" }

func (c testCLI) String() string { return c.Name + " " + c.Version.String() }

var (
	testCLIOnce  sync.Once
	testCLIValue testCLI
	testCLIErr   error
)

// cliUnderTest asks the binary at TF_ACC_TERRAFORM_PATH (else terraform on
// PATH) what it is, once per test run.
func cliUnderTest() (testCLI, error) {
	testCLIOnce.Do(func() {
		testCLIValue, testCLIErr = detectCLI(terraformPath(), os.Getenv("TF_ACC_PROVIDER_HOST"))
	})
	return testCLIValue, testCLIErr
}

// cliVersionLine matches the first line of `terraform version` and of
// `tofu version`. The JSON form (`version -json`) does not say which CLI it
// is: both report "terraform_version".
var cliVersionLine = regexp.MustCompile(`^(Terraform|OpenTofu) v(\S+)`)

// detectCLI runs path version and reads which CLI it is.
func detectCLI(path, host string) (testCLI, error) {
	if !filepath.IsAbs(path) && strings.ContainsRune(path, filepath.Separator) {
		return testCLI{}, fmt.Errorf("TF_ACC_TERRAFORM_PATH=%s is relative, and go test runs the tests in the package's directory: give an absolute path", path)
	}
	cmd := exec.Command(path, "version")
	cmd.Env = []string{"CHECKPOINT_DISABLE=1"}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !strings.HasPrefix(k, "TF_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	out, err := cmd.Output()
	if err != nil {
		return testCLI{}, fmt.Errorf("running %s version (set TF_ACC_TERRAFORM_PATH to a Terraform or OpenTofu binary): %w", path, err)
	}
	return parseCLIVersion(path, string(out), host)
}

// parseCLIVersion reads the output of path version; host is
// TF_ACC_PROVIDER_HOST, "" for the CLI's default registry.
func parseCLIVersion(path, out, host string) (testCLI, error) {
	first, _, _ := strings.Cut(out, "\n")
	m := cliVersionLine.FindStringSubmatch(strings.TrimSpace(first))
	if m == nil {
		return testCLI{}, fmt.Errorf("%s version printed %q, not the version of Terraform or OpenTofu: set TF_ACC_TERRAFORM_PATH to one of them", path, first)
	}
	v, err := version.NewVersion(m[2])
	if err != nil {
		return testCLI{}, fmt.Errorf("%s version: %w", path, err)
	}
	c := testCLI{Path: path, Name: m[1], Version: v, ProviderHost: host}
	if c.ProviderHost == "" {
		c.ProviderHost = "registry.terraform.io"
		if c.openTofu() {
			c.ProviderHost = "registry.opentofu.org"
		}
	}
	return c, nil
}

// On OpenTofu, terraform-plugin-testing needs TF_ACC_PROVIDER_HOST to serve
// the in-process provider under the address OpenTofu looks for; setting it
// here spares whoever runs the suite from knowing that.
func init() {
	if os.Getenv("TF_ACC") == "" || os.Getenv("TF_ACC_PROVIDER_HOST") != "" {
		return
	}
	// An error here is reported by the first test that needs the CLI.
	if c, err := cliUnderTest(); err == nil && c.openTofu() {
		_ = os.Setenv("TF_ACC_PROVIDER_HOST", c.ProviderHost)
	}
}

// skipOnOpenTofu is a tfversion check that skips a test on OpenTofu, whose
// version numbers do not say which Terraform features it has; why names the
// feature OpenTofu lacks. Pair it with tfversion.SkipBelow for the Terraform
// version that added the feature.
func skipOnOpenTofu(why string) tfversion.TerraformVersionCheck {
	return openTofuCheck{why: why, cli: cliUnderTest}
}

type openTofuCheck struct {
	why string
	cli func() (testCLI, error)
}

func (s openTofuCheck) CheckTerraformVersion(_ context.Context, _ tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	c, err := s.cli()
	if err != nil {
		resp.Error = err
		return
	}
	if c.openTofu() {
		resp.Skip = fmt.Sprintf("%s: %s", c, s.why)
	}
}

// checkCLI applies tfversion checks to the CLI under test, for tests that run
// it themselves (newTerraformCLI) rather than through resource.Test: a check
// that says skip skips the test, one that errors fails it.
func checkCLI(t testing.TB, checks ...tfversion.TerraformVersionCheck) {
	t.Helper()
	c, err := cliUnderTest()
	if err != nil {
		t.Fatal(err)
	}
	for _, check := range checks {
		var resp tfversion.CheckTerraformVersionResponse
		check.CheckTerraformVersion(context.Background(), tfversion.CheckTerraformVersionRequest{TerraformVersion: c.Version}, &resp)
		if resp.Error != nil {
			t.Fatal(resp.Error)
		}
		if resp.Skip != "" {
			t.Skip(resp.Skip)
		}
	}
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

// byDialect is a check whose expected value depends on the dialect: where
// SimPay's sources disagree on what SimPay sends, not on what it means,
// such as "additional", which only SimPay's newer code reads.
func byDialect(dialect simpaymock.Dialect, checks map[simpaymock.Dialect]knownvalue.Check) knownvalue.Check {
	return checks[dialect]
}

// sdkOnly is want in the dialect of SimPay's newer SDKs, which send fields
// the documented dialect does not, and null in the documented one.
func sdkOnly(dialect simpaymock.Dialect, want knownvalue.Check) knownvalue.Check {
	if dialect == simpaymock.DialectSDK {
		return want
	}
	return knownvalue.Null()
}

// Resource identity needs Terraform 1.12 or later; OpenTofu 1.12 has it too
// (import blocks with identity, identity in state), so these tests run on
// both and skip only on older CLIs.
var identityCLIs = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)}
