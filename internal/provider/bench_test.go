package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/mockproc"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// These benchmarks run `terraform plan` through the real CLI against
// simpay-mock in its own process, with 20 ms of latency on every request so
// that the numbers model a real network. Run them with `make bench`.

const benchLatency = 20 * time.Millisecond

// benchPlan runs terraform plan on config and returns its wall time.
func benchPlan(b *testing.B, tf *terraformCLI) time.Duration {
	b.Helper()
	began := time.Now()
	stdout, stderr, err := tf.Run(context.Background(), "plan", "-input=false", "-no-color", "-lock=false")
	d := time.Since(began)
	if err != nil {
		b.Fatalf("terraform plan: %v\n%s\n%s", err, stdout, stderr)
	}
	return d
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

// BenchmarkPlanChannelsDataSources plans 1, 10 and 100 simpay_payment_channels
// data sources of the same service, each with another amount filter. Reads
// of the same catalogue share one request, so every case should make exactly
// one channels request and the 100 case take at most 1.5x the time of the 1
// case.
func BenchmarkPlanChannelsDataSources(b *testing.B) {
	proc := mockproc.Start(b, "-latency", benchLatency.String())
	times := map[int]time.Duration{}
	requests := map[int]int{}
	for _, n := range []int{1, 10, 100} {
		config := fmt.Sprintf(`provider "simpay" {
  base_url  = %q
  api_token = %q
}

data "simpay_payment_channels" "by_amount" {
  count      = %d
  service_id = "d151e4f9"
  currency   = "PLN"
  amount     = tostring(count.index + 1)
}

output "channel_counts" {
  value = [for c in data.simpay_payment_channels.by_amount : length(c.ids)]
}
`, proc.URL, simpaymock.DefaultToken, n)
		tf := newTerraformCLI(b, config)
		benchPlan(b, tf) // warm: Terraform's own first-run work, page cache
		var total time.Duration
		for i := 0; i < b.N; i++ {
			proc.ResetRequests(b)
			total += benchPlan(b, tf)
			requests[n] = countRequests(proc.Requests(b), "GET", "/payment/d151e4f9/channels")
		}
		times[n] = total / time.Duration(b.N)
		b.ReportMetric(float64(times[n].Milliseconds()), fmt.Sprintf("ms/plan@%d", n))
		b.ReportMetric(float64(requests[n]), fmt.Sprintf("channel-requests@%d", n))
	}
	ratio := float64(times[100]) / float64(times[1])
	b.ReportMetric(ratio, "x-time-100-vs-1")

	// The same counts of a data source built into Terraform, which needs no
	// provider process and no network: what Terraform itself adds per data
	// source, measured in the same run.
	base := map[int]time.Duration{}
	dir := b.TempDir()
	stateFile := dir + "/other.tfstate"
	writeFile(b, stateFile, `{"version":4,"terraform_version":"1.0.0","serial":1,"lineage":"bench","outputs":{"a":{"value":"b","type":"string"}},"resources":[]}`)
	for _, n := range []int{1, 100} {
		tf := newTerraformCLI(b, fmt.Sprintf(`data "terraform_remote_state" "other" {
  count   = %d
  backend = "local"
  config  = { path = %q }
}
`, n, stateFile))
		benchPlan(b, tf)
		var total time.Duration
		for i := 0; i < b.N; i++ {
			total += benchPlan(b, tf)
		}
		base[n] = total / time.Duration(b.N)
	}
	fmt.Printf("terraform plan, simpay_payment_channels x1/x10/x100: %s / %s / %s, channel requests %d / %d / %d; 100 vs 1: %.2fx the time (target <= 1.50), %d request(s) (target 1); "+
		"Terraform's built-in terraform_remote_state x1/x100 in the same run: %s / %s (%.2fx)\n",
		times[1].Round(time.Millisecond), times[10].Round(time.Millisecond), times[100].Round(time.Millisecond),
		requests[1], requests[10], requests[100], ratio, requests[100],
		base[1].Round(time.Millisecond), base[100].Round(time.Millisecond), float64(base[100])/float64(base[1]))
}

func writeFile(b *testing.B, name, text string) {
	b.Helper()
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPlanTransactions10k plans one simpay_payment_transactions over
// 10,000 transactions and compares it with the client listing the same
// transactions in the same run: the difference is what Terraform adds
// (starting the provider, moving 10,000 objects through the plugin protocol
// into the plan).
func BenchmarkPlanTransactions10k(b *testing.B) {
	const items = 10000
	proc := mockproc.Start(b, "-latency", benchLatency.String(), "-transactions", strconv.Itoa(items-4))
	config := fmt.Sprintf(`provider "simpay" {
  base_url  = %q
  api_token = %q
}

data "simpay_payment_transactions" "all" {
  service_id = "d151e4f9"
}

output "count" {
  value = length(data.simpay_payment_transactions.all.transactions)
}
`, proc.URL, simpaymock.DefaultToken)
	tf := newTerraformCLI(b, config)
	c, err := client.New(client.Config{BaseURL: proc.URL, Token: simpaymock.DefaultToken})
	if err != nil {
		b.Fatal(err)
	}
	benchPlan(b, tf)
	var planTotal, clientTotal time.Duration
	requests := 0
	for i := 0; i < b.N; i++ {
		began := time.Now()
		list, err := c.ListPaymentTransactions(context.Background(), "d151e4f9", client.ListOptions{})
		clientTotal += time.Since(began)
		if err != nil || len(list) != items {
			b.Fatalf("client listed %d transactions: %v", len(list), err)
		}
		proc.ResetRequests(b)
		planTotal += benchPlan(b, tf)
		requests = 0
		for _, r := range proc.Requests(b) {
			if strings.HasSuffix(r.Path, "/transactions") {
				requests++
			}
		}
	}
	plan, cl := planTotal/time.Duration(b.N), clientTotal/time.Duration(b.N)
	b.ReportMetric(float64(plan.Milliseconds()), "ms/plan")
	b.ReportMetric(float64(cl.Milliseconds()), "ms/client-list")
	b.ReportMetric(float64(plan)/float64(cl), "x-plan-vs-client")
	fmt.Printf("terraform plan of simpay_payment_transactions over %d transactions: %s, %d list requests; the client alone: %s; plan / client = %.2fx, Terraform adds %s\n",
		items, plan.Round(time.Millisecond), requests, cl.Round(time.Millisecond), float64(plan)/float64(cl), (plan - cl).Round(time.Millisecond))
}
