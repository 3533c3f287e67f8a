package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// The plan modifiers of the create-only resources' arguments. Every argument
// replaces the object when it changes, since SimPay cannot change one; the
// exceptions are an equal amount written differently, and an argument SimPay
// never returns being recorded after an import.

// keepEquivalentDecimal plans the value already in state when the
// configuration spells the same number differently ("10" -> "10.00"), so such
// an edit plans nothing instead of replacing a payment. Terraform accepts a
// planned value equal to the prior state in place of the configured one. It
// must come before RequiresReplace in an attribute's plan modifiers.
func keepEquivalentDecimal() planmodifier.String { return keepEquivalentDecimalModifier{} }

type keepEquivalentDecimalModifier struct{}

func (keepEquivalentDecimalModifier) Description(context.Context) string {
	return "Keeps the value in state when the configured amount is the same number written differently."
}

func (m keepEquivalentDecimalModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (keepEquivalentDecimalModifier) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if decimal.Equal(req.StateValue.ValueString(), req.PlanValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
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
		imported, diags := createonly.WasImported(ctx, private)
		if diags.HasError() {
			return false, diags
		}
		if imported {
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
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

func (m replaceOnChange) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

func (m replaceOnChange) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

func (m replaceOnChange) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

func (m replaceOnChange) PlanModifyObject(ctx context.Context, req planmodifier.ObjectRequest, resp *planmodifier.ObjectResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, req.Private, req.StateValue, req.PlanValue)
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

// replaceString, replaceDecimal and friends are the plan modifiers create-only
// arguments use.
func replaceString() []planmodifier.String { return []planmodifier.String{replaceOnChange{}} }

// replaceDecimal keeps the state's spelling of an equal amount first, so
// "10" -> "10.00" plans nothing, then replaces on a real change.
func replaceDecimal() []planmodifier.String {
	return []planmodifier.String{keepEquivalentDecimal(), replaceOnChange{}}
}

func replaceBool() []planmodifier.Bool   { return []planmodifier.Bool{replaceOnChange{}} }
func replaceInt64() []planmodifier.Int64 { return []planmodifier.Int64{replaceOnChange{}} }
func replaceList() []planmodifier.List   { return []planmodifier.List{replaceOnChange{}} }
func replaceObject() []planmodifier.Object {
	return []planmodifier.Object{replaceOnChange{structural: true}}
}

// replaceReturned is replaceOnChange without the import exception, for the
// arguments SimPay returns when the object is read. After an import, Read
// fills those from SimPay, so a null one means SimPay has no value: setting it
// in the configuration then describes a different object and must replace,
// not be recorded in state as if SimPay had it. The exception stays for the
// arguments SimPay never returns (replaceString() and friends).
type replaceReturned struct {
	replaceOnChange
}

func (m replaceReturned) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, nil, req.StateValue, req.PlanValue)
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

func (m replaceReturned) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, nil, req.StateValue, req.PlanValue)
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

func (m replaceReturned) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, nil, req.StateValue, req.PlanValue)
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

func (m replaceReturned) PlanModifyObject(ctx context.Context, req planmodifier.ObjectRequest, resp *planmodifier.ObjectResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, nil, req.StateValue, req.PlanValue)
	createonly.MarkReplacing(ctx, resp.RequiresReplace, req.Path, resp.Private, &resp.Diagnostics)
}

// replaceReturnedString and friends are the plan modifiers of create-only
// arguments that SimPay returns on read.
func replaceReturnedString() []planmodifier.String { return []planmodifier.String{replaceReturned{}} }

// replaceReturnedDecimal keeps the state's spelling of an equal amount first,
// like replaceDecimal.
func replaceReturnedDecimal() []planmodifier.String {
	return []planmodifier.String{keepEquivalentDecimal(), replaceReturned{}}
}

func replaceReturnedInt64() []planmodifier.Int64 { return []planmodifier.Int64{replaceReturned{}} }

func replaceReturnedObject() []planmodifier.Object {
	return []planmodifier.Object{replaceReturned{replaceOnChange{structural: true}}}
}

func replaceReturnedNestedList() []planmodifier.List {
	return []planmodifier.List{replaceReturned{replaceOnChange{structural: true}}}
}
