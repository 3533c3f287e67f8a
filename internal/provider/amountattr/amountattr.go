// Package amountattr builds the schema attributes that hold a decimal amount
// (or another decimal SimPay reports, such as a commission or a rate), so
// that every one has the same type (Type: exact text, "10" and "10.00"
// semantically equal) and, when a user writes it, the same check: a plain
// decimal of at least a minimum with at most two decimal places, the grosze
// or cents SimPay keeps. The three roles:
//
//   - an argument, which a user writes and SimPay receives
//     (DataSourceArgument, ResourceArgument, ActionArgument);
//   - a computed attribute of a resource, what SimPay reports of the object
//     it created (Computed, and Reported inside a reported object);
//   - a read-back attribute of a data source (Read).
//
// What leaves for SimPay goes through decimal.Decimal (the client takes no
// other form); this package only decides what is accepted and how it is
// described.
package amountattr

import (
	"context"
	"fmt"

	actionschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// MaxDecimals is how many significant fraction digits an amount a user
// writes may have.
const MaxDecimals = 2

// Presence says whether an argument must be set.
type Presence bool

// Required and Optional are the two presences of an argument.
const (
	Required Presence = true
	Optional Presence = false
)

// DataSourceArgument is an amount a data source sends or filters by: at
// least minimum, at most MaxDecimals places.
func DataSourceArgument(p Presence, minimum, desc string) dschema.StringAttribute {
	return dschema.StringAttribute{
		CustomType: Type{}, Required: bool(p), Optional: !bool(p), MarkdownDescription: desc,
		Validators: []validator.String{Validator(minimum)},
	}
}

// ResourceArgument is an amount a resource sends when it creates its
// object; mods are its plan modifiers (how a change is planned).
func ResourceArgument(p Presence, minimum, desc string, mods []planmodifier.String) rschema.StringAttribute {
	return rschema.StringAttribute{
		CustomType: Type{}, Required: bool(p), Optional: !bool(p), MarkdownDescription: desc,
		Validators: []validator.String{Validator(minimum)}, PlanModifiers: mods,
	}
}

// ActionArgument is an amount an action sends.
func ActionArgument(p Presence, minimum, desc string) actionschema.StringAttribute {
	return actionschema.StringAttribute{
		CustomType: Type{}, Required: bool(p), Optional: !bool(p), MarkdownDescription: desc,
		Validators: []validator.String{Validator(minimum)},
	}
}

// Computed is what SimPay reports of a resource's object; it keeps its
// state value in plans, since only a refresh changes it.
func Computed(desc string) rschema.StringAttribute {
	return rschema.StringAttribute{
		CustomType: Type{}, Computed: true, MarkdownDescription: desc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// Reported is an amount inside an object a resource reports as a whole,
// which plans the object, not its attributes.
func Reported(desc string) rschema.StringAttribute {
	return rschema.StringAttribute{CustomType: Type{}, Computed: true, MarkdownDescription: desc}
}

// Read is an amount a data source reads from SimPay.
func Read(desc string) dschema.StringAttribute {
	return dschema.StringAttribute{CustomType: Type{}, Computed: true, MarkdownDescription: desc}
}

// Validator checks an amount a user writes: a plain decimal, at least
// minimum (when minimum != ""), with at most MaxDecimals significant fraction
// digits, so "10.500" is the 10.5 it is.
func Validator(minimum string) validator.String {
	v := amountValidator{minimum: minimum}
	if minimum != "" {
		v.least = decimal.MustParse(minimum)
	}
	return v
}

type amountValidator struct {
	minimum string
	least   decimal.Decimal
}

func (amountValidator) Description(context.Context) string         { return "amount" }
func (amountValidator) MarkdownDescription(context.Context) string { return "amount" }

func (v amountValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := v.check(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid amount", fmt.Sprintf("Attribute %s %s", req.Path, problem))
	}
}

// check returns what is wrong with s, or "".
func (v amountValidator) check(s string) string {
	d, err := decimal.Parse(s)
	if err != nil {
		return fmt.Sprintf("must be a decimal amount such as \"10\" or \"24.99\", got %q", s)
	}
	if d.SignificantScale() > MaxDecimals {
		return fmt.Sprintf("must have at most %d decimal places (grosze/cents), got %q", MaxDecimals, s)
	}
	if v.minimum != "" && d.Cmp(v.least) < 0 {
		return fmt.Sprintf("must be at least %s, got %q", v.minimum, s)
	}
	return ""
}
