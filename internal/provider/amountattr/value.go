package amountattr

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// Type is a string attribute holding a decimal amount exactly as it
// was written. Money never passes through a float: "24.99" stays "24.99".
// Two values denoting the same number ("10" and "10.00") are semantically
// equal, so a refresh that reads back "10.00" for a configured "10" changes
// nothing.
type Type struct {
	basetypes.StringType
}

var (
	_ basetypes.StringTypable                    = Type{}
	_ basetypes.StringValuableWithSemanticEquals = Value{}
	_ xattr.ValidateableAttribute                = Value{}
)

func (t Type) String() string { return "provider.DecimalType" }

func (t Type) Equal(o attr.Type) bool {
	_, ok := o.(Type)
	return ok
}

func (t Type) ValueType(context.Context) attr.Value { return Value{} }

func (t Type) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return Value{StringValue: in}, nil
}

func (t Type) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	sv, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	dv, diags := t.ValueFromString(ctx, sv)
	if diags.HasError() {
		return nil, fmt.Errorf("converting %s to a decimal: %v", sv, diags)
	}
	return dv, nil
}

// Value is the value of a Type attribute.
type Value struct {
	basetypes.StringValue
}

// NewValue returns a known decimal value holding text exactly.
func NewValue(text string) Value {
	return Value{StringValue: basetypes.NewStringValue(text)}
}

// NewNull returns a null decimal value.
func NewNull() Value { return Value{StringValue: basetypes.NewStringNull()} }

// NewUnknown returns an unknown decimal value.
func NewUnknown() Value { return Value{StringValue: basetypes.NewStringUnknown()} }

// OrNull maps SimPay's text for an amount to a value: SimPay omits or
// nulls an amount it does not know yet, which is null in Terraform, never "".
func OrNull(text string) Value {
	if text == "" {
		return NewNull()
	}
	return NewValue(text)
}

func (v Value) Type(context.Context) attr.Type { return Type{} }

func (v Value) Equal(o attr.Value) bool {
	other, ok := o.(Value)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals keeps the prior text when the new one is the same number.
func (v Value) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	nv, ok := newValuable.(Value)
	if !ok {
		diags.AddError("Semantic equality check error",
			fmt.Sprintf("expected a decimal value, got %T; this is a bug in the provider, please report it", newValuable))
		return false, diags
	}
	return decimal.Equal(v.ValueString(), nv.ValueString()), diags
}

// ValidateAttribute rejects text that is not a plain decimal number at
// terraform validate time.
func (v Value) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if err := decimal.Check(v.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid decimal amount",
			fmt.Sprintf("Attribute %s: %s. Amounts are decimal strings such as \"10\" or \"24.99\", written without exponent, spaces, thousands separators or a currency sign.", req.Path, err))
	}
}
