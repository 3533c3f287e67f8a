package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// An online-payment transaction, as the simpay_payment_transaction resource
// and data source show it (and, for the fields SimPay's list gives, the items
// of simpay_payment_transactions): its models, its mapping from the client's
// object, and the attributes SimPay reports of it, defined once for all of
// them. What a transaction was created with (paymentTransactionReturned) is
// an argument of the resource and read back by the data source, so only
// those attributes are described apart.

// paymentTransactionReportedAttrs are what SimPay reports about a
// transaction and changes over its life (paymentTransactionReported).
var paymentTransactionReportedAttrs = reportedAttrs{
	"status": textReported("Transaction status, such as `transaction_new` or `transaction_paid`. SimPay documents " +
		"`" + strings.Join(paymentTransactionStatuses, "`, `") + "`; others are kept as SimPay sends them."),
	// SimPay's reference calls it the "Payment channel"; the payer chooses
	// it on the payment page unless direct_channel chose it.
	"channel": textReported("Id of the payment channel the payer pays through, such as `blik`; null until one is chosen."),
	// SimPay's reference: "Transaction identifier shared with the payer".
	"payer_transaction_id": textReported("Short transaction identifier SimPay shows the payer, such as `477YDX14`."),
	// An expired or failed transaction is never paid: "until paid" would
	// promise a payment.
	"paid_at": textReported("When the payer paid (RFC 3339); null when unpaid."),
	// SimPay's reference example has null for a paid transaction, and no
	// SimPay source says when it sets none.
	"expires_at": textReported("When an unpaid transaction expires (RFC 3339); null when SimPay sends none."),
	"created_at": textReported("When SimPay created the transaction (RFC 3339)."),
	"updated_at": textReported("When SimPay last changed the transaction (RFC 3339)."),
	"additional_json": textReported("SimPay's `additional` for the transaction, as the JSON text SimPay sent, such " +
		"as `[]`, for `jsondecode()`; null when SimPay sends none. SimPay documents no shape for it, so it is kept " +
		"exactly as sent, numbers included."),
	"reported_amount": paymentReportedAmountAttr,
}

// paymentReportedAmountAttr is SimPay's amount object of a transaction
// (paymentReportedAmountModel). Its fields, by SimPay's reference for the
// transaction's details: value and currency are the buyer's, the
// commission is in PLN or EUR, and original is sent only when the payer
// changed the currency on the payment page.
var paymentReportedAmountAttr = objectReported("The amounts as SimPay reports them. `value` and `currency` are "+
	"what the payer is charged: they differ from `amount` and `currency` when the payer paid in another currency, "+
	"and `original` then holds the amount as created.", reportedAttrs{
	"value":               amountReported("Amount the payer is charged, in the payer's currency, as a decimal string such as `\"7.55\"`."),
	"currency":            textReported("ISO 4217 code of `value`: the payer's currency, such as `BRL`."),
	"commission":          amountReported("SimPay's commission, in `commission_currency`, as a decimal string; null until SimPay sets it (usually once paid)."),
	"commission_currency": textReported("ISO 4217 code of `commission`: `PLN` or `EUR`."),
	"original": objectReported("The amount as the transaction was created, before the payer switched currency, "+
		"with its rate to PLN; null when SimPay does not send it.", reportedAttrs{
		"value":    amountReported("Amount as created, as a decimal string."),
		"currency": textReported("ISO 4217 code of the amount as created."),
		"pln_rate": amountReported("Rate of that currency to PLN, as a decimal string."),
	}),
})

// paymentControlReadBack is the control a transaction was created with, as
// the data sources read it back (an argument of the resource).
var paymentControlReadBack = textReported("The shop's own reference given when the transaction was created " +
	"(`control`); null when none was.")

var paymentReportedAmountAttrTypes = paymentReportedAmountAttr.attrs.attrTypes()

// The models: a data source and a resource that show a transaction embed the
// same ones, so the object has the same attribute names and shapes in both:
// moving from one to the other changes the block type, not the attribute
// paths.

// paymentTransactionReturned holds what a transaction was created with, as
// SimPay returns it when the transaction is read: arguments of the resource,
// read-only attributes of the data source.
type paymentTransactionReturned struct {
	Amount      DecimalValue            `tfsdk:"amount"`
	Currency    types.String            `tfsdk:"currency"`
	Description types.String            `tfsdk:"description"`
	Control     types.String            `tfsdk:"control"`
	Customer    *paymentCustomerModel   `tfsdk:"customer"`
	Billing     *paymentAddressModel    `tfsdk:"billing"`
	Shipping    *paymentAddressModel    `tfsdk:"shipping"`
	Cart        []paymentCartItemModel  `tfsdk:"cart"`
	ReturnURLs  *paymentReturnURLsModel `tfsdk:"return_urls"`
}

// paymentTransactionReported holds what SimPay reports about a transaction
// and changes over its life.
type paymentTransactionReported struct {
	Status             types.String `tfsdk:"status"`
	Channel            types.String `tfsdk:"channel"`
	PayerTransactionID types.String `tfsdk:"payer_transaction_id"`
	PaidAt             types.String `tfsdk:"paid_at"`
	ExpiresAt          types.String `tfsdk:"expires_at"`
	CreatedAt          types.String `tfsdk:"created_at"`
	UpdatedAt          types.String `tfsdk:"updated_at"`
	// AdditionalJSON is SimPay's "additional" as the JSON text it sent;
	// null when it sent none.
	AdditionalJSON types.String `tfsdk:"additional_json"`
	// ReportedAmount is an object value (of paymentReportedAmountModel)
	// rather than a struct, so that the resource's plan can hold it unknown.
	ReportedAmount types.Object `tfsdk:"reported_amount"`
}

type paymentCustomerModel struct {
	Name        types.String `tfsdk:"name"`
	Email       types.String `tfsdk:"email"`
	IP          types.String `tfsdk:"ip"`
	CountryCode types.String `tfsdk:"country_code"`
}

type paymentAntifraudModel struct {
	UserAgent  types.String `tfsdk:"useragent"`
	SystemID   types.String `tfsdk:"system_id"`
	SteamID    types.String `tfsdk:"steamid"`
	MCUsername types.String `tfsdk:"mcusername"`
	MCID       types.String `tfsdk:"mcid"`
}

type paymentAddressModel struct {
	Name       types.String `tfsdk:"name"`
	Surname    types.String `tfsdk:"surname"`
	Street     types.String `tfsdk:"street"`
	Building   types.String `tfsdk:"building"`
	Flat       types.String `tfsdk:"flat"`
	City       types.String `tfsdk:"city"`
	Region     types.String `tfsdk:"region"`
	PostalCode types.String `tfsdk:"postal_code"`
	Country    types.String `tfsdk:"country"`
	Company    types.String `tfsdk:"company"`
}

type paymentCartItemModel struct {
	Name     types.String `tfsdk:"name"`
	Quantity types.Int64  `tfsdk:"quantity"`
	Price    DecimalValue `tfsdk:"price"`
	Producer types.String `tfsdk:"producer"`
	Category types.String `tfsdk:"category"`
	Code     types.String `tfsdk:"code"`
}

type paymentReturnURLsModel struct {
	Success types.String `tfsdk:"success"`
	Failure types.String `tfsdk:"failure"`
	// Pending is sent at creation; no SimPay source shows it in the
	// transaction detail, so a read leaves it null.
	Pending types.String `tfsdk:"pending"`
}

type paymentChannelTypesModel struct {
	Blik      types.Bool `tfsdk:"blik"`
	Transfer  types.Bool `tfsdk:"transfer"`
	Cards     types.Bool `tfsdk:"cards"`
	Ewallets  types.Bool `tfsdk:"ewallets"`
	Paypal    types.Bool `tfsdk:"paypal"`
	Paysafe   types.Bool `tfsdk:"paysafe"`
	Latam     types.Bool `tfsdk:"latam"`
	Postponed types.Bool `tfsdk:"postponed"`
}

// paymentContextModel is the payer's purchase history sent for SimPay's
// fraud checks (SimPay's "context").
type paymentContextModel struct {
	AccountCreatedAt     types.String `tfsdk:"account_created_at"`
	SalesTotalCount      types.Int64  `tfsdk:"sales_total_count"`
	SalesTotalAmount     DecimalValue `tfsdk:"sales_total_amount"`
	SalesAvgAmount       DecimalValue `tfsdk:"sales_avg_amount"`
	SalesMaxAmount       DecimalValue `tfsdk:"sales_max_amount"`
	AccountSetCurrency   types.String `tfsdk:"account_set_currency"`
	HasPreviousPurchases types.Bool   `tfsdk:"has_previous_purchases"`
}

type paymentReportedAmountModel struct {
	Value              DecimalValue                `tfsdk:"value"`
	Currency           types.String                `tfsdk:"currency"`
	Commission         DecimalValue                `tfsdk:"commission"`
	CommissionCurrency types.String                `tfsdk:"commission_currency"`
	Original           *paymentOriginalAmountModel `tfsdk:"original"`
}

type paymentOriginalAmountModel struct {
	Value    DecimalValue `tfsdk:"value"`
	Currency types.String `tfsdk:"currency"`
	PLNRate  DecimalValue `tfsdk:"pln_rate"`
}

// The mapping from the client's transaction. SimPay's nulls stay null:
// never "" or 0 in state.

// newPaymentTransactionView is a transaction as SimPay sent it: an address
// whose fields are all null is an object of nulls, an empty cart is [],
// and customer and return_urls are always objects (of nulls when SimPay
// knows nothing). The resource's arguments need less (see asArguments).
func newPaymentTransactionView(ctx context.Context, t *client.PaymentTransaction) (paymentTransactionReturned, paymentTransactionReported, diag.Diagnostics) {
	returned := paymentTransactionReturned{
		Amount:      decimalOrNull(t.Amount.Value.String()),
		Currency:    nonEmptyOrNull(t.Amount.Currency),
		Description: stringOrNull(t.Description),
		Control:     stringOrNull(t.Control),
		Customer: &paymentCustomerModel{
			Name: stringOrNull(t.Customer.Name), Email: stringOrNull(t.Customer.Email),
			IP: stringOrNull(t.Customer.IP), CountryCode: stringOrNull(t.Customer.Country),
		},
		Billing:  newAddressModel(t.Billing),
		Shipping: newAddressModel(t.Shipping),
		Cart:     cartModels(t.Cart),
		ReturnURLs: &paymentReturnURLsModel{Success: stringOrNull(t.Redirect.Success), Failure: stringOrNull(t.Redirect.Failure),
			Pending: types.StringNull()},
	}
	amount := paymentReportedAmountModel{
		Value:              decimalOrNull(t.Amount.Value.String()),
		Currency:           nonEmptyOrNull(t.Amount.Currency),
		Commission:         decimalOrNull(t.Amount.Commission.String()),
		CommissionCurrency: nonEmptyOrNull(t.Amount.CommissionCurrency),
	}
	if o := t.Amount.Original; o != nil {
		// The amount as created, before the payer switched currency.
		returned.Amount = decimalOrNull(o.Value.String())
		returned.Currency = nonEmptyOrNull(o.Currency)
		amount.Original = &paymentOriginalAmountModel{
			Value: decimalOrNull(o.Value.String()), Currency: nonEmptyOrNull(o.Currency), PLNRate: decimalOrNull(o.PLNRate.String()),
		}
	}
	reported := paymentTransactionReported{
		Status:             nonEmptyOrNull(t.Status),
		Channel:            stringOrNull(t.Channel),
		PayerTransactionID: nonEmptyOrNull(t.PayerTransactionID),
		PaidAt:             timestampOrNull(t.PaidAt),
		ExpiresAt:          timestampOrNull(t.ExpiresAt),
		CreatedAt:          timestamp(t.CreatedAt),
		UpdatedAt:          timestamp(t.UpdatedAt),
		AdditionalJSON:     rawJSONOrNull(t.Additional),
	}
	var diags diag.Diagnostics
	reported.ReportedAmount, diags = types.ObjectValueFrom(ctx, paymentReportedAmountAttrTypes, amount)
	return returned, reported, diags
}

// asArguments is r as arguments hold it. An argument cannot be an empty
// object or list (the configuration could not write it), so an object SimPay
// sent with every field null, and an empty cart, are null.
func (r paymentTransactionReturned) asArguments() paymentTransactionReturned {
	if c := r.Customer; c != nil && allNull(c.Name, c.Email, c.IP, c.CountryCode) {
		r.Customer = nil
	}
	r.Billing = r.Billing.orNilIfEmpty()
	r.Shipping = r.Shipping.orNilIfEmpty()
	if len(r.Cart) == 0 {
		r.Cart = nil
	}
	if u := r.ReturnURLs; u != nil && allNull(u.Success, u.Failure, u.Pending) {
		r.ReturnURLs = nil
	}
	return r
}

func (a *paymentAddressModel) orNilIfEmpty() *paymentAddressModel {
	if a == nil || allNull(a.Name, a.Surname, a.Street, a.Building, a.Flat, a.City, a.Region, a.PostalCode, a.Country, a.Company) {
		return nil
	}
	return a
}

func allNull(values ...attr.Value) bool {
	for _, v := range values {
		if !v.IsNull() {
			return false
		}
	}
	return true
}

// rawJSONOrNull is a value SimPay's code reads without documenting its
// shape, as the JSON text SimPay sent: kept byte for byte, so that amounts
// inside it stay exact and a shape SimPay changes cannot fail a read. Null
// when SimPay sent null or nothing.
func rawJSONOrNull(r client.RawJSON) types.String {
	if r == nil {
		return types.StringNull()
	}
	return types.StringValue(r.String())
}

// newAddressModel is SimPay's address as it was sent: nil for SimPay's null,
// and an object of nulls for an object whose fields are all null.
func newAddressModel(a *client.Address) *paymentAddressModel {
	if a == nil {
		return nil
	}
	return &paymentAddressModel{
		Name: stringOrNull(a.Name), Surname: stringOrNull(a.Surname), Street: stringOrNull(a.Street),
		Building: stringOrNull(a.Building), Flat: stringOrNull(a.Flat), City: stringOrNull(a.City),
		Region: stringOrNull(a.Region), PostalCode: stringOrNull(a.PostalCode), Country: stringOrNull(a.Country),
		Company: stringOrNull(a.Company),
	}
}

// cartModels is SimPay's cart: nil for SimPay's null, [] for [].
func cartModels(items []client.CartItem) []paymentCartItemModel {
	if items == nil {
		return nil
	}
	out := make([]paymentCartItemModel, 0, len(items))
	for _, it := range items {
		out = append(out, paymentCartItemModel{
			Name:     types.StringValue(it.Name),
			Quantity: types.Int64Value(int64(it.Quantity)),
			Price:    decimalOrNull(it.Price.String()),
			Producer: stringOrNull(it.Producer),
			Category: stringOrNull(it.Category),
			Code:     stringOrNull(it.Code),
		})
	}
	return out
}

// SimPay's list of transactions: the items of simpay_payment_transactions.

// paymentTransactionSummaryModel is a transaction as SimPay's list shows it.
type paymentTransactionSummaryModel struct {
	ID        types.String `tfsdk:"id"`
	Status    types.String `tfsdk:"status"`
	Amount    DecimalValue `tfsdk:"amount"`
	Control   types.String `tfsdk:"control"`
	Channel   types.String `tfsdk:"channel"`
	PaidAt    types.String `tfsdk:"paid_at"`
	CreatedAt types.String `tfsdk:"created_at"`
	UpdatedAt types.String `tfsdk:"updated_at"`
}

func newPaymentTransactionSummaryModel(t client.PaymentTransactionSummary) paymentTransactionSummaryModel {
	return paymentTransactionSummaryModel{
		ID:        types.StringValue(t.ID),
		Status:    types.StringValue(t.Status),
		Amount:    decimalOrNull(t.Amount.String()),
		Control:   stringOrNull(t.Control),
		Channel:   stringOrNull(t.Channel),
		PaidAt:    timestampOrNull(t.PaidAt),
		CreatedAt: timestamp(t.CreatedAt),
		UpdatedAt: timestamp(t.UpdatedAt),
	}
}

// paymentTransactionSummaryAttributes are the attributes of
// paymentTransactionSummaryModel: the fields SimPay's list gives, described
// as simpay_payment_transaction describes them.
func paymentTransactionSummaryAttributes() map[string]dschema.Attribute {
	return paymentTransactionReportedAttrs.pick("status", "channel", "paid_at", "created_at", "updated_at").dataSourceWith(
		map[string]dschema.Attribute{
			// The create-only skeleton's wording for the resource's id.
			"id": readString("Id of the payment transaction, as SimPay assigned it (a UUID)."),
			"amount": amountattr.Read("Amount of the transaction, as a decimal string such as `\"24.99\"`. The list " +
				"does not say the currency; `simpay_payment_transaction` does."),
			"control": paymentControlReadBack.dataSource(),
		})
}
