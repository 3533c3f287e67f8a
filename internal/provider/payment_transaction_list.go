package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
)

// NewPaymentTransactionListResource is the simpay_payment_transaction list
// resource, for terraform query.
func NewPaymentTransactionListResource() list.ListResource {
	return createonly.NewList[paymentTransactionModel, *client.PaymentTransaction](paymentTransactionSpec{})
}

func (paymentTransactionSpec) ListSchema() listschema.Schema {
	return listschema.Schema{
		MarkdownDescription: "Lists the transactions of an online-payment service (`GET /payment/{serviceId}/transactions`), " +
			"newest first as SimPay orders them, optionally only those with a status or a `control` value.",
		Attributes: map[string]listschema.Attribute{
			"service_id": listschema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the online-payment service: 8 lowercase hexadecimal characters, as shown in the SimPay panel.",
				Validators:          []validator.String{serviceIDValidator()},
			},
			"status": listschema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only transactions with this status, such as `transaction_paid`. SimPay documents " +
					codeList(paymentTransactionStatuses) + "; another value gives a warning, not an error. " + clientSideFilter,
				Validators: []validator.String{knownValuesWarning("payment transaction status", paymentTransactionStatuses...)},
			},
			"control": listschema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only transactions created with exactly this `control` value, such as the order " +
					"number a create whose answer never came was sent with. " + clientSideFilter,
				Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, 255)},
			},
		},
	}
}

// clientSideFilter says how the payment list's filters work: SimPay's list
// of payment transactions takes no filter (the seeds' and the current
// reference's paymentGetTransactions document only the service id, page and
// limit), so the provider reads the pages and keeps the matches.
const clientSideFilter = "Filtered by the provider: SimPay's list has no such filter, so with a filter every page of the " +
	"service's transactions is read (99 a page); without one, only the pages the `limit` needs."

func (paymentTransactionSpec) List(ctx context.Context, c *client.Client, parents []string, filters map[string]string, limit int) ([]createonly.Listed[*client.PaymentTransaction], error) {
	status, byStatus := filters["status"]
	control, byControl := filters["control"]
	opts := client.ListOptions{}
	if !byStatus && !byControl {
		opts.MaxItems = limit
	}
	txs, err := c.ListPaymentTransactions(ctx, parents[0], opts)
	if err != nil {
		return nil, err
	}
	var found []createonly.Listed[*client.PaymentTransaction]
	for _, t := range txs {
		if limit > 0 && len(found) == limit {
			break
		}
		if (byStatus && t.Status != status) || (byControl && (t.Control == nil || *t.Control != control)) {
			continue
		}
		found = append(found, createonly.Listed[*client.PaymentTransaction]{ID: t.ID, DisplayName: transactionDisplayName(
			t.Status, t.Amount.String(), t.Control, t.CreatedAt), Named: paymentTransactionDisplayName})
	}
	return found, nil
}

// paymentTransactionDisplayName names a payment transaction read in full,
// with its currency: the list's entries have none (CONTRACT: id, status,
// amount, control, ...), and 24.99 could be PLN or EUR.
func paymentTransactionDisplayName(t *client.PaymentTransaction) string {
	return transactionDisplayName(t.Status, amountWithCurrency(t.Amount.Value.String(), t.Amount.Currency), t.Control, t.CreatedAt)
}

// amountWithCurrency is "24.99 PLN", or the amount alone when either is
// unknown.
func amountWithCurrency(amount, currency string) string {
	if amount != "" && currency != "" {
		return amount + " " + currency
	}
	return amount
}

// transactionDisplayName is how terraform query shows a transaction:
// "transaction_paid, 24.99 PLN, control order-1001, created 2025-06-02T10:00:00+02:00".
func transactionDisplayName(status, amount string, control *string, createdAt string) string {
	parts := []string{status}
	if amount != "" {
		parts = append(parts, amount)
	}
	if control != nil && *control != "" {
		parts = append(parts, fmt.Sprintf("control %s", *control))
	}
	if createdAt != "" {
		parts = append(parts, "created "+createdAt)
	}
	return strings.Join(parts, ", ")
}
