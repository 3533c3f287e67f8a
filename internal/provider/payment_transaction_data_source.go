package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

var _ datasource.DataSourceWithConfigure = (*paymentTransactionDataSource)(nil)

// NewPaymentTransactionDataSource is the simpay_payment_transaction data source.
func NewPaymentTransactionDataSource() datasource.DataSource { return &paymentTransactionDataSource{} }

type paymentTransactionDataSource struct{ dataSourceBase }

// paymentTransactionDataSourceModel shows a transaction under the same
// attribute names and shapes as the simpay_payment_transaction resource.
type paymentTransactionDataSourceModel struct {
	ServiceID types.String `tfsdk:"service_id"`
	ID        types.String `tfsdk:"id"`
	paymentTransactionReturned
	paymentTransactionReported
}

func (d *paymentTransactionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_transaction"
}

func addressReadAttribute(kind string) schema.SingleNestedAttribute {
	field := func(what string) schema.StringAttribute {
		return readString(what + " of the " + kind + " address; null when not given.")
	}
	return schema.SingleNestedAttribute{
		Computed: true,
		MarkdownDescription: "The " + kind + " address given when the transaction was created. Null when SimPay sends " +
			"none; an object whose fields are all null when SimPay sends an empty address.",
		Attributes: map[string]schema.Attribute{
			"name":        field("First name (or the full name)"),
			"surname":     field("Surname"),
			"street":      field("Street"),
			"building":    field("Building number"),
			"flat":        field("Flat number"),
			"city":        field("City"),
			"region":      field("Region"),
			"postal_code": field("Postal code (SimPay's `postalCode`)"),
			"country":     field("ISO 3166-1 alpha-2 country code"),
			"company":     field("Company name"),
		},
	}
}

func (d *paymentTransactionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one online-payment transaction in full " +
			"(`GET /payment/{serviceId}/transactions/{transactionId}`): amounts and commission, payer, addresses and " +
			"cart, under the same attribute names as the `simpay_payment_transaction` resource. Whatever SimPay sends as " +
			"null is null here.",
		Attributes: paymentTransactionReportedAttrs.dataSourceWith(map[string]schema.Attribute{
			"service_id": serviceIDArgument(paymentServices.Name),
			"id":         transactionIDArgument("Id of the transaction, as SimPay returned it when the transaction was created."),
			"amount": amountattr.Read("Amount of the transaction as it was created, in `currency`, as a decimal string such " +
				"as `\"24.99\"`; `reported_amount` has what the payer was charged."),
			"currency":    readString("ISO 4217 currency of `amount`, such as `PLN`."),
			"description": readString("Description given at creation; null when none was."),
			"control":     paymentControlReadBack.dataSource(),
			"customer": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The payer as SimPay recorded them; each field is null when unknown.",
				Attributes: map[string]schema.Attribute{
					"name":         readString("Payer's name."),
					"email":        readString("Payer's email address."),
					"ip":           readString("Payer's IP address."),
					"country_code": readString("Payer's ISO 3166-1 alpha-2 country code."),
				},
			},
			"billing":  addressReadAttribute("billing"),
			"shipping": addressReadAttribute("shipping"),
			"cart": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Products of the order, in SimPay's order; null when SimPay sends no cart.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":     readString("Product name."),
					"quantity": schema.Int64Attribute{Computed: true, MarkdownDescription: "Quantity of the product."},
					"price":    amountattr.Read("Price of one product, as a decimal string."),
					"producer": readString("Product brand; null when not given."),
					"category": readString("Product category; null when not given."),
					"code":     readString("Product code; null when not given."),
				}},
			},
			"return_urls": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Where the payer is sent back to after the payment (SimPay's `redirect`).",
				Attributes: map[string]schema.Attribute{
					"success": readString("URL after a successful payment; null when none was given."),
					"failure": readString("URL after a failed payment; null when none was given."),
					"pending": readString("URL for a payment not settled yet. Null: SimPay takes it when a transaction " +
						"is created (`simpay_payment_transaction`'s `return_urls.pending`) but no SimPay source shows it in " +
						"the transaction's details; here so that the resource and this data source share attribute paths."),
				},
			},
		}),
	}
}

func (d *paymentTransactionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg struct {
		ServiceID types.String `tfsdk:"service_id"`
		ID        types.String `tfsdk:"id"`
	}
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("service_id"), &cfg.ServiceID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &cfg.ID)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID, id := cfg.ServiceID.ValueString(), cfg.ID.ValueString()
	t, err := c.GetPaymentTransaction(ctx, serviceID, id)
	if err != nil {
		if !addPaymentNotFound(&resp.Diagnostics, err, serviceID, id, "id") {
			resp.Diagnostics.Append(apiErrorDiagnostic("reading transaction "+id+" of payment service "+serviceID, err))
		}
		return
	}
	// The arguments stay as configured: Terraform expects them back
	// unchanged, and a mock may answer with its example id.
	m := paymentTransactionDataSourceModel{ServiceID: cfg.ServiceID, ID: cfg.ID}
	var diags diag.Diagnostics
	m.paymentTransactionReturned, m.paymentTransactionReported, diags = newPaymentTransactionView(ctx, t)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
