package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/action"
	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// The simpay_payment_refund action refunds a transaction when it is invoked
// (terraform apply -invoke, or an action_trigger), and records nothing in
// state. It is the refund resource's create and nothing else: the same
// request, the same never-twice rule and the same errors, through the
// resource's spec and skeleton.

// NewPaymentRefundAction is the simpay_payment_refund action.
func NewPaymentRefundAction() action.Action {
	return &paymentRefundAction{refunds: &createOnlyResource[paymentRefundModel, decimal.Decimal, *client.Refund]{spec: paymentRefundSpec{}}}
}

type paymentRefundAction struct {
	data    *providerData
	refunds *createOnlyResource[paymentRefundModel, decimal.Decimal, *client.Refund]
}

var _ action.ActionWithConfigure = (*paymentRefundAction)(nil)

type paymentRefundActionModel struct {
	ServiceID     types.String `tfsdk:"service_id"`
	TransactionID types.String `tfsdk:"transaction_id"`
	Amount        DecimalValue `tfsdk:"amount"`
}

func (a *paymentRefundAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_refund"
}

func (a *paymentRefundAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = actionschema.Schema{
		MarkdownDescription: "Refunds a paid online-payment transaction, in full or in part, each time it is invoked " +
			"(`POST /payment/{serviceId}/transactions/{transactionId}/refunds`), and reads the refund back. Needs " +
			"Terraform 1.14 or later.\n\n" +
			"Every invocation sends one refund request and records nothing in Terraform state: invoking it twice " +
			"refunds twice. The request is never sent again once it may have reached SimPay: if SimPay's answer does " +
			"not come, the action fails and says how to check whether the refund exists. Planning " +
			"(`terraform plan -invoke=...`) sends nothing.",
		Attributes: map[string]actionschema.Attribute{
			"service_id": actionschema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the online-payment service the transaction belongs to: 8 lowercase hexadecimal " +
					"characters, as shown in the SimPay panel.",
				Validators: []validator.String{serviceIDValidator()},
			},
			"transaction_id": actionschema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the transaction to refund (usually a UUID). SimPay refunds only transactions whose " +
					"status is `transaction_paid`.",
				Validators: []validator.String{objectIDValidator("transaction")},
			},
			"amount": amountattr.ActionArgument(amountattr.Optional, "0.01", "Amount to refund, as a decimal string such as `\"10.00\"` (at least 0.01, at most 2 "+
				"decimal places, at most what remains to refund), in the **payer's currency**, as SimPay's refunds page "+
				"says: the transaction's `reported_amount.currency`, which differs from its `currency` when the payer "+
				"paid in another currency. Sent as the body `{\"amount\": ...}`: SimPay's API reference does not list this body yet; SimPay's own SDKs send it. Leave it out "+
				"for a full refund: the request is then sent without an amount and SimPay refunds whatever remains."),
		},
	}
}

func (a *paymentRefundAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

// Invoke sends one refund request and reads the refund back, telling
// Terraform each step as it happens.
func (a *paymentRefundAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg paymentRefundActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	c, diags := a.data.Client()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	progress := func(format string, args ...any) {
		if resp.SendProgress != nil {
			resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
		}
	}
	// The refund resource's create, bounded alike.
	ctx, cancel := context.WithTimeout(ctx, createOnlyCreateTimeout)
	defer cancel()

	spec := a.refunds.spec
	about := spec.about()
	plan := paymentRefundModel{ServiceID: cfg.ServiceID, TransactionID: cfg.TransactionID}
	plan.Amount = cfg.Amount
	body := spec.request(&plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	what := spec.createAction(&plan)
	progress("%s: sending the request to SimPay", capitalize(what))
	answer, err := spec.send(ctx, c, &plan, body)
	ids := []string{cfg.ServiceID.ValueString(), cfg.TransactionID.ValueString(), answer.id}
	if err != nil {
		if client.KindOf(err) == client.KindOutcomeUnknown {
			resp.Diagnostics.Append(actionOutcomeUnknownDiagnostic(about, what, spec.findHint(&plan), err))
			return
		}
		resp.Diagnostics.Append(invokeAgain(a.refunds.createError(ctx, c, ids, "", &plan, err))...)
		return
	}
	progress("SimPay accepted the refund: refund id %s; reading it back", answer.id)

	r, err := spec.get(ctx, c, ids)
	if err != nil {
		summary, detail := describeAPIError("reading "+describeID(about.id, ids), err)
		resp.Diagnostics.AddWarning("SimPay made the refund but it could not be read back", fmt.Sprintf(
			"SimPay made %s, but reading it back failed (%s). The refund is done: do not invoke the action again for it, "+
				"or the transaction is refunded twice. Check its status later with data.simpay_payment_refunds "+
				"(service_id = %q, transaction_id = %q).\n\n%s", describeID(about.id, ids), summary, ids[0], ids[1], detail))
		return
	}
	progress("Refund %s of transaction %s: %s", answer.id, ids[1], describeRefund(r))
}

// describeRefund is a refund as a progress message tells it:
// "refund_new, 10.00 PLN, 10.00 PLN from the wallet".
func describeRefund(r *client.Refund) string {
	parts := []string{r.Status}
	if amount := r.Amount.String(); amount != "" {
		parts = append(parts, strings.TrimSpace(amount+" "+r.Currency))
	}
	if wallet := r.WalletAmount.String(); wallet != "" {
		parts = append(parts, strings.TrimSpace(wallet+" "+r.WalletCurrency)+" from the wallet")
	}
	return strings.Join(parts, ", ")
}

// invokeAgain rewords the resource's create errors for the action: one
// invokes an action again, there is no configuration change to apply.
func invokeAgain(diags diag.Diagnostics) diag.Diagnostics {
	r := strings.NewReplacer("then apply again", "then invoke the action again", "and apply again", "and invoke the action again",
		"If it does not exist, apply again", "If it does not exist, invoke the action again")
	out := make(diag.Diagnostics, 0, len(diags))
	for _, d := range diags {
		detail := r.Replace(d.Detail())
		var p path.Path
		if wp, ok := d.(diag.DiagnosticWithPath); ok {
			p = wp.Path()
		}
		switch {
		case d.Severity() == diag.SeverityError && p.Equal(path.Empty()):
			out.AddError(d.Summary(), detail)
		case d.Severity() == diag.SeverityError:
			out.AddAttributeError(p, d.Summary(), detail)
		case p.Equal(path.Empty()):
			out.AddWarning(d.Summary(), detail)
		default:
			out.AddAttributeWarning(p, d.Summary(), detail)
		}
	}
	return out
}

// actionOutcomeUnknownDiagnostic is the resource's "may have been created"
// error as an action says it: there is no state to import into, and what
// must not happen is a second invocation for the same refund.
func actionOutcomeUnknownDiagnostic(a createOnlyAbout, what, howToFind string, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic(outcomeUnknownSummary(a), fmt.Sprintf(
		"%s\n\nDo not simply invoke the action again. First check whether the %s exists: %s. If it exists, the "+
			"refund is done. If it does not exist, invoke the action again.\n\n%s",
		outcomeUnknownIntro(a, what), a.kind, howToFind, err))
}
