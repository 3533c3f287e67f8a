package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// NewPaymentRefundResource is the simpay_payment_refund resource.
func NewPaymentRefundResource() resource.Resource {
	return createonly.NewResource[paymentRefundModel, *client.Refund](paymentRefundSpec{})
}

// paymentRefundSpec is what is the refund's own; the rest is
// the skeleton, createonly.
type paymentRefundSpec struct{}

type paymentRefundModel struct {
	ServiceID     types.String `tfsdk:"service_id"`
	TransactionID types.String `tfsdk:"transaction_id"`
	refundModel
	// ReportedAmount is an object value (value, currency): what SimPay
	// reports it refunded, beside amount, what was asked for.
	ReportedAmount types.Object   `tfsdk:"reported_amount"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// refundReportedAmountAttr is what SimPay reports it refunded: the
// resource's alone, beside amount, what was asked for.
var refundReportedAmountAttr = objectReported("The refund as SimPay reports it, read on create, on every refresh "+
	"and on import, named like the payment transaction's `reported_amount`. `value` is what SimPay refunded: when it "+
	"differs in value from `amount`, the apply that created the refund fails naming both, and the refund stays in "+
	"state; a later change of SimPay's figure is recorded here on refresh, with a warning.", reportedAttrs{
	"value":    amountReported("Amount SimPay refunded, as a decimal string, in `currency`."),
	"currency": textReported("Currency of `value` (ISO 4217), the payer's currency."),
})

var refundReportedAmountAttrTypes = refundReportedAmountAttr.attrs.attrTypes()

func (paymentRefundSpec) About() createonly.About {
	return createonly.About{Name: "payment_refund", Kind: "refund", Service: paymentServices,
		ID: []createonly.IDPart{paymentServicePart, transactionPart, ownRefundPart}}
}

func (paymentRefundSpec) Schema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Refunds a paid online-payment transaction, in full or in part " +
			"(`POST /payment/{serviceId}/transactions/{transactionId}/refunds`), and reads the refund back.",
		Attributes: refundReportedAttrs.resourceWith(map[string]schema.Attribute{
			"service_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the online-payment service the transaction belongs to: 8 lowercase hexadecimal " +
					"characters, as shown in the SimPay panel. Changing it on an existing refund fails at plan (see " +
					"\"Changing arguments\").",
				Validators:    []validator.String{serviceIDValidator()},
				PlanModifiers: replaceString(),
			},
			"transaction_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the transaction to refund (usually a UUID). SimPay refunds only transactions whose " +
					"status is `transaction_paid`. Changing it on an existing refund fails at plan (see \"Changing arguments\").",
				Validators:    []validator.String{objectIDValidator("transaction")},
				PlanModifiers: replaceString(),
			},
			"amount": refundAmountAttribute("Amount to refund, as a decimal string such as `\"10.00\"` (at least 0.01, at most 2 "+
				"decimal places, at most what remains to refund), in the **payer's currency**: SimPay's refunds page says a "+
				"refund's amount is in the currency the payer paid in, which is the transaction's `reported_amount.currency` "+
				"(it differs from the transaction's `currency` when the payer paid in another currency). Sent as the body "+
				"`{\"amount\": ...}`: SimPay's API reference does not list this body yet; SimPay's own SDKs send it. "+
				"Leave it out for a full refund: the request is then sent without an amount, SimPay refunds whatever "+
				"remains, and this attribute records the amount SimPay refunded. Writing the same number differently "+
				"(`\"10\"` for `\"10.00\"`) plans nothing, and removing the amount from the configuration later plans "+
				"nothing; setting a different amount on an existing refund fails at plan, since it would send a second "+
				"refund (see \"Changing arguments\"). What SimPay reports it refunded is in `reported_amount`.",
				[]planmodifier.String{
					keepEquivalentDecimal(),
					stringplanmodifier.UseStateForUnknown(),
				}),
			"reported_amount": refundReportedAmountAttr.resource(true),
		}),
	}
}

func (paymentRefundSpec) CreateAction(plan *paymentRefundModel) string {
	what := "a full refund"
	if !plan.Amount.IsNull() && !plan.Amount.IsUnknown() {
		what = "a refund of " + plan.Amount.ValueString()
	}
	return fmt.Sprintf("creating %s of transaction %s of payment service %s", what, plan.TransactionID.ValueString(),
		plan.ServiceID.ValueString())
}

// Request sends the amount to refund; the zero Decimal for a full refund,
// which SimPay documents as a request without an amount.
func (paymentRefundSpec) Request(plan *paymentRefundModel, diags *diag.Diagnostics) createonly.Send {
	amount := jsonAmount(path.Root("amount"), plan.Amount, diags)
	return func(ctx context.Context, c *client.Client) (createonly.Answer, error) {
		id, err := c.CreateRefund(ctx, plan.ServiceID.ValueString(), plan.TransactionID.ValueString(), amount)
		return createonly.Answer{ID: id}, err
	}
}

func (paymentRefundSpec) Get(ctx context.Context, c *client.Client, ids []string) (*client.Refund, error) {
	return c.GetRefund(ctx, ids[0], ids[1], ids[2])
}

// Set records what SimPay says of the refund. The arguments stay as they
// are, except a null amount (a full refund, or an import), which records the
// amount SimPay refunded.
func (paymentRefundSpec) Set(_ context.Context, m *paymentRefundModel, r *client.Refund, _ bool) diag.Diagnostics {
	id, amount := m.ID, m.Amount
	m.refundModel = newRefundModel(r)
	m.ID = id
	reported, diags := types.ObjectValue(refundReportedAmountAttrTypes, map[string]attr.Value{
		"value": m.Amount, "currency": m.Currency})
	m.ReportedAmount = reported
	if !amount.IsNull() && !amount.IsUnknown() {
		m.Amount = amount
	}
	return diags
}

// ReportedAmount is what SimPay reports it refunded; "" when not known.
func (paymentRefundSpec) ReportedAmount(m *paymentRefundModel) string {
	return objectText(m.ReportedAmount, "value")
}

// Mismatch is the error of a refund SimPay reports with another amount
// than the one asked for. SimPay's reference documents the refund POST
// without a body, and only its SDKs send an amount: a SimPay that ignores
// it refunds in full.
func (s paymentRefundSpec) Mismatch(m *paymentRefundModel, ids []string) diag.Diagnostic {
	asked, reported := m.Amount.ValueString(), s.ReportedAmount(m)
	if m.Amount.IsNull() || m.Amount.IsUnknown() || reported == "" || decimal.Equal(asked, reported) {
		return nil
	}
	cur := objectText(m.ReportedAmount, "currency")
	return diag.NewAttributeErrorDiagnostic(path.Root("amount"), "SimPay refunded another amount than asked", fmt.Sprintf(
		"SimPay reports refund %s of transaction %s of payment service %s as %s %s, but %s was asked for (amount). The "+
			"refund is made and kept in Terraform state, with SimPay's figure in reported_amount; nothing more was sent. "+
			"Check the refund in the SimPay panel (the transaction's details, its refunds) and your SimPay wallet's "+
			"history: SimPay's figure is what was refunded. If SimPay refunded too much, contact SimPay; if too little, a "+
			"further refund needs a new simpay_payment_refund block.", ids[2], ids[1], ids[0], reported, cur, asked))
}

// RefuseChange refuses, at plan, every change of an existing refund that
// would replace it: SimPay cannot change or cancel a refund, so a
// replacement sends a second one, and money leaves again. A replacement
// asked for with -replace passes: the configuration is then unchanged.
func (paymentRefundSpec) RefuseChange(_ context.Context, config tfsdk.Config, state tfsdk.State, diags *diag.Diagnostics) {
	for _, name := range []string{"service_id", "transaction_id", "amount"} {
		was, _ := rawText(state.Raw, name)
		now, known := rawText(config.Raw, name)
		switch {
		case known && name == "amount" && (now == "" || decimal.Equal(now, was)):
			continue
		case known && now == was:
			continue
		}
		change := fmt.Sprintf("from %q to %q", was, now)
		if !known {
			change = fmt.Sprintf("from %q to a value known only after apply (it comes from an object that is created or "+
				"replaced)", was)
		}
		diags.AddAttributeError(path.Root(name), "Changing "+name+" would send a second refund", fmt.Sprintf(
			"This plan changes %s of an existing refund %s. SimPay cannot change or cancel a refund, so the only way to "+
				"apply that is a SECOND refund, which sends money to the payer again; the provider refuses to plan it by "+
				"accident, and nothing was sent. If a second refund is what you want, either add another "+
				"simpay_payment_refund block and keep this one as it is, or put %s back as it was and run terraform apply "+
				"-replace=simpay_payment_refund.<name>, which replaces this refund by a new one on purpose. Otherwise put "+
				"%s back to %q.", name, change, name, name, was))
	}
}

func (paymentRefundSpec) FindHint(plan *paymentRefundModel) string {
	return fmt.Sprintf("list the refunds of the transaction with data.simpay_payment_refunds (service_id = %q, "+
		"transaction_id = %q) or look at the transaction in the SimPay panel", plan.ServiceID.ValueString(),
		plan.TransactionID.ValueString())
}

// FieldPath maps SimPay's 422 field names for a refund to attributes.
func (paymentRefundSpec) FieldPath(field string) (path.Path, bool) {
	if field == "amount" {
		return path.Root("amount"), true
	}
	return path.Empty(), false
}

// ExplainCreateError explains the refusals that depend on the transaction:
// SimPay refunds only a paid transaction, and never more than remains.
func (paymentRefundSpec) ExplainCreateError(ctx context.Context, c *client.Client, plan *paymentRefundModel, action string, err error) diag.Diagnostics {
	var answer *client.APIError
	errors.As(err, &answer)
	serviceID, transactionID := plan.ServiceID.ValueString(), plan.TransactionID.ValueString()
	var diags diag.Diagnostics
	switch client.KindOf(err) {
	case client.KindConflict:
		diags.Append(refundConflictDiagnostic(ctx, c, serviceID, transactionID, err))
	case client.KindBadRequest:
		diags.AddAttributeError(path.Root("amount"), "SimPay refused the refund amount", fmt.Sprintf(
			"SimPay refused %s (SimPay: %q). A refund can be at most what remains to refund of the transaction (its amount less "+
				"the earlier refunds), and your SimPay wallet must hold enough to cover it. Lower amount (or leave it out to "+
				"refund whatever remains), or top up the wallet in the SimPay panel, then apply again.\n\n%s",
			action, answer.Message, err))
	default:
		return nil
	}
	return diags
}

// refundConflictDiagnostic explains SimPay's refusal of a refund for the
// transaction's state (client.KindConflict), with SimPay's own status.
// SimPay refuses so for two reasons: the transaction is not paid
// (TRANSACTION_NOT_PAID, in the 2024 OpenAPI file and the reference page),
// or an earlier refund of it still waits for confirmation (how SimPay's
// WooCommerce plugin, src/Service/RefundsService.php, reads every such
// answer). The error says which one SimPay's answer names, or both when it
// names neither, and what to do about each; what SimPay reports of the
// transaction and its refunds is added when it can be read.
func refundConflictDiagnostic(ctx context.Context, c *client.Client, serviceID, transactionID string, err error) diag.Diagnostic {
	var answer *client.APIError
	errors.As(err, &answer)
	notPaid := "SimPay refunds only a paid transaction (transaction_paid; one refunded in full is transaction_refunded). " +
		"Wait until the payer has paid, or choose another transaction in transaction_id, then apply again."
	pending := "SimPay makes one refund of a transaction at a time. Wait until the earlier refund is refund_completed, " +
		"refund_rejected or refund_failed (data.simpay_payment_refunds lists them), then apply again."
	var summary, cause string
	switch client.RefundConflictOf(err) {
	case client.RefundConflictNotPaid:
		summary, cause = "Transaction is not paid", notPaid
	case client.RefundConflictPreviousRefundPending:
		summary, cause = "An earlier refund is still pending", pending
	default:
		summary = "SimPay refused the refund for the transaction's state"
		cause = "SimPay's answer names neither of its two reasons:\n\n- not paid: " + notPaid + "\n- a refund pending: " + pending
	}
	var facts []string
	if t, gerr := c.GetPaymentTransaction(ctx, serviceID, transactionID); gerr == nil && t.Status != "" {
		facts = append(facts, "Its status in SimPay is "+t.Status+".")
	}
	if refunds, lerr := c.ListRefunds(ctx, serviceID, transactionID); lerr == nil {
		var waiting []string
		for _, r := range refunds {
			if r.Status == "refund_new" || r.Status == "refund_pending" {
				waiting = append(waiting, fmt.Sprintf("%s (%s)", r.ID, r.Status))
			}
		}
		if len(waiting) > 0 {
			facts = append(facts, "Refunds of it still waiting for confirmation: "+strings.Join(waiting, ", ")+".")
		}
	}
	known := ""
	if len(facts) > 0 {
		known = " " + strings.Join(facts, " ")
	}
	// SimPay's words are quoted once; the client's error would repeat them.
	return diag.NewAttributeErrorDiagnostic(path.Root("transaction_id"), summary, fmt.Sprintf(
		"SimPay refused to refund transaction %s of payment service %s (%d %s, SimPay: %q).%s %s",
		transactionID, serviceID, answer.StatusCode, http.StatusText(answer.StatusCode), answer.Message, known, cause))
}

// refundAmountAttribute is the refund's amount: an optional argument that
// records, when left out, what SimPay refunded.
func refundAmountAttribute(desc string, mods []planmodifier.String) schema.StringAttribute {
	a := amountattr.ResourceArgument(amountattr.Optional, "0.01", desc, mods)
	a.Computed = true
	return a
}
