package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*directBillingTransactionDataSource)(nil)

// NewDirectBillingTransactionDataSource is the
// simpay_directbilling_transaction data source.
func NewDirectBillingTransactionDataSource() datasource.DataSource {
	return &directBillingTransactionDataSource{}
}

type directBillingTransactionDataSource struct{ dataSourceBase }

// directBillingTransactionDataSourceModel shows a transaction under the same
// attribute names and shapes as the simpay_directbilling_transaction
// resource.
type directBillingTransactionDataSourceModel struct {
	ServiceID types.String `tfsdk:"service_id"`
	directBillingTransactionItem
}

func (d *directBillingTransactionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_directbilling_transaction"
}

func (d *directBillingTransactionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := directBillingTransactionAttributes()
	attrs["service_id"] = serviceIDArgument(directBillingServices.Name)
	attrs["id"] = transactionIDArgument("Id of the transaction, as SimPay returned it when the transaction was created.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one DirectBilling (carrier billing) transaction " +
			"(`GET /directbilling/{serviceId}/transactions/{transactionId}`): status, values, carrier and SimPay's " +
			"notifications, under the same attribute names as the `simpay_directbilling_transaction` resource. " +
			"Whatever SimPay does not send is null here.",
		Attributes: attrs,
	}
}

func (d *directBillingTransactionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var serviceID, id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("service_id"), &serviceID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	sid, txID := serviceID.ValueString(), id.ValueString()
	t, err := c.GetDirectBillingTransaction(ctx, sid, txID)
	if err != nil {
		if !addTransactionNotFound(&resp.Diagnostics, err, directBillingTransactions, sid, txID, "id") {
			resp.Diagnostics.Append(apiErrorDiagnostic("reading transaction "+txID+" of DirectBilling service "+sid, err))
		}
		return
	}
	item, diags := newDirectBillingTransactionItem(t)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The arguments stay as configured: Terraform expects them back
	// unchanged, and a mock may answer with its example id.
	item.ID = id
	resp.Diagnostics.Append(resp.State.Set(ctx, &directBillingTransactionDataSourceModel{ServiceID: serviceID,
		directBillingTransactionItem: item})...)
}
