package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var (
	_ resource.ResourceWithConfigure   = (*paymentRefundResource)(nil)
	_ resource.ResourceWithImportState = (*paymentRefundResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*paymentRefundResource)(nil)
)

const (
	refundResourceType = "simpay_payment_refund"
	refundIDFormat     = "service_id/transaction_id/refund_id"
	refundIDExample    = "d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f/019483a5-885e-70f7-9b5b-94387a6690da"
)

// NewPaymentRefundResource is the simpay_payment_refund resource.
func NewPaymentRefundResource() resource.Resource {
	return &paymentRefundResource{createOnly{kind: "refund"}}
}

type paymentRefundResource struct{ createOnly }

type paymentRefundModel struct {
	ID             types.String   `tfsdk:"id"`
	ServiceID      types.String   `tfsdk:"service_id"`
	TransactionID  types.String   `tfsdk:"transaction_id"`
	Amount         DecimalValue   `tfsdk:"amount"`
	Status         types.String   `tfsdk:"status"`
	Currency       types.String   `tfsdk:"currency"`
	WalletAmount   DecimalValue   `tfsdk:"wallet_amount"`
	WalletCurrency types.String   `tfsdk:"wallet_currency"`
	CreatedAt      types.String   `tfsdk:"created_at"`
	UpdatedAt      types.String   `tfsdk:"updated_at"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// setRefund records what SimPay says of the refund. The arguments stay as
// they are, except a null amount (a full refund, or an import), which
// records the amount SimPay refunded.
func (m *paymentRefundModel) setRefund(r *client.Refund) {
	if m.Amount.IsNull() || m.Amount.IsUnknown() {
		m.Amount = decimalOrNull(r.Amount.String())
	}
	m.Status = nonEmptyOrNull(r.Status)
	m.Currency = nonEmptyOrNull(r.Currency)
	m.WalletAmount = decimalOrNull(r.WalletAmount.String())
	m.WalletCurrency = nonEmptyOrNull(r.WalletCurrency)
	m.CreatedAt = timestamp(r.CreatedAt)
	m.UpdatedAt = timestamp(r.UpdatedAt)
}

func (r *paymentRefundResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_refund"
}

// refundAmountReplace replaces the refund when the configured amount differs
// from the one in state. An amount left out of the configuration never
// replaces: it asks for a full refund, and state holds what SimPay refunded.
func refundAmountReplace() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !req.ConfigValue.IsNull()
	}, "A configured amount that differs from the refunded one replaces the refund (a new refund is made; the old one stays).",
		"A configured amount that differs from the refunded one replaces the refund (a new refund is made; the old one stays).")
}

func (r *paymentRefundResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Refunds a paid online-payment transaction, in full or in part " +
			"(`POST /payment/{serviceId}/transactions/{transactionId}/refunds`), and reads the refund back.\n\n" +
			"SimPay lets you create a refund and read it back, but not change, cancel or delete it. So every argument " +
			"forces a replacement, and a replacement makes a **new** refund (more money goes back to the payer) while " +
			"the old one stays in SimPay. Destroying only removes the refund from Terraform state, with a warning, and " +
			"sends nothing. A refresh updates `status` and the timestamps; a refund SimPay no longer returns (404) is " +
			"removed from state, so the next plan would create a new one.\n\n" +
			"If SimPay made the refund but reading it back failed, the refund is kept in state as tainted: run " +
			"`terraform untaint` to keep it rather than refund again. If SimPay's answer never came, the request is not " +
			"re-sent (that could refund twice): the error says how to find the refund and import it.\n\n" +
			"Import with the id `" + refundIDFormat + "`, for example `terraform import " + refundResourceType +
			".example " + refundIDExample + "`, or with an `import` block.",
		Attributes: map[string]schema.Attribute{
			"id": computed("Refund id, as SimPay assigned it (a UUID)."),
			"service_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the online-payment service the transaction belongs to: 8 lowercase hexadecimal " +
					"characters, as shown in the SimPay panel. Changing it replaces the refund.",
				Validators:    []validator.String{serviceIDValidator()},
				PlanModifiers: replaceString(),
			},
			"transaction_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the transaction to refund (a UUID). SimPay refunds only transactions whose " +
					"status is `transaction_paid`. Changing it replaces the refund.",
				Validators:    []validator.String{uuidValidator("transaction")},
				PlanModifiers: replaceString(),
			},
			"amount": schema.StringAttribute{
				CustomType: DecimalType{},
				Optional:   true,
				Computed:   true,
				MarkdownDescription: "Amount to refund, in the transaction's currency, as a decimal string such as " +
					"`\"10.00\"` (at least 0.01, at most 2 decimal places, at most what remains to refund). " +
					"Leave it out for a full refund: the request is then sent without an amount, SimPay refunds whatever " +
					"remains, and this attribute records the amount SimPay refunded. Writing the same number differently " +
					"(`\"10\"` for `\"10.00\"`) plans nothing; setting a different amount replaces the refund (a new refund " +
					"is made, the old one stays); removing the amount from the configuration later plans nothing.",
				Validators: []validator.String{amountValidator("0.01", 2)},
				PlanModifiers: []planmodifier.String{
					keepEquivalentDecimal(),
					stringplanmodifier.UseStateForUnknown(),
					refundAmountReplace(),
				},
			},
			"status": computed("Refund status as SimPay reports it, refreshed on every read. SimPay documents " +
				codeList(refundStatuses) + "; a refund starts as `refund_new`."),
			"currency": computed("Currency of `amount` (ISO 4217), the transaction's currency."),
			"wallet_amount": schema.StringAttribute{
				CustomType:          DecimalType{},
				Computed:            true,
				MarkdownDescription: "What the refund takes from your SimPay wallet, in `wallet_currency`, as a decimal string.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"wallet_currency": computed("Currency of `wallet_amount` (ISO 4217), the wallet's currency."),
			"created_at":      computed("When SimPay created the refund (RFC 3339)."),
			"updated_at":      computed("When the refund last changed in SimPay (RFC 3339), refreshed on every read."),
			"timeouts":        createOnlyTimeoutsAttribute(ctx, "refund"),
		},
	}
}

// refundFieldPath maps SimPay's 422 field names for a refund to attributes.
func refundFieldPath(field string) (path.Path, bool) {
	if field == "amount" {
		return path.Root("amount"), true
	}
	return path.Empty(), false
}

func (r *paymentRefundResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan paymentRefundModel
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

	serviceID, transactionID := plan.ServiceID.ValueString(), plan.TransactionID.ValueString()
	var amount json.Number
	what := "a full refund"
	if !plan.Amount.IsNull() && !plan.Amount.IsUnknown() {
		amount = jsonAmount(path.Root("amount"), plan.Amount, &resp.Diagnostics)
		what = "a refund of " + plan.Amount.ValueString()
	}
	if resp.Diagnostics.HasError() {
		return
	}
	action := fmt.Sprintf("creating %s of transaction %s of payment service %s", what, transactionID, serviceID)

	refundID, err := c.CreateRefund(ctx, serviceID, transactionID, amount)
	if err != nil {
		resp.Diagnostics.Append(r.createError(ctx, c, action, serviceID, transactionID, err)...)
		return
	}

	// Record the refund before reading it back: if the read fails, the id
	// stays in state (Terraform marks it tainted) and nothing is untracked.
	state := paymentRefundModel{
		ID:             types.StringValue(refundID),
		ServiceID:      plan.ServiceID,
		TransactionID:  plan.TransactionID,
		Amount:         NewDecimalNull(),
		Status:         types.StringNull(),
		Currency:       types.StringNull(),
		WalletAmount:   NewDecimalNull(),
		WalletCurrency: types.StringNull(),
		CreatedAt:      types.StringNull(),
		UpdatedAt:      types.StringNull(),
		Timeouts:       plan.Timeouts,
	}
	if amount != "" {
		state.Amount = plan.Amount
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	refund, err := c.GetRefund(ctx, serviceID, transactionID, refundID)
	if err != nil {
		resp.Diagnostics.Append(createdButUnreadDiagnostic("refund", refundID, refundResourceType,
			fmt.Sprintf("reading refund %s of transaction %s of payment service %s", refundID, transactionID, serviceID), err))
		return
	}
	state.setRefund(refund)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// createError explains why SimPay refused a refund, on the attribute it is
// about.
func (r *paymentRefundResource) createError(ctx context.Context, c *client.Client, action, serviceID, transactionID string, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	var apiErr *client.APIError
	isAPI := errors.As(err, &apiErr)
	switch {
	case client.IsOutcomeUnknown(err):
		diags.Append(outcomeUnknownDiagnostic("refund", action, fmt.Sprintf(
			"list the refunds of the transaction with data.simpay_payment_refunds (service_id = %q, transaction_id = %q) "+
				"or look at the transaction in the SimPay panel", serviceID, transactionID),
			refundResourceType, refundIDFormat, fmt.Sprintf("%s/%s/<refund_id>", serviceID, transactionID), err))
	case client.IsConflict(err):
		status := ""
		if t, gerr := c.GetPaymentTransaction(ctx, serviceID, transactionID); gerr == nil && t.Status != "" {
			status = fmt.Sprintf(" Its status in SimPay is %s.", t.Status)
		}
		diags.AddAttributeError(path.Root("transaction_id"), "Transaction is not paid", fmt.Sprintf(
			"SimPay refused to refund transaction %s of payment service %s because it is not paid (SimPay: %q).%s "+
				"SimPay refunds only transactions whose status is transaction_paid (a transaction already refunded in full "+
				"cannot be refunded again). Wait until the payer has paid, or choose another transaction, then apply again.\n\n%s",
			transactionID, serviceID, apiErr.Message, status, err))
	case isAPI && apiErr.StatusCode == 400:
		diags.AddAttributeError(path.Root("amount"), "SimPay refused the refund amount", fmt.Sprintf(
			"SimPay refused %s (SimPay: %q). A refund can be at most what remains to refund of the transaction (its amount less "+
				"the earlier refunds), and your SimPay wallet must hold enough to cover it. Lower amount (or leave it out to "+
				"refund whatever remains), or top up the wallet in the SimPay panel, then apply again.\n\n%s",
			action, apiErr.Message, err))
	case client.IsValidation(err):
		diags.Append(attributeValidationDiagnostics(action, apiErr, refundFieldPath)...)
	case client.IsNotFound(err) && apiErr.ErrorCode == "SERVICE_NOT_FOUND":
		diags.AddAttributeError(path.Root("service_id"), "Payment service not found", fmt.Sprintf(
			"SimPay has no online-payment service %s for this API token, so transaction %s cannot be refunded. Check "+
				"service_id in the SimPay panel.\n\n%s", serviceID, transactionID, err))
	case client.IsNotFound(err):
		diags.AddAttributeError(path.Root("transaction_id"), "Transaction not found", fmt.Sprintf(
			"SimPay has no transaction %s in online-payment service %s, so it cannot be refunded. Check transaction_id "+
				"and service_id (the transaction must belong to that service).\n\n%s", transactionID, serviceID, err))
	default:
		diags.Append(apiErrorDiagnostic(action, err))
	}
	return diags
}

func (r *paymentRefundResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state paymentRefundModel
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

	serviceID, transactionID, id := state.ServiceID.ValueString(), state.TransactionID.ValueString(), state.ID.ValueString()
	refund, err := c.GetRefund(ctx, serviceID, transactionID, id)
	if err != nil {
		if serviceNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("service_id"), "Payment service not found", fmt.Sprintf(
				"SimPay has no online-payment service %s for this API token, so refund %s cannot be read. The refund is "+
					"kept in state: this usually means api_token belongs to another SimPay account. Check api_token and "+
					"service_id.\n\n%s", serviceID, id, err))
			return
		}
		if client.IsNotFound(err) {
			goneWarning(&resp.Diagnostics, "refund", fmt.Sprintf("%s of transaction %s of payment service %s", id, transactionID, serviceID), err)
			resp.State.RemoveResource(ctx)
			return
		}
		resp.Diagnostics.Append(apiErrorDiagnostic(fmt.Sprintf("reading refund %s of transaction %s of payment service %s",
			id, transactionID, serviceID), err))
		return
	}
	state.setRefund(refund)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *paymentRefundResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := parseImportID(req.ID, importServiceID, importTransactionID, importRefundID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import id for "+refundResourceType, err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("service_id"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("transaction_id"), parts[1])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts[2])...)
	resp.Diagnostics.Append(markImported(ctx, resp.Private)...)
}
