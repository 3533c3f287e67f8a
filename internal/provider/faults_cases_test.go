package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The fault suite: every fault the mock can inject,
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
//
// This file is the table; faults_test.go runs it.

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

// Fixtures of the mock used by the suite: faultTx (paid, 24.99 PLN, with a
// customer) is read and imported, faultRefundTx (paid, without refunds) is
// refunded.
const (
	faultService  = simpaymock.FixtureServiceID
	faultTx       = simpaymock.FixtureTxPaidWithRefund
	faultRefundTx = simpaymock.FixtureTxPaid
	// faultDBTx (transaction_db_payed, through T-Mobile) is read by the
	// DirectBilling data source.
	faultDBTx = simpaymock.FixtureDirectBillingTxPaid
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
	// readValues are what a data source target must hold once read.
	readValues []readValue
}

// readValue is an attribute of a data source and the value it must hold.
type readValue struct {
	at   tfjsonpath.Path
	want knownvalue.Check
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
		readValues: []readValue{
			{tfjsonpath.New("status"), knownvalue.StringExact("transaction_paid")},
			{tfjsonpath.New("reported_amount").AtMapKey("value"), knownvalue.StringExact("24.99")},
			{tfjsonpath.New("channel"), knownvalue.StringExact("nest")},
		},
	}

	// tDirectBillingDataSource reads a DirectBilling transaction with the
	// data source.
	tDirectBillingDataSource = faultTarget{
		name: "directbilling_transaction_data_source", addr: "data.simpay_directbilling_transaction.test",
		method: "GET", path: "/directbilling/*/transactions/*", ability: "directbilling.transactions.show",
		notFoundCode: "TRANSACTION_NOT_FOUND", notFoundMessage: "Transaction not found.",
		action:  "reading transaction " + faultDBTx + " of DirectBilling service " + faultService,
		created: func(m *testMock) int { return m.DirectBillingTransactionsCreated() },
		body: func(string) string {
			return fmt.Sprintf(`
data "simpay_directbilling_transaction" "test" {
  service_id = %q
  id         = %q
}
`, faultService, faultDBTx)
		},
		notFoundErr: []string{"DirectBilling transaction not found",
			"SimPay has no transaction " + faultDBTx + " in DirectBilling service " + faultService, "Check id"},
		readValues: []readValue{
			{tfjsonpath.New("status"), knownvalue.StringExact("transaction_db_payed")},
			{tfjsonpath.New("value_net"), knownvalue.StringExact("10")},
			{tfjsonpath.New("operator"), knownvalue.StringExact("t-mobile")},
		},
	}

	// tPayment creates (or refreshes) a payment transaction.
	tPayment = faultTarget{
		name: "payment_transaction", addr: ptAddr,
		method: "POST", path: "/payment/*/transactions", ability: "payment.transactions.create",
		readPath:     "/payment/*/transactions/*",
		unread:       createdButUnread("payment transaction", "simpay_payment_transaction", "transaction", "payment service "+faultService),
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
			return mayHaveCreated("payment transaction", "simpay_payment_transaction", fmt.Sprintf("by its control value %q", control),
				faultService+"/<transaction_id>", cause)
		},
		notFoundErr: []string{"Payment service not found", "no online-payment service " + faultService, "Check service_id"},
	}

	// tRefund refunds a paid transaction in full.
	tRefund = faultTarget{
		name: "payment_refund", addr: "simpay_payment_refund.test",
		method: "POST", path: "/payment/*/transactions/*/refunds", ability: "payment.refunds.create",
		readPath:     "/payment/*/transactions/*/refunds/*",
		unread:       createdButUnread("refund", "simpay_payment_refund", "refund", "transaction "+faultRefundTx+" of payment service "+faultService),
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
			return mayHaveCreated("refund", "simpay_payment_refund", "data.simpay_payment_refunds",
				faultService+"/"+faultRefundTx+"/<refund_id>", cause)
		},
		notFoundErr: []string{"Transaction not found", "SimPay has no transaction " + faultRefundTx + " in online-payment service " + faultService,
			"Check transaction_id"},
	}

	// tDirectBilling creates a DirectBilling transaction.
	tDirectBilling = faultTarget{
		name: "directbilling_transaction", addr: "simpay_directbilling_transaction.test",
		method: "POST", path: "/directbilling/*/transactions", ability: "directbilling.transactions.create",
		readPath: "/directbilling/*/transactions/*",
		unread: createdButUnread("DirectBilling transaction", "simpay_directbilling_transaction", "transaction",
			"DirectBilling service "+faultService),
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
			return mayHaveCreated("DirectBilling transaction", "simpay_directbilling_transaction",
				fmt.Sprintf("by its control value %q", control), faultService+"/<transaction_id>", cause)
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

// mayHaveCreated is the "may have been created" error of a create whose
// outcome is unknown, in the one wording of every create-only resource: what
// it says, in order, with how to find the object, the import command with
// the id known so far, and the cause of the fault.
func mayHaveCreated(kind, typeName, find, importID, cause string) []string {
	return []string{"The SimPay " + kind + " may have been created", "No definite answer came from SimPay while creating",
		"did not send it again", "Do not simply apply again", find, "terraform import " + typeName + ".<name> " + importID,
		"If it does not exist, apply again", cause}
}

// createdButUnread is the error of a create whose read-back failed, in the
// one wording of every create-only resource: what was created (noun, then
// what it belongs to), that its id is kept tainted and how to keep it.
func createdButUnread(kind, typeName, noun, parent string) []string {
	return []string{"SimPay created the " + kind + " but it could not be read back", "SimPay created " + noun,
		"of " + parent, "kept in Terraform state", "tainted", "terraform untaint " + typeName + ".<name>", "SimPay answered 500"}
}

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
		for _, target := range []faultTarget{tPaymentDataSource, tDirectBillingDataSource} {
			ds := faultCase{op: opDataSource, target: target, fault: f, want: wantRetried}
			if !transient[f] {
				ds.want, ds.err = wantError, definiteError(f, target.action, target.ability)
				if f == f404 {
					ds.err = target.notFoundErr
				}
			}
			cases = append(cases, ds)
		}

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
