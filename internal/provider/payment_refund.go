package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// A refund of an online-payment transaction, as the simpay_payment_refund
// resource and the items of the simpay_payment_refunds data source show it:
// its model, its mapping from the client's refund, and the attributes SimPay
// reports of it, defined once for both. The amount is an argument of the
// resource (what is asked for) and is described apart.

// refundReportedAttrs are what SimPay reports about a refund (refundModel
// but id and amount), by SimPay's refunds pages (CONTRACT.md: the refund
// list, and "a refund's amount is in the payer's currency").
var refundReportedAttrs = reportedAttrs{
	"status": textReported("Refund status as SimPay reports it. SimPay documents " + codeList(refundStatuses) +
		"; a refund starts as `refund_new`, and a status SimPay adds later is kept as sent."),
	"currency": textReported("ISO 4217 code of the refund's amount as SimPay reports it: the payer's currency, " +
		"in which SimPay's refunds page says a refund is made (the refunded transaction's `reported_amount.currency`)."),
	"wallet_amount":   amountReported("What the refund takes from your SimPay wallet, in `wallet_currency`, as a decimal string."),
	"wallet_currency": textReported("ISO 4217 code of `wallet_amount`: the wallet's currency."),
	"created_at":      textReported("When SimPay created the refund (RFC 3339)."),
	"updated_at":      textReported("When the refund last changed in SimPay (RFC 3339)."),
}

// refundModel is one refund as SimPay reports it.
type refundModel struct {
	ID             types.String `tfsdk:"id"`
	Amount         DecimalValue `tfsdk:"amount"`
	Status         types.String `tfsdk:"status"`
	Currency       types.String `tfsdk:"currency"`
	WalletAmount   DecimalValue `tfsdk:"wallet_amount"`
	WalletCurrency types.String `tfsdk:"wallet_currency"`
	CreatedAt      types.String `tfsdk:"created_at"`
	UpdatedAt      types.String `tfsdk:"updated_at"`
}

// newRefundModel is a refund as SimPay reports it.
func newRefundModel(r *client.Refund) refundModel {
	return refundModel{
		ID:             nonEmptyOrNull(r.ID),
		Amount:         decimalOrNull(r.Amount.String()),
		Status:         nonEmptyOrNull(r.Status),
		Currency:       nonEmptyOrNull(r.Currency),
		WalletAmount:   decimalOrNull(r.WalletAmount.String()),
		WalletCurrency: nonEmptyOrNull(r.WalletCurrency),
		CreatedAt:      timestamp(r.CreatedAt),
		UpdatedAt:      timestamp(r.UpdatedAt),
	}
}
