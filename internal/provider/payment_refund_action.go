package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/action"
	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// The simpay_payment_refund action refunds a transaction when it is invoked
// (terraform apply -invoke, or an action_trigger), and records nothing in
// state. It is the refund resource's create and nothing else: the same
// request, the same never-twice rule and the same errors, through the
// resource's spec and the create-once sequence (createonly.Create).

// NewPaymentRefundAction is the simpay_payment_refund action.
func NewPaymentRefundAction() action.Action {
	return &paymentRefundAction{}
}

type paymentRefundAction struct {
	data *providerData
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
	progress := func(message string) {
		if resp.SendProgress != nil {
			resp.SendProgress(action.InvokeProgressEvent{Message: message})
		}
	}
	// The refund resource's create, bounded alike.
	ctx, cancel := context.WithTimeout(ctx, createonly.CreateTimeout)
	defer cancel()

	plan := paymentRefundModel{ServiceID: cfg.ServiceID, TransactionID: cfg.TransactionID}
	plan.Amount = cfg.Amount
	ids := []string{cfg.ServiceID.ValueString(), cfg.TransactionID.ValueString(), ""}
	ids, r, ok := createonly.Create[paymentRefundModel, *client.Refund](ctx, c, paymentRefundSpec{}, &plan, ids,
		createonly.Steps{Invoked: true, Progress: progress, Unread: refundUnread}, &resp.Diagnostics)
	if ok {
		progress(fmt.Sprintf("Refund %s of transaction %s: %s", ids[2], ids[1], describeRefund(r)))
	}
}

// refundUnread is the action's warning about a refund SimPay made that could
// not be read back: there is no state to keep it in, and invoking again
// refunds again.
func refundUnread(ids []string, err error) diag.Diagnostic {
	what := createonly.DescribeID(paymentRefundSpec{}.About().ID, ids)
	summary, detail := diagnostics.DescribeAPIError("reading "+what, err)
	return diag.NewWarningDiagnostic("SimPay made the refund but it could not be read back", fmt.Sprintf(
		"SimPay made %s, but reading it back failed (%s). The refund is done: do not invoke the action again for it, "+
			"or the transaction is refunded twice. Check its status later with data.simpay_payment_refunds "+
			"(service_id = %q, transaction_id = %q).\n\n%s", what, summary, ids[0], ids[1], detail))
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
