// Package mockproc runs cmd/simpay-mock as a separate process, for
// benchmarks that must not count the mock's own work (CPU, allocations)
// as the client's or the provider's.
package mockproc

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// Proc is a running simpay-mock.
type Proc struct {
	// URL is the mock's base URL, ending in "/".
	URL string
	cmd *exec.Cmd
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// ModuleRoot finds the directory holding go.mod, from the working directory up.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

func build() (string, error) {
	buildOnce.Do(func() {
		root, err := ModuleRoot()
		if err != nil {
			buildErr = err
			return
		}
		dir, err := os.MkdirTemp("", "simpay-mock-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "simpay-mock")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/simpay-mock")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building simpay-mock: %w\n%s", err, out)
		}
	})
	return binPath, buildErr
}

// Start builds simpay-mock (once) and starts it on a free loopback port with
// args added; it is stopped when tb's test ends.
func Start(tb testing.TB, args ...string) *Proc {
	tb.Helper()
	bin, err := build()
	if err != nil {
		tb.Fatal(err)
	}
	urlFile := filepath.Join(tb.TempDir(), "url")
	cmd := exec.Command(bin, append([]string{"-listen", "127.0.0.1:0", "-url-file", urlFile, "-quiet"}, args...)...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		if b, err := os.ReadFile(urlFile); err == nil && strings.HasSuffix(strings.TrimSpace(string(b)), "/") {
			return &Proc{URL: strings.TrimSpace(string(b)), cmd: cmd}
		}
		if time.Now().After(deadline) {
			tb.Fatal("simpay-mock did not write its URL within 30s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Requests returns the mock's request log.
func (p *Proc) Requests(tb testing.TB) []simpaymock.Request {
	tb.Helper()
	resp, err := http.Get(p.URL + "__admin/requests")
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var log []simpaymock.Request
	if err := json.NewDecoder(resp.Body).Decode(&log); err != nil {
		tb.Fatalf("decoding the request log: %v", err)
	}
	return log
}

// ResetRequests empties the mock's request log.
func (p *Proc) ResetRequests(tb testing.TB) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodDelete, p.URL+"__admin/requests", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
}
