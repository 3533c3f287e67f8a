package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
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
	_ resource.ResourceWithConfigure   = (*directBillingTransactionResource)(nil)
	_ resource.ResourceWithImportState = (*directBillingTransactionResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*directBillingTransactionResource)(nil)
)

const (
	dbTransactionResourceType = "simpay_directbilling_transaction"
	dbTransactionIDFormat     = "service_id/transaction_id"
	dbTransactionIDExample    = "d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"
	dbTextMaxLength           = 128
)

var (
	// phoneNumberPattern is a phone number in international form written as
	// digits only, country code first (E.164 without the "+"): 9 to 15 digits.
	phoneNumberPattern = regexp.MustCompile(`^[0-9]{9,15}$`)
	// steamID64Pattern is a SteamID64: 17 decimal digits.
	steamID64Pattern = regexp.MustCompile(`^[0-9]{17}$`)
)

// NewDirectBillingTransactionResource is the simpay_directbilling_transaction
// resource.
func NewDirectBillingTransactionResource() resource.Resource {
	return &directBillingTransactionResource{createOnly{kind: "DirectBilling transaction"}}
}

type directBillingTransactionResource struct{ createOnly }

type directBillingTransactionModel struct {
	ID          types.String   `tfsdk:"id"`
	ServiceID   types.String   `tfsdk:"service_id"`
	Amount      DecimalValue   `tfsdk:"amount"`
	AmountType  types.String   `tfsdk:"amount_type"`
	Description types.String   `tfsdk:"description"`
	Control     types.String   `tfsdk:"control"`
	ReturnURLs  types.Object   `tfsdk:"return_urls"`
	PhoneNumber types.String   `tfsdk:"phone_number"`
	SteamID     types.String   `tfsdk:"steamid"`
	RedirectURL types.String   `tfsdk:"redirect_url"`
	Status      types.String   `tfsdk:"status"`
	Value       DecimalValue   `tfsdk:"value"`
	ValueNetto  DecimalValue   `tfsdk:"value_netto"`
	Operator    types.String   `tfsdk:"operator"`
	Notify      types.Object   `tfsdk:"notify"`
	CreatedAt   types.String   `tfsdk:"created_at"`
	UpdatedAt   types.String   `tfsdk:"updated_at"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

var dbNotifyTypes = map[string]attr.Type{"sent": types.BoolType, "last_sent_at": types.StringType, "count": types.Int64Type}

// setTransaction records what SimPay says of the transaction. Arguments stay
// as they are in state; the two SimPay returns, control and phone_number,
// are filled only where state has none (after an import, or a phone number
// SimPay learnt from the payer).
func (m *directBillingTransactionModel) setTransaction(t *client.DirectBillingTransaction) diag.Diagnostics {
	if m.Control.IsNull() || m.Control.IsUnknown() {
		m.Control = stringOrNull(t.Control)
	}
	if m.PhoneNumber.IsNull() || m.PhoneNumber.IsUnknown() {
		m.PhoneNumber = nonEmptyOrNull(string(t.PhoneNumber))
	}
	m.Status = nonEmptyOrNull(t.Status)
	m.Value = decimalOrNull(t.Value.String())
	m.ValueNetto = decimalOrNull(t.ValueNetto.String())
	m.Operator = stringOrNull(t.Operator)
	m.CreatedAt = timestamp(t.CreatedAt)
	m.UpdatedAt = timestamp(t.UpdatedAt)
	if t.Notify == nil {
		m.Notify = types.ObjectNull(dbNotifyTypes)
		return nil
	}
	var diags diag.Diagnostics
	m.Notify, diags = types.ObjectValue(dbNotifyTypes, map[string]attr.Value{
		"sent":         types.BoolValue(t.Notify.IsSend),
		"last_sent_at": timestampOrNull(t.Notify.LastSendAt),
		"count":        types.Int64Value(int64(t.Notify.Count)),
	})
	return diags
}

func (r *directBillingTransactionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_directbilling_transaction"
}

func (r *directBillingTransactionResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	computedDecimal := func(desc string) schema.StringAttribute {
		a := computed(desc)
		a.CustomType = DecimalType{}
		return a
	}
	notSentBack := " SimPay does not return it when the transaction is read, so after an import it is null until the " +
		"configuration sets it, which then only records it in state (nothing is sent)."
	resp.Schema = schema.Schema{
		MarkdownDescription: "Creates a DirectBilling (carrier billing) transaction " +
			"(`POST /directbilling/{serviceId}/transactions`): the payer pays with their mobile phone bill at " +
			"`redirect_url`. The resource then reads the transaction back.\n\n" +
			"SimPay lets you create a DirectBilling transaction and read it back, but not change, cancel or delete it. " +
			"So every argument forces a replacement (a new transaction; the old one stays in SimPay). Destroying only " +
			"removes the transaction from Terraform state, with a warning, and sends nothing. A refresh updates " +
			"`status`, the values, `operator`, `notify` and the timestamps; a transaction SimPay no longer returns (404) " +
			"is removed from state, so the next plan creates a new one.\n\n" +
			"If SimPay made the transaction but reading it back failed, it is kept in state as tainted. If SimPay's " +
			"answer never came, the request is not re-sent (that could create a second transaction): the error says " +
			"how to find it and import it.\n\n" +
			"Import with the id `" + dbTransactionIDFormat + "`, for example `terraform import " +
			dbTransactionResourceType + ".example " + dbTransactionIDExample + "`, or with an `import` block.",
		Attributes: map[string]schema.Attribute{
			"id": computed("Transaction id, as SimPay assigned it (a UUID)."),
			"service_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the DirectBilling service: 8 lowercase hexadecimal characters, as shown in " +
					"the SimPay panel. Changing it replaces the transaction.",
				Validators:    []validator.String{serviceIDValidator()},
				PlanModifiers: replaceString(),
			},
			"amount": schema.StringAttribute{
				CustomType: DecimalType{},
				Required:   true,
				MarkdownDescription: "Amount in PLN as a decimal string such as `\"19.99\"`: more than 0, at most 2 " +
					"decimal places. What it means depends on `amount_type`. Writing the same number differently " +
					"(`\"10\"` for `\"10.00\"`) plans nothing; another amount replaces the transaction." + notSentBack,
				Validators:    []validator.String{amountValidator("0.01", 2)},
				PlanModifiers: replaceDecimal(),
			},
			"amount_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString("gross"),
				MarkdownDescription: "What `amount` is: `gross` (the price the payer pays, with VAT; the default), `net` " +
					"(the price without VAT) or `required` (what you want to receive; the price the payer sees then " +
					"depends on the carrier). Changing it replaces the transaction." + notSentBack,
				Validators:    []validator.String{stringvalidator.OneOf("required", "net", "gross")},
				PlanModifiers: replaceString(),
			},
			"description": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Description shown to the payer on the payment page, 1 to %d characters "+
					"(SimPay's OpenAPI file gives `maximum: %d` for it, read here as a maximum length). Changing it "+
					"replaces the transaction.", dbTextMaxLength, dbTextMaxLength) + notSentBack,
				Validators:    []validator.String{stringvalidator.UTF8LengthBetween(1, dbTextMaxLength)},
				PlanModifiers: replaceString(),
			},
			"control": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Your own value to recognise the transaction by, such as an order "+
					"number, 1 to %d characters (SimPay's OpenAPI file gives `maximum: %d` for it, read here as a "+
					"maximum length). SimPay sends it back in notifications and lets you filter transactions by it. "+
					"Changing it replaces the transaction.", dbTextMaxLength, dbTextMaxLength),
				Validators:    []validator.String{stringvalidator.UTF8LengthBetween(1, dbTextMaxLength)},
				PlanModifiers: replaceReturnedString(),
			},
			"return_urls": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "Where SimPay sends the payer after the payment. Changing it replaces the " +
					"transaction. Set at least one URL, or leave the whole object out." + notSentBack,
				Validators:    []validator.Object{notEmptyObject()},
				PlanModifiers: replaceObject(),
				Attributes: map[string]schema.Attribute{
					"success": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Absolute http(s) URL for a successful payment, such as `\"https://shop.example.com/paid\"`.",
						Validators:          []validator.String{httpURLValidator()},
						PlanModifiers:       replaceString(),
					},
					"failure": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Absolute http(s) URL for a failed payment, such as `\"https://shop.example.com/failed\"`.",
						Validators:          []validator.String{httpURLValidator()},
						PlanModifiers:       replaceString(),
					},
				},
			},
			"phone_number": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Phone number the payment must come from, in international form written as digits " +
					"only, country code first, without `+` or spaces: 9 to 15 digits, such as `\"48123123123\"`. If you " +
					"leave it out, the payer enters their number on the payment page, and this attribute records the " +
					"number SimPay reports once it knows it (null until then); that never plans a change. Setting or " +
					"changing it in the configuration replaces the transaction.",
				Validators: []validator.String{stringvalidator.RegexMatches(phoneNumberPattern,
					"must be a phone number written as 9 to 15 digits, country code first, without \"+\" or spaces, such as \"48123123123\"")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), replaceOnChange{}},
			},
			"steamid": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "SteamID64 of the payer's Steam account (17 digits, such as `\"76561198000000000\"`), " +
					"for SimPay's fraud checks. Changing it replaces the transaction." + notSentBack,
				Validators: []validator.String{stringvalidator.RegexMatches(steamID64Pattern,
					"must be a SteamID64: 17 digits, such as \"76561198000000000\"")},
				PlanModifiers: replaceString(),
			},
			"redirect_url": computed("URL of SimPay's payment page to send the payer to. SimPay gives it only when the " +
				"transaction is created, so it is null after an import."),
			"status": computed("Transaction status as SimPay reports it, refreshed on every read. SimPay documents " +
				codeList(directBillingTransactionStatuses) + "; a transaction starts as `transaction_db_new`."),
			"value": computedDecimal("The transaction's value as SimPay reports it (its `value`), a decimal string in " +
				"PLN, refreshed on every read. SimPay computes it from `amount` and `amount_type`."),
			"value_netto": computedDecimal("What you receive from the transaction as SimPay reports it (its " +
				"`value_netto`), a decimal string in PLN, refreshed on every read."),
			"operator": computed("Mobile carrier the payer paid through: `orange`, `plus`, `play` or `t-mobile`; null " +
				"until SimPay knows it."),
			"notify": schema.SingleNestedAttribute{
				Computed: true,
				MarkdownDescription: "SimPay's notifications about this transaction to your service's notification " +
					"URL, refreshed on every read.",
				PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
				Attributes: map[string]schema.Attribute{
					"sent": schema.BoolAttribute{Computed: true,
						MarkdownDescription: "Whether SimPay has sent a notification (SimPay's `is_send`)."},
					"last_sent_at": schema.StringAttribute{Computed: true,
						MarkdownDescription: "When SimPay last sent one (RFC 3339); null if never."},
					"count": schema.Int64Attribute{Computed: true,
						MarkdownDescription: "How many notifications SimPay has sent."},
				},
			},
			"created_at": computed("When SimPay created the transaction (RFC 3339)."),
			"updated_at": computed("When the transaction last changed in SimPay (RFC 3339), refreshed on every read."),
			"timeouts":   createOnlyTimeoutsAttribute(ctx, "DirectBilling transaction"),
		},
	}
}

// dbTransactionFieldPath maps SimPay's 422 field names for a new DirectBilling
// transaction to attributes.
func dbTransactionFieldPath(field string) (path.Path, bool) {
	switch field {
	case "amount", "description", "control", "steamid":
		return path.Root(field), true
	case "amountType":
		return path.Root("amount_type"), true
	case "phoneNumber":
		return path.Root("phone_number"), true
	case "returns":
		return path.Root("return_urls"), true
	case "returns.success":
		return path.Root("return_urls").AtName("success"), true
	case "returns.failure":
		return path.Root("return_urls").AtName("failure"), true
	}
	return path.Empty(), false
}

func (m *directBillingTransactionModel) request(diags *diag.Diagnostics) client.DirectBillingTransactionRequest {
	req := client.DirectBillingTransactionRequest{
		Amount:      jsonAmount(path.Root("amount"), m.Amount, diags),
		AmountType:  m.AmountType.ValueString(),
		Description: m.Description.ValueString(),
		Control:     m.Control.ValueString(),
		PhoneNumber: m.PhoneNumber.ValueString(),
		SteamID:     m.SteamID.ValueString(),
	}
	if !m.ReturnURLs.IsNull() && !m.ReturnURLs.IsUnknown() {
		attrs := m.ReturnURLs.Attributes()
		get := func(name string) string {
			if s, ok := attrs[name].(types.String); ok {
				return s.ValueString()
			}
			return ""
		}
		req.Returns = &client.Returns{Success: get("success"), Failure: get("failure")}
	}
	return req
}

func (r *directBillingTransactionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan directBillingTransactionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, createOnlyDefaultCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	serviceID := plan.ServiceID.ValueString()
	action := fmt.Sprintf("creating a DirectBilling transaction of %s (%s) in DirectBilling service %s",
		plan.Amount.ValueString(), plan.AmountType.ValueString(), serviceID)
	body := plan.request(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	created, err := c.CreateDirectBillingTransaction(ctx, serviceID, body)
	if err != nil {
		resp.Diagnostics.Append(dbTransactionCreateError(action, serviceID, plan.Control, err)...)
		return
	}

	// Record the transaction before reading it back: if the read fails, the
	// id stays in state (Terraform marks it tainted) and nothing is untracked.
	state := plan
	state.ID = types.StringValue(created.TransactionID)
	state.RedirectURL = nonEmptyOrNull(created.RedirectURL)
	if state.PhoneNumber.IsUnknown() {
		state.PhoneNumber = types.StringNull()
	}
	state.Status, state.Operator = types.StringNull(), types.StringNull()
	state.Value, state.ValueNetto = NewDecimalNull(), NewDecimalNull()
	state.Notify = types.ObjectNull(dbNotifyTypes)
	state.CreatedAt, state.UpdatedAt = types.StringNull(), types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	t, err := c.GetDirectBillingTransaction(ctx, serviceID, created.TransactionID)
	if err != nil {
		resp.Diagnostics.Append(createdButUnreadDiagnostic("DirectBilling transaction", created.TransactionID, dbTransactionResourceType,
			fmt.Sprintf("reading transaction %s of DirectBilling service %s", created.TransactionID, serviceID), err))
		return
	}
	resp.Diagnostics.Append(state.setTransaction(t)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func dbTransactionCreateError(action, serviceID string, control types.String, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	var apiErr *client.APIError
	errors.As(err, &apiErr)
	switch {
	case client.IsOutcomeUnknown(err):
		find := fmt.Sprintf("look at the transactions of DirectBilling service %s in the SimPay panel", serviceID)
		if c := control.ValueString(); c != "" {
			find += fmt.Sprintf(" (or list them with filter[control]=%s: the transaction has control %q)", c, c)
		}
		diags.Append(outcomeUnknownDiagnostic("DirectBilling transaction", action, find, dbTransactionResourceType,
			dbTransactionIDFormat, serviceID+"/<transaction_id>", err))
	case client.IsValidation(err):
		diags.Append(attributeValidationDiagnostics(action, apiErr, dbTransactionFieldPath)...)
	case client.IsNotFound(err):
		diags.AddAttributeError(path.Root("service_id"), "DirectBilling service not found", fmt.Sprintf(
			"SimPay has no DirectBilling service %s for this API token. Check service_id in the SimPay panel "+
				"(DirectBilling services are listed apart from online-payment and SMS services).\n\n%s", serviceID, err))
	default:
		diags.Append(apiErrorDiagnostic(action, err))
	}
	return diags
}

func (r *directBillingTransactionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state directBillingTransactionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, createOnlyDefaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	serviceID, id := state.ServiceID.ValueString(), state.ID.ValueString()
	t, err := c.GetDirectBillingTransaction(ctx, serviceID, id)
	if err != nil {
		if serviceNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("service_id"), "DirectBilling service not found", fmt.Sprintf(
				"SimPay has no DirectBilling service %s for this API token, so transaction %s cannot be read. The "+
					"transaction is kept in state: this usually means api_token belongs to another SimPay account. Check "+
					"api_token and service_id.\n\n%s", serviceID, id, err))
			return
		}
		if client.IsNotFound(err) {
			goneWarning(&resp.Diagnostics, "DirectBilling transaction", fmt.Sprintf("%s of DirectBilling service %s", id, serviceID), err)
			resp.State.RemoveResource(ctx)
			return
		}
		resp.Diagnostics.Append(apiErrorDiagnostic(fmt.Sprintf("reading transaction %s of DirectBilling service %s", id, serviceID), err))
		return
	}
	resp.Diagnostics.Append(state.setTransaction(t)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *directBillingTransactionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := parseImportID(req.ID, importServiceID, importTransactionID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id for "+dbTransactionResourceType, err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("service_id"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts[1])...)
	resp.Diagnostics.Append(markImported(ctx, resp.Private)...)
}
