package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var (
	_ resource.ResourceWithConfigure      = (*paymentTransactionResource)(nil)
	_ resource.ResourceWithImportState    = (*paymentTransactionResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*paymentTransactionResource)(nil)
	_ resource.ResourceWithValidateConfig = (*paymentTransactionResource)(nil)
)

// Default timeouts of the whole create (POST and the read that follows, with
// their retries) and of a refresh.
const (
	paymentTransactionCreateTimeout = 5 * time.Minute
	paymentTransactionReadTimeout   = 2 * time.Minute
)

// NewPaymentTransactionResource is the simpay_payment_transaction resource.
func NewPaymentTransactionResource() resource.Resource {
	return &paymentTransactionResource{createOnly{kind: "payment transaction"}}
}

type paymentTransactionResource struct{ createOnly }

type paymentTransactionModel struct {
	ID            types.String              `tfsdk:"id"`
	ServiceID     types.String              `tfsdk:"service_id"`
	Amount        DecimalValue              `tfsdk:"amount"`
	Currency      types.String              `tfsdk:"currency"`
	Description   types.String              `tfsdk:"description"`
	Control       types.String              `tfsdk:"control"`
	Customer      *paymentCustomerModel     `tfsdk:"customer"`
	Antifraud     *paymentAntifraudModel    `tfsdk:"antifraud"`
	Billing       *paymentAddressModel      `tfsdk:"billing"`
	Shipping      *paymentAddressModel      `tfsdk:"shipping"`
	Cart          []paymentCartItemModel    `tfsdk:"cart"`
	ReturnURLs    *paymentReturnURLsModel   `tfsdk:"return_urls"`
	DirectChannel types.String              `tfsdk:"direct_channel"`
	Channels      []types.String            `tfsdk:"channels"`
	ChannelTypes  *paymentChannelTypesModel `tfsdk:"channel_types"`
	Referer       types.String              `tfsdk:"referer"`
	Timeouts      timeouts.Value            `tfsdk:"timeouts"`
	paymentTransactionComputed
}

// paymentTransactionComputed holds what SimPay reports about a transaction.
type paymentTransactionComputed struct {
	RedirectURL        types.String `tfsdk:"redirect_url"`
	Status             types.String `tfsdk:"status"`
	Channel            types.String `tfsdk:"channel"`
	PayerTransactionID types.String `tfsdk:"payer_transaction_id"`
	PaidAt             types.String `tfsdk:"paid_at"`
	ExpiresAt          types.String `tfsdk:"expires_at"`
	CreatedAt          types.String `tfsdk:"created_at"`
	UpdatedAt          types.String `tfsdk:"updated_at"`
	ReportedAmount     types.Object `tfsdk:"reported_amount"`
}

type paymentCustomerModel struct {
	Name        types.String `tfsdk:"name"`
	Email       types.String `tfsdk:"email"`
	IP          types.String `tfsdk:"ip"`
	CountryCode types.String `tfsdk:"country_code"`
}

type paymentAntifraudModel struct {
	UserAgent  types.String `tfsdk:"useragent"`
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
}

type paymentChannelTypesModel struct {
	Blik     types.Bool `tfsdk:"blik"`
	Transfer types.Bool `tfsdk:"transfer"`
	Cards    types.Bool `tfsdk:"cards"`
	Ewallets types.Bool `tfsdk:"ewallets"`
	Paypal   types.Bool `tfsdk:"paypal"`
	Paysafe  types.Bool `tfsdk:"paysafe"`
	Latam    types.Bool `tfsdk:"latam"`
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

var (
	paymentOriginalAmountAttrTypes = map[string]attr.Type{
		"value": DecimalType{}, "currency": types.StringType, "pln_rate": DecimalType{},
	}
	paymentReportedAmountAttrTypes = map[string]attr.Type{
		"value": DecimalType{}, "currency": types.StringType, "commission": DecimalType{},
		"commission_currency": types.StringType,
		"original":            types.ObjectType{AttrTypes: paymentOriginalAmountAttrTypes},
	}
)

// steamIDPattern is a SteamID64: 17 digits (7656119...).
var steamIDPattern = regexp.MustCompile(`^[0-9]{17}$`)

func (r *paymentTransactionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_transaction"
}

// Argument schema helpers. Every argument forces replacement: SimPay cannot
// change a transaction. Those SimPay returns on read use replaceReturned*,
// those it never returns the shared replace* (recordable after an import).

func optionalString(desc string, returned bool, validators ...validator.String) schema.StringAttribute {
	mods := replaceString()
	if returned {
		mods = replaceReturnedString()
	}
	return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: validators, PlanModifiers: mods}
}

func optionalBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, MarkdownDescription: desc, PlanModifiers: replaceBool()}
}

func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		Computed: true, MarkdownDescription: desc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

func addressAttribute(kind string) schema.SingleNestedAttribute {
	field := func(desc string, v ...validator.String) schema.StringAttribute {
		return optionalString(desc, true, v...)
	}
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "The payer's " + kind + " address, sent to SimPay as `" + kind + "`. Set at least one " +
			"attribute, or leave the whole object out.",
		Validators:    []validator.Object{notEmptyObject()},
		PlanModifiers: replaceReturnedObject(),
		Attributes: map[string]schema.Attribute{
			"name":        field("First name, 5 to 64 characters.", stringvalidator.UTF8LengthBetween(5, 64)),
			"surname":     field("Surname, at most 64 characters.", stringvalidator.UTF8LengthBetween(1, 64)),
			"street":      field("Street, at most 64 characters.", stringvalidator.UTF8LengthBetween(1, 64)),
			"building":    field("Building number, at most 16 characters.", stringvalidator.UTF8LengthBetween(1, 16)),
			"flat":        field("Flat number, at most 16 characters.", stringvalidator.UTF8LengthBetween(1, 16)),
			"city":        field("City, at most 32 characters.", stringvalidator.UTF8LengthBetween(1, 32)),
			"region":      field("Region (voivodeship, state), at most 32 characters.", stringvalidator.UTF8LengthBetween(1, 32)),
			"postal_code": field("Postal code in the format of `country` (sent as `postalCode`).", stringvalidator.UTF8LengthAtLeast(1)),
			"country":     field("Country: an ISO 3166-1 alpha-2 code such as `PL`.", countryCodeValidator()),
			"company":     field("Company name.", stringvalidator.UTF8LengthAtLeast(1)),
		},
	}
}

func (r *paymentTransactionResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Creates an online-payment transaction in a SimPay service (`POST /payment/{serviceId}/transactions`) " +
			"and tracks its status. Send the payer to `redirect_url` to pay.\n\n" +
			"SimPay can create a transaction and read it back, but not change, cancel or delete it. So every argument " +
			"forces a **new** transaction (the old one stays in SimPay), only `timeouts` changes in place, and destroying " +
			"the resource only removes it from state, with a warning; no request is sent.\n\n" +
			"A refresh updates `status`, `channel`, `paid_at`, `updated_at` and `reported_amount`; a transaction SimPay no " +
			"longer returns is removed from state, so the next plan creates a new one.\n\n" +
			"A create request is never sent twice: if the connection fails after the request may have reached SimPay, " +
			"the apply fails and says how to find the transaction and import it, so that a payer is never charged twice. " +
			"Setting a unique `control` makes it easy to find.\n\n" +
			"Import with `terraform import simpay_payment_transaction.example <service_id>/<transaction_id>` or an " +
			"`import` block with the same id. SimPay does not return `antifraud`, `direct_channel`, `channels`, " +
			"`channel_types`, `referer` or the payment URL (`redirect_url`), so they are null after an import; setting " +
			"them in the configuration then records them in state with an in-place update instead of replacing the payment.\n\n" +
			"`timeouts`: `create` (default `5m`) bounds the create request and the read that follows, retries included; " +
			"`read` (default `2m`) bounds a refresh.",
		Attributes: map[string]schema.Attribute{
			"id": computedString("Transaction id (a UUID) that SimPay assigned."),
			"service_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Id of the online-payment service to create the transaction in: 8 lowercase hexadecimal characters, as shown in the SimPay panel.",
				Validators:          []validator.String{serviceIDValidator()},
				PlanModifiers:       replaceReturnedString(),
			},
			"amount": schema.StringAttribute{
				Required:   true,
				CustomType: DecimalType{},
				MarkdownDescription: "Amount to pay, as a decimal string in `currency`, such as `\"24.99\"`: at least `1`, " +
					"at most two decimal places. `\"10\"` and `\"10.00\"` are the same amount and plan no change.",
				Validators:    []validator.String{amountValidator("1", 2)},
				PlanModifiers: replaceReturnedDecimal(),
			},
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
					"country_code": optionalString("Payer's country: an ISO 3166-1 alpha-2 code such as `PL` (sent as `countryCode`).",
						true, countryCodeValidator()),
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
					"steamid": optionalString("The payer's SteamID64: 17 digits, such as `\"76561198000000000\"` (a string: "+
						"the number is too large to pass through a float exactly).", false,
						stringvalidator.RegexMatches(steamIDPattern, "must be a SteamID64: 17 digits such as \"76561198000000000\"")),
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
					"price": schema.StringAttribute{
						Required: true, CustomType: DecimalType{},
						MarkdownDescription: "Price of one item as a decimal string, such as `\"12.50\"`: at least `0.01`, at most two decimal places.",
						Validators:          []validator.String{amountValidator("0.01", 2)},
						PlanModifiers:       replaceReturnedDecimal(),
					},
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
				},
			},
			"direct_channel": optionalString("Id of a payment channel of the service (such as `blik`) to send the payer straight "+
				"to, skipping SimPay's channel choice (sent as `directChannel`). SimPay then requires `customer.ip` and "+
				"`antifraud.useragent`. SimPay does not return it: null after an import until the configuration records it.",
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
					"blik":     optionalBool("BLIK."),
					"transfer": optionalBool("Bank transfers (pay-by-link)."),
					"cards":    optionalBool("Payment cards."),
					"ewallets": optionalBool("E-wallets."),
					"paypal":   optionalBool("PayPal."),
					"paysafe":  optionalBool("paysafecard."),
					"latam":    optionalBool("Latin American payment methods."),
				},
			},
			"referer": optionalString("Referer sent to SimPay, 6 to 64 characters. SimPay does not return it: null after an "+
				"import until the configuration records it.", false, stringvalidator.UTF8LengthBetween(6, 64)),
			"timeouts": checkedTimeouts(timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true})),

			"redirect_url": computedString("URL of the payment page to send the payer to. SimPay gives it only when the " +
				"transaction is created, so it is null after an import."),
			"status": computedString("Transaction status, such as `transaction_new` or `transaction_paid`. SimPay documents " +
				"`" + strings.Join(paymentTransactionStatuses, "`, `") + "`; others are kept as SimPay sends them."),
			"channel":              computedString("Id of the channel the payment goes through, such as `blik`; null until one is chosen."),
			"payer_transaction_id": computedString("Short transaction reference shown to the payer, such as `477YDX14`."),
			"paid_at":              computedString("When the payer paid (RFC 3339); null until paid."),
			"expires_at":           computedString("When the payment page expires (RFC 3339); null if SimPay sets no limit."),
			"created_at":           computedString("When SimPay created the transaction (RFC 3339)."),
			"updated_at":           computedString("When SimPay last changed the transaction (RFC 3339)."),
			"reported_amount": schema.SingleNestedAttribute{
				Computed: true,
				MarkdownDescription: "The amounts as SimPay reports them. `value` and `currency` are what the payer is charged: " +
					"they differ from `amount` and `currency` when the payer paid in another currency, and `original` then " +
					"holds the amount as created.",
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"value":    schema.StringAttribute{Computed: true, CustomType: DecimalType{}, MarkdownDescription: "Amount the payer is charged, as a decimal string."},
					"currency": schema.StringAttribute{Computed: true, MarkdownDescription: "Currency of `value` (ISO 4217)."},
					"commission": schema.StringAttribute{Computed: true, CustomType: DecimalType{},
						MarkdownDescription: "SimPay's commission, as a decimal string; null until SimPay sets it (usually once paid)."},
					"commission_currency": schema.StringAttribute{Computed: true, MarkdownDescription: "Currency of `commission` (ISO 4217)."},
					"original": schema.SingleNestedAttribute{
						Computed:            true,
						MarkdownDescription: "The amount as the transaction was created, with its rate to PLN; null when SimPay does not send it.",
						Attributes: map[string]schema.Attribute{
							"value":    schema.StringAttribute{Computed: true, CustomType: DecimalType{}, MarkdownDescription: "Amount as created, as a decimal string."},
							"currency": schema.StringAttribute{Computed: true, MarkdownDescription: "Currency of the amount as created (ISO 4217)."},
							"pln_rate": schema.StringAttribute{Computed: true, CustomType: DecimalType{}, MarkdownDescription: "Rate of that currency to PLN, as a decimal string."},
						},
					},
				},
			},
		},
	}
}

// ValidateConfig checks the rule that spans attributes: direct_channel needs
// customer.ip and antifraud.useragent. Values not known yet pass.
func (r *paymentTransactionResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var direct types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("direct_channel"), &direct)...)
	if resp.Diagnostics.HasError() || direct.IsNull() || direct.IsUnknown() {
		return
	}
	var missing []string
	for _, need := range []struct{ object, attribute string }{{"customer", "ip"}, {"antifraud", "useragent"}} {
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
		resp.Diagnostics.AddAttributeError(path.Root("direct_channel"), "direct_channel needs customer.ip and antifraud.useragent",
			fmt.Sprintf("direct_channel sends the payer straight to the %q channel, and SimPay then requires the payer's IP "+
				"address (customer.ip) and browser user agent (antifraud.useragent) for its fraud checks. Missing: %s. Set "+
				"them, or remove direct_channel.", direct.ValueString(), strings.Join(missing, " and ")))
	}
}

func (r *paymentTransactionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan paymentTransactionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, paymentTransactionCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	serviceID := plan.ServiceID.ValueString()
	body := plan.request(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := c.CreatePaymentTransaction(ctx, serviceID, body)
	if err != nil {
		resp.Diagnostics.Append(createPaymentTransactionDiagnostics(plan, err)...)
		return
	}

	// Record the transaction at once: if anything below fails, Terraform
	// keeps it in state (tainted) instead of losing track of a payment.
	state := plan
	state.ID = types.StringValue(created.TransactionID)
	state.paymentTransactionComputed = paymentTransactionComputed{
		RedirectURL:        nonEmptyOrNull(created.RedirectURL),
		Status:             types.StringNull(),
		Channel:            types.StringNull(),
		PayerTransactionID: types.StringNull(),
		PaidAt:             types.StringNull(),
		ExpiresAt:          types.StringNull(),
		CreatedAt:          types.StringNull(),
		UpdatedAt:          types.StringNull(),
		ReportedAmount:     types.ObjectNull(paymentReportedAmountAttrTypes),
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	t, err := c.GetPaymentTransaction(ctx, serviceID, created.TransactionID)
	if err != nil {
		summary, detail := describeAPIError(fmt.Sprintf("reading back the new transaction %s of payment service %s", created.TransactionID, serviceID), err)
		resp.Diagnostics.AddError("Payment transaction created, but reading it back failed", fmt.Sprintf(
			"SimPay created transaction %s in payment service %s (payment page %s), then reading it back failed: %s.\n\n%s\n\n"+
				"The transaction is kept in Terraform state, marked tainted, so that it is not lost. The next apply replaces it, "+
				"which creates a NEW transaction (this one stays in SimPay). To keep this one instead, run "+
				"`terraform untaint <address of this resource>` and apply again.",
			created.TransactionID, serviceID, created.RedirectURL, summary, detail))
		return
	}
	resp.Diagnostics.Append(state.setComputed(ctx, t)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// createPaymentTransactionDiagnostics explains a failed create.
func createPaymentTransactionDiagnostics(plan paymentTransactionModel, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	serviceID := plan.ServiceID.ValueString()
	var apiErr *client.APIError
	switch {
	case client.IsOutcomeUnknown(err):
		find := fmt.Sprintf("in the SimPay panel (service %s, transactions of %s %s, created just now)",
			serviceID, plan.Amount.ValueString(), plan.Currency.ValueString())
		if !plan.Control.IsNull() {
			find = fmt.Sprintf("by its control value %q in the SimPay panel (service %s) or with data.simpay_payment_transactions "+
				"(service_id = %q)", plan.Control.ValueString(), serviceID, serviceID)
		} else {
			find += fmt.Sprintf(" or with data.simpay_payment_transactions (service_id = %q). Next time, set a unique control "+
				"value to make this easy", serviceID)
		}
		diags.AddError("SimPay may have created the payment transaction", fmt.Sprintf(
			"The request creating a payment transaction in service %s may have reached SimPay, but no definite answer came back: %s.\n\n"+
				"The provider did not send it again: SimPay cannot tell a repeated request from a new payment, and a second "+
				"request could charge the payer twice. Do not simply apply again. First look for the transaction %s.\n\n"+
				"If it exists, import it instead of creating another one:\n"+
				"  terraform import <address of this resource> %s/<transaction_id>\n"+
				"or add an import block and apply:\n"+
				"  import {\n    to = <address of this resource>\n    id = \"%s/<transaction_id>\"\n  }\n"+
				"If it does not exist, apply again.",
			serviceID, err, find, serviceID, serviceID))
	case client.IsValidation(err) && errors.As(err, &apiErr):
		diags.Append(validationDiagnostics("the new payment transaction of service "+serviceID, apiErr, paymentTransactionFieldPath)...)
	case client.IsNotFound(err):
		diags.AddAttributeError(path.Root("service_id"), "Payment service not found", fmt.Sprintf(
			"SimPay has no online-payment service %s for this API token (%s). Check service_id against the SimPay panel, "+
				"or list the services the token can see with data.simpay_payment_services.", serviceID, err))
	default:
		diags.Append(apiErrorDiagnostic("creating a payment transaction in payment service "+serviceID, err))
	}
	return diags
}

func (r *paymentTransactionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state paymentTransactionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	imported, diags := req.Private.GetKey(ctx, privateKeyImported)
	resp.Diagnostics.Append(diags...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, paymentTransactionReadTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	serviceID, id := state.ServiceID.ValueString(), state.ID.ValueString()
	t, err := c.GetPaymentTransaction(ctx, serviceID, id)
	var apiErr *client.APIError
	switch {
	case err == nil:
	case client.IsNotFound(err) && errors.As(err, &apiErr) && apiErr.ErrorCode == "SERVICE_NOT_FOUND":
		// Not a reason to forget the transaction: a token of another account
		// or a mistyped service sees no service, and dropping every
		// transaction would make the next apply create them all again.
		resp.Diagnostics.AddAttributeError(path.Root("service_id"), "Payment service not found", fmt.Sprintf(
			"SimPay has no online-payment service %s for this API token, so transaction %s cannot be read (%s). Check that "+
				"the provider's api_token belongs to the SimPay account that owns the service. The transaction stays in state.",
			serviceID, id, err))
		return
	case client.IsNotFound(err):
		// Said aloud, not only logged: the plan that follows creates a new
		// payment, and the user must see why before applying it.
		goneWarning(&resp.Diagnostics, "payment transaction", fmt.Sprintf("%s of payment service %s", id, serviceID), err)
		resp.State.RemoveResource(ctx)
		return
	default:
		resp.Diagnostics.Append(apiErrorDiagnostic(fmt.Sprintf("reading transaction %s of payment service %s", id, serviceID), err))
		return
	}

	if string(imported) == "true" {
		state.setArguments(t)
	}
	resp.Diagnostics.Append(state.setComputed(ctx, t)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *paymentTransactionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := parseImportID(req.ID, importServiceID, importTransactionID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id for simpay_payment_transaction", err.Error()+
			". Both are in the SimPay panel: the service id in the list of online-payment services, the transaction id in the transaction's details.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("service_id"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts[1])...)
	resp.Diagnostics.Append(markImported(ctx, resp.Private)...)
}

// request is the create body, field for field as SimPay names them.
func (m paymentTransactionModel) request(diags *diag.Diagnostics) client.PaymentTransactionRequest {
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
		req.Antifraud = &client.AntifraudInput{UserAgent: a.UserAgent.ValueString(), SteamID: a.SteamID.ValueString(),
			MCUsername: a.MCUsername.ValueString(), MCID: a.MCID.ValueString()}
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
		req.Returns = &client.Returns{Success: u.Success.ValueString(), Failure: u.Failure.ValueString()}
	}
	for _, ch := range m.Channels {
		req.Channels = append(req.Channels, ch.ValueString())
	}
	if t := m.ChannelTypes; t != nil {
		req.ChannelTypes = &client.ChannelTypes{Blik: t.Blik.ValueBoolPointer(), Transfer: t.Transfer.ValueBoolPointer(),
			Cards: t.Cards.ValueBoolPointer(), Ewallets: t.Ewallets.ValueBoolPointer(), Paypal: t.Paypal.ValueBoolPointer(),
			Paysafe: t.Paysafe.ValueBoolPointer(), Latam: t.Latam.ValueBoolPointer()}
	}
	return req
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

// setComputed copies what SimPay reports into m.
func (m *paymentTransactionModel) setComputed(ctx context.Context, t *client.PaymentTransaction) diag.Diagnostics {
	m.Status = nonEmptyOrNull(t.Status)
	m.Channel = stringOrNull(t.Channel)
	m.PayerTransactionID = nonEmptyOrNull(t.PayerTransactionID)
	m.PaidAt = timestampOrNull(t.PaidAt)
	m.ExpiresAt = timestampOrNull(t.ExpiresAt)
	m.CreatedAt = timestamp(t.CreatedAt)
	m.UpdatedAt = timestamp(t.UpdatedAt)
	amount := paymentReportedAmountModel{
		Value:              decimalOrNull(t.Amount.Value.String()),
		Currency:           nonEmptyOrNull(t.Amount.Currency),
		Commission:         decimalOrNull(t.Amount.Commission.String()),
		CommissionCurrency: nonEmptyOrNull(t.Amount.CommissionCurrency),
	}
	if o := t.Amount.Original; o != nil {
		amount.Original = &paymentOriginalAmountModel{
			Value: decimalOrNull(o.Value.String()), Currency: nonEmptyOrNull(o.Currency), PLNRate: decimalOrNull(o.PLNRate.String()),
		}
	}
	var diags diag.Diagnostics
	m.ReportedAmount, diags = types.ObjectValueFrom(ctx, paymentReportedAmountAttrTypes, amount)
	return diags
}

// setArguments fills, after an import, the arguments SimPay returns. The
// others (antifraud, direct_channel, channels, channel_types, referer) are
// left as they are: null until the configuration records them.
func (m *paymentTransactionModel) setArguments(t *client.PaymentTransaction) {
	m.Amount = decimalOrNull(t.Amount.Value.String())
	m.Currency = nonEmptyOrNull(t.Amount.Currency)
	if o := t.Amount.Original; o != nil {
		// The amount as created, before the payer switched currency.
		m.Amount = decimalOrNull(o.Value.String())
		m.Currency = nonEmptyOrNull(o.Currency)
	}
	m.Description = stringOrNull(t.Description)
	m.Control = stringOrNull(t.Control)
	m.Customer = nil
	if c := t.Customer; anySet(c.Name, c.Email, c.IP, c.Country) {
		m.Customer = &paymentCustomerModel{Name: stringOrNull(c.Name), Email: stringOrNull(c.Email),
			IP: stringOrNull(c.IP), CountryCode: stringOrNull(c.Country)}
	}
	m.Billing = addressModel(t.Billing)
	m.Shipping = addressModel(t.Shipping)
	// The argument cannot be an empty list, so SimPay's [] is null here.
	m.Cart = nil
	if len(t.Cart) > 0 {
		m.Cart = cartModels(t.Cart)
	}
	m.ReturnURLs = nil
	if r := t.Redirect; anySet(r.Success, r.Failure) {
		m.ReturnURLs = &paymentReturnURLsModel{Success: stringOrNull(r.Success), Failure: stringOrNull(r.Failure)}
	}
}

// addressModel maps SimPay's address to the argument; SimPay sends an object
// whose fields are all null for an address never given, which is null here.
func addressModel(a *client.Address) *paymentAddressModel {
	if a == nil || !anySet(a.Name, a.Surname, a.Street, a.Building, a.Flat, a.City, a.Region, a.PostalCode, a.Country, a.Company) {
		return nil
	}
	return newAddressModel(a)
}

func anySet(values ...*string) bool {
	for _, v := range values {
		if v != nil {
			return true
		}
	}
	return false
}

// paymentTransactionFields maps SimPay's request field names, per object, to
// attribute names.
var paymentTransactionFields = map[string]map[string]string{
	"": {"amount": "amount", "currency": "currency", "description": "description", "control": "control",
		"customer": "customer", "antifraud": "antifraud", "billing": "billing", "shipping": "shipping", "cart": "cart",
		"returns": "return_urls", "directChannel": "direct_channel", "channels": "channels",
		"channelTypes": "channel_types", "referer": "referer"},
	"customer":  {"name": "name", "email": "email", "ip": "ip", "countryCode": "country_code"},
	"antifraud": {"useragent": "useragent", "steamid": "steamid", "mcusername": "mcusername", "mcid": "mcid"},
	"billing":   addressFields,
	"shipping":  addressFields,
	"cart": {"name": "name", "quantity": "quantity", "price": "price", "producer": "producer", "category": "category",
		"code": "code"},
	"return_urls": {"success": "success", "failure": "failure"},
	"channel_types": {"blik": "blik", "transfer": "transfer", "cards": "cards", "ewallets": "ewallets",
		"paypal": "paypal", "paysafe": "paysafe", "latam": "latam"},
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

// notEmptyObject rejects an object whose attributes are all null: it would be
// sent as {} and read back as no object at all.
func notEmptyObject() validator.Object { return notEmptyObjectValidator{} }

type notEmptyObjectValidator struct{}

func (notEmptyObjectValidator) Description(context.Context) string {
	return "at least one attribute must be set"
}

func (v notEmptyObjectValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (notEmptyObjectValidator) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, v := range req.ConfigValue.Attributes() {
		if !v.IsNull() {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty object", fmt.Sprintf(
		"Attribute %s has no attribute set. Set at least one, or leave %s out.", req.Path, req.Path))
}
