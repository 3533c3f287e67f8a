package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
