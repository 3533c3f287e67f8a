package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// The simpay_payment_blik_alias_unregister action unregisters a BLIK alias
// when it is invoked (DELETE /payment/{serviceId}/blik/aliases), and records
// nothing in state. Like the refund action it sends one request per
// invocation, never on plan, and never sends it again once it may have
// reached SimPay.

// NewPaymentBlikAliasUnregisterAction is the
// simpay_payment_blik_alias_unregister action.
func NewPaymentBlikAliasUnregisterAction() action.Action { return &paymentBlikAliasUnregisterAction{} }

type paymentBlikAliasUnregisterAction struct{ data *providerData }

var _ action.ActionWithConfigure = (*paymentBlikAliasUnregisterAction)(nil)

type paymentBlikAliasUnregisterModel struct {
	ServiceID types.String `tfsdk:"service_id"`
	UUID      types.String `tfsdk:"uuid"`
	Reason    types.String `tfsdk:"reason"`
}

func (a *paymentBlikAliasUnregisterAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_blik_alias_unregister"
}

func (a *paymentBlikAliasUnregisterAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = actionschema.Schema{
		MarkdownDescription: "Unregisters a BLIK alias of an online-payment service each time it is invoked " +
			"(`DELETE /payment/{serviceId}/blik/aliases`), and reads the alias back. Needs Terraform 1.14 or later.\n\n" +
			"The payer can then no longer pay with that alias without a BLIK code, and a subscription charging it can " +
			"no longer charge. SimPay confirms it and then sends the notification `blik:alias_status_changed` to the " +
			"service's notification URL. Every invocation sends one request and records nothing in Terraform state. " +
			"The request is never sent again once it may have reached SimPay: if SimPay's answer does not come, the " +
			"action fails and says how to check the alias. Planning (`terraform plan -invoke=...`) sends nothing.",
		Attributes: map[string]actionschema.Attribute{
			"service_id": actionschema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the online-payment service the alias belongs to: 8 lowercase hexadecimal " +
					"characters, as shown in the SimPay panel.",
				Validators: []validator.String{serviceIDValidator()},
			},
			"uuid": actionschema.StringAttribute{
				Required: true,
				MarkdownDescription: "Id of the alias to unregister (a UUID such as `0198a54d-05d9-7177-9ac6-5d9831bc988d`): " +
					"the `id` of an item of `data.simpay_payment_blik_aliases`. Sent to SimPay as `uuid`.",
				Validators: []validator.String{objectIDValidator("alias")},
			},
			"reason": actionschema.StringAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Why the alias is unregistered, at most %d characters, such as "+
					"`\"Plan cancellation\"`: SimPay passes it on to BLIK and the payer. Unset sends none.", client.MaxUnregisterReasonLength),
				Validators: []validator.String{reasonValidator()},
			},
		},
	}
}

// reasonValidator refuses a reason SimPay would refuse, saying its limit.
func reasonValidator() validator.String {
	return stringvalidator.UTF8LengthBetween(1, client.MaxUnregisterReasonLength)
}

func (a *paymentBlikAliasUnregisterAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

// Invoke sends one DELETE and reads the alias back, telling Terraform each
// step as it happens.
func (a *paymentBlikAliasUnregisterAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg paymentBlikAliasUnregisterModel
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
	ctx, cancel := context.WithTimeout(ctx, createonly.CreateTimeout)
	defer cancel()

	serviceID, aliasID := cfg.ServiceID.ValueString(), cfg.UUID.ValueString()
	what := fmt.Sprintf("BLIK alias %s of payment service %s", aliasID, serviceID)
	progress("Unregistering %s: sending the request to SimPay", what)
	if err := c.UnregisterBlikAlias(ctx, serviceID, aliasID, cfg.Reason.ValueString()); err != nil {
		resp.Diagnostics.Append(unregisterError(what, serviceID, aliasID, err)...)
		return
	}
	progress("SimPay unregistered %s; it now sends the notification blik:alias_status_changed. Reading the alias back", what)

	aliases, err := c.ListBlikAliases(ctx, serviceID, client.BlikAliasFilter{UUID: aliasID})
	if err == nil && len(aliases) != 1 {
		err = fmt.Errorf("SimPay listed %d aliases with this uuid, not 1", len(aliases))
	}
	if err != nil {
		summary, detail := diagnostics.DescribeAPIError("reading "+what+" back", err)
		resp.Diagnostics.AddWarning("SimPay unregistered the alias but it could not be read back", fmt.Sprintf(
			"SimPay answered that %s is unregistered, but reading it back failed (%s). Check it later with "+
				"data.simpay_payment_blik_aliases (service_id = %q, uuid = %q).\n\n%s", what, summary, serviceID, aliasID, detail))
		return
	}
	al := aliases[0]
	progress("BLIK alias %s (%s %s): %s, updated at %s", aliasID, al.Type, al.Value, al.Status, al.UpdatedAt)
}

// unregisterError words a failed DELETE: the service or the alias named,
// SimPay's refusal on the argument it is about, and an answer that never came
// as a reason to check before invoking again.
func unregisterError(what, serviceID, aliasID string, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	switch client.KindOf(err) {
	case client.KindOutcomeUnknown:
		diags.AddError("SimPay may have unregistered the alias", fmt.Sprintf(
			"The request to unregister %s may have reached SimPay, but its answer did not come, so it was not sent "+
				"again. Do not simply invoke the action again: first check the alias with "+
				"data.simpay_payment_blik_aliases (service_id = %q, uuid = %q). If its status is alias_unregistered, "+
				"it is done; otherwise invoke the action again.\n\n%s", what, serviceID, aliasID, err))
	case client.KindServiceNotFound:
		diags.Append(diagnostics.ServiceNotFound(paymentServices, path.Root("service_id"), serviceID, err))
	case client.KindObjectNotFound:
		diags.AddAttributeError(path.Root("uuid"), "BLIK alias not found", fmt.Sprintf(
			"SimPay has no BLIK alias %s in payment service %s (%s). Check uuid: it is the id of an item of "+
				"data.simpay_payment_blik_aliases, and the alias must belong to service %s.", aliasID, serviceID, err, serviceID))
	case client.KindValidation:
		diags.Append(diagnostics.InvokeAgain(validationDiagnostics("unregistering "+what, err, func(field string) (path.Path, bool) {
			switch strings.ToLower(field) {
			case "uuid", "reason":
				return path.Root(strings.ToLower(field)), true
			}
			return path.Empty(), false
		}))...)
	default:
		diags.Append(apiErrorDiagnostic("unregistering "+what, err))
	}
	return diags
}
