package provider

import (
	"context"
	"math"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*smsTransactionsDataSource)(nil)

// NewSMSTransactionsDataSource is the simpay_sms_transactions data source.
func NewSMSTransactionsDataSource() datasource.DataSource { return &smsTransactionsDataSource{} }

type smsTransactionsDataSource struct{ dataSourceBase }

type smsTransactionsModel struct {
	ServiceID    types.String `tfsdk:"service_id"`
	MaxItems     types.Int64  `tfsdk:"max_items"`
	Transactions types.List   `tfsdk:"transactions"` // of smsTransactionModel, see objectList
}

func (d *smsTransactionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms_transactions"
}

func (d *smsTransactionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the SMS an SMS premium service received and the codes SimPay answered them " +
			"with (`GET /sms/{serviceId}/transactions`), newest first as SimPay lists them.",
		Attributes: map[string]schema.Attribute{
			"service_id": serviceIDArgument(smsServices.Name),
			"max_items": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Keep at most this many transactions, the first (newest) ones in SimPay's " +
					"order; only the pages needed are fetched (99 transactions a page). At least `1`; unset keeps " +
					"them all.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"transactions": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "The transactions, in SimPay's order, each as `simpay_sms_transaction` shows " +
					"one; `[]` when the service has none.",
				NestedObject: schema.NestedAttributeObject{Attributes: smsTransactionAttributes()},
			},
		},
	}
}

func (d *smsTransactionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m smsTransactionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID := m.ServiceID.ValueString()
	txs, err := c.ListSMSTransactions(ctx, serviceID, client.ListOptions{MaxItems: maxItemsOption(m.MaxItems)})
	if err != nil {
		if !addTransactionNotFound(&resp.Diagnostics, err, smsTransactions, serviceID, "", "") {
			resp.Diagnostics.Append(apiErrorDiagnostic("listing the transactions of SMS service "+serviceID, err))
		}
		return
	}
	rows := make([]smsTransactionModel, 0, len(txs))
	for i := range txs {
		rows = append(rows, newSMSTransactionModel(&txs[i]))
	}
	var diags diag.Diagnostics
	m.Transactions, diags = objectList(ctx, resp.State.Schema, path.Root("transactions"), rows)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// maxItemsOption is a max_items argument as client.ListOptions.MaxItems: 0
// (every item) when unset.
func maxItemsOption(v types.Int64) int {
	if v.IsNull() || v.IsUnknown() {
		return 0
	}
	return int(min(v.ValueInt64(), math.MaxInt32))
}
