package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

var _ datasource.DataSourceWithConfigure = (*paymentCurrenciesDataSource)(nil)

// NewPaymentCurrenciesDataSource is the simpay_payment_currencies data source.
func NewPaymentCurrenciesDataSource() datasource.DataSource { return &paymentCurrenciesDataSource{} }

type paymentCurrenciesDataSource struct{ dataSourceBase }

type paymentCurrenciesModel struct {
	ServiceID  types.String           `tfsdk:"service_id"`
	Currencies []paymentCurrencyModel `tfsdk:"currencies"`
	PLNRates   types.Map              `tfsdk:"pln_rates"`
}

type paymentCurrencyModel struct {
	ISO       types.String `tfsdk:"iso"`
	PLNRate   DecimalValue `tfsdk:"pln_rate"`
	NBPTable  types.String `tfsdk:"nbp_table"`
	Prefix    types.String `tfsdk:"prefix"`
	Suffix    types.String `tfsdk:"suffix"`
	UpdatedAt types.String `tfsdk:"updated_at"`
}

func newPaymentCurrencyModel(c client.Currency) paymentCurrencyModel {
	return paymentCurrencyModel{
		ISO:       types.StringValue(c.ISO),
		PLNRate:   decimalOrNull(c.PLNRate.String()),
		NBPTable:  nonEmptyOrNull(c.NBPTable),
		Prefix:    stringOrNull(c.Prefix),
		Suffix:    stringOrNull(c.Suffix),
		UpdatedAt: timestamp(c.UpdatedAt),
	}
}

func (d *paymentCurrenciesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_currencies"
}

func (d *paymentCurrenciesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the currencies an online-payment service accepts, with their exchange rate to PLN " +
			"(`GET /payment/{serviceId}/currencies`). Rates are the NBP (National Bank of Poland) rates SimPay uses, " +
			"kept exactly as SimPay writes them.",
		Attributes: map[string]schema.Attribute{
			"service_id": serviceIDArgument("online-payment"),
			"currencies": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The currencies, in SimPay's order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"iso": schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 4217 currency code, such as `EUR`."},
					"pln_rate": amountattr.Read("Value " +
						"of one unit of the currency in PLN, as a decimal string exactly as SimPay sends it, such as " +
						"`\"4.3238000000\"`."),
					"nbp_table": schema.StringAttribute{Computed: true, MarkdownDescription: "NBP exchange-rate table the " +
						"rate comes from (`A` or `B`); null when SimPay does not say."},
					"prefix": schema.StringAttribute{Computed: true, MarkdownDescription: "Text written before an amount in " +
						"this currency, such as `€`; null when there is none."},
					"suffix": schema.StringAttribute{Computed: true, MarkdownDescription: "Text written after an amount in " +
						"this currency, such as ` zł` (with its leading space); null when there is none."},
					"updated_at": schema.StringAttribute{Computed: true, MarkdownDescription: "When SimPay last updated the " +
						"rate (RFC 3339)."},
				}},
			},
			"pln_rates": schema.MapAttribute{
				Computed:    true,
				ElementType: DecimalType{},
				MarkdownDescription: "The same rates keyed by ISO code, such as `pln_rates[\"EUR\"]`: the value of one unit " +
					"in PLN, as a decimal string. A currency SimPay sends without a rate is left out.",
			},
		},
	}
}

func (d *paymentCurrenciesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m paymentCurrenciesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID := m.ServiceID.ValueString()
	currencies, err := c.ListPaymentCurrencies(ctx, serviceID)
	if err != nil {
		if !addPaymentNotFound(&resp.Diagnostics, err, serviceID, "", "") {
			resp.Diagnostics.Append(apiErrorDiagnostic("listing the currencies of payment service "+serviceID, err))
		}
		return
	}
	m.Currencies = make([]paymentCurrencyModel, 0, len(currencies))
	rates := make(map[string]attr.Value, len(currencies))
	for _, cur := range currencies {
		m.Currencies = append(m.Currencies, newPaymentCurrencyModel(cur))
		if !cur.PLNRate.IsNull() {
			rates[cur.ISO] = NewDecimalValue(cur.PLNRate.String())
		}
	}
	plnRates, diags := types.MapValue(DecimalType{}, rates)
	resp.Diagnostics.Append(diags...)
	m.PLNRates = plnRates
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
