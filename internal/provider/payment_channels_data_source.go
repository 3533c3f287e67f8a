package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

var _ datasource.DataSourceWithConfigure = (*paymentChannelsDataSource)(nil)

// paymentChannelTypes are the channel types SimPay names: the keys of
// channelTypes in a new transaction, which are the values channels carry in
// type. Read values are never checked against them.
var paymentChannelTypes = []string{"blik", "transfer", "cards", "ewallets", "paypal", "paysafe", "latam"}

// NewPaymentChannelsDataSource is the simpay_payment_channels data source.
func NewPaymentChannelsDataSource() datasource.DataSource { return &paymentChannelsDataSource{} }

type paymentChannelsDataSource struct{ dataSourceBase }

type paymentChannelsModel struct {
	ServiceID types.String          `tfsdk:"service_id"`
	Type      types.String          `tfsdk:"type"`
	Currency  types.String          `tfsdk:"currency"`
	Amount    DecimalValue          `tfsdk:"amount"`
	Channels  []paymentChannelModel `tfsdk:"channels"`
	IDs       []types.String        `tfsdk:"ids"`
}

type paymentChannelModel struct {
	ID         types.String   `tfsdk:"id"`
	Name       types.String   `tfsdk:"name"`
	Type       types.String   `tfsdk:"type"`
	Img        types.String   `tfsdk:"img"`
	Commission DecimalValue   `tfsdk:"commission"`
	Currencies []types.String `tfsdk:"currencies"`
	AmountMin  DecimalValue   `tfsdk:"amount_min"`
	AmountMax  DecimalValue   `tfsdk:"amount_max"`
}

func newPaymentChannelModel(c client.PaymentChannel) paymentChannelModel {
	currencies := make([]types.String, 0, len(c.Currencies))
	for _, cur := range c.Currencies {
		currencies = append(currencies, types.StringValue(cur))
	}
	return paymentChannelModel{
		ID:         types.StringValue(c.ID),
		Name:       types.StringValue(c.Name),
		Type:       types.StringValue(c.Type),
		Img:        nonEmptyOrNull(c.Img),
		Commission: decimalOrNull(c.Commission.String()),
		Currencies: currencies,
		AmountMin:  decimalOrNull(c.Amount.Min.String()),
		AmountMax:  decimalOrNull(c.Amount.Max.String()),
	}
}

func (d *paymentChannelsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_channels"
}

func (d *paymentChannelsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the payment channels (BLIK, banks, cards, PayPal, ...) of an online-payment service " +
			"(`GET /payment/{serviceId}/channels`), optionally only those of one type, currency or able to take an amount. " +
			"`ids` lists the matching channel ids, in the form a new transaction's list of allowed channels takes.",
		Attributes: map[string]schema.Attribute{
			"service_id": serviceIDArgument("online-payment"),
			"type": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only channels of this type, such as `blik`, `transfer`, `cards`, `ewallets`, " +
					"`paypal`, `paysafe` or `latam`, exactly so (lowercase). A type SimPay neither documents nor sends " +
					"gives a warning when the channels are read, with the type it most likely means, not an error.",
			},
			"currency": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Keep only channels that accept this ISO 4217 currency, such as `PLN` or `EUR`.",
				Validators:          []validator.String{currencyValidator()},
			},
			"amount": amountattr.DataSourceArgument(amountattr.Optional, "0.01", "Keep only channels that accept this amount: `amount_min <= amount <= amount_max`, "+
				"where a null bound does not limit that side. A decimal string of at least `0.01` with at most two "+
				"decimal places, such as `\"24.99\"`."),
			"channels": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The channels that match every filter given, in SimPay's order; `[]` when none does.",
				NestedObject:        schema.NestedAttributeObject{Attributes: paymentChannelAttributes()},
			},
			"ids": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The ids of `channels`, in the same order.",
			},
		},
	}
}

func paymentChannelAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: "Channel id, such as `blik` or `mbank`: " +
			"the value SimPay's `channels` and `directChannel` of a new transaction take."},
		"name": schema.StringAttribute{Computed: true, MarkdownDescription: "Channel name shown to the payer, such as `mBank`."},
		"type": schema.StringAttribute{Computed: true, MarkdownDescription: "Channel type, such as `blik`, `transfer` or `cards`."},
		"img":  schema.StringAttribute{Computed: true, MarkdownDescription: "URL of the channel's logo."},
		"commission": amountattr.Read("SimPay's " +
			"commission on payments through this channel, in percent, as a decimal string such as `\"1.5\"`."),
		"currencies": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "ISO 4217 " +
			"codes of the currencies the channel accepts."},
		"amount_min": amountattr.Read("Smallest " +
			"amount the channel accepts, as a decimal string; null when SimPay sets no minimum."),
		"amount_max": amountattr.Read("Largest " +
			"amount the channel accepts, as a decimal string; null when SimPay sets no maximum."),
	}
}

func (d *paymentChannelsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m paymentChannelsModel
	resp.Diagnostics.Append(getConfig(ctx, req.Config, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID := m.ServiceID.ValueString()
	channels, err := c.ListPaymentChannels(ctx, serviceID)
	if err != nil {
		if !addPaymentNotFound(&resp.Diagnostics, err, serviceID, "", "") {
			resp.Diagnostics.Append(apiErrorDiagnostic("listing the channels of payment service "+serviceID, err))
		}
		return
	}

	var amount *decimal.Decimal
	if !m.Amount.IsNull() {
		a, err := decimal.Parse(m.Amount.ValueString())
		if err != nil { // validated at plan time; unreachable unless the value came from elsewhere
			resp.Diagnostics.AddAttributeError(path.Root("amount"), "Invalid amount", err.Error())
			return
		}
		amount = &a
	}

	if !m.Type.IsNull() {
		warnUnknownChannelType(&resp.Diagnostics, m.Type.ValueString(), channels)
	}
	m.Channels = []paymentChannelModel{}
	m.IDs = []types.String{}
	for _, ch := range channels {
		if !m.Type.IsNull() && ch.Type != m.Type.ValueString() {
			continue
		}
		if !m.Currency.IsNull() && !slices.Contains(ch.Currencies, m.Currency.ValueString()) {
			continue
		}
		if amount != nil && !channelTakes(ch, *amount, &resp.Diagnostics) {
			continue
		}
		m.Channels = append(m.Channels, newPaymentChannelModel(ch))
		m.IDs = append(m.IDs, types.StringValue(ch.ID))
	}
	resp.Diagnostics.Append(setState(ctx, &resp.State, &m)...)
}

// warnUnknownChannelType warns when typ is neither a type SimPay documents
// nor one a channel of the answer carries, suggesting the nearest of those.
// It is checked here, where the channels are read, rather than by a
// validator: Terraform validates a data source both in the validate walk
// and again before reading it, so a validator's warning is shown twice.
func warnUnknownChannelType(diags *diag.Diagnostics, typ string, channels []client.PaymentChannel) {
	known := slices.Clone(paymentChannelTypes)
	for _, ch := range channels {
		if !slices.Contains(known, ch.Type) {
			known = append(known, ch.Type)
		}
	}
	if slices.Contains(known, typ) {
		return
	}
	detail := fmt.Sprintf("%q is not a channel type SimPay documents (%s).", typ, strings.Join(paymentChannelTypes, ", "))
	if near := nearest(typ, known); near != "" {
		detail = fmt.Sprintf("%q is not a channel type SimPay documents; did you mean %q? Types are matched exactly, "+
			"so as written no channel matches.", typ, near)
	} else {
		detail += " As written no channel matches; if SimPay added the type recently, ignore this warning."
	}
	diags.AddAttributeWarning(path.Root("type"), "Unknown channel type", detail)
}

// channelTakes reports whether amount is within the channel's limits. An
// absent bound does not limit; a bound that is not a number cannot be
// compared, so it does not limit either, with a warning, rather than hiding a
// channel SimPay offers.
func channelTakes(ch client.PaymentChannel, amount decimal.Decimal, diags *diag.Diagnostics) bool {
	within := func(bound client.Decimal, name string, ok func(cmp int) bool) bool {
		if bound.IsNull() {
			return true
		}
		b, err := decimal.ParseNumber(bound.String())
		if err != nil {
			diags.AddAttributeWarning(path.Root("amount"), "Channel limit is not a number", fmt.Sprintf(
				"SimPay sent %q as the %s amount of channel %s, which is not a number; the amount filter treats that side "+
					"as unlimited for this channel.", bound.String(), name, ch.ID))
			return true
		}
		return ok(amount.Cmp(b))
	}
	return within(ch.Amount.Min, "minimum", func(c int) bool { return c >= 0 }) &&
		within(ch.Amount.Max, "maximum", func(c int) bool { return c <= 0 })
}
