package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*smsTransactionDataSource)(nil)

// NewSMSTransactionDataSource is the simpay_sms_transaction data source.
func NewSMSTransactionDataSource() datasource.DataSource { return &smsTransactionDataSource{} }

type smsTransactionDataSource struct{ dataSourceBase }

// smsTransactionDataSourceModel shows a transaction under the same attribute
// names as an item of simpay_sms_transactions.
type smsTransactionDataSourceModel struct {
	ServiceID types.String `tfsdk:"service_id"`
	smsTransactionModel
}

func (d *smsTransactionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms_transaction"
}

func (d *smsTransactionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := smsTransactionAttributes()
	attrs["service_id"] = serviceIDArgument(smsServices.Name)
	attrs["id"] = schema.Int64Attribute{
		Required: true,
		MarkdownDescription: "SimPay's id of the SMS transaction, a positive integer such as `1`: the `id` of an " +
			"item of `simpay_sms_transactions`.",
		Validators: []validator.Int64{int64validator.AtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one SMS an SMS premium service received, and the code SimPay answered it with " +
			"(`GET /sms/{serviceId}/transactions/{id}`), under the same attribute names as an item of " +
			"`simpay_sms_transactions`.",
		Attributes: attrs,
	}
}

func (d *smsTransactionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var serviceID types.String
	var id types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("service_id"), &serviceID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	sid, txID := serviceID.ValueString(), strconv.FormatInt(id.ValueInt64(), 10)
	t, err := c.GetSMSTransaction(ctx, sid, id.ValueInt64())
	if err != nil {
		if !addTransactionNotFound(&resp.Diagnostics, err, smsTransactions, sid, txID, "id") {
			resp.Diagnostics.Append(apiErrorDiagnostic("reading transaction "+txID+" of SMS service "+sid, err))
		}
		return
	}
	m := smsTransactionDataSourceModel{ServiceID: serviceID, smsTransactionModel: newSMSTransactionModel(t)}
	// The arguments stay as configured: Terraform expects them back
	// unchanged, and a mock may answer with its example id.
	m.ID = id
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
