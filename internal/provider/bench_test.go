package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/benchmarks"
	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/mockproc"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// BenchmarkPlanCPU runs `terraform plan` through the real CLI against
// simpay-mock in its own process, with 20 ms of latency on every request,
// and measures each plan's wall time and the CPU time (user + system) of the
// provider processes Terraform starts for it. Every provider binary is run
// through benchwrap (internal/benchmarks/benchwrap), which appends each process's
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
//     from internal/benchmarks/profiledprovider and each of its processes
//     writes a CPU profile into a subdirectory per case.
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

func runPlanCPUBench(b *testing.B, rounds int) map[string]float64 {
	cli, err := cliUnderTest()
	if err != nil {
		b.Fatal(err)
	}
	proc := mockproc.Start(b, "-latency", benchLatency.String(),
		"-transactions", strconv.Itoa(benchTransactions-benchSeedTransactions))
	wrapper := benchmarks.BuildBenchWrap(b, moduleRoot())
	profileDir := os.Getenv("SIMPAY_BENCH_PROFILE")
	current := filepath.Join(providerBinary(b), "terraform-provider-simpay")
	if profileDir != "" {
		current = benchmarks.BuildProfilingProvider(b, moduleRoot(), profileDir)
	}
	simpayAddr := cli.providerAddress()
	httpAddr := cli.ProviderHost + "/hashicorp/http"

	bench := &planBench{proc: proc, wrapper: wrapper, profileDir: profileDir}
	if os.Getenv("SIMPAY_BENCH_INSTRUCTIONS") != "" {
		bench.valgrind = benchmarks.Valgrind(b)
	}
	simpayCases := func(label, binary string) (one, many, txs *benchmarks.Case) {
		overrides := map[string]string{simpayAddr: benchmarks.WrapScript(b, bench.wrapper, bench.valgrind, binary, "terraform-provider-simpay")}
		one = bench.channelsCase(b, label+"simpay_payment_channels x1", overrides, 1)
		many = bench.channelsCase(b, label+fmt.Sprintf("simpay_payment_channels x%d", benchLookups), overrides, benchLookups)
		txs = bench.transactionsCase(b, label+fmt.Sprintf("simpay_payment_transactions over %d", benchTransactions), overrides)
		return one, many, txs
	}
	one, many, txs := simpayCases("", current)
	cases := []*benchmarks.Case{one, many}
	var beforeOne, beforeMany, beforeTxs *benchmarks.Case
	if before := os.Getenv("SIMPAY_BENCH_BEFORE"); before != "" {
		beforeOne, beforeMany, beforeTxs = simpayCases("before: ", before)
		cases = []*benchmarks.Case{beforeOne, one, beforeMany, many}
	}
	tfData := bench.terraformDataCase(b)
	cases = append(cases, tfData)
	var httpOne, httpMany *benchmarks.Case
	httpBinary, httpWhy := benchmarks.HTTPProvider(moduleRoot())
	if httpBinary != "" {
		overrides := map[string]string{httpAddr: benchmarks.WrapScript(b, bench.wrapper, bench.valgrind, httpBinary, "terraform-provider-http")}
		httpOne = bench.httpCase(b, "hashicorp/http x1", overrides, 1)
		httpMany = bench.httpCase(b, fmt.Sprintf("hashicorp/http x%d", benchLookups), overrides, benchLookups)
		cases = append(cases, httpOne, httpMany)
	}
	if beforeTxs != nil {
		cases = append(cases, beforeTxs)
	}
	clientAlone := bench.clientCase(b)
	cases = append(cases, txs, clientAlone)

	loadBefore := benchmarks.LoadAverage()
	first := -1 // round -1 warms Terraform, the page cache and the mock
	if bench.valgrind != "" {
		first = 0 // an instruction count needs no warm caches
	}
	for round := first; round < rounds; round++ {
		for _, c := range cases {
			s := c.Run(b)
			if round >= 0 {
				c.Samples = append(c.Samples, s)
			}
		}
	}
	loadAfter := benchmarks.LoadAverage()

	counting := bench.valgrind != ""
	benchmarks.PrintTable(os.Stdout, cases, counting)

	report := map[string]float64{}
	fmt.Printf("medians of %d rounds; load average %s at start, %s at end\n", rounds, loadBefore, loadAfter)
	if httpMany == nil {
		fmt.Printf("hashicorp/http baseline not run: %s\n", httpWhy)
	}
	if counting {
		// Under valgrind, times say nothing: only the counts are reported.
		added := benchmarks.AddedInstructions(one, many, benchLookups)
		report["instructions/added-lookup"] = added
		fmt.Printf("provider instructions per added lookup, (x%d - x1) / %d: %.2f M", benchLookups, benchLookups-1, added/1e6)
		if httpMany != nil {
			fmt.Printf("; hashicorp/http: %.2f M", benchmarks.AddedInstructions(httpOne, httpMany, benchLookups)/1e6)
		}
		fmt.Println()
		if beforeMany != nil {
			fmt.Printf("before -> after: instructions per added lookup %.2f M -> %.2f M; after/before: x1 %.2fx, x%d %.2fx, transactions %.2fx\n",
				benchmarks.AddedInstructions(beforeOne, beforeMany, benchLookups)/1e6, added/1e6, benchmarks.PairedRatio(one, beforeOne, benchmarks.InstructionsOf),
				benchLookups, benchmarks.PairedRatio(many, beforeMany, benchmarks.InstructionsOf), benchmarks.PairedRatio(txs, beforeTxs, benchmarks.InstructionsOf))
		}
	} else {
		perLookup := benchmarks.PerAddedLookup(one, many, benchLookups)
		planVsData := benchmarks.PairedRatio(many, tfData, benchmarks.WallOf)
		txVsClient := benchmarks.PairedRatio(txs, clientAlone, benchmarks.WallOf)
		report["ms-cpu/added-lookup"] = perLookup
		report["x-plan100-vs-terraform_data100"] = planVsData
		report["x-plan10k-vs-client"] = txVsClient
		fmt.Printf("provider CPU per added lookup, (x%d - x1) / %d: %.2f ms (target <= 0.80)", benchLookups, benchLookups-1, perLookup)
		if httpMany != nil {
			fmt.Printf("; hashicorp/http: %.2f ms", benchmarks.PerAddedLookup(httpOne, httpMany, benchLookups))
		}
		fmt.Println()
		fmt.Printf("plan of %d lookups / plan of %d terraform_data: %.2fx (target <= 1.60)", benchLookups, benchLookups, planVsData)
		if httpMany != nil {
			fmt.Printf("; hashicorp/http x%d / terraform_data: %.2fx", benchLookups, benchmarks.PairedRatio(httpMany, tfData, benchmarks.WallOf))
		}
		fmt.Println()
		fmt.Printf("plan over %d transactions / the client alone: %.2fx (target <= 2.00)\n", benchTransactions, txVsClient)
		if beforeMany != nil {
			fmt.Printf("before -> after, medians of the paired ratios after/before: x1 plan %.2fx, x%d plan %.2fx, "+
				"transactions plan %.2fx; provider CPU x1 %.2fx, x%d %.2fx, transactions %.2fx; CPU per added lookup %.2f -> %.2f ms\n",
				benchmarks.PairedRatio(one, beforeOne, benchmarks.WallOf), benchLookups, benchmarks.PairedRatio(many, beforeMany, benchmarks.WallOf), benchmarks.PairedRatio(txs, beforeTxs, benchmarks.WallOf),
				benchmarks.PairedRatio(one, beforeOne, benchmarks.CPUOf), benchLookups, benchmarks.PairedRatio(many, beforeMany, benchmarks.CPUOf), benchmarks.PairedRatio(txs, beforeTxs, benchmarks.CPUOf),
				benchmarks.PerAddedLookup(beforeOne, beforeMany, benchLookups), perLookup)
		}
	}
	if profileDir != "" {
		fmt.Printf("CPU profiles of this tree's provider, one file per process, in %s/<case>/; e.g.\n  go tool pprof -top %s %s/%s/*.pprof\n",
			profileDir, current, profileDir, benchmarks.Slug(many.Name))
	}
	return report
}

type planBench struct {
	proc       *mockproc.Proc
	wrapper    string
	profileDir string
	valgrind   string // set: count instructions with callgrind
}

// planCase returns a run of terraform plan over files with dev_overrides
// for the providers given (address -> directory).
func (p *planBench) planCase(b *testing.B, name string, overrides map[string]string, files map[string]string,
	check func(b *testing.B, log []simpaymock.Request)) *benchmarks.Case {
	b.Helper()
	tf := newTerraformCLIFiles(b, files)
	rc := "provider_installation {\n  dev_overrides {\n"
	for addr, dir := range overrides {
		rc += fmt.Sprintf("    %q = %q\n", addr, dir)
	}
	rc += "  }\n  direct {}\n}\n"
	benchmarks.WriteFile(b, filepath.Join(tf.Dir, ".terraformrc"), rc)
	var extraEnv []string
	if p.profileDir != "" && strings.Contains(name, "simpay") && !strings.HasPrefix(name, "before") {
		dir := filepath.Join(p.profileDir, benchmarks.Slug(name))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		extraEnv = append(extraEnv, "SIMPAY_PROVIDER_CPUPROFILE_DIR="+dir)
	}
	rusageLog := filepath.Join(b.TempDir(), "rusage.log")
	callgrindDir := b.TempDir()
	return &benchmarks.Case{Name: name, Run: func(b *testing.B) benchmarks.Sample {
		b.Helper()
		p.proc.ResetRequests(b)
		s := benchmarks.Plan(b, benchmarks.PlanRun{
			Name: name, Terraform: terraformPath(), Dir: tf.Dir, Env: tf.Env, ExtraEnv: extraEnv,
			RusageLog: rusageLog, CallgrindDir: callgrindDir, Counting: p.valgrind != "", Providers: len(overrides) > 0,
		})
		if check != nil && p.valgrind == "" {
			check(b, p.proc.Requests(b))
		}
		return s
	}}
}

func (p *planBench) providerBlock() string {
	return fmt.Sprintf("provider \"simpay\" {\n  base_url  = %q\n  api_token = %q\n}\n", p.proc.URL, simpaymock.DefaultToken)
}

func (p *planBench) channelsCase(b *testing.B, name string, overrides map[string]string, n int) *benchmarks.Case {
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

func (p *planBench) transactionsCase(b *testing.B, name string, overrides map[string]string) *benchmarks.Case {
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

func (p *planBench) terraformDataCase(b *testing.B) *benchmarks.Case {
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

func (p *planBench) httpCase(b *testing.B, name string, overrides map[string]string, n int) *benchmarks.Case {
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
func (p *planBench) clientCase(b *testing.B) *benchmarks.Case {
	c, err := client.New(client.Config{BaseURL: p.proc.URL, Token: simpaymock.DefaultToken})
	if err != nil {
		b.Fatal(err)
	}
	return &benchmarks.Case{Name: fmt.Sprintf("the client alone, %d transactions", benchTransactions), Run: func(b *testing.B) benchmarks.Sample {
		b.Helper()
		began := time.Now()
		list, err := c.ListPaymentTransactions(context.Background(), simpaymock.FixtureServiceID, client.ListOptions{})
		s := benchmarks.Sample{Wall: time.Since(began)}
		if err != nil || len(list) != benchTransactions {
			b.Fatalf("the client listed %d transactions: %v", len(list), err)
		}
		return s
	}}
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
