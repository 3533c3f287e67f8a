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
			"service_id":     serviceIDArgument(paymentServices.Name),
			"transaction_id": transactionIDArgument("Id of the refunded transaction."),
			"refunds": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The refunds, in SimPay's order; `[]` when the transaction has none.",
				NestedObject: schema.NestedAttributeObject{Attributes: refundReportedAttrs.dataSourceWith(map[string]schema.Attribute{
					// The create-only skeleton's wording for the resource's id.
					"id":     readString("Id of the refund, as SimPay assigned it (a UUID)."),
					"amount": amountattr.Read("Amount refunded to the payer, in `currency`, as a decimal string."),
				})},
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
