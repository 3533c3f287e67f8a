package provider

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
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
