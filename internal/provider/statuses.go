package provider

import "github.com/simpay-tf/terraform-provider-simpay/internal/client"

// Status values SimPay documents (CONTRACT.md). Values read from SimPay are
// never checked against these lists: SimPay may add statuses at any time.
var (
	serviceStatuses = []string{
		"service_new", "service_active", "service_blocked", "service_rejected", "service_verify",
		"service_ongoing_registration",
	}
	paymentTransactionStatuses = []string{
		"transaction_new", "transaction_confirmed", "transaction_generated", "transaction_paid",
		// Seed 002 lists transaction_failed, SimPay's newer pages
		// transaction_failure: both are known, so neither filter warns.
		"transaction_failure", "transaction_failed", "transaction_expired", "transaction_canceled", "transaction_refunded",
		"transaction_fraud", "transaction_fraud_possibility",
	}
	refundStatuses = []string{
		"refund_new", "refund_pending", "refund_completed", "refund_rejected", "refund_failed",
	}
	directBillingTransactionStatuses = []string{
		"transaction_db_new", "transaction_db_confirmed", "transaction_db_payed", "transaction_db_rejected",
		// simpay-laravel src/Enums/DirectBilling/TransactionStatus.php and
		// SimPay-API-TypeScript add these two to the 2024 file's four.
		"transaction_db_canceled", "transaction_db_generate_error",
	}
)

// The recurring-payment values SimPay's pages "Retrieve subscription list"
// and "Retrieve list of BLIK aliases" list for their filters.
var (
	subscriptionStatuses = []string{
		"subscription_pending", "subscription_active", "subscription_cancelled", "subscription_expired",
		"subscription_finished", "subscription_fraudulent",
	}
	blikAliasStatuses = []string{"alias_pending_registration", "alias_active", "alias_expired", "alias_unregistered"}
	// subscriptionModes, blikAliasTypes and recurringSorts are closed
	// lists: a filter outside them is refused at validate time.
	subscriptionModes = []string{"BLIK", "CARD"}
	blikAliasTypes    = []string{"PAYID", "UID"}
	recurringSorts    = []string{client.SortNewestFirst, client.SortOldestFirst}
)
