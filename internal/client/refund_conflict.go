package client

import (
	"errors"
	"net/http"
	"strings"
)

// SimPay answers a refund it cannot make now with 409 Conflict, for one of
// two reasons. The 2024 OpenAPI file and the current reference page name
// one: TRANSACTION_NOT_PAID, "Transaction is not paid.". SimPay's WooCommerce
// plugin (simpay-payment-woocommerce src/Service/RefundsService.php) reads
// every 409 as the other: a previous refund of the transaction is still
// waiting for confirmation. No source names the error code of that second
// answer; ErrorCodePreviousRefundPending is this client's (and its mock's)
// inference, and the message is read too, in English or Polish.
const (
	// ErrorCodeTransactionNotPaid is SimPay's code for a refund of a
	// transaction that is not paid.
	ErrorCodeTransactionNotPaid = "TRANSACTION_NOT_PAID"
	// ErrorCodePreviousRefundPending is the code this client expects for a
	// refund refused because an earlier one is still refund_new or
	// refund_pending. Inferred: SimPay documents no code for it.
	ErrorCodePreviousRefundPending = "PREVIOUS_REFUND_PENDING"
)

// RefundConflict is why SimPay refused a refund with 409 Conflict.
type RefundConflict int

const (
	// RefundConflictNone means the error is not a 409.
	RefundConflictNone RefundConflict = iota
	// RefundConflictUnknown is a 409 whose body names neither cause: it may
	// be either, and a caller should say both.
	RefundConflictUnknown
	// RefundConflictNotPaid: the transaction is not paid (or no longer
	// refundable): wait until it is transaction_paid.
	RefundConflictNotPaid
	// RefundConflictPreviousRefundPending: an earlier refund of the same
	// transaction still waits for confirmation: wait until it is
	// refund_completed, refund_rejected or refund_failed.
	RefundConflictPreviousRefundPending
)

// RefundConflictOf tells which 409 err is, from SimPay's error code and,
// when the code is not one of the two known ones, its message.
func RefundConflictOf(err error) RefundConflict {
	var e *APIError
	if !errors.As(err, &e) || e.StatusCode != http.StatusConflict {
		return RefundConflictNone
	}
	switch strings.ToUpper(e.ErrorCode) {
	case ErrorCodeTransactionNotPaid:
		return RefundConflictNotPaid
	case ErrorCodePreviousRefundPending:
		return RefundConflictPreviousRefundPending
	}
	msg := strings.ToLower(e.Message)
	for _, stem := range []string{"not paid", "unpaid", "nieopłacon", "nie jest opłacon", "nie została opłacon"} {
		if strings.Contains(msg, stem) {
			return RefundConflictNotPaid
		}
	}
	for _, stem := range []string{"pending", "waiting", "in progress", "previous refund", "oczekuje", "w trakcie", "poprzedni"} {
		if strings.Contains(msg, stem) {
			return RefundConflictPreviousRefundPending
		}
	}
	return RefundConflictUnknown
}
