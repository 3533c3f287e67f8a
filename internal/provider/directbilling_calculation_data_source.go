package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

var _ datasource.DataSourceWithConfigure = (*directBillingCalculationDataSource)(nil)

// NewDirectBillingCalculationDataSource is the simpay_directbilling_calculation data source.
func NewDirectBillingCalculationDataSource() datasource.DataSource {
	return &directBillingCalculationDataSource{}
}

type directBillingCalculationDataSource struct{ dataSourceBase }

type directBillingCalculationModel struct {
	ServiceID types.String         `tfsdk:"service_id"`
	Amount    DecimalValue         `tfsdk:"amount"`
	Orange    *operatorAmountModel `tfsdk:"orange"`
	Play      *operatorAmountModel `tfsdk:"play"`
	TMobile   *operatorAmountModel `tfsdk:"t_mobile"`
	Plus      *operatorAmountModel `tfsdk:"plus"`
	Netia     *operatorAmountModel `tfsdk:"netia"`
	// Operators is every operator SimPay prices the amount for, keyed by
	// SimPay's name, so that one SimPay adds later is not lost.
	Operators map[string]operatorAmountModel `tfsdk:"operators"`
}

// operatorAmountModel is one operator's price; a nil pointer is SimPay's
// null (the operator does not take this amount).
type operatorAmountModel struct {
	Net   DecimalValue `tfsdk:"net"`
	Gross DecimalValue `tfsdk:"gross"`
}

func newOperatorAmountModel(a *client.OperatorAmount) *operatorAmountModel {
	if a == nil {
		return nil
	}
	return &operatorAmountModel{Net: decimalOrNull(a.Net.String()), Gross: decimalOrNull(a.Gross.String())}
}

func (d *directBillingCalculationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_directbilling_calculation"
}

// operatorAmountAttributes are one operator's price.
func operatorAmountAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"net": amountattr.Read("Price " +
			"without VAT, in PLN, as a decimal string."),
		"gross": amountattr.Read("Price " +
			"with VAT, in PLN, as a decimal string: what the payer is charged."),
	}
}

func operatorAttribute(operator, source string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Computed: true,
		MarkdownDescription: "What a DirectBilling payment of `amount` costs a " + operator + " subscriber; null " +
			"when SimPay gives none (" + operator + " does not take a payment of this amount" + source + ").",
		Attributes: operatorAmountAttributes(),
	}
}

func (d *directBillingCalculationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Asks SimPay what a DirectBilling (carrier billing) payment costs with each mobile " +
			"operator (`GET /directbilling/{serviceId}/calculate?amount=...`), for example to show prices before " +
			"creating a transaction.",
		Attributes: map[string]schema.Attribute{
			"service_id": serviceIDArgument(directBillingServices.Name),
			"amount": amountattr.DataSourceArgument(amountattr.Required, "0.01", "Amount to calculate for, in PLN, as a decimal string with at most 2 decimal "+
				"places, such as `\"200\"` or `\"19.99\"`: what the partner wants to receive. It must be "+
				"positive, and is sent to SimPay exactly as written."),
			"orange":   operatorAttribute("Orange", ""),
			"play":     operatorAttribute("Play", ""),
			"t_mobile": operatorAttribute("T-Mobile", ""),
			"plus":     operatorAttribute("Plus", ""),
			// SimPay's 2024 OpenAPI file names the four above; simpay-laravel
			// (src/Responses/DirectBilling/AmountCalculatorResponse.php) also
			// reads netia.
			"netia": operatorAttribute("Netia", ", or SimPay's answer does not name Netia: its 2024 OpenAPI file "+
				"does not, its newer SDKs do"),
			"operators": schema.MapNestedAttribute{
				Computed: true,
				MarkdownDescription: "Every operator SimPay prices a payment of `amount` for, keyed by SimPay's name " +
					"of the operator (`orange`, `play`, `t-mobile`, `plus`, `netia`, and any SimPay adds later), such " +
					"as `operators[\"t-mobile\"].gross`. An operator SimPay answers null for (it does not take this " +
					"amount) is not in the map, so `keys(operators)` are the operators that do. `{}` when none does.",
				NestedObject: schema.NestedAttributeObject{Attributes: operatorAmountAttributes()},
			},
		},
	}
}

func (d *directBillingCalculationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m directBillingCalculationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id, amount := m.ServiceID.ValueString(), m.Amount.ValueString()
	query := jsonAmount(path.Root("amount"), m.Amount, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	calc, err := c.CalculateDirectBilling(ctx, id, query)
	if err != nil {
		action := "calculating the DirectBilling price of " + amount + " for service " + id
		switch {
		case addServiceNotFound(&resp.Diagnostics, path.Root("service_id"), directBillingServices, id, err):
		case client.KindOf(err) == client.KindValidation:
			resp.Diagnostics.Append(validationDiagnostics(action, err, func(field string) (path.Path, bool) {
				return path.Root("amount"), field == "amount"
			})...)
		default:
			resp.Diagnostics.Append(apiErrorDiagnostic(action, err))
		}
		return
	}
	m.Orange = newOperatorAmountModel((*calc)[client.OperatorOrange])
	m.Play = newOperatorAmountModel((*calc)[client.OperatorPlay])
	m.TMobile = newOperatorAmountModel((*calc)[client.OperatorTMobile])
	m.Plus = newOperatorAmountModel((*calc)[client.OperatorPlus])
	m.Netia = newOperatorAmountModel((*calc)[client.OperatorNetia])
	m.Operators = make(map[string]operatorAmountModel, len(*calc))
	for name, amount := range *calc {
		if a := newOperatorAmountModel(amount); a != nil {
			m.Operators[name] = *a
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
