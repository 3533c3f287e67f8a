package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

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
}

func (m replaceReturned) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, nil, req.StateValue, req.PlanValue)
}

func (m replaceReturned) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, nil, req.StateValue, req.PlanValue)
}

func (m replaceReturned) PlanModifyObject(ctx context.Context, req planmodifier.ObjectRequest, resp *planmodifier.ObjectResponse) {
	resp.RequiresReplace, resp.Diagnostics = m.requiresReplace(ctx, req.State, req.Plan, nil, req.StateValue, req.PlanValue)
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
