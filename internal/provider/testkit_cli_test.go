package provider

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

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

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// providerBinary builds the provider once per test run, for tests that need
// Terraform to start the plugin itself (so TF_LOG_PATH captures its logs)
// rather than reattach to an in-process server.
func providerBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "simpay-provider-bin-")
		if buildErr != nil {
			return
		}
		name := "terraform-provider-simpay"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(buildDir, name), ".")
		cmd.Dir = moduleRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building the provider: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildDir
}

func moduleRoot() string {
	wd, _ := os.Getwd()
	return filepath.Join(wd, "..", "..")
}

// terraformCLI runs the real terraform binary in its own working directory,
// with a CLI config whose dev_overrides point at the freshly built provider.
type terraformCLI struct {
	t   testing.TB
	Dir string
	Env []string
}

func newTerraformCLI(t testing.TB, config string) *terraformCLI {
	t.Helper()
	return newTerraformCLIFiles(t, map[string]string{"main.tf": config})
}

// newTerraformCLIFiles is newTerraformCLI for a configuration of several
// files, by name. A versions.tf naming the provider's source is added when
// no file has a required_providers block.
func newTerraformCLIFiles(t testing.TB, files map[string]string) *terraformCLI {
	t.Helper()
	bin := providerBinary(t)
	cli, err := cliUnderTest()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rc := filepath.Join(dir, ".terraformrc")
	rcText := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n", cli.providerAddress(), bin)
	if err := os.WriteFile(rc, []byte(rcText), 0o600); err != nil {
		t.Fatal(err)
	}
	declared := false
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		declared = declared || strings.Contains(text, "required_providers")
	}
	if !declared {
		versions := "terraform {\n  required_providers {\n    simpay = {\n      source = \"simpay-tf/simpay\"\n    }\n  }\n}\n"
		if err := os.WriteFile(filepath.Join(dir, "versions.tf"), []byte(versions), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"TF_CLI_CONFIG_FILE=" + rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_INPUT=0"}
	// Start from a clean environment: nothing of the developer's SimPay or
	// Terraform settings may leak into the test.
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "SIMPAY_") || strings.HasPrefix(k, "TF_") {
			continue
		}
		env = append(env, kv)
	}
	return &terraformCLI{t: t, Dir: dir, Env: env}
}

func terraformPath() string {
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	return "terraform"
}

// Run runs terraform with args and returns stdout and stderr.
func (c *terraformCLI) Run(ctx context.Context, args ...string) (string, string, error) {
	cmd := exec.CommandContext(ctx, terraformPath(), args...)
	cmd.Dir = c.Dir
	cmd.Env = c.Env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}
