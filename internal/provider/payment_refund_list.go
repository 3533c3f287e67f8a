package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
)

// NewPaymentRefundListResource is the simpay_payment_refund list resource,
// for terraform query.
func NewPaymentRefundListResource() list.ListResource {
	return createonly.NewList[paymentRefundModel, *client.Refund](paymentRefundSpec{})
}

func (paymentRefundSpec) ListSchema() listschema.Schema {
	return listschema.Schema{
		MarkdownDescription: "Lists the refunds of an online-payment transaction " +
			"(`GET /payment/{serviceId}/transactions/{transactionId}/refunds`), optionally only those with a status.",
		Attributes: map[string]listschema.Attribute{
			"service_id": listschema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the online-payment service the transaction belongs to: 8 lowercase hexadecimal characters.",
				Validators:          []validator.String{serviceIDValidator()},
			},
			"transaction_id": listschema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the transaction whose refunds to list (usually a UUID).",
				Validators:          []validator.String{objectIDValidator("transaction")},
			},
			"status": listschema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only refunds with this status, such as `refund_new`. SimPay documents " +
					codeList(refundStatuses) + "; another value gives a warning, not an error. Filtered by the provider: " +
					"SimPay's list of refunds has no filter.",
				Validators: []validator.String{knownValuesWarning("refund status", refundStatuses...)},
			},
		},
	}
}

// List reads the transaction's refunds, which SimPay gives in full, so the
// resource of each result needs no further request.
func (paymentRefundSpec) List(ctx context.Context, c *client.Client, parents []string, filters map[string]string, limit int) ([]createonly.Listed[*client.Refund], error) {
	refunds, err := c.ListRefunds(ctx, parents[0], parents[1])
	if err != nil {
		return nil, err
	}
	status, byStatus := filters["status"]
	var found []createonly.Listed[*client.Refund]
	for i := range refunds {
		r := &refunds[i]
		if limit > 0 && len(found) == limit {
			break
		}
		if byStatus && r.Status != status {
			continue
		}
		found = append(found, createonly.Listed[*client.Refund]{ID: r.ID, Object: r, Whole: true,
			DisplayName: transactionDisplayName(r.Status, amountWithCurrency(r.Amount.String(), r.Currency), nil, r.CreatedAt)})
	}
	return found, nil
}
