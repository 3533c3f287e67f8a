package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
)

// NewDirectBillingTransactionListResource is the
// simpay_directbilling_transaction list resource, for terraform query.
func NewDirectBillingTransactionListResource() list.ListResource {
	return createonly.NewList[directBillingTransactionModel, *client.DirectBillingTransaction](directBillingTransactionSpec{})
}

func (directBillingTransactionSpec) ListSchema() listschema.Schema {
	return listschema.Schema{
		MarkdownDescription: "Lists the transactions of a DirectBilling service " +
			"(`GET /directbilling/{serviceId}/transactions`), optionally only those with a status or a `control` value. " +
			"SimPay filters them (`filter[status]`, `filter[control]`).",
		Attributes: map[string]listschema.Attribute{
			"service_id": listschema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the DirectBilling service: 8 lowercase hexadecimal characters, as shown in the SimPay panel.",
				Validators:          []validator.String{serviceIDValidator()},
			},
			"status": listschema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only transactions with this status, such as `transaction_db_payed`. SimPay documents " +
					codeList(directBillingTransactionStatuses) + "; another value gives a warning, not an error.",
				Validators: []validator.String{knownValuesWarning("DirectBilling transaction status", directBillingTransactionStatuses...)},
			},
			"control": listschema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only transactions created with exactly this `control` value.",
				Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, dbTextMaxLength)},
			},
		},
	}
}

// List asks SimPay for the matching transactions. SimPay documents the
// filters (the 2024 OpenAPI file's filter[status] and filter[control]); the
// provider also checks what each answer shows of them, so that a SimPay
// that ignored a filter lists nothing that does not match. Amounts are
// named PLN: DirectBilling charges in PLN only, and its answers carry no
// currency.
func (directBillingTransactionSpec) List(ctx context.Context, c *client.Client, parents []string, filters map[string]string, limit int) ([]createonly.Listed[*client.DirectBillingTransaction], error) {
	filter := client.DirectBillingTransactionFilter{Status: filters["status"], Control: filters["control"]}
	txs, err := c.ListDirectBillingTransactions(ctx, parents[0], filter, client.ListOptions{MaxItems: limit})
	if err != nil {
		return nil, err
	}
	var found []createonly.Listed[*client.DirectBillingTransaction]
	for _, t := range txs {
		if limit > 0 && len(found) == limit {
			break
		}
		if (filter.Status != "" && t.Status != filter.Status) || (filter.Control != "" && t.Control != nil && *t.Control != filter.Control) {
			continue
		}
		found = append(found, createonly.Listed[*client.DirectBillingTransaction]{ID: t.ID,
			DisplayName: transactionDisplayName(t.Status, amountWithCurrency(t.Value.String(), "PLN"), t.Control, t.CreatedAt)})
	}
	return found, nil
}
