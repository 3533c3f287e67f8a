package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*directBillingTransactionsDataSource)(nil)

// NewDirectBillingTransactionsDataSource is the
// simpay_directbilling_transactions data source.
func NewDirectBillingTransactionsDataSource() datasource.DataSource {
	return &directBillingTransactionsDataSource{}
}

type directBillingTransactionsDataSource struct{ dataSourceBase }

type directBillingTransactionsModel struct {
	ServiceID    types.String `tfsdk:"service_id"`
	Status       types.String `tfsdk:"status"`
	PhoneNumber  types.String `tfsdk:"phone_number"`
	Control      types.String `tfsdk:"control"`
	MaxItems     types.Int64  `tfsdk:"max_items"`
	Transactions types.List   `tfsdk:"transactions"` // of directBillingTransactionItem, see objectList
}

func (d *directBillingTransactionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_directbilling_transactions"
}

func (d *directBillingTransactionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the transactions of a DirectBilling service " +
			"(`GET /directbilling/{serviceId}/transactions`), newest first as SimPay lists them, optionally filtered " +
			"by SimPay by status, phone number or control value.",
		Attributes: map[string]schema.Attribute{
			"service_id": serviceIDArgument(directBillingServices.Name),
			"status": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only transactions with this status, sent to SimPay as `filter[status]`: " +
					codeList(directBillingTransactionStatuses) + "; another value gives a warning, not an error.",
				Validators: []validator.String{knownValuesWarning("DirectBilling transaction status", directBillingTransactionStatuses...)},
			},
			"phone_number": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only transactions paid from (or forced to) this phone number, sent to " +
					"SimPay as `filter[phoneNumber]`: digits only, country code first, without `+` or spaces, 9 to 15 " +
					"digits, such as `\"48123123123\"`.",
				Validators: []validator.String{phoneNumberValidator()},
			},
			"control": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Keep only transactions created with this `control` value, sent to "+
					"SimPay as `filter[control]`: 1 to %d characters, as the resource's `control`.", dbTextMaxLength),
				Validators: []validator.String{stringvalidator.UTF8LengthBetween(1, dbTextMaxLength)},
			},
			"max_items": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Keep at most this many transactions, the first (newest) matching ones; only the " +
					"pages needed are fetched (99 transactions a page), since SimPay applies the filters. At least `1`; " +
					"unset keeps them all.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"transactions": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "The transactions, in SimPay's order, under the attribute names of the " +
					"`simpay_directbilling_transaction` resource; `[]` when none matches. SimPay's list sends fewer " +
					"fields than a single transaction: those it leaves out (in its 2024 OpenAPI file `control`, " +
					"`phone_number` and `notify`, besides `value_created`, `value_created_type` and `score`, which " +
					"only SimPay's newer SDKs name) are null here, and `simpay_directbilling_transaction` reads them.",
				NestedObject: schema.NestedAttributeObject{Attributes: directBillingTransactionAttributes()},
			},
		},
	}
}

// directBillingFilterPath maps SimPay's 422 field names for the list's
// filters (filter.status, or filter[status]) to the arguments.
func directBillingFilterPath(field string) (path.Path, bool) {
	name := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(field, "filter."), "filter["), "]")
	switch name {
	case "status", "control":
		return path.Root(name), true
	case "phoneNumber":
		return path.Root("phone_number"), true
	}
	return path.Empty(), false
}

func (d *directBillingTransactionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m directBillingTransactionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID := m.ServiceID.ValueString()
	filter := client.DirectBillingTransactionFilter{
		Status: m.Status.ValueString(), PhoneNumber: m.PhoneNumber.ValueString(), Control: m.Control.ValueString(),
	}
	// SimPay filters, so the first max_items of its list are the result.
	txs, err := c.ListDirectBillingTransactions(ctx, serviceID, filter, client.ListOptions{MaxItems: maxItemsOption(m.MaxItems)})
	if err != nil {
		action := "listing the transactions of DirectBilling service " + serviceID
		switch {
		case addTransactionNotFound(&resp.Diagnostics, err, directBillingTransactions, serviceID, "", ""):
		case client.KindOf(err) == client.KindValidation:
			resp.Diagnostics.Append(validationDiagnostics(action, err, directBillingFilterPath)...)
		default:
			resp.Diagnostics.Append(apiErrorDiagnostic(action, err))
		}
		return
	}
	rows := make([]directBillingTransactionItem, 0, len(txs))
	for i := range txs {
		row, diags := newDirectBillingTransactionItem(&txs[i])
		resp.Diagnostics.Append(diags...)
		rows = append(rows, row)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	var diags diag.Diagnostics
	m.Transactions, diags = objectList(ctx, resp.State.Schema, path.Root("transactions"), rows)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
