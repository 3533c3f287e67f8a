package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*paymentTransactionDataSource)(nil)

// NewPaymentTransactionDataSource is the simpay_payment_transaction data source.
func NewPaymentTransactionDataSource() datasource.DataSource { return &paymentTransactionDataSource{} }

type paymentTransactionDataSource struct{ dataSourceBase }

// txDetailModel is one transaction in full, nested as SimPay nests it. The
// txDetail* names keep these models apart from those of the transaction
// resource.
type txDetailModel struct {
	ServiceID          types.String           `tfsdk:"service_id"`
	ID                 types.String           `tfsdk:"id"`
	PayerTransactionID types.String           `tfsdk:"payer_transaction_id"`
	Status             types.String           `tfsdk:"status"`
	Amount             txDetailAmountModel    `tfsdk:"amount"`
	Channel            types.String           `tfsdk:"channel"`
	Control            types.String           `tfsdk:"control"`
	Description        types.String           `tfsdk:"description"`
	Redirect           txDetailRedirectModel  `tfsdk:"redirect"`
	Customer           txDetailCustomerModel  `tfsdk:"customer"`
	Billing            *paymentAddressModel   `tfsdk:"billing"`
	Shipping           *paymentAddressModel   `tfsdk:"shipping"`
	Cart               []paymentCartItemModel `tfsdk:"cart"`
	PaidAt             types.String           `tfsdk:"paid_at"`
	ExpiresAt          types.String           `tfsdk:"expires_at"`
	CreatedAt          types.String           `tfsdk:"created_at"`
	UpdatedAt          types.String           `tfsdk:"updated_at"`
}

type txDetailAmountModel struct {
	Value              DecimalValue           `tfsdk:"value"`
	Currency           types.String           `tfsdk:"currency"`
	Commission         DecimalValue           `tfsdk:"commission"`
	CommissionCurrency types.String           `tfsdk:"commission_currency"`
	Original           *txDetailOriginalModel `tfsdk:"original"`
}

type txDetailOriginalModel struct {
	Value    DecimalValue `tfsdk:"value"`
	Currency types.String `tfsdk:"currency"`
	PLNRate  DecimalValue `tfsdk:"pln_rate"`
}

type txDetailRedirectModel struct {
	Success types.String `tfsdk:"success"`
	Failure types.String `tfsdk:"failure"`
}

type txDetailCustomerModel struct {
	Name    types.String `tfsdk:"name"`
	Email   types.String `tfsdk:"email"`
	IP      types.String `tfsdk:"ip"`
	Country types.String `tfsdk:"country"`
}

// newTxDetailModel fills every computed attribute; the arguments (service_id,
// id) are the caller's to set.
func newTxDetailModel(t client.PaymentTransaction) txDetailModel {
	m := txDetailModel{
		PayerTransactionID: nonEmptyOrNull(t.PayerTransactionID),
		Status:             types.StringValue(t.Status),
		Amount: txDetailAmountModel{
			Value:              decimalOrNull(t.Amount.Value.String()),
			Currency:           nonEmptyOrNull(t.Amount.Currency),
			Commission:         decimalOrNull(t.Amount.Commission.String()),
			CommissionCurrency: nonEmptyOrNull(t.Amount.CommissionCurrency),
		},
		Channel:     stringOrNull(t.Channel),
		Control:     stringOrNull(t.Control),
		Description: stringOrNull(t.Description),
		Redirect:    txDetailRedirectModel{Success: stringOrNull(t.Redirect.Success), Failure: stringOrNull(t.Redirect.Failure)},
		Customer: txDetailCustomerModel{
			Name: stringOrNull(t.Customer.Name), Email: stringOrNull(t.Customer.Email),
			IP: stringOrNull(t.Customer.IP), Country: stringOrNull(t.Customer.Country),
		},
		Billing:   newAddressModel(t.Billing),
		Shipping:  newAddressModel(t.Shipping),
		PaidAt:    timestampOrNull(t.PaidAt),
		ExpiresAt: timestampOrNull(t.ExpiresAt),
		CreatedAt: timestamp(t.CreatedAt),
		UpdatedAt: timestamp(t.UpdatedAt),
	}
	if o := t.Amount.Original; o != nil {
		m.Amount.Original = &txDetailOriginalModel{
			Value:    decimalOrNull(o.Value.String()),
			Currency: nonEmptyOrNull(o.Currency),
			PLNRate:  decimalOrNull(o.PLNRate.String()),
		}
	}
	// A nil Cart is SimPay's null and stays null; [] stays [].
	m.Cart = cartModels(t.Cart)
	return m
}

func (d *paymentTransactionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_transaction"
}

func txDetailString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

func txDetailDecimal(desc string) schema.StringAttribute {
	return schema.StringAttribute{CustomType: DecimalType{}, Computed: true, MarkdownDescription: desc}
}

func txDetailAddressAttribute(kind string) schema.SingleNestedAttribute {
	field := func(what string) schema.StringAttribute {
		return txDetailString(what + " of the " + kind + " address; null when not given.")
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
		MarkdownDescription: "Reads one online-payment transaction in full (`GET /payment/{serviceId}/transactions/{transactionId}`): " +
			"amounts and commission, payer, addresses and cart, nested as SimPay nests them. Whatever SimPay sends as " +
			"null is null here.",
		Attributes: map[string]schema.Attribute{
			"service_id":           serviceIDArgument("online-payment"),
			"id":                   transactionIDArgument("Id of the transaction, as SimPay returned it when the transaction was created."),
			"payer_transaction_id": txDetailString("Short transaction identifier shown to the payer, such as `477YDX14`."),
			"status": txDetailString("Transaction status, such as `transaction_paid`. SimPay may add statuses; " +
				"any value it sends is kept."),
			"amount": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "What the payer paid and what SimPay charged.",
				Attributes: map[string]schema.Attribute{
					"value":    txDetailDecimal("Amount in the payer's currency, as a decimal string such as `\"7.55\"`."),
					"currency": txDetailString("ISO 4217 code of the payer's currency, such as `BRL`."),
					"commission": txDetailDecimal("SimPay's commission, as a decimal string; null until SimPay has " +
						"charged one (e.g. while unpaid)."),
					"commission_currency": txDetailString("Currency of the commission (`PLN` or `EUR`)."),
					"original": schema.SingleNestedAttribute{
						Computed: true,
						MarkdownDescription: "The amount declared when the transaction was created, before any currency " +
							"conversion; null when SimPay does not send it.",
						Attributes: map[string]schema.Attribute{
							"value":    txDetailDecimal("Declared amount, as a decimal string."),
							"currency": txDetailString("ISO 4217 code of the declared currency."),
							"pln_rate": txDetailDecimal("Rate of the declared currency to PLN used, as a decimal string."),
						},
					},
				},
			},
			"channel":     txDetailString("Id of the channel the payer used, such as `blik`; null until one is chosen."),
			"control":     txDetailString("The shop's own reference given at creation (`control`); null when none was."),
			"description": txDetailString("Description given at creation; null when none was."),
			"redirect": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Where the payer is sent back to after the payment.",
				Attributes: map[string]schema.Attribute{
					"success": txDetailString("URL after a successful payment; null when none was given."),
					"failure": txDetailString("URL after a failed payment; null when none was given."),
				},
			},
			"customer": schema.SingleNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The payer as SimPay recorded them; each field is null when unknown.",
				Attributes: map[string]schema.Attribute{
					"name":    txDetailString("Payer's name."),
					"email":   txDetailString("Payer's email address."),
					"ip":      txDetailString("Payer's IP address."),
					"country": txDetailString("Payer's ISO 3166-1 alpha-2 country code."),
				},
			},
			"billing":  txDetailAddressAttribute("billing"),
			"shipping": txDetailAddressAttribute("shipping"),
			"cart": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Products of the order, in SimPay's order; null when SimPay sends no cart.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":     txDetailString("Product name."),
					"quantity": schema.Int64Attribute{Computed: true, MarkdownDescription: "Quantity of the product."},
					"price":    txDetailDecimal("Price of one product, as a decimal string."),
					"producer": txDetailString("Product brand; null when not given."),
					"category": txDetailString("Product category; null when not given."),
					"code":     txDetailString("Product code; null when not given."),
				}},
			},
			"paid_at":    txDetailString("When the payment was made (RFC 3339); null when unpaid."),
			"expires_at": txDetailString("When an unpaid transaction expires (RFC 3339); null when SimPay sends none."),
			"created_at": txDetailString("When the transaction was created (RFC 3339)."),
			"updated_at": txDetailString("When the transaction last changed (RFC 3339)."),
		},
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
	m := newTxDetailModel(*t)
	// The arguments stay as configured: Terraform expects them back
	// unchanged, and a mock may answer with its example id.
	m.ServiceID, m.ID = cfg.ServiceID, cfg.ID
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
