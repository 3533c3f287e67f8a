package provider

import (
	"context"
	"math"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*paymentTransactionsDataSource)(nil)

// NewPaymentTransactionsDataSource is the simpay_payment_transactions data source.
func NewPaymentTransactionsDataSource() datasource.DataSource {
	return &paymentTransactionsDataSource{}
}

type paymentTransactionsDataSource struct{ dataSourceBase }

type paymentTransactionsModel struct {
	ServiceID    types.String                     `tfsdk:"service_id"`
	Status       types.String                     `tfsdk:"status"`
	MaxItems     types.Int64                      `tfsdk:"max_items"`
	Transactions []paymentTransactionSummaryModel `tfsdk:"transactions"`
}

func (d *paymentTransactionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_transactions"
}

func (d *paymentTransactionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the transactions of an online-payment service (`GET /payment/{serviceId}/transactions`), " +
			"in SimPay's order, with the fields SimPay's list gives. For every field of one transaction (customer, billing, " +
			"cart, commission), use `simpay_payment_transaction`.",
		Attributes: map[string]schema.Attribute{
			"service_id": serviceIDArgument("online-payment"),
			"status": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only transactions with this status, such as `transaction_paid`. SimPay documents " +
					"`transaction_new`, `transaction_confirmed`, `transaction_generated`, `transaction_paid`, " +
					"`transaction_failure`, `transaction_expired`, `transaction_canceled`, `transaction_refunded`, " +
					"`transaction_fraud` and `transaction_fraud_possibility`; another value gives a warning, not an error. " +
					"Filtered by the provider after reading every page (SimPay has no such filter).",
				Validators: []validator.String{knownValuesWarning("payment transaction status", paymentTransactionStatuses...)},
			},
			"max_items": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Keep at most this many transactions, the first ones in SimPay's order. Without " +
					"`status`, only the pages needed are fetched (99 transactions a page); with `status`, every page is " +
					"still read, since matches may be anywhere. At least `1`; unset keeps them all.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"transactions": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The transactions, in SimPay's order; `[]` when none matches.",
				NestedObject:        schema.NestedAttributeObject{Attributes: paymentTransactionSummaryAttributes()},
			},
		},
	}
}

func (d *paymentTransactionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m paymentTransactionsModel
	resp.Diagnostics.Append(getConfig(ctx, req.Config, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID := m.ServiceID.ValueString()
	maxItems := 0
	if !m.MaxItems.IsNull() {
		maxItems = int(min(m.MaxItems.ValueInt64(), math.MaxInt32))
	}
	filtered := !m.Status.IsNull()
	opts := client.ListOptions{}
	if !filtered {
		// Only without a filter are the first max_items of the list the
		// first max_items of the result.
		opts.MaxItems = maxItems
	}
	txs, err := c.ListPaymentTransactions(ctx, serviceID, opts)
	if err != nil {
		if !addPaymentNotFound(&resp.Diagnostics, err, serviceID, "", "") {
			resp.Diagnostics.Append(apiErrorDiagnostic("listing the transactions of payment service "+serviceID, err))
		}
		return
	}
	m.Transactions = make([]paymentTransactionSummaryModel, 0, len(txs))
	for _, t := range txs {
		if maxItems > 0 && len(m.Transactions) == maxItems {
			break
		}
		if filtered && t.Status != m.Status.ValueString() {
			continue
		}
		m.Transactions = append(m.Transactions, newPaymentTransactionSummaryModel(t))
	}
	resp.Diagnostics.Append(setState(ctx, &resp.State, &m)...)
}
