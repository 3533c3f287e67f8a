package provider

import "github.com/simpay-tf/terraform-provider-simpay/internal/createonly"

// The parts of the create-only objects' composite ids (see
// createonly.IDPart), outermost first.
var (
	paymentServicePart       = createonly.IDPart{Name: "service_id", Attr: "service_id", Noun: "payment service", Example: "d151e4f9", Valid: serviceIDPattern.MatchString}
	directBillingServicePart = createonly.IDPart{Name: "service_id", Attr: "service_id", Noun: "DirectBilling service", Example: "d151e4f9", Valid: serviceIDPattern.MatchString}
	// transactionPart is the transaction a refund belongs to.
	transactionPart = createonly.IDPart{Name: "transaction_id", Attr: "transaction_id", Noun: "transaction", Example: "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", Valid: objectIDPattern.MatchString}
	// ownTransactionPart is the id of a transaction resource itself.
	ownTransactionPart = createonly.IDPart{Name: "transaction_id", Attr: "id", Noun: "transaction", Example: "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", Valid: objectIDPattern.MatchString}
	ownRefundPart      = createonly.IDPart{Name: "refund_id", Attr: "id", Noun: "refund", Example: "019483a5-885e-70f7-9b5b-94387a6690da", Valid: objectIDPattern.MatchString}
)
