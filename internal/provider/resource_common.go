package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// SimPay lets you create payment transactions, refunds and DirectBilling
// transactions and read them back, never change or delete them. The
// resources share these mechanisms so that they behave alike.

// createOnly is embedded by the create-only resources. It holds what they
// share because SimPay cannot change or delete what they create:
//   - the plan that destroys one, and the destroy, warn that nothing is
//     cancelled in SimPay, and the destroy sends no request;
//   - an update (only timeouts, or arguments recorded after an import) sends
//     nothing and records the plan; it also clears the import mark, so that
//     from then on a newly set argument replaces the object like any other
//     change.
type createOnly struct {
	resourceBase
	kind string // e.g. "payment transaction", in the warnings
}

func (r *createOnly) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !planIsDestroy(req) {
		return
	}
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	warnOnDestroy(&resp.Diagnostics, r.kind, id.ValueString())
}

func (r *createOnly) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// Every computed attribute keeps its state value in the plan
	// (UseStateForUnknown), so the plan is the new state as it stands.
	resp.State.Raw = req.Plan.Raw
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, nil)...)
}

func (r *createOnly) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	warnOnDestroy(&resp.Diagnostics, r.kind, id.ValueString())
}

// warnOnDestroy adds, to the plan that destroys a resource and to the destroy
// itself, the warning that SimPay keeps the object.
func warnOnDestroy(diags *diag.Diagnostics, kind, id string) {
	diags.AddWarning(fmt.Sprintf("Destroying does not cancel the SimPay %s", kind), fmt.Sprintf(
		"SimPay has no API to cancel or delete a %s, so destroying %s only removes it from Terraform state: "+
			"no request is sent, and the %s stays in SimPay as it is (a payer may still complete an unpaid payment "+
			"until it expires). Use the SimPay panel to deal with it.", kind, id, kind))
}

// planIsDestroy reports whether ModifyPlan is planning the destroy of the
// resource.
func planIsDestroy(req resource.ModifyPlanRequest) bool {
	return req.Plan.Raw.IsNull() && !req.State.Raw.IsNull()
}

// importIDPart is one part of a composite import id.
type importIDPart struct {
	name    string // e.g. "service_id"
	example string
	valid   func(string) bool
}

var (
	importServiceID     = importIDPart{"service_id", "d151e4f9", serviceIDPattern.MatchString}
	importTransactionID = importIDPart{"transaction_id", "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f", uuidPattern.MatchString}
	importRefundID      = importIDPart{"refund_id", "019483a5-885e-70f7-9b5b-94387a6690da", uuidPattern.MatchString}
)

// parseImportID splits an import id such as "d151e4f9/1d87a1b3-..." into its
// parts and checks each, with an error that shows the expected format.
func parseImportID(id string, parts ...importIDPart) ([]string, error) {
	names := make([]string, len(parts))
	examples := make([]string, len(parts))
	for i, p := range parts {
		names[i], examples[i] = p.name, p.example
	}
	format := fmt.Sprintf("The import id must be %s, for example %q", strings.Join(names, "/"), strings.Join(examples, "/"))
	values := strings.Split(id, "/")
	if len(values) != len(parts) {
		return nil, fmt.Errorf("import id %q has %d part(s) separated by \"/\", expected %d. %s", id, len(values), len(parts), format)
	}
	for i, p := range parts {
		if !p.valid(values[i]) {
			return nil, fmt.Errorf("import id %q: %s %q is not in SimPay's format. %s", id, p.name, values[i], format)
		}
	}
	return values, nil
}

// privateKeyImported marks, in a resource's private state, that it was
// imported: arguments SimPay never returns (antifraud data, channel
// choices, ...) are then null in state although the configuration sets them.
const privateKeyImported = "imported"

func markImported(ctx context.Context, private interface {
	SetKey(context.Context, string, []byte) diag.Diagnostics
}) diag.Diagnostics {
	return private.SetKey(ctx, privateKeyImported, []byte(`true`))
}

// replaceOnChange is RequiresReplace for create-only resources, with one
// exception: after an import, an argument SimPay does not return is null in
// state, and setting it in the configuration then records it in state (an
// in-place update that sends nothing to SimPay) instead of replacing a real
// payment. With structural set it only compares null-ness and, for lists,
// length: the attributes inside decide the rest, so that "10" and "10.00"
// inside an object do not force a replacement.
type replaceOnChange struct {
	structural bool
}

func (m replaceOnChange) Description(context.Context) string {
	return "SimPay cannot change this after creation: a change replaces the resource."
}

func (m replaceOnChange) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

type privateGetter interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}

func (m replaceOnChange) requiresReplace(ctx context.Context, state tfsdk.State, plan tfsdk.Plan, private privateGetter, stateValue, planValue attr.Value) (bool, diag.Diagnostics) {
	if state.Raw.IsNull() || plan.Raw.IsNull() {
		return false, nil // create or destroy
	}
	if planValue.IsUnknown() {
		return !stateValue.IsUnknown(), nil
	}
	if stateValue.IsNull() && private != nil {
		imported, diags := private.GetKey(ctx, privateKeyImported)
		if diags.HasError() {
			return false, diags
		}
		if string(imported) == "true" {
			return false, nil
		}
	}
	if !m.structural {
		return !planValue.Equal(stateValue), nil
	}
	if planValue.IsNull() != stateValue.IsNull() {
		return true, nil
	}
	pl, okP := planValue.(basetypes.ListValue)
	sl, okS := stateValue.(basetypes.ListValue)
	return okP && okS && len(pl.Elements()) != len(sl.Elements()), nil
}

func (m replaceOnChange) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
}

func (m replaceOnChange) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
}

func (m replaceOnChange) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
}

func (m replaceOnChange) PlanModifyObject(ctx context.Context, req planmodifier.ObjectRequest, resp *planmodifier.ObjectResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
}

// replaceString, replaceDecimal and friends are the plan modifiers create-only
// arguments use.
func replaceString() []planmodifier.String { return []planmodifier.String{replaceOnChange{}} }

// replaceDecimal keeps the state's spelling of an equal amount first, so
// "10" -> "10.00" plans nothing, then replaces on a real change.
func replaceDecimal() []planmodifier.String {
	return []planmodifier.String{keepEquivalentDecimal(), replaceOnChange{}}
}

func replaceBool() []planmodifier.Bool { return []planmodifier.Bool{replaceOnChange{}} }
func replaceList() []planmodifier.List { return []planmodifier.List{replaceOnChange{}} }
func replaceObject() []planmodifier.Object {
	return []planmodifier.Object{replaceOnChange{structural: true}}
}
