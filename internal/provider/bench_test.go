package provider

import (
	"context"
	"fmt"
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

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/mockproc"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// BenchmarkPlanCPU runs `terraform plan` through the real CLI against
// simpay-mock in its own process, with 20 ms of latency on every request,
// and measures each plan's wall time and the CPU time (user + system) of the
// provider processes Terraform starts for it. Every provider binary is run
// through benchwrap (internal/benchwrap), which appends each process's
// rusage to a log when it exits; a process that started and was not counted
// fails the benchmark.
//
// The cases run in rounds, one plan of every case per round, so that the
// load of a shared machine falls on all of them alike; every figure is the
// median of the rounds, and every ratio is the median of the ratios within
// a round. Baselines measured in the same run: 100 of Terraform's own
// terraform_data resources (no provider process), the hashicorp/http data
// source making the channel request 100 times (when a binary of it is
// given, see benchHTTPProvider), and the client alone listing the 10,000
// transactions the transactions data source lists.
//
// Environment:
//   - SIMPAY_BENCH_ROUNDS: rounds measured (default 5), after one warm-up.
//   - SIMPAY_BENCH_HTTP_PROVIDER: a terraform-provider-http binary; default
//     .tmp/http-provider/terraform-provider-http when it exists; "none"
//     leaves the baseline out.
//   - SIMPAY_BENCH_BEFORE: another terraform-provider-simpay binary (say,
//     built from an earlier commit): its simpay cases run alternating with
//     this tree's in every round, and a before/after table is printed.
//   - SIMPAY_BENCH_PROFILE: a directory; this tree's provider is then built
//     with -tags cpuprofile and each of its processes writes a CPU profile
//     into a subdirectory per case (see cpuprofile.go at the module root).
//   - SIMPAY_BENCH_INSTRUCTIONS=1: every provider process also runs under
//     valgrind's callgrind, and the instructions it executed are counted:
//     a figure the load of the machine does not change, for comparing two
//     builds on a busy machine (wall and CPU times then mean nothing; one
//     round is the default, as the count hardly varies).
//
// The benchmark measures once whatever b.N is: run it with -benchtime 1x.
func BenchmarkPlanCPU(b *testing.B) {
	rounds := 5
	if os.Getenv("SIMPAY_BENCH_INSTRUCTIONS") != "" {
		rounds = 1
	}
	if s := os.Getenv("SIMPAY_BENCH_ROUNDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("SIMPAY_BENCH_ROUNDS=%q is not a positive number", s)
		}
		rounds = n
	}
	benchOnce.Do(func() { benchReport = runPlanCPUBench(b, rounds) })
	for name, v := range benchReport {
		b.ReportMetric(v, name)
	}
}

var (
	benchOnce   sync.Once
	benchReport map[string]float64
)

const (
	benchLatency      = 20 * time.Millisecond
	benchLookups      = 100
	benchTransactions = 10000
	// The mock seeds four transactions of its own before the generated ones.
	benchSeedTransactions = 4
	channelsPath          = "/payment/" + simpaymock.FixtureServiceID + "/channels"
)

// benchSample is one plan (or one client listing) of a case.
type benchSample struct {
	wall         time.Duration
	providerCPU  time.Duration // every provider process of the plan, user + system
	processes    int           // provider processes Terraform started
	terraformCPU time.Duration // the terraform process alone, user + system
	maxRSS       int64         // KiB, the largest provider process
	instructions int64         // of every provider process, under SIMPAY_BENCH_INSTRUCTIONS
}

type benchCase struct {
	name string
	// run makes one plan or listing; it fails the benchmark when the run
	// did not do what the case is about (e.g. the wrong number of requests).
	run     func(b *testing.B) benchSample
	samples []benchSample
}

func runPlanCPUBench(b *testing.B, rounds int) map[string]float64 {
	cli, err := cliUnderTest()
	if err != nil {
		b.Fatal(err)
	}
	proc := mockproc.Start(b, "-latency", benchLatency.String(),
		"-transactions", strconv.Itoa(benchTransactions-benchSeedTransactions))
	wrapper := buildBenchWrap(b)
	profileDir := os.Getenv("SIMPAY_BENCH_PROFILE")
	current := filepath.Join(providerBinary(b), "terraform-provider-simpay")
	if profileDir != "" {
		current = buildProfilingProvider(b, profileDir)
	}
	simpayAddr := cli.providerAddress()
	httpAddr := cli.ProviderHost + "/hashicorp/http"

	bench := &planBench{proc: proc, wrapper: wrapper, profileDir: profileDir}
	if os.Getenv("SIMPAY_BENCH_INSTRUCTIONS") != "" {
		valgrind, err := exec.LookPath("valgrind")
		if err != nil {
			b.Fatalf("SIMPAY_BENCH_INSTRUCTIONS needs valgrind on PATH: %v", err)
		}
		bench.valgrind = valgrind
	}
	simpayCases := func(label, binary string) (one, many, txs *benchCase) {
		overrides := map[string]string{simpayAddr: bench.wrap(b, binary, "terraform-provider-simpay")}
		one = bench.channelsCase(b, label+"simpay_payment_channels x1", overrides, 1)
		many = bench.channelsCase(b, label+fmt.Sprintf("simpay_payment_channels x%d", benchLookups), overrides, benchLookups)
		txs = bench.transactionsCase(b, label+fmt.Sprintf("simpay_payment_transactions over %d", benchTransactions), overrides)
		return one, many, txs
	}
	one, many, txs := simpayCases("", current)
	cases := []*benchCase{one, many}
	var beforeOne, beforeMany, beforeTxs *benchCase
	if before := os.Getenv("SIMPAY_BENCH_BEFORE"); before != "" {
		beforeOne, beforeMany, beforeTxs = simpayCases("before: ", before)
		cases = []*benchCase{beforeOne, one, beforeMany, many}
	}
	tfData := bench.terraformDataCase(b)
	cases = append(cases, tfData)
	var httpOne, httpMany *benchCase
	httpBinary, httpWhy := benchHTTPProvider()
	if httpBinary != "" {
		overrides := map[string]string{httpAddr: bench.wrap(b, httpBinary, "terraform-provider-http")}
		httpOne = bench.httpCase(b, "hashicorp/http x1", overrides, 1)
		httpMany = bench.httpCase(b, fmt.Sprintf("hashicorp/http x%d", benchLookups), overrides, benchLookups)
		cases = append(cases, httpOne, httpMany)
	}
	if beforeTxs != nil {
		cases = append(cases, beforeTxs)
	}
	clientAlone := bench.clientCase(b)
	cases = append(cases, txs, clientAlone)

	loadBefore := loadAverage()
	first := -1 // round -1 warms Terraform, the page cache and the mock
	if bench.valgrind != "" {
		first = 0 // an instruction count needs no warm caches
	}
	for round := first; round < rounds; round++ {
		for _, c := range cases {
			s := c.run(b)
			if round >= 0 {
				c.samples = append(c.samples, s)
			}
		}
	}
	loadAfter := loadAverage()

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	counting := bench.valgrind != ""
	instrHeader := ""
	if counting {
		instrHeader = "provider instructions\t"
	}
	fmt.Fprintf(w, "plan\twall\tprovider CPU\tprocesses\tlargest provider RSS\tterraform CPU\t%s\n", instrHeader)
	for _, c := range cases {
		rss := "-"
		if c.samples[0].maxRSS > 0 {
			rss = fmt.Sprintf("%.0f MiB", float64(c.median(func(s benchSample) time.Duration { return time.Duration(s.maxRSS) }))/1024)
		}
		instr := ""
		if counting {
			instr = "-\t"
			if c.samples[0].processes > 0 {
				instr = fmt.Sprintf("%.1f M\t", float64(c.median(instructionsOf))/1e6)
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%s\t%s\n", c.name, ms(c.median(wallOf)), ms(c.median(cpuOf)), c.samples[0].processes,
			rss, ms(c.median(func(s benchSample) time.Duration { return s.terraformCPU })), instr)
	}
	_ = w.Flush()

	report := map[string]float64{}
	fmt.Printf("medians of %d rounds; load average %s at start, %s at end\n", rounds, loadBefore, loadAfter)
	if httpMany == nil {
		fmt.Printf("hashicorp/http baseline not run: %s\n", httpWhy)
	}
	if counting {
		// Under valgrind, times say nothing: only the counts are reported.
		added := addedInstructions(one, many)
		report["instructions/added-lookup"] = added
		fmt.Printf("provider instructions per added lookup, (x%d - x1) / %d: %.2f M", benchLookups, benchLookups-1, added/1e6)
		if httpMany != nil {
			fmt.Printf("; hashicorp/http: %.2f M", addedInstructions(httpOne, httpMany)/1e6)
		}
		fmt.Println()
		if beforeMany != nil {
			fmt.Printf("before -> after: instructions per added lookup %.2f M -> %.2f M; after/before: x1 %.2fx, x%d %.2fx, transactions %.2fx\n",
				addedInstructions(beforeOne, beforeMany)/1e6, added/1e6, pairedRatio(one, beforeOne, instructionsOf),
				benchLookups, pairedRatio(many, beforeMany, instructionsOf), pairedRatio(txs, beforeTxs, instructionsOf))
		}
	} else {
		perLookup := perAddedLookup(one, many)
		planVsData := pairedRatio(many, tfData, wallOf)
		txVsClient := pairedRatio(txs, clientAlone, wallOf)
		report["ms-cpu/added-lookup"] = perLookup
		report["x-plan100-vs-terraform_data100"] = planVsData
		report["x-plan10k-vs-client"] = txVsClient
		fmt.Printf("provider CPU per added lookup, (x%d - x1) / %d: %.2f ms (target <= 0.80)", benchLookups, benchLookups-1, perLookup)
		if httpMany != nil {
			fmt.Printf("; hashicorp/http: %.2f ms", perAddedLookup(httpOne, httpMany))
		}
		fmt.Println()
		fmt.Printf("plan of %d lookups / plan of %d terraform_data: %.2fx (target <= 1.60)", benchLookups, benchLookups, planVsData)
		if httpMany != nil {
			fmt.Printf("; hashicorp/http x%d / terraform_data: %.2fx", benchLookups, pairedRatio(httpMany, tfData, wallOf))
		}
		fmt.Println()
		fmt.Printf("plan over %d transactions / the client alone: %.2fx (target <= 2.00)\n", benchTransactions, txVsClient)
		if beforeMany != nil {
			fmt.Printf("before -> after, medians of the paired ratios after/before: x1 plan %.2fx, x%d plan %.2fx, "+
				"transactions plan %.2fx; provider CPU x1 %.2fx, x%d %.2fx, transactions %.2fx; CPU per added lookup %.2f -> %.2f ms\n",
				pairedRatio(one, beforeOne, wallOf), benchLookups, pairedRatio(many, beforeMany, wallOf), pairedRatio(txs, beforeTxs, wallOf),
				pairedRatio(one, beforeOne, cpuOf), benchLookups, pairedRatio(many, beforeMany, cpuOf), pairedRatio(txs, beforeTxs, cpuOf),
				perAddedLookup(beforeOne, beforeMany), perLookup)
		}
	}
	if profileDir != "" {
		fmt.Printf("CPU profiles of this tree's provider, one file per process, in %s/<case>/; e.g.\n  go tool pprof -top %s %s/%s/*.pprof\n",
			profileDir, current, profileDir, slug(many.name))
	}
	return report
}

type planBench struct {
	proc       *mockproc.Proc
	wrapper    string
	profileDir string
	valgrind   string // set: count instructions with callgrind
}

// wrap makes a dev_overrides directory whose provider executable, name, is
// a script running binary under benchwrap.
func (p *planBench) wrap(b *testing.B, binary, name string) string {
	b.Helper()
	abs, err := filepath.Abs(binary)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		b.Fatalf("provider binary: %v", err)
	}
	dir := b.TempDir()
	run := shellQuote(abs)
	if p.valgrind != "" {
		// Callgrind stops at Go's preemption signals unless they are off.
		run = fmt.Sprintf("env GODEBUG=asyncpreemptoff=1 %s --tool=callgrind -q "+
			"--callgrind-out-file=\"$SIMPAY_BENCH_CALLGRIND_DIR\"/callgrind.out.%%p %s", shellQuote(p.valgrind), run)
	}
	script := fmt.Sprintf("#!/bin/sh\nexec %s \"$SIMPAY_BENCH_RUSAGE_LOG\" %s \"$@\"\n", shellQuote(p.wrapper), run)
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil { //nolint:gosec // an executable script
		b.Fatal(err)
	}
	return dir
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// planCase returns a run of terraform plan over files with dev_overrides
// for the providers given (address -> directory).
func (p *planBench) planCase(b *testing.B, name string, overrides map[string]string, files map[string]string,
	check func(b *testing.B, log []simpaymock.Request)) *benchCase {
	b.Helper()
	tf := newTerraformCLIFiles(b, files)
	rc := "provider_installation {\n  dev_overrides {\n"
	for addr, dir := range overrides {
		rc += fmt.Sprintf("    %q = %q\n", addr, dir)
	}
	rc += "  }\n  direct {}\n}\n"
	writeFile(b, filepath.Join(tf.Dir, ".terraformrc"), rc)
	var extraEnv []string
	if p.profileDir != "" && strings.Contains(name, "simpay") && !strings.HasPrefix(name, "before") {
		dir := filepath.Join(p.profileDir, slug(name))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		extraEnv = append(extraEnv, "SIMPAY_PROVIDER_CPUPROFILE_DIR="+dir)
	}
	rusageLog := filepath.Join(b.TempDir(), "rusage.log")
	callgrindDir := b.TempDir()
	return &benchCase{name: name, run: func(b *testing.B) benchSample {
		b.Helper()
		_ = os.Remove(rusageLog)
		p.proc.ResetRequests(b)
		cmd := exec.Command(terraformPath(), "plan", "-input=false", "-no-color", "-lock=false")
		cmd.Dir = tf.Dir
		cmd.Env = append(append(slices.Clip(tf.Env), "SIMPAY_BENCH_RUSAGE_LOG="+rusageLog,
			"SIMPAY_BENCH_CALLGRIND_DIR="+callgrindDir), extraEnv...)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		began := time.Now()
		err := cmd.Run()
		s := benchSample{wall: time.Since(began)}
		if err != nil {
			b.Fatalf("%s: terraform plan: %v\n%s", name, err, out.String())
		}
		// wait4's rusage of terraform includes the plugins it waited for.
		total := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if p.valgrind != "" {
			// Under valgrind a provider can take longer to exit than
			// Terraform waits for (2 s) before it kills the process it
			// started, benchwrap; the provider goes on and callgrind
			// writes its count when it is done.
			s.processes = countStarts(b, rusageLog)
			s.instructions = readCallgrind(b, callgrindDir, s.processes)
			return s
		}
		s.providerCPU, s.processes, s.maxRSS = readRusageLog(b, rusageLog, len(overrides) > 0)
		s.terraformCPU = total - s.providerCPU
		if check != nil {
			check(b, p.proc.Requests(b))
		}
		return s
	}}
}

func (p *planBench) providerBlock() string {
	return fmt.Sprintf("provider \"simpay\" {\n  base_url  = %q\n  api_token = %q\n}\n", p.proc.URL, simpaymock.DefaultToken)
}

func (p *planBench) channelsCase(b *testing.B, name string, overrides map[string]string, n int) *benchCase {
	config := p.providerBlock() + fmt.Sprintf(`
data "simpay_payment_channels" "by_amount" {
  count      = %d
  service_id = %q
  currency   = "PLN"
  amount     = tostring(count.index + 1)
}

output "channel_counts" {
  value = [for c in data.simpay_payment_channels.by_amount : length(c.ids)]
}
`, n, simpaymock.FixtureServiceID)
	return p.planCase(b, name, overrides, map[string]string{"main.tf": config}, func(b *testing.B, log []simpaymock.Request) {
		// Identical catalogue reads in one provider process share one request.
		if got := countRequests(log, "GET", channelsPath); got != 1 {
			b.Fatalf("%s: %d channel requests, want 1", name, got)
		}
	})
}

func (p *planBench) transactionsCase(b *testing.B, name string, overrides map[string]string) *benchCase {
	config := p.providerBlock() + fmt.Sprintf(`
data "simpay_payment_transactions" "all" {
  service_id = %q
}

output "count" {
  value = length(data.simpay_payment_transactions.all.transactions)
}
`, simpaymock.FixtureServiceID)
	pages := (benchTransactions + 98) / 99
	return p.planCase(b, name, overrides, map[string]string{"main.tf": config}, func(b *testing.B, log []simpaymock.Request) {
		// The same requests as the client: no N+1.
		if got := countRequests(log, "GET", "/payment/"+simpaymock.FixtureServiceID+"/transactions"); got != pages {
			b.Fatalf("%s: %d list requests, want %d", name, got, pages)
		}
	})
}

func (p *planBench) terraformDataCase(b *testing.B) *benchCase {
	// An empty required_providers keeps newTerraformCLIFiles from declaring
	// the simpay provider, which Terraform would start for its schema.
	config := fmt.Sprintf(`terraform {
  required_providers {}
}

resource "terraform_data" "n" {
  count = %d
  input = count.index
}
`, benchLookups)
	return p.planCase(b, fmt.Sprintf("terraform_data x%d", benchLookups), nil, map[string]string{"main.tf": config}, nil)
}

func (p *planBench) httpCase(b *testing.B, name string, overrides map[string]string, n int) *benchCase {
	config := fmt.Sprintf(`terraform {
  required_providers {
    http = { source = "hashicorp/http" }
  }
}

data "http" "channels" {
  count           = %d
  url             = "%s%s"
  request_headers = { Authorization = "Bearer %s" }
}

output "status_codes" {
  value = [for r in data.http.channels : r.status_code]
}
`, n, p.proc.URL, strings.TrimPrefix(channelsPath, "/"), simpaymock.DefaultToken)
	return p.planCase(b, name, overrides, map[string]string{"main.tf": config}, func(b *testing.B, log []simpaymock.Request) {
		if got := countRequests(log, "GET", channelsPath); got != n {
			b.Fatalf("%s: %d channel requests, want %d", name, got, n)
		}
	})
}

// clientCase lists the transactions with the client in this process, as
// BenchmarkListPaymentTransactions10k does (default page concurrency).
func (p *planBench) clientCase(b *testing.B) *benchCase {
	c, err := client.New(client.Config{BaseURL: p.proc.URL, Token: simpaymock.DefaultToken})
	if err != nil {
		b.Fatal(err)
	}
	return &benchCase{name: fmt.Sprintf("the client alone, %d transactions", benchTransactions), run: func(b *testing.B) benchSample {
		b.Helper()
		began := time.Now()
		list, err := c.ListPaymentTransactions(context.Background(), simpaymock.FixtureServiceID, client.ListOptions{})
		s := benchSample{wall: time.Since(began)}
		if err != nil || len(list) != benchTransactions {
			b.Fatalf("the client listed %d transactions: %v", len(list), err)
		}
		return s
	}}
}

// readRusageLog sums benchwrap's records of CPU time and keeps the largest
// resident set (KiB). Every process that started must
// have ended with a record, or its CPU would be missing from the sum.
func readRusageLog(b *testing.B, name string, want bool) (cpu time.Duration, processes int, maxRSS int64) {
	b.Helper()
	text, err := os.ReadFile(name)
	if os.IsNotExist(err) && !want {
		return 0, 0, 0
	}
	if err != nil {
		b.Fatalf("reading benchwrap's log: %v", err)
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
				b.Fatalf("benchwrap's log: bad line %q", line)
			}
			cpu += time.Duration(user + sys)
			maxRSS = max(maxRSS, rss)
		default:
			b.Fatalf("benchwrap's log: bad line %q", line)
		}
	}
	if starts != ends || starts == 0 {
		b.Fatalf("benchwrap counted %d of %d provider processes: one was killed before it could be measured", ends, starts)
	}
	return cpu, ends, maxRSS
}

// countStarts counts the provider processes benchwrap started.
func countStarts(b *testing.B, name string) int {
	b.Helper()
	text, err := os.ReadFile(name)
	if err != nil && !os.IsNotExist(err) {
		b.Fatalf("reading benchwrap's log: %v", err)
	}
	return strings.Count(string(text), "start ")
}

// readCallgrind sums the instructions in callgrind's files in dir, one per
// provider process, waiting for processes still exiting, and removes them
// for the next run.
func readCallgrind(b *testing.B, dir string, processes int) int64 {
	b.Helper()
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
			b.Fatalf("callgrind counted %d of %d provider processes", len(files), processes)
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

func (c *benchCase) median(of func(benchSample) time.Duration) time.Duration {
	v := make([]time.Duration, len(c.samples))
	for i, s := range c.samples {
		v[i] = of(s)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func wallOf(s benchSample) time.Duration { return s.wall }

// instructionsOf puts a count where the medians take a duration.
func instructionsOf(s benchSample) time.Duration { return time.Duration(s.instructions) }

// addedInstructions is perAddedLookup for instructions.
func addedInstructions(one, many *benchCase) float64 {
	v := make([]float64, len(one.samples))
	for i := range one.samples {
		v[i] = float64(many.samples[i].instructions-one.samples[i].instructions) / float64(benchLookups-1)
	}
	slices.Sort(v)
	return v[len(v)/2]
}
func cpuOf(s benchSample) time.Duration { return s.providerCPU }

// pairedRatio is the median over rounds of a's figure over b's in the same round.
func pairedRatio(a, b *benchCase, of func(benchSample) time.Duration) float64 {
	v := make([]float64, len(a.samples))
	for i := range a.samples {
		v[i] = float64(of(a.samples[i])) / float64(of(b.samples[i]))
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// perAddedLookup is the median over rounds of (CPU of the many-lookup plan
// - CPU of the one-lookup plan) / (lookups - 1), in milliseconds.
func perAddedLookup(one, many *benchCase) float64 {
	v := make([]float64, len(one.samples))
	for i := range one.samples {
		v[i] = float64(many.samples[i].providerCPU-one.samples[i].providerCPU) / float64(benchLookups-1) / float64(time.Millisecond)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func ms(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
}

func slug(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			return r
		}
		return '-'
	}, strings.ToLower(s))
}

func loadAverage() string {
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

// benchHTTPProvider finds a terraform-provider-http binary for the
// hashicorp/http baseline, or says why there is none. The project ships no
// copy and no build of it.
func benchHTTPProvider() (string, string) {
	switch p := os.Getenv("SIMPAY_BENCH_HTTP_PROVIDER"); p {
	case "none":
		return "", "SIMPAY_BENCH_HTTP_PROVIDER=none"
	case "":
	default:
		return p, ""
	}
	p := filepath.Join(moduleRoot(), ".tmp", "http-provider", "terraform-provider-http")
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

func buildBenchWrap(b *testing.B) string {
	b.Helper()
	benchWrapOnce.Do(func() {
		dir, err := os.MkdirTemp("", "simpay-benchwrap-")
		if err != nil {
			benchWrapErr = err
			return
		}
		benchWrapPath = filepath.Join(dir, "benchwrap")
		benchWrapErr = goBuild(benchWrapPath, "./internal/benchwrap")
	})
	if benchWrapErr != nil {
		b.Fatal(benchWrapErr)
	}
	return benchWrapPath
}

// buildProfilingProvider builds this tree's provider with the cpuprofile tag
// into dir, beside the profiles it writes, for pprof to read.
func buildProfilingProvider(b *testing.B, dir string) string {
	b.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, "terraform-provider-simpay")
	if err := goBuild(out, ".", "-tags", "cpuprofile"); err != nil {
		b.Fatal(err)
	}
	return out
}

func goBuild(out, pkg string, flags ...string) error {
	cmd := exec.Command("go", append(append([]string{"build"}, flags...), "-o", out, pkg)...)
	cmd.Dir = moduleRoot()
	if text, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, text)
	}
	return nil
}

func countRequests(log []simpaymock.Request, method, path string) int {
	n := 0
	for _, r := range log {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

func writeFile(b *testing.B, name, text string) {
	b.Helper()
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		b.Fatal(err)
	}
}
