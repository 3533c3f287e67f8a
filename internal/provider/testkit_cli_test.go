package provider

// The terraform CLI harness: the tests that run the real binary themselves,
// beside those terraform-plugin-testing drives.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

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

// moduleRoot is the repository root, seen from the package's directory, where
// go test runs.
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

// newTerraformCLI is a working directory holding config as main.tf.
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

// terraformPath is the CLI the tests run: TF_ACC_TERRAFORM_PATH, else
// terraform on PATH.
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

// requiredProvidersBlock lets the terraform CLI, run with dev_overrides, find
// the provider under its registry address.
const requiredProvidersBlock = `terraform {
  required_providers {
    simpay = { source = "simpay-tf/simpay" }
  }
}
`

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

// cliRun runs terraform with args in cli's directory and fails the test
// when the exit status is not the one wanted.
func cliRun(t *testing.T, cli *terraformCLI, wantOK bool, args ...string) string {
	t.Helper()
	out, errOut, err := cli.Run(context.Background(), append(args, "-no-color")...)
	if (err == nil) != wantOK {
		t.Fatalf("terraform %s: err %v, want success %v\n%s\n%s", strings.Join(args, " "), err, wantOK, out, errOut)
	}
	return out + errOut
}

// stateValues is terraform show -json's view of one resource in state.
func stateValues(t *testing.T, cli *terraformCLI, addr string) (map[string]any, bool) {
	t.Helper()
	out, errOut, err := cli.Run(context.Background(), "show", "-json")
	if err != nil {
		t.Fatalf("terraform show -json: %v\n%s", err, errOut)
	}
	var doc struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Address string         `json:"address"`
					Tainted bool           `json:"tainted"`
					Values  map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("terraform show -json: %v\n%s", err, out)
	}
	for _, r := range doc.Values.RootModule.Resources {
		if r.Address == addr {
			return r.Values, r.Tainted
		}
	}
	return nil, false
}

// withConfig rewrites main.tf of cli's directory, keeping its state.
func (c *terraformCLI) withConfig(t *testing.T, config string) *terraformCLI {
	t.Helper()
	if err := os.WriteFile(filepath.Join(c.Dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	return c
}

// cliProviderConfig is mock.config for a run of the real terraform binary,
// which needs the provider's source address spelled out.
func cliProviderConfig(mock *testMock, body string) string {
	return mock.config(body)
}
