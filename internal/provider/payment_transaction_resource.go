package provider

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// NewPaymentTransactionResource is the simpay_payment_transaction resource.
func NewPaymentTransactionResource() resource.Resource {
	return createonly.NewResource[paymentTransactionModel, *client.PaymentTransaction](paymentTransactionSpec{})
}

// paymentTransactionSpec is what is the payment transaction's own; the rest
// is the skeleton, createonly.
type paymentTransactionSpec struct{}

type paymentTransactionModel struct {
	ID        types.String `tfsdk:"id"`
	ServiceID types.String `tfsdk:"service_id"`
	// The arguments SimPay returns when the transaction is read.
	paymentTransactionReturned
	// The arguments SimPay never returns: null after an import until the
	// configuration records them.
	Antifraud      *paymentAntifraudModel    `tfsdk:"antifraud"`
	DirectChannel  types.String              `tfsdk:"direct_channel"`
	Channels       []types.String            `tfsdk:"channels"`
	ChannelTypes   *paymentChannelTypesModel `tfsdk:"channel_types"`
	Referer        types.String              `tfsdk:"referer"`
	CommissionMode types.String              `tfsdk:"commission_mode"`
	Context        *paymentContextModel      `tfsdk:"context"`
	Timeouts       timeouts.Value            `tfsdk:"timeouts"`
	// RedirectURL is in SimPay's answer to the create only.
	RedirectURL types.String `tfsdk:"redirect_url"`
	paymentTransactionReported
}

func (paymentTransactionSpec) About() createonly.About {
	return createonly.About{Name: "payment_transaction", Kind: "payment transaction", Service: paymentServices,
		ID: []createonly.IDPart{paymentServicePart, ownTransactionPart}}
}

func (paymentTransactionSpec) Schema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Creates an online-payment transaction in a SimPay service " +
			"(`POST /payment/{serviceId}/transactions`) and tracks its status. Send the payer to `redirect_url` to pay.",
		Attributes: paymentTransactionReportedAttrs.resourceWith(map[string]schema.Attribute{
			"service_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the online-payment service to create the transaction in: 8 lowercase hexadecimal characters, as shown in the SimPay panel.",
				Validators:          []validator.String{serviceIDValidator()},
				PlanModifiers:       replaceReturnedString(),
			},
			"amount": amountattr.ResourceArgument(amountattr.Required, "1", "Amount to pay, as a decimal string in `currency`, such as `\"24.99\"`: at least `1`, "+
				"at most two decimal places. `\"10\"` and `\"10.00\"` are the same amount and plan no change.", replaceReturnedDecimal()),
			"currency": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString("PLN"),
				MarkdownDescription: "ISO 4217 currency of `amount`, such as `PLN` or `EUR`. Defaults to `PLN`. The service " +
					"must accept it (see `data.simpay_payment_currencies`).",
				Validators:    []validator.String{currencyValidator()},
				PlanModifiers: replaceReturnedString(),
			},
			"description": optionalString("Description shown to the payer on the payment page, at most 64 characters.", true,
				stringvalidator.UTF8LengthBetween(1, 64)),
			"control": optionalString("Your own reference for the transaction (an order number, say), at most 255 characters. "+
				"SimPay returns it in notifications and lists; a unique value also lets you find the transaction if an apply "+
				"fails without an answer from SimPay.", true, stringvalidator.UTF8LengthBetween(1, 255)),
			"customer": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "The payer. Set at least one attribute, or leave the whole object out.",
				Validators:          []validator.Object{notEmptyObject()},
				PlanModifiers:       replaceReturnedObject(),
				Attributes: map[string]schema.Attribute{
					"name":  optionalString("Payer's name, at most 64 characters.", true, stringvalidator.UTF8LengthBetween(1, 64)),
					"email": optionalString("Payer's email address, at most 64 characters.", true, emailValidator(), stringvalidator.UTF8LengthAtMost(64)),
					"ip": optionalString("Payer's IPv4 or IPv6 address. Required with `direct_channel`.", true,
						ipAddressValidator()),
					"country_code": optionalString("Payer's country: an ISO 3166-1 alpha-2 code such as `PL` (sent as `countryCode`). "+
						"Required with `direct_channel`.", true, countryCodeValidator()),
				},
			},
			"antifraud": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "Data for SimPay's fraud checks. SimPay does not return it, so it is null after an " +
					"import until the configuration records it. Set at least one attribute, or leave the whole object out.",
				Validators:    []validator.Object{notEmptyObject()},
				PlanModifiers: replaceObject(),
				Attributes: map[string]schema.Attribute{
					"useragent": optionalString("The payer's browser user agent. Required with `direct_channel`.", false,
						stringvalidator.UTF8LengthAtLeast(1)),
					"system_id": optionalString("Your own id of the payer, such as a customer number in your shop (sent as "+
						"`systemId`), so that SimPay's fraud checks can tell one payer's payments apart. SimPay's API reference does not list this field yet; SimPay's own SDKs send it.", false,
						stringvalidator.UTF8LengthAtLeast(1)),
					"steamid": optionalString("The payer's SteamID64: 17 digits, such as `\"76561198000000000\"`. Written as a string, "+
						"so that no float rounds it, and sent to SimPay as the JSON integer its reference asks for, digit for digit.", false,
						steamIDValidator()),
					"mcusername": optionalString("The payer's Minecraft user name.", false, stringvalidator.UTF8LengthAtLeast(1)),
					"mcid":       optionalString("The payer's Minecraft account id (UUID).", false, stringvalidator.UTF8LengthAtLeast(1)),
				},
			},
			"billing":  addressAttribute("billing"),
			"shipping": addressAttribute("shipping"),
			"cart": schema.ListNestedAttribute{
				Optional:            true,
				MarkdownDescription: "The products paid for, shown to the payer. At least one item, or leave it out.",
				Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
				PlanModifiers:       replaceReturnedNestedList(),
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{
						Required: true, MarkdownDescription: "Product name, 3 to 64 characters.",
						Validators:    []validator.String{stringvalidator.UTF8LengthBetween(3, 64)},
						PlanModifiers: replaceReturnedString(),
					},
					"quantity": schema.Int64Attribute{
						Required: true, MarkdownDescription: "How many, at least 1.",
						Validators:    []validator.Int64{int64validator.AtLeast(1)},
						PlanModifiers: replaceReturnedInt64(),
					},
					"price":    amountattr.ResourceArgument(amountattr.Required, "0.01", "Price of one item as a decimal string, such as `\"12.50\"`: at least `0.01`, at most two decimal places.", replaceReturnedDecimal()),
					"producer": optionalString("Producer or brand, at most 64 characters.", true, stringvalidator.UTF8LengthBetween(1, 64)),
					"category": optionalString("Product category, at most 64 characters.", true, stringvalidator.UTF8LengthBetween(1, 64)),
					"code":     optionalString("Product code (SKU), at most 64 characters.", true, stringvalidator.UTF8LengthBetween(1, 64)),
				}},
			},
			"return_urls": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Where SimPay sends the payer back after the payment (sent as `returns`).",
				Validators:          []validator.Object{notEmptyObject()},
				PlanModifiers:       replaceReturnedObject(),
				Attributes: map[string]schema.Attribute{
					"success": optionalString("URL for a completed payment, `http(s)://...`.", true, httpURLValidator()),
					"failure": optionalString("URL for a failed or abandoned payment, `http(s)://...`.", true, httpURLValidator()),
					"pending": optionalString("URL for a payment that is not settled yet, such as a bank transfer still under "+
						"way, `http(s)://...`. SimPay does not return it: null after an import until the configuration records it."+
						" SimPay's API reference does not list this field yet; SimPay's own SDKs send it.",
						false, httpURLValidator()),
				},
			},
			"direct_channel": optionalString("Id of a payment channel of the service (such as `blik`) to send the payer straight "+
				"to, skipping SimPay's channel choice (sent as `directChannel`). SimPay then requires `customer.ip`, "+
				"`customer.country_code` and `antifraud.useragent`, which a plan checks. SimPay does not return it: null after "+
				"an import until the configuration records it.",
				false, stringvalidator.UTF8LengthAtLeast(1)),
			"channels": schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Ids of the payment channels the payment page offers (see `data.simpay_payment_channels`); " +
					"all of the service's channels when unset. SimPay does not return it: null after an import until the " +
					"configuration records it.",
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1), listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.UTF8LengthAtLeast(1)),
				},
				PlanModifiers: replaceList(),
			},
			"channel_types": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "Which kinds of channel the payment page offers, `true` to show and `false` to hide " +
					"(sent as `channelTypes`). SimPay does not return it: null after an import until the configuration records it.",
				Validators:    []validator.Object{notEmptyObject()},
				PlanModifiers: replaceObject(),
				Attributes: map[string]schema.Attribute{
					"blik":      optionalBool("BLIK."),
					"transfer":  optionalBool("Bank transfers (pay-by-link)."),
					"cards":     optionalBool("Payment cards."),
					"ewallets":  optionalBool("E-wallets."),
					"paypal":    optionalBool("PayPal."),
					"paysafe":   optionalBool("paysafecard."),
					"latam":     optionalBool("Latin American payment methods."),
					"postponed": optionalBool("Deferred payments (buy now, pay later). SimPay's API reference does not list this field yet; SimPay's own SDKs send it."),
				},
			},
			"referer": optionalString("Referer sent to SimPay, 6 to 64 characters. SimPay does not return it: null after an "+
				"import until the configuration records it.", false, stringvalidator.UTF8LengthBetween(6, 64)),
			"commission_mode": optionalString("Who pays SimPay's commission: `merchant` (you; SimPay's default) or `payer` "+
				"(the payer). Sent as `commissionMode` only when set: unset leaves SimPay's default. SimPay "+
				"does not return it: null after an import until the configuration records it. SimPay's API reference does not list this field yet; SimPay's own SDKs send it.", false,
				stringvalidator.OneOf(client.CommissionModeMerchant, client.CommissionModePayer)),
			"context": contextAttribute(),
			"redirect_url": computedString("URL of the payment page to send the payer to. SimPay gives it only when the " +
				"transaction is created, so it is null after an import."),
		}),
	}
}

// directChannelNeeds are what SimPay requires with direct_channel: its
// fraud checks cannot gather them on a payment page the payer never sees
// (seed 002 names customer.ip and antifraud.useragent; the current
// reference page for creating a transaction adds customer.countryCode).
var directChannelNeeds = []struct{ object, attribute string }{
	{"customer", "ip"}, {"customer", "country_code"}, {"antifraud", "useragent"},
}

// ValidateConfig checks the rule that spans attributes: direct_channel needs
// every one of directChannelNeeds. Values not known yet pass.
func (paymentTransactionSpec) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var direct types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("direct_channel"), &direct)...)
	if resp.Diagnostics.HasError() || direct.IsNull() || direct.IsUnknown() {
		return
	}
	var needed, missing []string
	for _, need := range directChannelNeeds {
		needed = append(needed, need.object+"."+need.attribute)
		// Read the object first: the framework reads an attribute of an
		// unknown object as null, which must not count as missing.
		var obj types.Object
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(need.object), &obj)...)
		if resp.Diagnostics.HasError() || obj.IsUnknown() {
			continue
		}
		if obj.IsNull() || obj.Attributes()[need.attribute] == nil || obj.Attributes()[need.attribute].IsNull() {
			missing = append(missing, need.object+"."+need.attribute)
		}
	}
	if len(missing) > 0 {
		resp.Diagnostics.AddAttributeError(path.Root("direct_channel"), "direct_channel needs "+joinAnd(needed),
			fmt.Sprintf("direct_channel sends the payer straight to the %q channel, so the payer never sees SimPay's payment "+
				"page, and SimPay then requires the payer's IP address (customer.ip), country (customer.country_code, an "+
				"ISO 3166-1 alpha-2 code such as \"PL\") and browser user agent (antifraud.useragent) for its fraud checks. "+
				"Missing: %s. Set them, or remove direct_channel.", direct.ValueString(), joinAnd(missing)))
	}
}

// joinAnd writes "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func (paymentTransactionSpec) CreateAction(plan *paymentTransactionModel) string {
	return "creating a payment transaction in payment service " + plan.ServiceID.ValueString()
}

// Request builds the create request and returns what sends it.
func (s paymentTransactionSpec) Request(plan *paymentTransactionModel, diags *diag.Diagnostics) createonly.Send {
	body := s.request(plan, diags)
	return func(ctx context.Context, c *client.Client) (createonly.Answer, error) {
		return createonly.TransactionAnswer(c.CreatePaymentTransaction(ctx, plan.ServiceID.ValueString(), body))
	}
}

func (paymentTransactionSpec) Get(ctx context.Context, c *client.Client, ids []string) (*client.PaymentTransaction, error) {
	return c.GetPaymentTransaction(ctx, ids[0], ids[1])
}

// Set records what SimPay reports; after an import, also the arguments
// SimPay returns. The others stay as they are.
func (paymentTransactionSpec) Set(ctx context.Context, m *paymentTransactionModel, t *client.PaymentTransaction, imported bool) diag.Diagnostics {
	returned, reported, diags := newPaymentTransactionView(ctx, t)
	if imported {
		m.paymentTransactionReturned = returned.asArguments()
	}
	m.paymentTransactionReported = reported
	return diags
}

func (paymentTransactionSpec) FindHint(plan *paymentTransactionModel) string {
	serviceID := plan.ServiceID.ValueString()
	return controlHint(plan.Control, fmt.Sprintf("a transaction of %s %s created just now", plan.Amount.ValueString(),
		plan.Currency.ValueString()), fmt.Sprintf("in the SimPay panel (payment service %s) or with "+
		"data.simpay_payment_transactions (service_id = %q)", serviceID, serviceID))
}

func (paymentTransactionSpec) FieldPath(field string) (path.Path, bool) {
	return paymentTransactionFieldPath(field)
}

// request is the create body, field for field as SimPay names them.
func (paymentTransactionSpec) request(m *paymentTransactionModel, diags *diag.Diagnostics) client.PaymentTransactionRequest {
	req := client.PaymentTransactionRequest{
		Amount:        jsonAmount(path.Root("amount"), m.Amount, diags),
		Currency:      m.Currency.ValueString(),
		Description:   m.Description.ValueString(),
		Control:       m.Control.ValueString(),
		DirectChannel: m.DirectChannel.ValueString(),
		Referer:       m.Referer.ValueString(),
	}
	if c := m.Customer; c != nil {
		req.Customer = &client.CustomerInput{Name: c.Name.ValueString(), Email: c.Email.ValueString(),
			IP: c.IP.ValueString(), CountryCode: c.CountryCode.ValueString()}
	}
	if a := m.Antifraud; a != nil {
		req.Antifraud = &client.AntifraudInput{UserAgent: a.UserAgent.ValueString(), SystemID: a.SystemID.ValueString(),
			SteamID: client.SteamIDInteger(a.SteamID.ValueString()), MCUsername: a.MCUsername.ValueString(), MCID: a.MCID.ValueString()}
	}
	req.Billing = m.Billing.input()
	req.Shipping = m.Shipping.input()
	for i, it := range m.Cart {
		req.Cart = append(req.Cart, client.CartItemInput{
			Name: it.Name.ValueString(), Quantity: int(it.Quantity.ValueInt64()),
			Price:    jsonAmount(path.Root("cart").AtListIndex(i).AtName("price"), it.Price, diags),
			Producer: it.Producer.ValueString(), Category: it.Category.ValueString(), Code: it.Code.ValueString(),
		})
	}
	if u := m.ReturnURLs; u != nil {
		req.Returns = &client.Returns{Success: u.Success.ValueString(), Failure: u.Failure.ValueString(),
			Pending: u.Pending.ValueString()}
	}
	for _, ch := range m.Channels {
		req.Channels = append(req.Channels, ch.ValueString())
	}
	if t := m.ChannelTypes; t != nil {
		req.ChannelTypes = &client.ChannelTypes{Blik: t.Blik.ValueBoolPointer(), Transfer: t.Transfer.ValueBoolPointer(),
			Cards: t.Cards.ValueBoolPointer(), Ewallets: t.Ewallets.ValueBoolPointer(), Paypal: t.Paypal.ValueBoolPointer(),
			Paysafe: t.Paysafe.ValueBoolPointer(), Latam: t.Latam.ValueBoolPointer(), Postponed: t.Postponed.ValueBoolPointer()}
	}
	req.CommissionMode = m.CommissionMode.ValueString()
	req.Context = m.Context.input(path.Root("context"), diags)
	return req
}

// input is the context as SimPay's request names it; amounts go through
// jsonAmount, exactly as written.
func (c *paymentContextModel) input(p path.Path, diags *diag.Diagnostics) *client.PurchaseContext {
	if c == nil {
		return nil
	}
	return &client.PurchaseContext{
		AccountCreatedAt:     c.AccountCreatedAt.ValueString(),
		SalesTotalCount:      c.SalesTotalCount.ValueInt64Pointer(),
		SalesTotalAmount:     jsonAmount(p.AtName("sales_total_amount"), c.SalesTotalAmount, diags),
		SalesAvgAmount:       jsonAmount(p.AtName("sales_avg_amount"), c.SalesAvgAmount, diags),
		SalesMaxAmount:       jsonAmount(p.AtName("sales_max_amount"), c.SalesMaxAmount, diags),
		AccountSetCurrency:   c.AccountSetCurrency.ValueString(),
		HasPreviousPurchases: c.HasPreviousPurchases.ValueBoolPointer(),
	}
}

// contextAttribute is the payer's purchase history for SimPay's fraud
// checks, with the fields and types of simpay-ecommerce's setContext
// (src/TransactionBuilder.php); no SimPay document states more rules.
func contextAttribute() schema.SingleNestedAttribute {
	amount := func(desc string) schema.StringAttribute {
		return amountattr.ResourceArgument(amountattr.Optional, "0", desc+", in `account_set_currency`, as a decimal string such as `\"149.99\"`: at least "+
			"`0`, at most two decimal places.", replaceDecimal())
	}
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "What your shop knows of the payer's purchase history, for SimPay's fraud checks (sent as " +
			"`context`). SimPay does not return it, so it is null after an import until the configuration records it. " +
			"Set at least one attribute, or leave the whole object out. SimPay's API reference does not list this field yet; SimPay's own SDKs send it.",
		Validators:    []validator.Object{notEmptyObject()},
		PlanModifiers: replaceObject(),
		Attributes: map[string]schema.Attribute{
			"account_created_at": optionalString("When the payer's account in your shop was created, as an RFC 3339 "+
				"timestamp such as `\"2024-03-01T10:00:00+01:00\"` (sent as `accountCreatedAt`).", false, timestampValidator()),
			"sales_total_count": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "How many purchases the payer has made in your shop, at least `0` (sent as " +
					"`salesTotalCount`).",
				Validators:    []validator.Int64{int64validator.AtLeast(0)},
				PlanModifiers: replaceInt64(),
			},
			"sales_total_amount": amount("What the payer has spent in your shop in all (sent as `salesTotalAmount`)"),
			"sales_avg_amount":   amount("What the payer spends on average per purchase (sent as `salesAvgAmount`)"),
			"sales_max_amount":   amount("The payer's largest purchase (sent as `salesMaxAmount`)"),
			"account_set_currency": optionalString("Currency of the payer's account, and of the `sales_*` amounts: an ISO "+
				"4217 code such as `PLN` (sent as `accountSetCurrency`).", false, currencyValidator()),
			"has_previous_purchases": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Whether the payer has bought from your shop before (sent as `hasPreviousPurchases`).",
				PlanModifiers:       replaceBool(),
			},
		},
	}
}

func (a *paymentAddressModel) input() *client.AddressInput {
	if a == nil {
		return nil
	}
	return &client.AddressInput{Name: a.Name.ValueString(), Surname: a.Surname.ValueString(), Street: a.Street.ValueString(),
		Building: a.Building.ValueString(), Flat: a.Flat.ValueString(), City: a.City.ValueString(),
		Region: a.Region.ValueString(), PostalCode: a.PostalCode.ValueString(), Country: a.Country.ValueString(),
		Company: a.Company.ValueString()}
}

// paymentTransactionFields maps SimPay's request field names, per object, to
// attribute names.
var paymentTransactionFields = map[string]map[string]string{
	"": {"amount": "amount", "currency": "currency", "description": "description", "control": "control",
		"customer": "customer", "antifraud": "antifraud", "billing": "billing", "shipping": "shipping", "cart": "cart",
		"returns": "return_urls", "directChannel": "direct_channel", "channels": "channels",
		"channelTypes": "channel_types", "referer": "referer", "commissionMode": "commission_mode", "context": "context"},
	"customer": {"name": "name", "email": "email", "ip": "ip", "countryCode": "country_code"},
	"antifraud": {"useragent": "useragent", "systemId": "system_id", "steamid": "steamid", "mcusername": "mcusername",
		"mcid": "mcid"},
	"billing":  addressFields,
	"shipping": addressFields,
	"cart": {"name": "name", "quantity": "quantity", "price": "price", "producer": "producer", "category": "category",
		"code": "code"},
	"return_urls": {"success": "success", "failure": "failure", "pending": "pending"},
	"channel_types": {"blik": "blik", "transfer": "transfer", "cards": "cards", "ewallets": "ewallets",
		"paypal": "paypal", "paysafe": "paysafe", "latam": "latam", "postponed": "postponed"},
	"context": {"accountCreatedAt": "account_created_at", "salesTotalCount": "sales_total_count",
		"salesTotalAmount": "sales_total_amount", "salesAvgAmount": "sales_avg_amount", "salesMaxAmount": "sales_max_amount",
		"accountSetCurrency": "account_set_currency", "hasPreviousPurchases": "has_previous_purchases"},
}

var addressFields = map[string]string{"name": "name", "surname": "surname", "street": "street", "building": "building",
	"flat": "flat", "city": "city", "region": "region", "postalCode": "postal_code", "country": "country", "company": "company"}

// paymentTransactionFieldPath maps a field of SimPay's 422 answer
// ("customer.countryCode", "cart.0.price", "channels.1") to the attribute it
// is about. A field deeper than the schema knows points at the nearest
// attribute that exists.
func paymentTransactionFieldPath(field string) (path.Path, bool) {
	parts := strings.Split(field, ".")
	top, ok := paymentTransactionFields[""][parts[0]]
	if !ok {
		return path.Empty(), false
	}
	p, rest := path.Root(top), parts[1:]
	if (top == "cart" || top == "channels") && len(rest) > 0 {
		n, err := strconv.Atoi(rest[0])
		if err != nil || n < 0 {
			return p, true
		}
		p, rest = p.AtListIndex(n), rest[1:]
	}
	if len(rest) > 0 {
		if name, ok := paymentTransactionFields[top][rest[0]]; ok {
			p = p.AtName(name)
		}
	}
	return p, true
}

// LeftBehind says what the payment a replacement leaves behind still does
// at SimPay: its payment page stays payable until it expires.
func (paymentTransactionSpec) LeftBehind(_ context.Context, state tfsdk.State) string {
	url, _ := rawText(state.Raw, "redirect_url")
	expires, _ := rawText(state.Raw, "expires_at")
	status, _ := rawText(state.Raw, "status")
	page := "Its payment page"
	if url != "" {
		page += " " + url
	}
	until := "until SimPay expires it"
	if expires != "" {
		until = "until " + expires + " (expires_at)"
	}
	text := fmt.Sprintf("%s stays payable at SimPay %s: a payer who has the old link can still pay it, and then pay "+
		"the new one too.", page, until)
	if status == "transaction_paid" {
		text = "It is paid (transaction_paid) and stays so at SimPay: the new one asks for the money again, and refunds " +
			"made of the old one are not undone."
	}
	return text
}

// CheckCreate checks a new payment against what SimPay's catalogue says the
// service takes (GET .../currencies, and GET .../channels when the
// configuration pins channels; both shared by the whole run, so one request
// each per plan): the currency must be one the service lists, and the
// amount and currency within each pinned channel's amount.min, amount.max
// and currencies. SimPay's channel list gives the limits without a
// currency; they are compared with amount as written. A catalogue that
// cannot be read is a warning: SimPay still checks the create.
func (paymentTransactionSpec) CheckCreate(ctx context.Context, c *client.Client, plan tfsdk.Plan, diags *diag.Diagnostics) {
	serviceID, known := rawText(plan.Raw, "service_id")
	if !known || serviceID == "" {
		return
	}
	amountText, amountKnown := rawText(plan.Raw, "amount")
	currency, currencyKnown := rawText(plan.Raw, "currency")
	if currencyKnown && currency != "" {
		checkServiceCurrency(ctx, c, serviceID, currency, diags)
	}
	pinned, pinnedKnown := pinnedChannels(plan)
	if !pinnedKnown || len(pinned) == 0 {
		return
	}
	channels, err := c.ListPaymentChannels(ctx, serviceID)
	if err != nil {
		diags.AddWarning("Payment channels could not be checked", fmt.Sprintf(
			"The plan could not read the channels of payment service %s to check amount and currency against the pinned "+
				"channels (%s), so SimPay checks them when the transaction is created.\n\n%s", serviceID, joinChannels(pinned.ids()), err))
		return
	}
	var amount *decimal.Decimal
	if amountKnown && amountText != "" {
		if d, err := decimal.Parse(amountText); err == nil {
			amount = &d
		}
	}
	for _, p := range pinned {
		i := slices.IndexFunc(channels, func(ch client.PaymentChannel) bool { return ch.ID == p.id })
		if i < 0 {
			continue // SimPay's answer names an unknown channel on the attribute it is about
		}
		ch := channels[i]
		if amount != nil {
			checkChannelLimits(ch, p.path, *amount, diags)
		}
		if currencyKnown && currency != "" && len(ch.Currencies) > 0 && !slices.Contains(ch.Currencies, currency) {
			diags.AddAttributeError(path.Root("currency"), "Currency not accepted by the channel", fmt.Sprintf(
				"currency = %q, but channel %q (%s = %q) of payment service %s takes only %s, by SimPay's channel list "+
					"(data.simpay_payment_channels). Choose one of those currencies, or another channel.",
				currency, ch.ID, p.path, ch.ID, serviceID, joinAnd(ch.Currencies)))
		}
	}
}

// checkServiceCurrency fails the plan for a currency the service's
// /currencies does not list. An empty list checks nothing: SimPay said
// nothing of the service's currencies.
func checkServiceCurrency(ctx context.Context, c *client.Client, serviceID, currency string, diags *diag.Diagnostics) {
	currencies, err := c.ListPaymentCurrencies(ctx, serviceID)
	if err != nil {
		diags.AddWarning("Currency could not be checked", fmt.Sprintf(
			"The plan could not read the currencies of payment service %s to check currency = %q, so SimPay checks it "+
				"when the transaction is created.\n\n%s", serviceID, currency, err))
		return
	}
	isos := make([]string, 0, len(currencies))
	for _, cur := range currencies {
		isos = append(isos, cur.ISO)
	}
	if len(isos) == 0 || slices.Contains(isos, currency) {
		return
	}
	diags.AddAttributeError(path.Root("currency"), "Currency not accepted by the payment service", fmt.Sprintf(
		"currency = %q, but payment service %s accepts only %s, by SimPay's list of its currencies "+
			"(data.simpay_payment_currencies). Choose one of those, or enable the currency for the service in the SimPay "+
			"panel. Nothing was sent.", currency, serviceID, joinAnd(isos)))
}

// checkChannelLimits fails the plan for an amount outside a pinned
// channel's limits. A bound SimPay leaves out, or sends as something other
// than a number, does not limit.
func checkChannelLimits(ch client.PaymentChannel, pinnedBy string, amount decimal.Decimal, diags *diag.Diagnostics) {
	check := func(bound client.Decimal, what string, bad func(int) bool) {
		if bound.IsNull() {
			return
		}
		b, err := decimal.ParseNumber(bound.String())
		if err != nil || !bad(amount.Cmp(b)) {
			return
		}
		diags.AddAttributeError(path.Root("amount"), "Amount outside the channel's limits", fmt.Sprintf(
			"amount = %q, but channel %q (%s = %q) takes at %s %s, by SimPay's channel list (amount.min %s, amount.max %s; "+
				"see data.simpay_payment_channels). Change amount, or choose a channel that takes it. Nothing was sent.",
			amount.String(), ch.ID, pinnedBy, ch.ID, what, bound.String(), orNone(ch.Amount.Min), orNone(ch.Amount.Max)))
	}
	check(ch.Amount.Min, "least", func(c int) bool { return c < 0 })
	check(ch.Amount.Max, "most", func(c int) bool { return c > 0 })
}

func orNone(d client.Decimal) string {
	if d.IsNull() {
		return "none"
	}
	return d.String()
}

// pinnedChannel is a channel the configuration pins, with the attribute
// that pins it.
type pinnedChannel struct{ id, path string }

type pinnedChannelList []pinnedChannel

func (l pinnedChannelList) ids() []string {
	out := make([]string, len(l))
	for i, p := range l {
		out[i] = p.id
	}
	return out
}

// pinnedChannels are direct_channel and the ids in channels; known is false
// while any of them is unknown.
func pinnedChannels(plan tfsdk.Plan) (pinnedChannelList, bool) {
	var out pinnedChannelList
	direct, known := rawText(plan.Raw, "direct_channel")
	if !known {
		return nil, false
	}
	if direct != "" {
		out = append(out, pinnedChannel{id: direct, path: "direct_channel"})
	}
	var attrs map[string]tftypes.Value
	if err := plan.Raw.As(&attrs); err != nil {
		return out, true
	}
	list := attrs["channels"]
	if !list.IsKnown() {
		return nil, false
	}
	if list.IsNull() {
		return out, true
	}
	var items []tftypes.Value
	if err := list.As(&items); err != nil {
		return out, true
	}
	for i, it := range items {
		var s string
		if !it.IsKnown() {
			return nil, false
		}
		if it.IsNull() || it.As(&s) != nil {
			continue
		}
		if s != direct {
			out = append(out, pinnedChannel{id: s, path: fmt.Sprintf("channels[%d]", i)})
		}
	}
	return out, true
}
