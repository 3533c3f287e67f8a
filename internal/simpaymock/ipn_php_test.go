package simpaymock

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The signature as a PHP shop computes it, written from SimPay's documented
// algorithm and following what SimPay's validator (simpay-ecommerce,
// src/IpnValidator.php) does: json_decode into arrays, drop the top-level
// signature, array_walk_recursive with PHP's (string) cast, implode "|",
// append the key, sha256. PHP is an implementation independent of this
// package's Go code, so the two must agree on every value form.
const phpSignature = `<?php
function simpay_ipn_signature(array $payload, string $key): array {
    unset($payload['signature']);
    $values = [];
    array_walk_recursive($payload, function ($v) use (&$values) { $values[] = (string) $v; });
    $values[] = $key;
    $base = implode('|', $values);
    return [$base, hash('sha256', $base)];
}
`

// phpCLI computes the signature of each body on stdin (a JSON list of
// {"body", "key"}) and prints [{"base", "signature"}].
const phpCLI = phpSignature + `
$in = json_decode(stream_get_contents(STDIN), true);
$out = [];
foreach ($in as $case) {
    $payload = json_decode($case['body'], true);
    if (!is_array($payload)) { fwrite(STDERR, "not a JSON object: " . $case['body'] . "\n"); exit(2); }
    [$base, $sig] = simpay_ipn_signature($payload, $case['key']);
    $out[] = ['base' => $base, 'signature' => $sig];
}
echo json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
`

// phpReceiver is a shop's notification endpoint checking what SimPay's
// validator checks: IPN version 2.0 in the User-Agent, the five fields
// present and non-empty, the signature, the service id. It answers OK with
// 200, or 400 with the reason.
const phpReceiver = phpSignature + `
$key = getenv('IPN_KEY');
$service = getenv('IPN_SERVICE');
$fail = function (string $why) { http_response_code(400); header('Content-Type: text/plain'); echo $why; exit; };
$ua = $_SERVER['HTTP_USER_AGENT'] ?? '';
if ((explode('/', $ua, 2)[1] ?? '') !== '2.0') { $fail('IPN version is not supported: ' . $ua); }
if (($_SERVER['CONTENT_TYPE'] ?? '') !== 'application/json') { $fail('Content-Type is ' . ($_SERVER['CONTENT_TYPE'] ?? '')); }
$payload = json_decode(file_get_contents('php://input'), true);
if (!is_array($payload)) { $fail('Cannot read payload'); }
foreach (['type', 'notification_id', 'date', 'data', 'signature'] as $field) {
    if (empty($payload[$field])) { $fail('missing required field: ' . $field); }
}
[$base, $sig] = simpay_ipn_signature($payload, $key);
if (!hash_equals($sig, (string) $payload['signature'])) { $fail('Invalid signature over ' . $base); }
if (isset($payload['data']['service_id']) && (string) $payload['data']['service_id'] !== $service) { $fail('Invalid service_id'); }
header('Content-Type: text/plain');
echo 'OK';
`

// needPHP returns php-cli's path. CI installs php-cli (.ci/run), so there a
// missing php is a failure; elsewhere the test says how to get it.
func needPHP(t *testing.T) string {
	t.Helper()
	php, err := exec.LookPath("php")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("php is not on PATH; .ci/run installs php-cli with apt-get")
		}
		t.Skip("php is not on PATH: install php-cli (apt-get install php-cli) to check signatures against PHP")
	}
	return php
}

// TestIPNSignatureMatchesPHP signs every value form of TestPHPStringForms
// and real notifications of each type, and compares with PHP's result.
func TestIPNSignatureMatchesPHP(t *testing.T) {
	php := needPHP(t)
	type phpCase struct {
		Body string `json:"body"`
		Key  string `json:"key"`
	}
	var cases []phpCase
	for body := range phpFormCases {
		cases = append(cases, phpCase{`{"type":"t","v":` + body + `,"signature":"x"}`, "key|with|bars"})
	}
	rc := newReceiver(t)
	s, ts := startIPN(t, rc, Options{Autopay: time.Millisecond})
	post(t, ts, "/payment/"+fixtureServiceID+"/transactions",
		`{"amount": 24.9, "currency": "EUR", "control": "zamówienie/1001 & <b>", "customer": {"email": "a@example.com", "countryCode": "DE"}}`)
	post(t, ts, "/payment/"+fixtureServiceID+"/transactions/528bd43f-d08a-43f5-9462-861e54db37bf/refunds", `{"amount": 1.5}`)
	if _, err := s.SendTestIPN(fixtureServiceID); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	for _, n := range rc.all() {
		cases = append(cases, phpCase{string(n.body), "test-ipn-key"})
	}
	if len(cases) < len(phpFormCases)+3 {
		t.Fatalf("only %d notifications", len(cases)-len(phpFormCases))
	}
	script := filepath.Join(t.TempDir(), "sign.php")
	if err := os.WriteFile(script, []byte(phpCLI), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(php, "-d", "display_errors=stderr", script)
	cmd.Stdin = strings.NewReader(string(marshal(cases)))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("php: %v\n%s", err, errText(err))
	}
	var got []struct{ Base, Signature string }
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(cases) {
		t.Fatalf("php printed %s (%v)", out, err)
	}
	for i, c := range cases {
		base, err := SignatureBase([]byte(c.Body), c.Key)
		if err != nil {
			t.Fatal(err)
		}
		sig, _ := IPNSignature([]byte(c.Body), c.Key)
		if base != got[i].Base || sig != got[i].Signature {
			t.Errorf("%s\n Go  %s\n PHP %s", c.Body, base, got[i].Base)
		}
	}
}

// TestIPNAcceptedByPHPReceiver delivers notifications of each type to a PHP
// endpoint that validates them as SimPay's SDK does, and expects every one
// answered OK on the first attempt.
func TestIPNAcceptedByPHPReceiver(t *testing.T) {
	php := needPHP(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ipn.php"), []byte(phpReceiver), 0o600); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, php, "-S", addr, "-t", dir)
	cmd.Env = append(os.Environ(), "IPN_KEY=php-shop-key", "IPN_SERVICE="+fixtureServiceID)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); _ = cmd.Wait() })
	url := "http://" + addr + "/ipn.php"
	for i := 0; ; i++ {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			break
		}
		if i == 100 {
			t.Fatalf("php -S did not start: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	s, ts := start(t, Options{Autopay: time.Millisecond, IPN: IPNOptions{URL: url, Key: "php-shop-key", Attempts: 1}})
	t.Cleanup(s.Close)
	post(t, ts, "/payment/"+fixtureServiceID+"/transactions", `{"amount": 149.99, "control": "order-1001", "customer": {"countryCode": "PL"}}`)
	post(t, ts, "/payment/"+fixtureServiceID+"/transactions", `{"amount": 5, "control": "fail:order-1002"}`)
	post(t, ts, "/payment/"+fixtureServiceID+"/transactions/0238d92e-0dd9-469a-9aa9-0505974336a3/refunds", "")
	if _, err := s.SendTestIPN(fixtureServiceID); err != nil {
		t.Fatal(err)
	}
	settle(t, s)
	types := map[string]int{}
	for _, d := range s.IPNDeliveries() {
		types[d.Type]++
		if d.State != "delivered" {
			t.Errorf("%s %s: %s, PHP answered %d %q", d.Type, d.NotificationID, d.State, d.Attempts[0].Status, d.Attempts[0].Body)
		}
	}
	want := map[string]int{IPNTransactionStatusChanged: 3, IPNRefundStatusChanged: 1, IPNTest: 1}
	if fmt.Sprint(types) != fmt.Sprint(want) {
		t.Errorf("notification types %v, want %v", types, want)
	}
}

func errText(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return string(ee.Stderr)
	}
	return ""
}
