// Command simpay-mock serves the SimPay API mock (internal/simpaymock) on a
// local port, for acceptance tests and scripts that start it in the
// background.
//
//	go run ./cmd/simpay-mock -listen 127.0.0.1:0 -url-file /tmp/simpay-url
//
// The first line on stdout is the base URL to give a SimPay client. Requests
// are logged to stderr, without tokens. SIGINT or SIGTERM stops it cleanly.
//
// With -ipn-url it also sends SimPay's payment notifications (IPN v2) to a
// shop, and with -autopay it pays created payments by itself:
//
//	simpay-mock -ipn-url http://127.0.0.1:3000/simpay/ipn -ipn-key secret -autopay 2s
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "simpay-mock:", err)
		os.Exit(1)
	}
}

// version is the version the build carries, set as the provider's is:
// -ldflags "-X main.version=..." by make (GNUmakefile) and goreleaser.
var version = "dev"

// errUsage marks a bad command line; the flag package has already said why.
var errUsage = errors.New("usage error")

// listFlag collects a flag given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ", ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

const usageHead = `simpay-mock serves a mock of SimPay's REST API (online payments, SMS,
DirectBilling) with fixtures from SimPay's documentation, fault injection and
an admin API under /__admin/. Every flag, admin route and fixture is described
in docs/guides/simpay-mock.md, "simpay-mock reference" among the provider's
guides on the Terraform Registry.

It prints the base URL as the first line on stdout, logs each request to
stderr (never a token) and stops cleanly on SIGINT or SIGTERM. With
-dialect sdk it answers in the shapes SimPay's newer SDKs read instead of
those SimPay's documents show.
GET /__admin/health answers 200 once it serves, for readiness checks.

Notifications: with -ipn-url, every status change of a payment transaction
or refund is POSTed as SimPay's IPN v2 (JSON, User-Agent SimPay-IPN/2.0,
signed with the -ipn-key). It counts as delivered only on status 200 with
the body exactly OK; otherwise it is retried -ipn-attempts times in all,
waiting -ipn-backoff, then twice that, and so on. Every attempt is logged
here and listed by GET /__admin/ipn (?wait=30s first waits for pending
deliveries and -autopay timers); POST /__admin/ipn/test {"service_id": ID}
sends an ipn:test.

Lifecycle: with -autopay D, a payment transaction created through the API
becomes transaction_paid D after its creation, and a refund
refund_completed D after its own. A control starting with "fail:" makes it
transaction_failure instead, "expire:" transaction_expired, "cancel:"
transaction_canceled, and "hold:" leaves it transaction_new.

Usage: simpay-mock [flags]

Flags:
`

// run is the whole command, separated from main so that a test can start
// and stop it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("simpay-mock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:8080", "`address` to listen on; port 0 picks a free port")
	var tokens, blocked, faults listFlag
	fs.Var(&tokens, "token", "bearer `token` to accept with every ability; repeatable. \"VALUE:ability,ability\" limits the token to those abilities (see the simpaymock package for their names) (default \""+simpaymock.DefaultToken+"\")")
	fs.Var(&blocked, "blocked-token", "bearer `token` whose requests fail with 403 IP_ADDRESS_NOT_WHITELISTED; repeatable")
	latency := fs.Duration("latency", 0, "`delay` added to every API request, e.g. 20ms")
	transactions := fs.Int("transactions", 0, "`number` of extra generated payment transactions for service d151e4f9")
	subscriptions := fs.Int("subscriptions", 0, "`number` of extra generated recurring-payment subscriptions (each with a BLIK alias) for service d151e4f9")
	prefix := fs.String("prefix", "", "path `prefix` to serve the API under, e.g. /_mock/en/apis as on SimPay's hosted mock")
	fs.Var(&faults, "fault", "`spec` of a fault to inject, e.g. 'GET /payment/*/channels status=503 times=2 retry_after=1' or 'POST /payment/*/transactions drop after_handler'; repeatable (keys: kind, status, error_code, message, body, retry_after, delay, after_handler, times, fraction)")
	urlFile := fs.String("url-file", "", "also write the base URL to this `file`, for scripts that start the mock in the background")
	seed := fs.Uint64("seed", 0, "`seed` for generated ids and for faults with a fraction")
	dialect := fs.String("dialect", string(simpaymock.DialectDocumented), "`shapes` to answer in: \"documented\" as SimPay's 2024 OpenAPI file and reference pages show them, or \"sdk\" as SimPay's newer SDKs read them (SMS value_gross and string numbers, DirectBilling value_net, netia, the error code under \"code\", the payment detail's additional; see the simpaymock package)")
	quiet := fs.Bool("quiet", false, "do not log API requests (notification attempts are still logged)")
	var ipnURLs, ipnKeys listFlag
	fs.Var(&ipnURLs, "ipn-url", "`URL` to POST payment notifications (IPN v2) to; \"SERVICE_ID=URL\" for one payment service only; repeatable")
	fs.Var(&ipnKeys, "ipn-key", "`key` that signs notifications, as the IPN key of SimPay's panel; \"SERVICE_ID=KEY\" for one service; repeatable (default \""+simpaymock.DefaultIPNKey+"\")")
	ipnAttempts := fs.Int("ipn-attempts", simpaymock.DefaultIPNAttempts, "`number` of times a notification is sent before it is given up")
	ipnBackoff := fs.Duration("ipn-backoff", simpaymock.DefaultIPNBackoff, "`wait` before the second attempt of a notification, doubling for each one after")
	ipnTimeout := fs.Duration("ipn-timeout", simpaymock.DefaultIPNTimeout, "`limit` on one notification attempt, from connecting to the end of the answer")
	showVersion := fs.Bool("version", false, "print the version, the provider build's it came with, and exit")
	autopay := fs.Duration("autopay", 0, "pay each created payment transaction this `duration` after its creation (or fail it, by its control prefix), and complete each refund likewise; 0 is off")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageHead)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if *showVersion {
		fmt.Fprintln(stdout, "simpay-mock", version)
		return nil
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "simpay-mock: unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		fs.Usage()
		return errUsage
	}

	d, err := simpaymock.ParseDialect(*dialect)
	if err != nil {
		fmt.Fprintf(stderr, "simpay-mock: -dialect: %v\n", err)
		return errUsage
	}
	opts := simpaymock.Options{Latency: *latency, Transactions: *transactions, Subscriptions: *subscriptions, Prefix: *prefix, Seed: *seed, Dialect: d, Autopay: *autopay}
	if err := ipnOptions(&opts.IPN, ipnURLs, ipnKeys); err != nil {
		return err
	}
	if *ipnAttempts < 1 || *ipnBackoff <= 0 || *ipnTimeout <= 0 || *autopay < 0 {
		return errors.New("-ipn-attempts must be at least 1, -ipn-backoff and -ipn-timeout positive, and -autopay not negative")
	}
	opts.IPN.Attempts, opts.IPN.Backoff, opts.IPN.Timeout = *ipnAttempts, *ipnBackoff, *ipnTimeout
	for _, t := range tokens {
		value, abilities, limited := strings.Cut(t, ":")
		tok := simpaymock.Token{Value: value}
		if limited {
			tok.Abilities = []string{}
			for _, a := range strings.Split(abilities, ",") {
				if a = strings.TrimSpace(a); a != "" {
					tok.Abilities = append(tok.Abilities, a)
				}
			}
		}
		opts.Tokens = append(opts.Tokens, tok)
	}
	if len(opts.Tokens) == 0 && len(blocked) > 0 {
		opts.Tokens = append(opts.Tokens, simpaymock.Token{Value: simpaymock.DefaultToken})
	}
	for _, b := range blocked {
		opts.Tokens = append(opts.Tokens, simpaymock.Token{Value: b, BlockedIP: true})
	}
	var parsed []simpaymock.Fault
	for _, spec := range faults {
		f, err := simpaymock.ParseFault(spec)
		if err != nil {
			return err
		}
		parsed = append(parsed, f)
	}
	logger := log.New(stderr, "simpay-mock: ", log.LstdFlags|log.Lmicroseconds)
	if !*quiet {
		opts.OnRequest = func(r simpaymock.Request) {
			line := fmt.Sprintf("%s %s", r.Method, r.Path)
			if r.Query != "" {
				line += "?" + r.Query
			}
			line += fmt.Sprintf(" %d auth=%t", r.Status, r.AuthValid)
			if r.Fault != "" {
				line += " fault=" + r.Fault
			}
			logger.Print(line)
		}
	}
	opts.IPN.OnAttempt = func(d simpaymock.IPNDelivery, a simpaymock.IPNAttempt) {
		logger.Print(ipnLogLine(d, a, opts.IPN.Attempts))
	}
	mock := simpaymock.New(opts)
	defer mock.Close()
	for _, f := range parsed {
		mock.AddFault(f)
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *listen, err)
	}
	base := "http://" + ln.Addr().String() + "/"
	if p := strings.Trim(*prefix, "/"); p != "" {
		base += p + "/"
	}
	// The file first: whoever reads the URL from stdout may look for the
	// file next. The listener is open, so either may be used at once.
	if *urlFile != "" {
		if err := writeFileAtomic(*urlFile, base+"\n"); err != nil {
			ln.Close()
			return fmt.Errorf("writing the URL file: %w", err)
		}
	}
	fmt.Fprintln(stdout, base)

	srv := &http.Server{
		Handler:           mock,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          logger,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	// Requests held by a delay fault end with their client, so a short
	// grace period is enough.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
	}
	return nil
}

// writeFileAtomic writes through a temporary file and a rename, so that a
// script polling for the file never reads half a URL.
func writeFileAtomic(path, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".simpay-mock-url-*")
	if err != nil {
		return err
	}
	if _, err := tmp.WriteString(content); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// servicePrefix matches the "SERVICE_ID=" of a per-service -ipn-url or
// -ipn-key: SimPay's service ids are 8 hexadecimal digits, so a URL or key
// with "=" elsewhere is not mistaken for one.
var servicePrefix = regexp.MustCompile(`^([0-9a-f]{8})=(.*)$`)

func ipnOptions(o *simpaymock.IPNOptions, urls, keys []string) error {
	for _, v := range urls {
		service, u := "", v
		if m := servicePrefix.FindStringSubmatch(v); m != nil {
			service, u = m[1], m[2]
		}
		if err := simpaymock.ValidIPNURL(u); err != nil {
			return fmt.Errorf("-ipn-url %s: %w", v, err)
		}
		if service == "" {
			o.URL = u
			continue
		}
		if o.URLs == nil {
			o.URLs = map[string]string{}
		}
		o.URLs[service] = u
	}
	for _, v := range keys {
		if m := servicePrefix.FindStringSubmatch(v); m != nil {
			if m[2] == "" {
				return fmt.Errorf("-ipn-key %s: the key is empty", v)
			}
			if o.Keys == nil {
				o.Keys = map[string]string{}
			}
			o.Keys[m[1]] = m[2]
			continue
		}
		if v == "" {
			return errors.New("-ipn-key: the key is empty")
		}
		o.Key = v
	}
	return nil
}

// ipnLogLine describes one notification attempt, e.g.
// "ipn transaction:status_changed 0197...  -> http://shop/ipn attempt 1/5: 500 in 3.1ms, body \"busy\": status 500 ...; next in 1s".
func ipnLogLine(d simpaymock.IPNDelivery, a simpaymock.IPNAttempt, attempts int) string {
	line := fmt.Sprintf("ipn %s %s -> %s attempt %d/%d: ", d.Type, d.NotificationID, d.URL, a.Attempt, attempts)
	if a.Status != 0 {
		line += fmt.Sprintf("%d ", a.Status)
	}
	line += fmt.Sprintf("in %.1fms", a.DurationMS)
	if a.Body != "" {
		line += fmt.Sprintf(", body %q", a.Body)
	}
	switch {
	case a.Error == "":
		line += ", delivered"
	case a.NextIn != "":
		line += ": " + a.Error + "; next attempt in " + a.NextIn
	default:
		line += ": " + a.Error + "; given up"
	}
	return line
}
