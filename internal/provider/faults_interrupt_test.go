package provider

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// Cancelling a run. The client's own test,
// internal/client.TestCancellingDuringABackoffReturnsAtOnce, cancels the
// context of a GET waiting out a 30-second Retry-After and asserts that it
// returns within 100 ms with context.Canceled. Here the same happens through
// Terraform: Ctrl-C (SIGINT) during a plan whose data source read is waiting
// out a 429's Retry-After of 30 seconds. Terraform forwards the interrupt to
// the provider as StopProvider, terraform-plugin-go cancels the contexts of
// the requests in flight, and the wait ends.

// interruptBudget is how long the provider may take to give up its wait
// once Terraform passes the interrupt on.
const interruptBudget = time.Second

// interruptTotalBudget is how long terraform may take to exit after SIGINT,
// its own shutdown included.
const interruptTotalBudget = 5 * time.Second

// providerLogTime finds, in Terraform's trace log, the time the provider
// logged a line containing all of marks. The provider's own timestamp is
// used where the line has one, not the time Terraform copied it.
var (
	providerTimestamp = regexp.MustCompile(`timestamp="?([0-9T:.+\-Z]+)"?`)
	leadingTimestamp  = regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.+\-Z]+)`)
)

func providerLogTime(log []byte, marks ...string) (time.Time, bool) {
	sc := bufio.NewScanner(bytes.NewReader(log))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		found := true
		for _, m := range marks {
			found = found && strings.Contains(line, m)
		}
		if !found {
			continue
		}
		for _, re := range []*regexp.Regexp{providerTimestamp, leadingTimestamp} {
			if m := re.FindStringSubmatch(line); m != nil {
				for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.000Z0700"} {
					if ts, err := time.Parse(layout, m[1]); err == nil {
						return ts, true
					}
				}
			}
		}
	}
	return time.Time{}, false
}

// TestFaultsInterruptDuringBackoff sends SIGINT to terraform plan while the
// provider waits out a 30-second Retry-After, and measures how long the
// provider and terraform take to stop.
func TestFaultsInterruptDuringBackoff(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	getPath := "/payment/*/transactions/*"
	mock.AddFault(simpaymock.Fault{Method: "GET", Path: getPath, Kind: simpaymock.FaultStatus, Status: 429, RetryAfter: "30"})
	cli := newTerraformCLI(t, mock.configWith(fmt.Sprintf("api_token = %q\n  max_retries = 3", simpaymock.DefaultToken), `
data "simpay_payment_transaction" "test" {
  service_id = "`+faultService+`"
  id         = "`+faultTx+`"
}
`))
	logPath := filepath.Join(cli.Dir, "terraform.log")
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, terraformPath(), "plan", "-input=false", "-no-color")
	cmd.Dir = cli.Dir
	cmd.Env = append(cli.Env, "TF_LOG=TRACE", "TF_LOG_PATH="+logPath)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Wait until SimPay (the mock) has answered the first read with 429:
	// the provider is then in its 30-second wait.
	deadline := time.Now().Add(90 * time.Second)
	for {
		answered := false
		for _, r := range mock.Requests() {
			answered = answered || (r.Method == "GET" && r.Status == 429)
		}
		if answered {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("terraform plan ended before reading the data source: %v\n%s\n%s", err, stdout.String(), stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the provider never read the data source; requests: %q", mock.apiRequests())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Let the provider log the retry and start waiting.
	time.Sleep(300 * time.Millisecond)
	sent := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-exited:
	case <-time.After(30 * time.Second):
		t.Fatalf("terraform still running 30s after SIGINT\n%s\n%s", stdout.String(), stderr.String())
	}
	total := time.Since(sent)
	if err == nil {
		t.Errorf("terraform plan succeeded after SIGINT; want it to stop with an error")
	}
	if n := mock.CountRequests("GET", getPath); n != 1 {
		t.Errorf("%d reads of the transaction, want 1: nothing may be retried after the interrupt", n)
	}
	log, readErr := os.ReadFile(logPath)
	if readErr != nil {
		t.Fatal(readErr)
	}
	// The provider's side: from the StopProvider Terraform sends to the end
	// of the read that was waiting.
	stopAt, okStop := providerLogTime(log, "Received request", "tf_rpc=StopProvider")
	servedAt, okServed := providerLogTime(log, "Served request", "tf_rpc=ReadDataSource")
	if !okStop || !okServed {
		t.Fatalf("the trace log lacks the provider's StopProvider (%v) or the end of ReadDataSource (%v)\n%s", okStop, okServed, tail(log, 60))
	}
	provider := servedAt.Sub(stopAt)
	t.Logf("SIGINT to terraform exit: %s; provider, StopProvider received to ReadDataSource served: %s; SIGINT to ReadDataSource served: %s",
		total.Round(time.Millisecond), provider.Round(time.Millisecond), servedAt.Sub(sent).Round(time.Millisecond))
	if provider < 0 || provider > interruptBudget {
		t.Errorf("the provider took %s after StopProvider to end its read, want under %s", provider, interruptBudget)
	}
	if total > interruptTotalBudget {
		t.Errorf("terraform took %s to exit after SIGINT, want under %s", total, interruptTotalBudget)
	}
	out := stdout.String() + stderr.String()
	if !errPattern([]string{"Interrupt received", "Error: Interrupted", "Stopped reading transaction " + faultTx + " of payment service " +
		faultService + " because Terraform was interrupted"}).MatchString(out) {
		t.Errorf("terraform did not report the interrupted read:\n%s", out)
	}
}

func tail(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// TestFaultsRefreshNotFoundWarns checks, through the terraform CLI, the case
// refresh/payment_transaction/404 of the fault suite says aloud: a
// transaction SimPay answers 404 TRANSACTION_NOT_FOUND for leaves state with
// a warning naming it, before the plan that creates a new payment.
func TestFaultsRefreshNotFoundWarns(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, mock.config(`
resource "simpay_payment_transaction" "test" {
  service_id = "`+faultService+`"
  amount     = "10"
}
`))
	ctx := t.Context()
	if stdout, stderr, err := cli.Run(ctx, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatalf("terraform apply: %v\n%s\n%s", err, stdout, stderr)
	}
	var id string
	for _, r := range mock.Requests() {
		if r.Method == "GET" && simpaymock.PathMatches("/payment/*/transactions/*", r.Path) {
			id = r.Path[strings.LastIndex(r.Path, "/")+1:]
		}
	}
	if id == "" {
		t.Fatalf("no read of the created transaction: %q", mock.apiRequests())
	}
	mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/payment/*/transactions/*", Kind: simpaymock.FaultStatus, Status: 404,
		ErrorCode: "TRANSACTION_NOT_FOUND", Message: "Transaction not found.", Times: 1})
	stdout, stderr, err := cli.Run(ctx, "plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("terraform plan: %v\n%s\n%s", err, stdout, stderr)
	}
	out := stdout + stderr
	want := errPattern([]string{"Warning: The SimPay payment transaction no longer exists",
		"SimPay answered 404 for transaction " + id + " of payment service " + faultService,
		"removed from Terraform state", "the next plan creates a new payment transaction", "Check in the SimPay panel"})
	if !want.MatchString(out) {
		t.Errorf("plan output has no warning naming %s:\n%s", id, out)
	}
	if !strings.Contains(out, "simpay_payment_transaction.test will be created") {
		t.Errorf("plan does not create a new transaction:\n%s", out)
	}
	if n := mock.PaymentTransactionsCreated(); n != 1 {
		t.Errorf("%d transactions created, want 1 (the plan creates nothing)", n)
	}
}
