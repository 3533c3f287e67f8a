package main

import (
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// fakeGo puts a go command first on PATH that records each invocation's
// arguments, one line each, in the returned file instead of building.
func fakeGo(t *testing.T) (path, log string) {
	t.Helper()
	dir := t.TempDir()
	log = filepath.Join(dir, "go.log")
	script := "#!/bin/sh\nprintf '%s\\n' \"$*\" >>" + log + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir + string(os.PathListSeparator) + os.Getenv("PATH"), log
}

func goCalls(t *testing.T, log string) []string {
	t.Helper()
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatalf("no go command was run: %v", err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// withoutOutput drops the "-o PATH" of a go build command line, the one
// part that may differ between two builds sharing a cache.
func withoutOutput(call string) string {
	f := strings.Fields(call)
	if i := slices.Index(f, "-o"); i >= 0 && i+1 < len(f) {
		f = slices.Delete(f, i, i+2)
	}
	return strings.Join(f, " ")
}

// TestDemoBuildsAsMakeBuild: make demo (scripts/mock-env.sh) builds the
// provider with exactly the go flags of make build, so that one after the
// other reuses Go's build cache instead of compiling every package again
// (-trimpath alone changes every package's cache key).
func TestDemoBuildsAsMakeBuild(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("GNU make is not on PATH")
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	path, makeLog := fakeGo(t)
	cmd := exec.Command("make", "-s", "-C", root, "build", "VERSION=0.0.0-test")
	cmd.Env = append(os.Environ(), "PATH="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make build: %v\n%s", err, out)
	}
	makeBuild := goCalls(t, makeLog)

	path, demoLog := fakeGo(t)
	work := t.TempDir()
	cmd = exec.Command("bash", "-c", `set -euo pipefail; say() { :; }; fail() { echo "$*" >&2; exit 1; }
. "$root/scripts/mock-env.sh"; work=$1; build_provider_and_mock`, "bash", work)
	cmd.Env = append(os.Environ(), "PATH="+path, "root="+root, "VERSION=0.0.0-test")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build_provider_and_mock: %v\n%s", err, out)
	}
	demo := goCalls(t, demoLog)
	if len(makeBuild) != 1 {
		t.Fatalf("make build ran go %d times: %q", len(makeBuild), makeBuild)
	}
	want := withoutOutput(makeBuild[0])
	for _, c := range demo {
		if strings.HasSuffix(c, " .") && withoutOutput(c) == want {
			return
		}
	}
	t.Errorf("the demo's provider build is not make build's:\n  make build: go %s\n  demo:       go %s", makeBuild[0], strings.Join(demo, "\n              go "))
}

// TestInstallPluginInitsAndPlansOffline: after make install-plugin, a
// configuration that asks for the build's version inits and plans with no
// CLI configuration at all (an empty TF_CLI_CONFIG_FILE) and no network,
// from the implied local mirror in HOME, against the mock.
func TestInstallPluginInitsAndPlansOffline(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("builds the provider and runs terraform: set TF_ACC=1")
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH")
	}
	root, _ := os.Getwd()
	home, work := t.TempDir(), t.TempDir()
	rc := filepath.Join(work, "empty.rc")
	if err := os.WriteFile(rc, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// Go keeps its caches under HOME unless told: keep the real ones.
	env := []string{"HOME=" + home, "TF_CLI_CONFIG_FILE=" + rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1"}
	for _, v := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		out, err := exec.Command("go", "env", v).Output()
		if err != nil {
			t.Fatal(err)
		}
		env = append(env, v+"="+strings.TrimSpace(string(out)))
	}
	run := func(dir, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	out := run(root, "make", "-s", "install-plugin", "BIN_DIR="+filepath.Join(work, "bin"))
	m := regexp.MustCompile(`version = "([^"]+)"`).FindStringSubmatch(out)
	if m == nil || !regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$`).MatchString(m[1]) {
		t.Fatalf("make install-plugin names no semantic version to use:\n%s", out)
	}
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		dir := filepath.Join(home, ".terraform.d/plugins", host, "simpay-tf/simpay", m[1], runtime.GOOS+"_"+runtime.GOARCH)
		if _, err := os.Stat(filepath.Join(dir, "terraform-provider-simpay_v"+m[1])); err != nil {
			t.Errorf("not installed for %s: %v", host, err)
		}
	}
	mock := httptest.NewServer(simpaymock.New(simpaymock.Options{}))
	t.Cleanup(mock.Close)
	config := `terraform {
  required_providers {
    simpay = {
      source  = "simpay-tf/simpay"
      version = "` + m[1] + `"
    }
  }
}

provider "simpay" {
  base_url  = "` + mock.URL + `/"
  api_token = "` + simpaymock.DefaultToken + `"
}

data "simpay_payment_channels" "blik" {
  service_id = "` + simpaymock.FixtureServiceID + `"
  type       = "blik"
}

output "blik" {
  value = data.simpay_payment_channels.blik.ids
}
`
	cfg := filepath.Join(work, "cfg")
	if err := os.MkdirAll(cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "main.tf"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := run(cfg, tf, "init", "-input=false", "-no-color"); !strings.Contains(out, "Installed simpay-tf/simpay v"+m[1]) {
		t.Errorf("init did not install the build:\n%s", out)
	}
	if out := run(cfg, tf, "plan", "-input=false", "-no-color"); !strings.Contains(out, `+ blik = [`) {
		t.Errorf("plan shows no channels of the mock:\n%s", out)
	}
}

// TestFirstPlanExampleAsksForTheDevBuild: examples/first-plan, the guide's
// configuration, asks for the version an untagged make install-plugin
// installs (NEXT_RELEASE-dev), so raising NEXT_RELEASE cannot leave the
// guide's fourth command failing.
func TestFirstPlanExampleAsksForTheDevBuild(t *testing.T) {
	mk, err := os.ReadFile("GNUmakefile")
	if err != nil {
		t.Fatal(err)
	}
	next := regexp.MustCompile(`(?m)^NEXT_RELEASE := (\S+)$`).FindSubmatch(mk)
	if next == nil {
		t.Fatal("GNUmakefile sets no NEXT_RELEASE")
	}
	tf, err := os.ReadFile("examples/first-plan/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	if want := `version = "` + string(next[1]) + `-dev"`; !strings.Contains(string(tf), want) {
		t.Errorf("examples/first-plan/main.tf does not ask for %s", want)
	}
}
