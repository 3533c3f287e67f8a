package provider

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The fault suite (issue 6, "Faults"): every fault the mock can inject,
// against every kind of operation, through the terraform CLI. Each case
// declares what a careful payments engineer wants to happen, runs it, and
// measures from the mock's request log and counters and from Terraform's
// state whether anything was lost or created twice.
//
// Expected outcomes, by operation (the table in faultCases spells out every
// row):
//
//	reads (data source read, refresh, import) are GETs and safe to repeat:
//	  429 (after Retry-After), 500, 502, 503, 504, a dropped connection, an
//	  answer slower than request_timeout and a truncated body are retried and
//	  succeed; a malformed body, success:false, 401, 403 and 404 are answers,
//	  not accidents: one request, then an error naming the setting or object
//	  to fix, and state as it was. A 404 TRANSACTION_NOT_FOUND on refresh is
//	  SimPay saying the transaction is gone: it leaves state, with a warning,
//	  and the next plan creates a new one.
//	creates (payment transaction, refund, DirectBilling transaction) are
//	  POSTs that SimPay cannot deduplicate: a 429 was refused before SimPay
//	  acted, so it is retried and makes one object; every fault after SimPay
//	  may have acted (5xx, dropped, too slow, malformed or truncated answer;
//	  the mock really creates the object first) is one POST, never re-sent,
//	  and an error saying the object may exist and how to find and import
//	  it; importing it as told then tracks exactly one object. 401, 403, 404
//	  and success:false are definite refusals: nothing created, nothing in
//	  state.
//	faults that do not go away (four extra rows) are retried max_retries
//	  times, then end in an error naming the setting to change.
//	a create whose read-back keeps failing (three extra rows, one per
//	  resource) keeps the created id in state, tainted, and says how to keep
//	  it with terraform untaint.
//
// Each case counts as lost when SimPay holds an object the case made that is
// neither in Terraform state nor named by the error as one to import, and as
// duplicated when SimPay holds more objects than the case may make (one for
// a create, the one a refresh case starts from, none for a read). The 404
// warning is checked through the CLI by TestFaultsRefreshNotFoundWarns, and
// cancelling a run during a backoff by TestFaultsInterruptDuringBackoff.

// faultKind names one of the injected faults.
type faultKind string

const (
	f429          faultKind = "429_retry_after"
	f500          faultKind = "500"
	f502          faultKind = "502"
	f503          faultKind = "503"
	f504          faultKind = "504"
	fDrop         faultKind = "dropped_connection"
	fSlow         faultKind = "slower_than_request_timeout"
	fMalformed    faultKind = "malformed_json"
	fTruncated    faultKind = "truncated_body"
	fSuccessFalse faultKind = "success_false"
	f401          faultKind = "401"
	f403Ability   faultKind = "403_missing_ability"
	f403IP        faultKind = "403_ip_not_whitelisted"
	f404          faultKind = "404"
)

var allFaults = []faultKind{f429, f500, f502, f503, f504, fDrop, fSlow, fMalformed, fTruncated, fSuccessFalse,
	f401, f403Ability, f403IP, f404}

// faultOp is the Terraform operation the fault hits.
type faultOp string

const (
	opDataSource faultOp = "data_source_read"
	opCreate     faultOp = "create"
	opRefresh    faultOp = "refresh"
	opImport     faultOp = "import"
)

// faultOutcome is how a case must end.
type faultOutcome string

const (
	// wantRetried: the faulted request is retried and the operation
	// succeeds with the right object.
	wantRetried faultOutcome = "retried, succeeded"
	// wantError: one request, not retried; a clear error; nothing created;
	// state as it was.
	wantError faultOutcome = "clear error, state unchanged"
	// wantOutcomeUnknown: one POST, never re-sent; SimPay created the object
	// once; the error says it may exist and how to import it; importing it
	// as told tracks it.
	wantOutcomeUnknown faultOutcome = "\"may have been created\" error, 1 object, imported as told"
	// wantRemoved: SimPay says the object is gone; it leaves state and a new
	// one is planned.
	wantRemoved faultOutcome = "removed from state, re-create planned"
	// wantGaveUp: a fault that does not go away is retried max_retries
	// times, then a clear error; nothing created; state as it was.
	wantGaveUp faultOutcome = "retried max_retries times, then clear error, state unchanged"
	// wantTainted: SimPay made the object but reading it back failed (the
	// GET after the POST, retried max_retries times): its id is in state,
	// tainted, and the error says so.
	wantTainted faultOutcome = "created, read-back failed: id in state, tainted"
)

// faultRetries is max_retries in every case: at most 3 attempts.
const faultRetries = 2

// Fixtures of the mock used by the suite.
const (
	faultService = "d151e4f9"
	// faultTx is paid, 24.99 PLN, with a customer; read and imported.
	faultTx = "528bd43f-d08a-43f5-9462-861e54db37bf"
	// faultRefundTx is paid, 24.99 PLN, without refunds; refunded.
	faultRefundTx = "0238d92e-0dd9-469a-9aa9-0505974336a3"
	// faultTimeout is request_timeout where the fault is a slow answer, and
	// faultDelay how long that answer takes: the client gives up first.
	faultTimeout = "2s"
	faultDelay   = 10 * time.Second
)

// faultTarget is what an operation acts on: a resource type (or the
// transaction data source) and where its requests go.
type faultTarget struct {
	name string
	addr string
	// method and path (as the mock matches it) of the request the fault hits.
	method, path string
	// ability SimPay requires for that request.
	ability string
	// notFound is the 404 SimPay answers there for a missing object.
	notFoundCode, notFoundMessage string
	// action is how the provider's errors describe the operation.
	action  string
	created func(*testMock) int
	// body is the configuration of the object, given the case's control
	// value.
	body func(control string) string
	// find looks up the object a create may have made, as its error tells
	// the user to (by control value, or in the transaction's refunds), and
	// returns its import id.
	find func(m *testMock, control string) (string, error)
	// readPath is the GET that reads a created object back.
	readPath string
	// unread matches the error of a create whose read-back failed.
	unread []string
	// mayHaveCreated matches the error of a create whose outcome is unknown,
	// with the cause it must give.
	mayHaveCreated func(control, cause string) []string
	// notFoundErr matches the error of the 404.
	notFoundErr []string
}

func faultLookupClient(m *testMock) (*client.Client, error) {
	retries := 0
	return client.New(client.Config{BaseURL: m.URL, Token: simpaymock.DefaultToken, MaxRetries: &retries})
}

var (
	// tPaymentDataSource reads a transaction with the data source.
	tPaymentDataSource = faultTarget{
		name: "payment_transaction_data_source", addr: "data.simpay_payment_transaction.test",
		method: "GET", path: "/payment/*/transactions/*", ability: "payment.transaction",
		notFoundCode: "TRANSACTION_NOT_FOUND", notFoundMessage: "Transaction not found.",
		action:  "reading transaction " + faultTx + " of payment service " + faultService,
		created: func(m *testMock) int { return m.PaymentTransactionsCreated() },
		body: func(string) string {
			return fmt.Sprintf(`
data "simpay_payment_transaction" "test" {
  service_id = %q
  id         = %q
}
`, faultService, faultTx)
		},
		notFoundErr: []string{"Payment transaction not found", "SimPay has no transaction " + faultTx + " in payment service " + faultService, "Check id"},
	}

	// tPayment creates (or refreshes) a payment transaction.
	tPayment = faultTarget{
		name: "payment_transaction", addr: ptAddr,
		method: "POST", path: "/payment/*/transactions", ability: "payment.transactions.create",
		readPath: "/payment/*/transactions/*",
		unread: []string{"Payment transaction created, but reading it back failed", "SimPay created transaction",
			"in payment service " + faultService, "SimPay answered 500", "marked tainted", "terraform untaint"},
		notFoundCode: "SERVICE_NOT_FOUND", notFoundMessage: "Service not found.",
		action:  "creating a payment transaction in payment service " + faultService,
		created: func(m *testMock) int { return m.PaymentTransactionsCreated() },
		body: func(control string) string {
			return fmt.Sprintf(`
resource "simpay_payment_transaction" "test" {
  service_id = %q
  amount     = "10"
  control    = %q
}
`, faultService, control)
		},
		find: func(m *testMock, control string) (string, error) {
			c, err := faultLookupClient(m)
			if err != nil {
				return "", err
			}
			txs, err := c.ListPaymentTransactions(context.Background(), faultService, client.ListOptions{})
			if err != nil {
				return "", err
			}
			for _, tx := range txs {
				if tx.Control != nil && *tx.Control == control {
					return faultService + "/" + tx.ID, nil
				}
			}
			return "", fmt.Errorf("SimPay has no payment transaction with control %q", control)
		},
		mayHaveCreated: func(control, cause string) []string {
			return []string{"SimPay may have created the payment transaction", "no definite answer came back", cause, "did not send it again",
				"Do not simply apply again", fmt.Sprintf("by its control value %q", control),
				"terraform import <address of this resource> " + faultService + "/<transaction_id>"}
		},
		notFoundErr: []string{"Payment service not found", "no online-payment service " + faultService, "Check service_id"},
	}

	// tRefund refunds a paid transaction in full.
	tRefund = faultTarget{
		name: "payment_refund", addr: "simpay_payment_refund.test",
		method: "POST", path: "/payment/*/transactions/*/refunds", ability: "payment.refunds.create",
		readPath: "/payment/*/transactions/*/refunds/*",
		unread: []string{"SimPay created the refund but it could not be read back", "SimPay created refund",
			"kept in Terraform state", "tainted", "terraform untaint simpay_payment_refund.<name>", "SimPay answered 500"},
		notFoundCode: "TRANSACTION_NOT_FOUND", notFoundMessage: "Transaction not found.",
		action:  "creating a full refund of transaction " + faultRefundTx + " of payment service " + faultService,
		created: func(m *testMock) int { return m.RefundsCreated() },
		body: func(string) string {
			return fmt.Sprintf(`
resource "simpay_payment_refund" "test" {
  service_id     = %q
  transaction_id = %q
}
`, faultService, faultRefundTx)
		},
		find: func(m *testMock, _ string) (string, error) {
			c, err := faultLookupClient(m)
			if err != nil {
				return "", err
			}
			refunds, err := c.ListRefunds(context.Background(), faultService, faultRefundTx)
			if err != nil {
				return "", err
			}
			if len(refunds) != 1 {
				return "", fmt.Errorf("transaction %s has %d refunds, want the 1 the failed apply made", faultRefundTx, len(refunds))
			}
			return faultService + "/" + faultRefundTx + "/" + refunds[0].ID, nil
		},
		mayHaveCreated: func(_, cause string) []string {
			return []string{"The SimPay refund may have been created", "did not send it again",
				"data.simpay_payment_refunds", "terraform import simpay_payment_refund.<name> " + faultService + "/" + faultRefundTx + "/<refund_id>",
				cause}
		},
		notFoundErr: []string{"Transaction not found", "SimPay has no transaction " + faultRefundTx + " in online-payment service " + faultService,
			"Check transaction_id"},
	}

	// tDirectBilling creates a DirectBilling transaction.
	tDirectBilling = faultTarget{
		name: "directbilling_transaction", addr: "simpay_directbilling_transaction.test",
		method: "POST", path: "/directbilling/*/transactions", ability: "directbilling.transactions.create",
		readPath: "/directbilling/*/transactions/*",
		unread: []string{"SimPay created the DirectBilling transaction but it could not be read back",
			"SimPay created DirectBilling transaction", "kept in Terraform state", "tainted",
			"terraform untaint simpay_directbilling_transaction.<name>", "SimPay answered 500"},
		notFoundCode: "SERVICE_NOT_FOUND", notFoundMessage: "Service not found.",
		action:  "creating a DirectBilling transaction of 5 (gross) in DirectBilling service " + faultService,
		created: func(m *testMock) int { return m.DirectBillingTransactionsCreated() },
		body: func(control string) string {
			return fmt.Sprintf(`
resource "simpay_directbilling_transaction" "test" {
  service_id = %q
  amount     = "5"
  control    = %q
}
`, faultService, control)
		},
		find: func(m *testMock, control string) (string, error) {
			c, err := faultLookupClient(m)
			if err != nil {
				return "", err
			}
			txs, err := c.ListDirectBillingTransactions(context.Background(), faultService,
				client.DirectBillingTransactionFilter{Control: control}, client.ListOptions{})
			if err != nil {
				return "", err
			}
			if len(txs) != 1 {
				return "", fmt.Errorf("SimPay has %d DirectBilling transactions with control %q, want 1", len(txs), control)
			}
			return faultService + "/" + txs[0].ID, nil
		},
		mayHaveCreated: func(control, cause string) []string {
			return []string{"The SimPay DirectBilling transaction may have been created", "did not send it again",
				fmt.Sprintf("control %q", control),
				"terraform import simpay_directbilling_transaction.<name> " + faultService + "/<transaction_id>", cause}
		},
		notFoundErr: []string{"DirectBilling service not found", "no DirectBilling service " + faultService, "Check service_id"},
	}

	// tPaymentRead refreshes or imports a payment transaction: its GET.
	tPaymentRead = faultTarget{
		name: "payment_transaction", addr: ptAddr,
		method: "GET", path: "/payment/*/transactions/*", ability: "payment.transaction",
		notFoundCode: "TRANSACTION_NOT_FOUND", notFoundMessage: "Transaction not found.",
		created: tPayment.created, body: tPayment.body,
	}
)

// ptImportBody is a configuration that matches faultTx, so that importing
// it plans no change.
const ptImportBody = `
import {
  to = simpay_payment_transaction.test
  id = "` + faultService + `/` + faultTx + `"
}

resource "simpay_payment_transaction" "test" {
  service_id = "` + faultService + `"
  amount     = "24.99"
  customer = {
    name         = "Jan Kowalski"
    email        = "jan.kowalski@example.com"
    ip           = "192.168.0.1"
    country_code = "PL"
  }
}
`

// faultCase is one row of the table: a fault, an operation on a target, and
// the outcome it must have.
type faultCase struct {
	op     faultOp
	target faultTarget
	fault  faultKind
	want   faultOutcome
	// err are the parts, in order, of the error a failing case must show.
	err []string
	// persistent faults hit every request, not only the first.
	persistent bool
	// readBack: the fault hits the read that follows a successful create.
	readBack bool
}

func (c faultCase) name() string {
	n := string(c.op) + "/" + c.target.name + "/" + string(c.fault)
	if c.persistent {
		n += "_persistent"
	}
	if c.readBack {
		n += "_on_read_back"
	}
	return n
}

// control is a per-case control value, so that the object a failed create
// made can be found by it.
func (c faultCase) control() string {
	return "faults-" + strings.NewReplacer("_", "-", "/", "-").Replace(string(c.op)+"-"+c.target.name+"-"+string(c.fault))
}

// settings are the provider settings of a case: two retries, and a short
// request_timeout where the fault is a slow answer.
func (c faultCase) settings() string {
	s := fmt.Sprintf("api_token = %q\n  max_retries = %d", simpaymock.DefaultToken, faultRetries)
	if c.fault == fSlow {
		s += fmt.Sprintf("\n  request_timeout = %q", faultTimeout)
	}
	return s
}

// injected is the fault to queue for the case: once, on the target's
// request. On a create, the faults that can come after SimPay acted let the
// mock really create the object first.
func (c faultCase) injected() simpaymock.Fault {
	f := simpaymock.Fault{Method: c.target.method, Path: c.target.path, Times: 1}
	if c.persistent {
		f.Times = 0
	}
	afterSimPayActed := c.target.method == "POST"
	switch c.fault {
	case f429:
		f.Kind, f.Status, f.RetryAfter = simpaymock.FaultStatus, 429, "1"
	case f500, f503:
		f.Kind, f.AfterHandler = simpaymock.FaultStatus, afterSimPayActed
		f.Status = map[faultKind]int{f500: 500, f503: 503}[c.fault]
	case f502, f504:
		// A proxy in front of SimPay answers with its own HTML page.
		status := map[faultKind]int{f502: 502, f504: 504}[c.fault]
		f.Kind, f.Status, f.AfterHandler = simpaymock.FaultStatus, status, afterSimPayActed
		f.Body = fmt.Sprintf("<html><head><title>%d</title></head><body><h1>%d</h1></body></html>", status, status)
	case fDrop:
		f.Kind, f.AfterHandler = simpaymock.FaultDropConnection, afterSimPayActed
	case fSlow:
		f.Kind, f.Delay, f.AfterHandler = simpaymock.FaultDelay, faultDelay, afterSimPayActed
	case fMalformed:
		f.Kind, f.AfterHandler = simpaymock.FaultMalformedJSON, afterSimPayActed
	case fTruncated:
		f.Kind, f.AfterHandler = simpaymock.FaultTruncatedBody, afterSimPayActed
	case fSuccessFalse:
		f.Kind = simpaymock.FaultSuccessFalse
	case f401:
		f.Kind, f.Status = simpaymock.FaultStatus, 401
	case f403Ability:
		f.Kind, f.Status, f.ErrorCode = simpaymock.FaultStatus, 403, "INVALID_ABILITY_PROVIDED"
		f.Message = "The provided token does not have the required ability: " + c.target.ability
	case f403IP:
		f.Kind, f.Status, f.ErrorCode = simpaymock.FaultStatus, 403, "IP_ADDRESS_NOT_WHITELISTED"
		f.Message = "The IP address 127.0.0.1 is not whitelisted for this token."
	case f404:
		f.Kind, f.Status, f.ErrorCode, f.Message = simpaymock.FaultStatus, 404, c.target.notFoundCode, c.target.notFoundMessage
	}
	return f
}

// definiteError is the error of a fault that is SimPay's (or a proxy's)
// definite answer, for the action the provider names.
func definiteError(f faultKind, action, ability string) []string {
	switch f {
	case fMalformed:
		return []string{"Unexpected answer from the SimPay API", action, "Check that base_url", "not valid JSON"}
	case fSuccessFalse:
		return []string{"SimPay reported a failure", `"success": false`, "INTERNAL_SERVER_ERROR", "while " + action,
			"nothing was created or changed"}
	case f401:
		return []string{"SimPay rejected the API token", "401 UNAUTHORIZED while " + action, "Check the provider's api_token"}
	case f403Ability:
		return []string{"SimPay API token lacks an ability", "403 while " + action, "does not have the ability " + ability + ".",
			"Grant it to the token"}
	case f403IP:
		return []string{"SimPay refused this machine's IP address", "IP_ADDRESS_NOT_WHITELISTED while " + action,
			"api_token", "Add the public IP address"}
	}
	return nil
}

// unknownCause is what the "may have been created" error gives as the
// cause, for each fault that can come after SimPay acted.
var unknownCause = map[faultKind]string{
	f500: "500 INTERNAL_SERVER_ERROR", f503: "503 INTERNAL_SERVER_ERROR",
	f502: "502 response is not valid JSON", f504: "504 response is not valid JSON",
	fDrop:      "connection closed before a complete answer",
	fSlow:      "no answer within the " + faultTimeout + " request timeout",
	fMalformed: "200 response is not valid JSON",
	fTruncated: "connection closed before a complete answer",
}

// faultCases is the table. Every row says what must happen.
func faultCases() []faultCase {
	var cases []faultCase
	transient := map[faultKind]bool{f429: true, f500: true, f502: true, f503: true, f504: true, fDrop: true, fSlow: true, fTruncated: true}
	for _, f := range allFaults {
		// Data source read: transient faults retried; the rest a clear error
		// naming the setting or the transaction.
		ds := faultCase{op: opDataSource, target: tPaymentDataSource, fault: f, want: wantRetried}
		if !transient[f] {
			ds.want, ds.err = wantError, definiteError(f, tPaymentDataSource.action, "payment.transaction")
			if f == f404 {
				ds.err = tPaymentDataSource.notFoundErr
			}
		}
		cases = append(cases, ds)

		// Refresh: transient faults retried; a 404 TRANSACTION_NOT_FOUND
		// removes the transaction; the rest an error with state unchanged.
		rf := faultCase{op: opRefresh, target: tPaymentRead, fault: f, want: wantRetried}
		switch {
		case f == f404:
			rf.want = wantRemoved
		case !transient[f]:
			rf.want, rf.err = wantError, definiteError(f, "reading transaction", "payment.transaction")
		}
		cases = append(cases, rf)

		// Import: transient faults retried; otherwise nothing imported.
		im := faultCase{op: opImport, target: tPaymentRead, fault: f, want: wantRetried}
		if !transient[f] {
			im.want, im.err = wantError, definiteError(f, "reading transaction "+faultTx+" of payment service "+faultService, "payment.transaction")
			if f == f404 {
				im.err = []string{"Cannot import non-existent remote object", ptAddr}
			}
		}
		cases = append(cases, im)

		// Creates: only a 429 is provably unprocessed and retried.
		for _, target := range []faultTarget{tPayment, tRefund, tDirectBilling} {
			cr := faultCase{op: opCreate, target: target, fault: f}
			switch f {
			case f429:
				cr.want = wantRetried
			case f500, f502, f503, f504, fDrop, fSlow, fMalformed, fTruncated:
				cr.want, cr.err = wantOutcomeUnknown, target.mayHaveCreated(cr.control(), unknownCause[f])
			case f404:
				cr.want, cr.err = wantError, target.notFoundErr
			default:
				cr.want, cr.err = wantError, definiteError(f, target.action, target.ability)
			}
			cases = append(cases, cr)
		}
	}

	// Faults that do not go away: the retries run out, and the error names
	// the setting to change.
	gaveUp := fmt.Sprintf("(gave up after %d attempts)", faultRetries+1)
	cases = append(cases,
		faultCase{op: opDataSource, target: tPaymentDataSource, fault: f503, persistent: true, want: wantGaveUp,
			err: []string{"SimPay API error", "503 while " + tPaymentDataSource.action, "max_retries", gaveUp}},
		faultCase{op: opRefresh, target: tPaymentRead, fault: fDrop, persistent: true, want: wantGaveUp,
			err: []string{"Connection to SimPay failed", "reading transaction", "max_retries", "base_url", gaveUp}},
		faultCase{op: opImport, target: tPaymentRead, fault: fSlow, persistent: true, want: wantGaveUp,
			err: []string{"SimPay did not answer in time", "request_timeout", "reading transaction " + faultTx, faultTimeout + " request timeout", gaveUp}},
		faultCase{op: opCreate, target: tPayment, fault: f429, persistent: true, want: wantGaveUp,
			err: []string{"SimPay is rate limiting requests", tPayment.action, "max_retries", gaveUp}},
	)

	// The create went through but the read that follows keeps failing: the
	// object is kept in state, tainted, never lost.
	for _, target := range []faultTarget{tPayment, tRefund, tDirectBilling} {
		rb := target
		rb.method, rb.path = "GET", target.readPath
		cases = append(cases, faultCase{op: opCreate, target: rb, fault: f500, persistent: true, readBack: true,
			want: wantTainted, err: target.unread})
	}
	return cases
}

// errPattern joins parts in order; Terraform wraps long lines, so words are
// separated by any whitespace.
func errPattern(parts []string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		words := strings.Fields(p)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		quoted[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// faultRecord is what a case measured.
type faultRecord struct {
	name      string
	want      faultOutcome
	observed  []string
	endedWell bool
	// created is how many objects SimPay holds that the case made (the
	// refresh cases create theirs first), allowed how many it may make.
	created, allowed int
	// tracked: the object is in state (or was imported as the error said),
	// or the error said how to find and import it, or SimPay itself said it
	// is gone (a 404 on refresh, which warns with its id).
	tracked    bool
	lost, dupe bool
}

func (r *faultRecord) observe(format string, args ...any) {
	r.observed = append(r.observed, fmt.Sprintf(format, args...))
}

// faultSummary collects the records of a run of TestAccFaults; TestMain
// prints its line.
var faultSummary struct {
	sync.Mutex
	ran     bool
	records []*faultRecord
}

func faultSummaryLine() (string, bool) {
	faultSummary.Lock()
	defer faultSummary.Unlock()
	if !faultSummary.ran {
		return "", false
	}
	well, lost, dupe := 0, 0, 0
	for _, r := range faultSummary.records {
		if r.endedWell {
			well++
		}
		if r.lost {
			lost++
		}
		if r.dupe {
			dupe++
		}
	}
	return fmt.Sprintf("faults: %d cases, %d ended well, %d lost, %d duplicated", len(faultSummary.records), well, lost, dupe), true
}

// faultConcurrency is how many cases run at once. Most of a case is spent
// waiting (Retry-After, backoff, request_timeout), so more cases than cores
// run together; the subtests do not call t.Parallel, which -parallel
// (GOMAXPROCS by default) would hold to two on a two-core machine.
const faultConcurrency = 8

// TestAccFaults runs every case of faultCases through the terraform CLI and
// prints "faults: N cases, N ended well, 0 lost, 0 duplicated".
func TestAccFaults(t *testing.T) {
	t.Parallel()
	cases := faultCases()
	faultSummary.Lock()
	faultSummary.ran = true
	faultSummary.records = nil
	faultSummary.Unlock()
	t.Cleanup(func() {
		line, _ := faultSummaryLine()
		t.Log(line)
	})

	sem := make(chan struct{}, faultConcurrency)
	var wg sync.WaitGroup
	for _, c := range cases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			// t.Run may be called from several goroutines at once; the
			// subtest runs in its own goroutine and fails on its own.
			t.Run(c.name(), func(t *testing.T) { runFaultCase(t, c) })
		}()
	}
	wg.Wait()
}

// faultRun is the state of one running case.
type faultRun struct {
	t    *testing.T
	c    faultCase
	mock *testMock
	rec  *faultRecord
	// before is the target's object count before the faulted step.
	before int
	// id is the object's id in state before the fault (refresh).
	id string
	// attrs are attributes of the object before the fault (refresh).
	attrs map[string]string
	// probe is the state found after a failed step.
	probe *stateProbe
	// errorShown: the faulted step failed with the expected error.
	errorShown bool
}

func runFaultCase(t *testing.T, c faultCase) {
	rec := &faultRecord{name: c.name(), want: c.want}
	if c.op == opCreate || c.op == opRefresh {
		rec.allowed = 1
	}
	faultSummary.Lock()
	faultSummary.records = append(faultSummary.records, rec)
	faultSummary.Unlock()

	r := &faultRun{t: t, c: c, mock: newTestMock(t, simpaymock.Options{}), rec: rec, before: -1}
	t.Cleanup(r.account)

	var steps []resource.TestStep
	switch c.op {
	case opDataSource:
		steps = r.dataSourceSteps()
	case opCreate:
		steps = r.createSteps()
	case opRefresh:
		steps = r.refreshSteps()
	case opImport:
		steps = r.importSteps()
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
}

// account settles the record once the case is over, whatever happened.
func (r *faultRun) account() {
	rec := r.rec
	// Every case starts from the mock's fixtures: whatever the counter
	// holds, the case made.
	rec.created = r.c.target.created(r.mock)
	if rec.created > 0 && !rec.tracked && r.errorShown && r.c.want == wantOutcomeUnknown {
		// The error said the object may exist and how to import it.
		rec.tracked = true
	}
	rec.lost = rec.created > 0 && !rec.tracked
	rec.dupe = rec.created > rec.allowed
	rec.endedWell = !r.t.Failed() && !rec.lost && !rec.dupe
	r.t.Logf("want: %s; observed: %s; created %d (allowed %d), lost %v, duplicated %v",
		rec.want, strings.Join(rec.observed, "; "), rec.created, rec.allowed, rec.lost, rec.dupe)
}

// arm resets the request log, notes the object count and queues the fault.
func (r *faultRun) arm() {
	r.mock.ResetRequests()
	r.before = r.c.target.created(r.mock)
	r.mock.AddFault(r.c.injected())
}

func (r *faultRun) config(body string) string { return r.mock.configWith(r.c.settings(), body) }

// targetRequests are the logged requests the fault could hit.
func (r *faultRun) targetRequests() []simpaymock.Request {
	var out []simpaymock.Request
	for _, q := range r.mock.Requests() {
		if q.Method == r.c.target.method && pathPatternMatches(r.c.target.path, q.Path) {
			out = append(out, q)
		}
	}
	return out
}

// checkRetried checks that the first target request took the fault and the
// second, after the wait Retry-After asked for, succeeded.
func (r *faultRun) checkRetried() error {
	reqs := r.targetRequests()
	if len(reqs) < 2 {
		return fmt.Errorf("%d %s %s requests, want the faulted one and a retry; log: %q", len(reqs), r.c.target.method, r.c.target.path, r.mock.apiRequests())
	}
	first, second := reqs[0], reqs[1]
	if first.Fault == "" || second.Fault != "" || second.Status < 200 || second.Status > 299 {
		return fmt.Errorf("want a faulted request then a successful retry, got %s (fault %q, status %d) and %s (fault %q, status %d)",
			first.Path, first.Fault, first.Status, second.Path, second.Fault, second.Status)
	}
	gap := second.Time.Sub(first.Time)
	if r.c.fault == f429 && gap < 950*time.Millisecond {
		return fmt.Errorf("retried %s after the 429, before its Retry-After of 1s", gap)
	}
	r.rec.observe("%s %s: attempt 1 got the %s fault (HTTP %d), retried after %s, attempt 2 HTTP %d", r.c.target.method, r.c.target.path,
		first.Fault, first.Status, gap.Round(10*time.Millisecond), second.Status)
	return nil
}

// checkNotRetried checks that the faulted request was the only one.
func (r *faultRun) checkNotRetried() {
	reqs := r.targetRequests()
	if len(reqs) != 1 || reqs[0].Fault == "" {
		r.t.Errorf("want exactly one %s %s request (the faulted one, not retried), got %d; log: %q",
			r.c.target.method, r.c.target.path, len(reqs), r.mock.apiRequests())
		return
	}
	r.rec.observe("1 %s, not retried", r.c.target.method)
}

// checkGaveUp checks that every attempt took the fault and that there were
// max_retries+1 of them.
func (r *faultRun) checkGaveUp() {
	reqs := r.targetRequests()
	for _, q := range reqs {
		if q.Fault == "" {
			r.t.Errorf("a request without the fault: %+v", q)
		}
	}
	attempts := faultRetries + 1
	most := attempts
	if r.c.fault == fDrop && r.c.target.method == http.MethodGet {
		// Go's HTTP transport itself replays an idempotent request once when
		// a reused keep-alive connection closes without an answer, before the
		// client sees an error: each of the client's attempts may reach the
		// server twice. It never does so for a POST, so creates stay exact.
		most = 2 * attempts
	}
	if len(reqs) < attempts || len(reqs) > most {
		r.t.Errorf("want %d %s %s requests (max_retries = %d; up to %d for a dropped GET), got %d; log: %q", attempts,
			r.c.target.method, r.c.target.path, faultRetries, most, len(reqs), r.mock.apiRequests())
		return
	}
	r.rec.observe("%d %s, all faulted, then gave up", len(reqs), r.c.target.method)
}

// failed is the PreConfig of the step after a failing one: the failing step
// is over, so its requests and the objects it made can be counted. A
// persistent fault is lifted for what follows.
func (r *faultRun) failed() {
	r.mock.ClearFaults()
	r.errorShown = true
	r.rec.observe("error as expected")
	if r.c.want == wantGaveUp || r.c.want == wantTainted {
		r.checkGaveUp()
		return
	}
	r.checkNotRetried()
}

// expectError is the faulted step's expected error.
func (r *faultRun) expectError() *regexp.Regexp { return errPattern(r.c.err) }

// stateProbe is a plan check that reads the prior state of a plan made with
// -refresh=false: the state exactly as the previous step left it.
type stateProbe struct {
	addr    string
	seen    bool
	present bool
	tainted bool
	values  map[string]any
}

func (p *stateProbe) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, _ *plancheck.CheckPlanResponse) {
	p.seen = true
	ps := req.Plan.PriorState
	if ps == nil || ps.Values == nil || ps.Values.RootModule == nil {
		return
	}
	for _, res := range ps.Values.RootModule.Resources {
		if res.Address == p.addr {
			p.present, p.tainted, p.values = true, res.Tainted, res.AttributeValues
		}
	}
}

// probeStep is a plan-only step over body that records the state the failed
// step left in r.probe.
func (r *faultRun) probeStep(body string, nonEmpty bool, extra ...plancheck.PlanCheck) resource.TestStep {
	r.probe = &stateProbe{addr: r.c.target.addr}
	return resource.TestStep{
		PreConfig:          r.failed,
		Config:             r.config(body),
		PlanOnly:           true,
		ExpectNonEmptyPlan: nonEmpty,
		ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPreRefresh: append([]plancheck.PlanCheck{r.probe}, extra...)},
	}
}

// stateID returns the id of addr in s, and whether it is tainted.
func stateID(s *terraform.State, addr string) (string, bool, bool) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok || rs.Primary == nil {
		return "", false, false
	}
	return rs.Primary.ID, rs.Primary.Tainted, true
}

// Data source read.
func (r *faultRun) dataSourceSteps() []resource.TestStep {
	body := r.c.target.body("")
	step := resource.TestStep{PreConfig: r.arm, Config: r.config(body)}
	if r.c.want == wantRetried {
		step.ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(r.c.target.addr, tfjsonpath.New("status"), knownvalue.StringExact("transaction_paid")),
			statecheck.ExpectKnownValue(r.c.target.addr, tfjsonpath.New("amount").AtMapKey("value"), knownvalue.StringExact("24.99")),
			statecheck.ExpectKnownValue(r.c.target.addr, tfjsonpath.New("channel"), knownvalue.StringExact("nest")),
		}
		step.Check = func(*terraform.State) error {
			if err := r.checkRetried(); err != nil {
				return err
			}
			r.rec.observe("data source read with SimPay's values")
			return nil
		}
		return []resource.TestStep{step}
	}
	step.ExpectError = r.expectError()
	// The read failed at plan time: nothing was written to state.
	probe := r.probeStep("", false)
	probe.ConfigPlanChecks.PostApplyPreRefresh = append(probe.ConfigPlanChecks.PostApplyPreRefresh, r.checkAbsent("data source"))
	return []resource.TestStep{step, probe}
}

// checkAbsent is a plan check (run after r.probe) that the target is not in
// state.
func (r *faultRun) checkAbsent(what string) plancheck.PlanCheck {
	return planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
		if !r.probe.seen || r.probe.present {
			resp.Error = fmt.Errorf("after the failed step, %s %s is in state: %v", what, r.c.target.addr, r.probe.values)
			return
		}
		r.rec.observe("nothing in state after the failure")
	})
}

type planCheckFunc func(resp *plancheck.CheckPlanResponse)

func (f planCheckFunc) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	f(resp)
}

// Create.
func (r *faultRun) createSteps() []resource.TestStep {
	control := r.c.control()
	body := r.c.target.body(control)
	step := resource.TestStep{PreConfig: r.arm, Config: r.config(body)}
	switch r.c.want {
	case wantRetried:
		step.Check = func(s *terraform.State) error {
			if err := r.checkRetried(); err != nil {
				return err
			}
			return r.checkTracked(s, control, "state holds the one object SimPay made")
		}
		return []resource.TestStep{step}
	case wantError, wantGaveUp:
		step.ExpectError = r.expectError()
		probe := r.probeStep(body, true, plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionCreate),
			r.checkAbsent("the resource"),
			planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
				if n := r.c.target.created(r.mock) - r.before; n != 0 {
					resp.Error = fmt.Errorf("a refused create made %d objects in SimPay", n)
				}
			}))
		return []resource.TestStep{step, probe}
	case wantTainted:
		step.ExpectError = r.expectError()
		probe := r.probeStep(body, true, plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionReplace),
			planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
				want, err := r.c.target.find(r.mock, control)
				if err != nil {
					resp.Error = err
					return
				}
				p := r.probe
				id, _ := p.values["id"].(string)
				if !p.present || !p.tainted || id == "" || !strings.HasSuffix(want, "/"+id) {
					resp.Error = fmt.Errorf("after the failed read-back: present %v, tainted %v, id %q; want %s, tainted", p.present, p.tainted, id, want)
					return
				}
				if n := r.c.target.created(r.mock) - r.before; n != 1 {
					resp.Error = fmt.Errorf("SimPay made %d objects, want 1", n)
					return
				}
				r.rec.tracked = true
				r.rec.observe("state holds the created %s, tainted; the next plan replaces it", id)
			}))
		return []resource.TestStep{step, probe}
	}

	// Outcome unknown: the object exists once, is not in state, and the
	// error said how to find and import it. Doing so tracks it.
	step.ExpectError = r.expectError()
	probe := r.probeStep(body, true, plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionCreate),
		r.checkAbsent("the resource"))
	var importID string
	adopt := resource.TestStep{
		PreConfig: func() {
			if n := r.c.target.created(r.mock) - r.before; n != 1 {
				r.t.Errorf("SimPay holds %d new objects after the create whose answer was lost, want exactly 1", n)
			}
			id, err := r.c.target.find(r.mock, control)
			if err != nil {
				r.t.Fatalf("finding the object as the error says: %v", err)
			}
			importID = id
		},
		Config: r.config(body + fmt.Sprintf(`
variable "import_id" {
  type = string
}

import {
  to = %s
  id = var.import_id
}
`, r.c.target.addr)),
		ConfigVariables:  config.Variables{"import_id": lazyVariable(func() (string, error) { return importID, nil })},
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{expectImportOnly{addr: r.c.target.addr}}},
		Check: func(s *terraform.State) error {
			if posts := r.mock.CountRequests("POST", r.c.target.path); posts != 1 {
				return fmt.Errorf("%d create requests, want 1: the failed one, never re-sent", posts)
			}
			return r.checkTracked(s, control, "imported as the error said: state holds the one object SimPay made")
		},
	}
	return []resource.TestStep{step, probe, adopt}
}

// checkTracked checks that the object the case created is the one in state,
// not tainted, and the only one SimPay made.
func (r *faultRun) checkTracked(s *terraform.State, control, what string) error {
	id, tainted, ok := stateID(s, r.c.target.addr)
	if !ok {
		return fmt.Errorf("%s is not in state", r.c.target.addr)
	}
	want, err := r.c.target.find(r.mock, control)
	if err != nil {
		return err
	}
	if !strings.HasSuffix(want, "/"+id) || tainted {
		return fmt.Errorf("state holds %s (tainted %v), want %s, untainted", id, tainted, want)
	}
	if n := r.c.target.created(r.mock) - r.before; n != 1 {
		return fmt.Errorf("SimPay made %d objects, want 1", n)
	}
	r.rec.tracked = true
	r.rec.observe("%s (%s)", what, id)
	return nil
}

// expectImportOnly checks that a plan imports addr and neither creates nor
// replaces anything (an in-place update that only records arguments SimPay
// does not return is allowed).
type expectImportOnly struct{ addr string }

func (e expectImportOnly) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.addr {
			continue
		}
		if rc.Change == nil || rc.Change.Importing == nil {
			resp.Error = fmt.Errorf("%s is not imported by the plan", e.addr)
			return
		}
		if !rc.Change.Actions.NoOp() && !rc.Change.Actions.Update() {
			resp.Error = fmt.Errorf("%s: plan %v, want an import without create or replace", e.addr, rc.Change.Actions)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", e.addr)
}

// Refresh.
func (r *faultRun) refreshSteps() []resource.TestStep {
	body := r.c.target.body(r.c.control())
	create := resource.TestStep{
		Config: r.config(body),
		Check: func(s *terraform.State) error {
			rs, ok := s.RootModule().Resources[r.c.target.addr]
			if !ok {
				return fmt.Errorf("%s not created", r.c.target.addr)
			}
			r.id = rs.Primary.ID
			r.attrs = map[string]string{}
			for _, k := range []string{"status", "amount", "currency", "control", "created_at", "updated_at", "redirect_url", "payer_transaction_id"} {
				r.attrs[k] = rs.Primary.Attributes[k]
			}
			return nil
		},
	}
	refresh := resource.TestStep{PreConfig: r.arm, RefreshState: true}
	switch r.c.want {
	case wantRetried:
		refresh.Check = func(s *terraform.State) error {
			if err := r.checkRetried(); err != nil {
				return err
			}
			id, tainted, ok := stateID(s, r.c.target.addr)
			if !ok || id != r.id || tainted {
				return fmt.Errorf("after the refresh state holds %q (present %v, tainted %v), want %s", id, ok, tainted, r.id)
			}
			r.rec.tracked = true
			r.rec.observe("state still holds %s, untainted", id)
			return nil
		}
		return []resource.TestStep{create, refresh}
	case wantRemoved:
		refresh.ExpectNonEmptyPlan = true
		refresh.RefreshPlanChecks = resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionCreate),
		}}
		refresh.Check = func(s *terraform.State) error {
			r.checkNotRetried()
			if _, _, ok := stateID(s, r.c.target.addr); ok {
				return fmt.Errorf("%s is still in state after SimPay answered 404 TRANSACTION_NOT_FOUND", r.c.target.addr)
			}
			r.rec.tracked = true
			r.rec.observe("removed from state, next plan creates a new one")
			return nil
		}
		return []resource.TestStep{create, refresh}
	}
	refresh.ExpectError = r.expectError()
	probe := r.probeStep(body, false, planCheckFunc(func(resp *plancheck.CheckPlanResponse) {
		p := r.probe
		if !p.present || p.tainted || p.values["id"] != r.id {
			resp.Error = fmt.Errorf("after the failed refresh: present %v, tainted %v, id %v; want %s as before", p.present, p.tainted, p.values["id"], r.id)
			return
		}
		for k, want := range r.attrs {
			got := fmt.Sprint(p.values[k])
			if p.values[k] == nil {
				got = ""
			}
			if got != want {
				resp.Error = fmt.Errorf("after the failed refresh %s = %q, want %q as before", k, got, want)
				return
			}
		}
		r.rec.tracked = true
		r.rec.observe("state unchanged (%s)", r.id)
	}))
	return []resource.TestStep{create, refresh, probe}
}

// Import.
func (r *faultRun) importSteps() []resource.TestStep {
	step := resource.TestStep{PreConfig: r.arm, Config: r.config(ptImportBody)}
	if r.c.want == wantRetried {
		step.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(r.c.target.addr, plancheck.ResourceActionNoop),
			expectImportOnly{addr: r.c.target.addr},
		}}
		step.ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(r.c.target.addr, tfjsonpath.New("id"), knownvalue.StringExact(faultTx)),
			statecheck.ExpectKnownValue(r.c.target.addr, tfjsonpath.New("status"), knownvalue.StringExact("transaction_paid")),
		}
		step.Check = func(s *terraform.State) error {
			if err := r.checkRetried(); err != nil {
				return err
			}
			if id, tainted, ok := stateID(s, r.c.target.addr); !ok || id != faultTx || tainted {
				return fmt.Errorf("state holds %q (tainted %v), want %s", id, tainted, faultTx)
			}
			r.rec.observe("imported %s", faultTx)
			return nil
		}
		return []resource.TestStep{step}
	}
	step.ExpectError = r.expectError()
	probe := r.probeStep("", false)
	probe.ConfigPlanChecks.PostApplyPreRefresh = append(probe.ConfigPlanChecks.PostApplyPreRefresh, r.checkAbsent("the resource"))
	return []resource.TestStep{step, probe}
}

func init() {
	suiteSummaries = append(suiteSummaries, func() string {
		line, _ := faultSummaryLine()
		return line
	})
}
