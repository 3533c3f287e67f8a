package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// lockedBuffer collects output written from the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var baseURL = regexp.MustCompile(`^http://127\.0\.0\.1:[0-9]+/(x/)?$`)

func fetch(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestRunServesAndStops(t *testing.T) {
	urlFile := filepath.Join(t.TempDir(), "url")
	stdoutR, stdoutW := io.Pipe()
	var stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{
			"-listen", "127.0.0.1:0",
			"-token", "full-token-1",
			"-token", "limited-token-2:payment.services,payment.service",
			"-blocked-token", "blocked-token-3",
			"-latency", "1ms",
			"-transactions", "20",
			"-prefix", "/x",
			"-fault", "GET /ip status=503 times=1 retry_after=1",
			"-url-file", urlFile,
		}, stdoutW, &stderr)
		stdoutW.Close()
	}()

	line, err := bufio.NewReader(stdoutR).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the URL: %v (stderr: %s)", err, stderr.String())
	}
	go func() { _, _ = io.Copy(io.Discard, stdoutR) }()
	base := strings.TrimSpace(line)
	if !baseURL.MatchString(line[:len(line)-1]) {
		t.Fatalf("first line %q is not a base URL", line)
	}
	if b, err := os.ReadFile(urlFile); err != nil || string(b) != base+"\n" {
		t.Errorf("url file: %q, %v", b, err)
	}

	if code, body := fetch(t, base+"payment/d151e4f9/transactions", "full-token-1"); code != 200 || !strings.Contains(body, `"total":24`) {
		t.Errorf("transactions: %d %s", code, body)
	}
	if code, _ := fetch(t, base+"ip", "full-token-1"); code != 503 {
		t.Errorf("first /ip: %d, want the injected 503", code)
	}
	if code, _ := fetch(t, base+"ip", "full-token-1"); code != 200 {
		t.Errorf("second /ip: %d", code)
	}
	if code, _ := fetch(t, base+"payment", "limited-token-2"); code != 200 {
		t.Errorf("limited token on its ability: %d", code)
	}
	if code, body := fetch(t, base+"sms", "limited-token-2"); code != 403 || !strings.Contains(body, "INVALID_ABILITY_PROVIDED") {
		t.Errorf("limited token elsewhere: %d %s", code, body)
	}
	// GET /ip is public: no token, or a token without its ability, will do.
	for _, token := range []string{"", "limited-token-2"} {
		if code, body := fetch(t, base+"ip", token); code != 200 || !strings.Contains(body, "192.0.2.10") {
			t.Errorf("/ip with token %q: %d %s", token, code, body)
		}
	}
	if code, body := fetch(t, base+"payment", "blocked-token-3"); code != 403 || !strings.Contains(body, "IP_ADDRESS_NOT_WHITELISTED") {
		t.Errorf("blocked token: %d %s", code, body)
	}
	if code, _ := fetch(t, base+"payment", "simpay-mock-token"); code != 401 {
		t.Errorf("default token accepted although -token was given: %d", code)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop")
	}
	logged := stderr.String()
	if !strings.Contains(logged, "GET /x/payment/d151e4f9/transactions 200") || !strings.Contains(logged, "fault=status") {
		t.Errorf("stderr log:\n%s", logged)
	}
	for _, tok := range []string{"full-token-1", "limited-token-2", "blocked-token-3"} {
		if strings.Contains(logged, tok) {
			t.Errorf("token %s in the log", tok)
		}
	}
}

func TestRunHelp(t *testing.T) {
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"-help"}, io.Discard, &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("run -help: %v", err)
	}
	for _, f := range []string{"-listen", "-token", "-blocked-token", "-latency", "-transactions", "-prefix", "-fault", "-url-file", "-seed", "-quiet", "-dialect", `"sdk"`, "SIGTERM",
		"-ipn-url", "-ipn-key", "-ipn-attempts", "-ipn-backoff", "-ipn-timeout", "-autopay", "/__admin/health", "/__admin/ipn", "fail:", "expire:", "cancel:", "hold:"} {
		if !strings.Contains(stderr.String(), f) {
			t.Errorf("help does not mention %s:\n%s", f, stderr.String())
		}
	}
}

func TestRunBadArguments(t *testing.T) {
	for _, args := range [][]string{
		{"-nope"},
		{"-latency", "soon"},
		{"extra"},
		{"-fault", "GET /ip explode"},
		{"-dialect", "laravel"},
		{"-listen", "256.0.0.1:99999"},
		{"-listen", "127.0.0.1:0", "-url-file", filepath.Join(t.TempDir(), "missing", "dir", "url")},
		{"-ipn-url", "shop.example/ipn"},
		{"-ipn-url", "d151e4f9=ftp://shop.example/ipn"},
		{"-ipn-key", "d151e4f9="},
		{"-ipn-attempts", "0"},
		{"-ipn-backoff", "0s"},
		{"-autopay", "-1s"},
	} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}

// TestRunDialect: -dialect sdk answers in the newer SDKs' shapes, and the
// default in the documented ones.
func TestRunDialect(t *testing.T) {
	for dialect, want := range map[string][]string{
		"":           {`"value_net":30.75`, `"errorCode":"SERVICE_NOT_FOUND"`},
		"documented": {`"value_net":30.75`, `"errorCode":"SERVICE_NOT_FOUND"`},
		"sdk":        {`"value":"25","value_gross":30.75`, `"code":"SERVICE_NOT_FOUND"`},
	} {
		stdoutR, stdoutW := io.Pipe()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		args := []string{"-listen", "127.0.0.1:0", "-quiet"}
		if dialect != "" {
			args = append(args, "-dialect", dialect)
		}
		go func() { done <- run(ctx, args, stdoutW, io.Discard); stdoutW.Close() }()
		line, err := bufio.NewReader(stdoutR).ReadString('\n')
		if err != nil {
			cancel()
			t.Fatalf("%s: reading the URL: %v", dialect, err)
		}
		go func() { _, _ = io.Copy(io.Discard, stdoutR) }()
		base := strings.TrimSpace(line)
		_, number := fetch(t, base+"sms/numbers/92555", "simpay-mock-token")
		_, missing := fetch(t, base+"sms/ffffffff", "simpay-mock-token")
		if !strings.Contains(number, want[0]) || !strings.Contains(missing, want[1]) {
			t.Errorf("-dialect %q: %s / %s, want %s / %s", dialect, number, missing, want[0], want[1])
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("-dialect %q: run: %v", dialect, err)
		}
	}
}

// TestSignalExitsZero builds the command and stops it with SIGTERM, as a
// script would.
func TestSignalExitsZero(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no SIGTERM to send; the command's shutdown path is also exercised by TestRunServesAndStops")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to build the command: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "simpay-mock")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-listen", "127.0.0.1:0", "-quiet")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := fetch(t, strings.TrimSpace(line)+"payment", "simpay-mock-token"); code != 200 {
		t.Errorf("status %d", code)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v", err)
		}
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("did not stop on SIGTERM")
	}
}

// TestRunNotifies starts the command with notifications and the lifecycle:
// a payment created through the API is paid by itself, the shop's endpoint
// gets it signed with the per-service key (the global -ipn-url and -ipn-key
// apply to other services), and every attempt is logged.
func TestRunNotifies(t *testing.T) {
	var mu sync.Mutex
	var bodies [][]byte
	var calls int
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		calls++
		if calls == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		bodies = append(bodies, b)
		_, _ = io.WriteString(w, "OK")
	}))
	defer shop.Close()
	stdoutR, stdoutW := io.Pipe()
	var stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{
			"-listen", "127.0.0.1:0", "-quiet",
			"-ipn-url", "http://127.0.0.1:9/unused?x=1",
			"-ipn-url", "d151e4f9=" + shop.URL + "/ipn?a=b",
			"-ipn-key", "global-key",
			"-ipn-key", "d151e4f9=shop-key",
			"-ipn-backoff", "5ms",
			"-autopay", "10ms",
		}, stdoutW, &stderr)
		stdoutW.Close()
	}()
	line, err := bufio.NewReader(stdoutR).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the URL: %v (stderr: %s)", err, stderr.String())
	}
	go func() { _, _ = io.Copy(io.Discard, stdoutR) }()
	base := strings.TrimSpace(line)
	if code, body := fetch(t, base+"__admin/health", ""); code != 200 || !strings.Contains(body, `"ok"`) {
		t.Errorf("health: %d %s", code, body)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"payment/d151e4f9/transactions", strings.NewReader(`{"amount": 10, "control": "order-7"}`))
	req.Header.Set("Authorization", "Bearer simpay-mock-token")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("create: %v %v", err, resp)
	}
	resp.Body.Close()
	code, list := fetch(t, base+"__admin/ipn?wait=10s", "")
	if code != 200 || !strings.Contains(list, `"settled":true`) || !strings.Contains(list, `"state":"delivered"`) {
		t.Fatalf("admin ipn: %d %s", code, list)
	}
	mu.Lock()
	if calls != 2 || len(bodies) != 1 {
		t.Errorf("shop saw %d calls, %d delivered", calls, len(bodies))
	}
	body := bodies[0]
	mu.Unlock()
	if err := simpaymock.VerifyIPNSignature(body, "shop-key"); err != nil {
		t.Errorf("signature under the per-service key: %v", err)
	}
	if !strings.Contains(string(body), `"status":"transaction_paid"`) || !strings.Contains(string(body), `"control":"order-7"`) {
		t.Errorf("notification %s", body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
	logged := stderr.String()
	for _, want := range []string{"ipn transaction:status_changed", "attempt 1/5: 503", "next attempt in 5ms", "attempt 2/5: 200", "delivered"} {
		if !strings.Contains(logged, want) {
			t.Errorf("log lacks %q:\n%s", want, logged)
		}
	}
	if strings.Contains(logged, "GET /payment") || strings.Contains(logged, "shop-key") {
		t.Errorf("-quiet log shows requests or the key:\n%s", logged)
	}
}

// TestRunVersion: -version prints the version the build carries (set by
// make and goreleaser through -X main.version, as for the provider) and
// starts nothing.
func TestRunVersion(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "0.1.0-dev"
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-version"}, &stdout, &stderr); err != nil {
		t.Fatalf("run -version: %v\n%s", err, stderr.String())
	}
	if got := stdout.String(); got != "simpay-mock 0.1.0-dev\n" {
		t.Errorf("-version printed %q, want %q", got, "simpay-mock 0.1.0-dev\n")
	}
}

// TestBuildsCarryOneVersion: every build in .goreleaser.yml and in the
// GNUmakefile sets main.version with the same ldflags, so simpay-mock
// -version names the provider's version.
func TestBuildsCarryOneVersion(t *testing.T) {
	release, err := os.ReadFile("../../.goreleaser.yml")
	if err != nil {
		t.Fatal(err)
	}
	builds := strings.Count(string(release), "ldflags:")
	const want = `"-s -w -X main.version={{ .Version }}"`
	if n := strings.Count(string(release), "ldflags:\n      - "+want); builds < 2 || n != builds {
		t.Errorf(".goreleaser.yml: %d of its %d builds set %s", n, builds, want)
	}
	out, err := exec.Command("make", "-s", "-n", "-C", "../..", "build", "build-mock", "VERSION=9.9.9-test").CombinedOutput()
	if err != nil {
		// Fail, not skip: make is part of the build (CI runs it), so a
		// make that cannot dry-run these targets is a broken GNUmakefile.
		t.Fatalf("make -n build build-mock: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[1], " ./cmd/simpay-mock") {
		t.Fatalf("make -n build build-mock: %q", lines)
	}
	flags := func(l string) string { return l[:strings.Index(l, " -o ")] }
	if flags(lines[0]) != flags(lines[1]) || !strings.Contains(lines[1], `-X main.version=9.9.9-test`) {
		t.Errorf("make builds the provider and simpay-mock with other flags:\n%s\n%s", lines[0], lines[1])
	}
}

// TestReferencePageMatchesTheMock keeps docs/guides/simpay-mock.md in step
// with the command and the mock: every flag -help lists has a row, every
// admin route the mock registers has a section with a curl example of its
// method, and the page names no route the mock does not serve.
func TestReferencePageMatchesTheMock(t *testing.T) {
	page, err := os.ReadFile("../../docs/guides/simpay-mock.md")
	if err != nil {
		t.Fatal(err)
	}
	var help bytes.Buffer
	_ = run(context.Background(), []string{"-help"}, io.Discard, &help)
	for _, m := range regexp.MustCompile(`(?m)^  -([a-z-]+)`).FindAllStringSubmatch(help.String(), -1) {
		if !regexp.MustCompile("(?m)^\\| `-" + regexp.QuoteMeta(m[1]) + "[ `]").Match(page) {
			t.Errorf("the page has no row for -%s", m[1])
		}
	}
	if !strings.Contains(help.String(), "docs/guides/simpay-mock.md") {
		t.Errorf("-help does not point at the page:\n%s", help.String())
	}
	served := map[string]bool{}
	for _, f := range []string{"admin.go", "ipn_admin.go"} {
		src, err := os.ReadFile(filepath.Join("../../internal/simpaymock", f))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`HandleFunc\("([A-Z]+) (/__admin/[^"]+)"`).FindAllStringSubmatch(string(src), -1) {
			served[m[1]+" "+m[2]] = true
		}
	}
	if len(served) < 10 {
		t.Fatalf("found only %d admin routes in the mock's source", len(served))
	}
	sections := regexp.MustCompile("(?m)^### ([A-Z]+) (/__admin/\\S*)\n((?:[^#]|#[^#])*)").FindAllStringSubmatch(string(page), -1)
	documented := map[string]bool{}
	for _, s := range sections {
		route := s[1] + " " + s[2]
		documented[route] = true
		if !served[route] {
			t.Errorf("the page documents %s, which the mock does not serve", route)
		}
		method := "-X " + s[1]
		if s[1] == "GET" {
			method = `curl -fsS "$M` + s[2][:strings.IndexAny(s[2]+"{", "{")]
		}
		if !strings.Contains(s[3], "curl ") || !strings.Contains(s[3], method) {
			t.Errorf("the section of %s has no curl example with %s", route, method)
		}
	}
	for route := range served {
		if !documented[route] {
			t.Errorf("the mock serves %s, which the page does not document", route)
		}
	}
}
