package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

var _ datasource.DataSourceWithConfigure = (*paymentRefundsDataSource)(nil)

// NewPaymentRefundsDataSource is the simpay_payment_refunds data source.
func NewPaymentRefundsDataSource() datasource.DataSource { return &paymentRefundsDataSource{} }

type paymentRefundsDataSource struct{ dataSourceBase }

type paymentRefundsModel struct {
	ServiceID     types.String  `tfsdk:"service_id"`
	TransactionID types.String  `tfsdk:"transaction_id"`
	Refunds       []refundModel `tfsdk:"refunds"`
}

func (d *paymentRefundsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_refunds"
}

func (d *paymentRefundsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the refunds of an online-payment transaction " +
			"(`GET /payment/{serviceId}/transactions/{transactionId}/refunds`), whatever their status.",
		Attributes: map[string]schema.Attribute{
			"service_id":     serviceIDArgument(paymentServices.name),
			"transaction_id": transactionIDArgument("Id of the refunded transaction."),
			"refunds": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The refunds, in SimPay's order; `[]` when the transaction has none.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id": schema.StringAttribute{Computed: true, MarkdownDescription: "Refund id (a UUID)."},
					"status": schema.StringAttribute{Computed: true, MarkdownDescription: "Refund status: `refund_new`, " +
						"`refund_pending`, `refund_completed`, `refund_rejected` or `refund_failed` (or a status SimPay adds later)."},
					"amount": amountattr.Read("Amount " +
						"refunded to the payer, in `currency`, as a decimal string."),
					"currency": schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 4217 code of `amount`: the " +
						"payer's currency, in which SimPay's refunds page says a refund is made (the transaction's " +
						"`reported_amount.currency`)."},
					"wallet_amount": amountattr.Read("" +
						"Amount taken from the SimPay wallet for the refund, in `wallet_currency`, as a decimal string."),
					"wallet_currency": schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 4217 code of `wallet_amount`."},
					"created_at":      schema.StringAttribute{Computed: true, MarkdownDescription: "When the refund was requested (RFC 3339)."},
					"updated_at":      schema.StringAttribute{Computed: true, MarkdownDescription: "When the refund last changed (RFC 3339)."},
				}},
			},
		},
	}
}

func (d *paymentRefundsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m paymentRefundsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID, transactionID := m.ServiceID.ValueString(), m.TransactionID.ValueString()
	refunds, err := c.ListRefunds(ctx, serviceID, transactionID)
	if err != nil {
		if !addPaymentNotFound(&resp.Diagnostics, err, serviceID, transactionID, "transaction_id") {
			resp.Diagnostics.Append(apiErrorDiagnostic("listing the refunds of transaction "+transactionID+
				" of payment service "+serviceID, err))
		}
		return
	}
	m.Refunds = make([]refundModel, 0, len(refunds))
	for i := range refunds {
		m.Refunds = append(m.Refunds, newRefundModel(&refunds[i]))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
