// Package benchmarks holds what BenchmarkPlanCPU (internal/provider's
// bench_test.go) uses beside Terraform: building benchwrap and a profiling
// provider, the dev_overrides script that starts a provider under them,
// running a plan and reading what they recorded of it, and the medians,
// ratios and table the benchmark reports. Only tests import it, so no release build carries any of it.
package benchmarks

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"
	"time"
)

// Sample is one plan (or one client listing) of a case.
type Sample struct {
	Wall         time.Duration
	ProviderCPU  time.Duration // every provider process of the plan, user + system
	Processes    int           // provider processes Terraform started
	TerraformCPU time.Duration // the terraform process alone, user + system
	MaxRSS       int64         // KiB, the largest provider process
	Instructions int64         // of every provider process, when counted with callgrind
}

// Case is one thing the benchmark measures in every round.
type Case struct {
	Name string
	// Run makes one plan or listing; it fails the benchmark when the run
	// did not do what the case is about (e.g. the wrong number of requests).
	Run     func(b *testing.B) Sample
	Samples []Sample
}

// Median is the median over the rounds of one figure of the samples.
func (c *Case) Median(of func(Sample) time.Duration) time.Duration {
	v := make([]time.Duration, len(c.Samples))
	for i, s := range c.Samples {
		v[i] = of(s)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// WallOf, CPUOf and InstructionsOf pick a figure of a sample for Median and
// PairedRatio; InstructionsOf puts a count where they take a duration.
func WallOf(s Sample) time.Duration         { return s.Wall }
func CPUOf(s Sample) time.Duration          { return s.ProviderCPU }
func InstructionsOf(s Sample) time.Duration { return time.Duration(s.Instructions) }

// PairedRatio is the median over rounds of a's figure over b's in the same round.
func PairedRatio(a, b *Case, of func(Sample) time.Duration) float64 {
	v := make([]float64, len(a.Samples))
	for i := range a.Samples {
		v[i] = float64(of(a.Samples[i])) / float64(of(b.Samples[i]))
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// PerAddedLookup is the median over rounds of (CPU of the many-lookup plan
// - CPU of the one-lookup plan) / (lookups - 1), in milliseconds.
func PerAddedLookup(one, many *Case, lookups int) float64 {
	v := make([]float64, len(one.Samples))
	for i := range one.Samples {
		v[i] = float64(many.Samples[i].ProviderCPU-one.Samples[i].ProviderCPU) / float64(lookups-1) / float64(time.Millisecond)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// AddedInstructions is PerAddedLookup for instructions.
func AddedInstructions(one, many *Case, lookups int) float64 {
	v := make([]float64, len(one.Samples))
	for i := range one.Samples {
		v[i] = float64(many.Samples[i].Instructions-one.Samples[i].Instructions) / float64(lookups-1)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// WrapScript makes a dev_overrides directory whose provider executable,
// name, is a script running binary under benchwrap (wrapper), and under
// valgrind's callgrind too when valgrind is set. The script reads where to
// write from SIMPAY_BENCH_RUSAGE_LOG and SIMPAY_BENCH_CALLGRIND_DIR.
func WrapScript(tb testing.TB, wrapper, valgrind, binary, name string) string {
	tb.Helper()
	abs, err := filepath.Abs(binary)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		tb.Fatalf("provider binary: %v", err)
	}
	dir := tb.TempDir()
	run := shellQuote(abs)
	if valgrind != "" {
		// Callgrind stops at Go's preemption signals unless they are off.
		run = fmt.Sprintf("env GODEBUG=asyncpreemptoff=1 %s --tool=callgrind -q "+
			"--callgrind-out-file=\"$SIMPAY_BENCH_CALLGRIND_DIR\"/callgrind.out.%%p %s", shellQuote(valgrind), run)
	}
	script := fmt.Sprintf("#!/bin/sh\nexec %s \"$SIMPAY_BENCH_RUSAGE_LOG\" %s \"$@\"\n", shellQuote(wrapper), run)
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil { //nolint:gosec // an executable script
		tb.Fatal(err)
	}
	return dir
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// ReadRusageLog sums benchwrap's records of CPU time and keeps the largest
// resident set (KiB). Every process that started must have ended with a
// record, or its CPU would be missing from the sum; want says a provider
// was expected at all.
func ReadRusageLog(tb testing.TB, name string, want bool) (cpu time.Duration, processes int, maxRSS int64) {
	tb.Helper()
	text, err := os.ReadFile(name)
	if os.IsNotExist(err) && !want {
		return 0, 0, 0
	}
	if err != nil {
		tb.Fatalf("reading benchwrap's log: %v", err)
	}
	starts, ends := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(string(text)), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "start":
			starts++
		case len(f) == 6 && f[0] == "end":
			ends++
			user, err1 := strconv.ParseInt(f[2], 10, 64)
			sys, err2 := strconv.ParseInt(f[3], 10, 64)
			rss, err3 := strconv.ParseInt(f[5], 10, 64)
			if err1 != nil || err2 != nil || err3 != nil {
				tb.Fatalf("benchwrap's log: bad line %q", line)
			}
			cpu += time.Duration(user + sys)
			maxRSS = max(maxRSS, rss)
		default:
			tb.Fatalf("benchwrap's log: bad line %q", line)
		}
	}
	if starts != ends || starts == 0 {
		tb.Fatalf("benchwrap counted %d of %d provider processes: one was killed before it could be measured", ends, starts)
	}
	return cpu, ends, maxRSS
}

// CountStarts counts the provider processes benchwrap started.
func CountStarts(tb testing.TB, name string) int {
	tb.Helper()
	text, err := os.ReadFile(name)
	if err != nil && !os.IsNotExist(err) {
		tb.Fatalf("reading benchwrap's log: %v", err)
	}
	return strings.Count(string(text), "start ")
}

// ReadCallgrind sums the instructions in callgrind's files in dir, one per
// provider process, waiting for processes still exiting, and removes them
// for the next run.
func ReadCallgrind(tb testing.TB, dir string, processes int) int64 {
	tb.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		var total int64
		files, _ := filepath.Glob(filepath.Join(dir, "callgrind.out.*"))
		complete := len(files) == processes
		for _, name := range files {
			n, ok := callgrindTotal(name)
			complete = complete && ok
			total += n
		}
		if complete {
			for _, name := range files {
				_ = os.Remove(name)
			}
			return total
		}
		if time.Now().After(deadline) {
			tb.Fatalf("callgrind counted %d of %d provider processes", len(files), processes)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// callgrindTotal reads the "totals:" line callgrind writes last.
func callgrindTotal(name string) (int64, bool) {
	text, err := os.ReadFile(name)
	if err != nil {
		return 0, false
	}
	i := strings.LastIndex(string(text), "\ntotals: ")
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(text[i+len("\ntotals: "):]))
	if len(f) == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(f[0], 10, 64)
	return n, err == nil
}

// MS prints a duration in whole milliseconds, "-" for none.
func MS(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
}

// Slug turns a case's name into a directory name.
func Slug(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			return r
		}
		return '-'
	}, strings.ToLower(s))
}

// LoadAverage is the machine's load average, as /proc/loadavg says it.
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// HTTPProvider finds a terraform-provider-http binary for the
// hashicorp/http baseline (SIMPAY_BENCH_HTTP_PROVIDER, or
// .tmp/http-provider/terraform-provider-http under moduleRoot), or says why
// there is none. The project ships no copy and no build of it.
func HTTPProvider(moduleRoot string) (string, string) {
	switch p := os.Getenv("SIMPAY_BENCH_HTTP_PROVIDER"); p {
	case "none":
		return "", "SIMPAY_BENCH_HTTP_PROVIDER=none"
	case "":
	default:
		return p, ""
	}
	p := filepath.Join(moduleRoot, ".tmp", "http-provider", "terraform-provider-http")
	if _, err := os.Stat(p); err == nil {
		return p, ""
	}
	return "", "no terraform-provider-http binary: set SIMPAY_BENCH_HTTP_PROVIDER to one built from " +
		"github.com/hashicorp/terraform-provider-http, or put it at " + p
}

var (
	benchWrapOnce sync.Once
	benchWrapPath string
	benchWrapErr  error
)

// BuildBenchWrap builds benchwrap once per test run.
func BuildBenchWrap(tb testing.TB, moduleRoot string) string {
	tb.Helper()
	benchWrapOnce.Do(func() {
		dir, err := os.MkdirTemp("", "simpay-benchwrap-")
		if err != nil {
			benchWrapErr = err
			return
		}
		benchWrapPath = filepath.Join(dir, "benchwrap")
		benchWrapErr = goBuild(moduleRoot, benchWrapPath, "./internal/benchmarks/benchwrap")
	})
	if benchWrapErr != nil {
		tb.Fatal(benchWrapErr)
	}
	return benchWrapPath
}

// BuildProfilingProvider builds profiledprovider, the provider writing a
// CPU profile per process, into dir as terraform-provider-simpay, beside the
// profiles it writes, for pprof to read.
func BuildProfilingProvider(tb testing.TB, moduleRoot, dir string) string {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(dir, "terraform-provider-simpay")
	if err := goBuild(moduleRoot, out, "./internal/benchmarks/profiledprovider"); err != nil {
		tb.Fatal(err)
	}
	return out
}

func goBuild(moduleRoot, out, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = moduleRoot
	if text, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, text)
	}
	return nil
}

// PlanRun is one terraform plan a case measures.
type PlanRun struct {
	Name      string   // the case's, for errors
	Terraform string   // the CLI binary
	Dir       string   // its working directory, configuration and .terraformrc
	Env       []string // its environment, then ExtraEnv
	ExtraEnv  []string
	// RusageLog and CallgrindDir are where benchwrap and callgrind write
	// what they measured of each provider process.
	RusageLog, CallgrindDir string
	// Counting: the providers run under callgrind, and their instructions
	// are counted instead of their times.
	Counting bool
	// Providers: the plan starts provider processes, which must all have
	// been counted.
	Providers bool
}

// Plan runs terraform plan as r says and returns what it measured; a plan
// that fails fails the benchmark.
func Plan(b *testing.B, r PlanRun) Sample {
	b.Helper()
	_ = os.Remove(r.RusageLog)
	cmd := exec.Command(r.Terraform, "plan", "-input=false", "-no-color", "-lock=false")
	cmd.Dir = r.Dir
	cmd.Env = append(append(slices.Clip(r.Env), "SIMPAY_BENCH_RUSAGE_LOG="+r.RusageLog,
		"SIMPAY_BENCH_CALLGRIND_DIR="+r.CallgrindDir), r.ExtraEnv...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	began := time.Now()
	err := cmd.Run()
	s := Sample{Wall: time.Since(began)}
	if err != nil {
		b.Fatalf("%s: terraform plan: %v\n%s", r.Name, err, out.String())
	}
	// wait4's rusage of terraform includes the plugins it waited for.
	total := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if r.Counting {
		// Under valgrind a provider can take longer to exit than
		// Terraform waits for (2 s) before it kills the process it
		// started, benchwrap; the provider goes on and callgrind
		// writes its count when it is done.
		s.Processes = CountStarts(b, r.RusageLog)
		s.Instructions = ReadCallgrind(b, r.CallgrindDir, s.Processes)
		return s
	}
	s.ProviderCPU, s.Processes, s.MaxRSS = ReadRusageLog(b, r.RusageLog, r.Providers)
	s.TerraformCPU = total - s.ProviderCPU
	return s
}

// PrintTable writes the medians of every case, one row a case; counting
// adds the providers' instructions.
func PrintTable(out io.Writer, cases []*Case, counting bool) {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	instrHeader := ""
	if counting {
		instrHeader = "provider instructions\t"
	}
	fmt.Fprintf(w, "plan\twall\tprovider CPU\tprocesses\tlargest provider RSS\tterraform CPU\t%s\n", instrHeader)
	for _, c := range cases {
		rss := "-"
		if c.Samples[0].MaxRSS > 0 {
			rss = fmt.Sprintf("%.0f MiB", float64(c.Median(func(s Sample) time.Duration { return time.Duration(s.MaxRSS) }))/1024)
		}
		instr := ""
		if counting {
			instr = "-\t"
			if c.Samples[0].Processes > 0 {
				instr = fmt.Sprintf("%.1f M\t", float64(c.Median(InstructionsOf))/1e6)
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%s\t%s\n", c.Name, MS(c.Median(WallOf)), MS(c.Median(CPUOf)), c.Samples[0].Processes,
			rss, MS(c.Median(func(s Sample) time.Duration { return s.TerraformCPU })), instr)
	}
	_ = w.Flush()
}

// Valgrind is the valgrind binary on PATH, which counting instructions
// needs.
func Valgrind(b *testing.B) string {
	b.Helper()
	valgrind, err := exec.LookPath("valgrind")
	if err != nil {
		b.Fatalf("SIMPAY_BENCH_INSTRUCTIONS needs valgrind on PATH: %v", err)
	}
	return valgrind
}

// WriteFile writes text to the file name, or fails the benchmark.
func WriteFile(b *testing.B, name, text string) {
	b.Helper()
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		b.Fatal(err)
	}
}
