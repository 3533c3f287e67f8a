package provider

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

// DecimalType is a string attribute holding a decimal amount exactly as it
// was written. Money never passes through a float: "24.99" stays "24.99".
// Two values denoting the same number ("10" and "10.00") are semantically
// equal, so a refresh that reads back "10.00" for a configured "10" changes
// nothing.
type DecimalType struct {
	basetypes.StringType
}

var (
	_ basetypes.StringTypable                    = DecimalType{}
	_ basetypes.StringValuableWithSemanticEquals = DecimalValue{}
	_ xattr.ValidateableAttribute                = DecimalValue{}
)

func (t DecimalType) String() string { return "provider.DecimalType" }

func (t DecimalType) Equal(o attr.Type) bool {
	_, ok := o.(DecimalType)
	return ok
}

func (t DecimalType) ValueType(context.Context) attr.Value { return DecimalValue{} }

func (t DecimalType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return DecimalValue{StringValue: in}, nil
}

func (t DecimalType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
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

// DecimalValue is the value of a DecimalType attribute.
type DecimalValue struct {
	basetypes.StringValue
}

// NewDecimalValue returns a known decimal value holding text exactly.
func NewDecimalValue(text string) DecimalValue {
	return DecimalValue{StringValue: basetypes.NewStringValue(text)}
}

// NewDecimalNull returns a null decimal value.
func NewDecimalNull() DecimalValue { return DecimalValue{StringValue: basetypes.NewStringNull()} }

// NewDecimalUnknown returns an unknown decimal value.
func NewDecimalUnknown() DecimalValue { return DecimalValue{StringValue: basetypes.NewStringUnknown()} }

// decimalOrNull maps SimPay's text for an amount to a value: SimPay omits or
// nulls an amount it does not know yet, which is null in Terraform, never "".
func decimalOrNull(text string) DecimalValue {
	if text == "" {
		return NewDecimalNull()
	}
	return NewDecimalValue(text)
}

func (v DecimalValue) Type(context.Context) attr.Type { return DecimalType{} }

func (v DecimalValue) Equal(o attr.Value) bool {
	other, ok := o.(DecimalValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals keeps the prior text when the new one is the same number.
func (v DecimalValue) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	nv, ok := newValuable.(DecimalValue)
	if !ok {
		diags.AddError("Semantic equality check error",
			fmt.Sprintf("expected a decimal value, got %T; this is a bug in the provider, please report it", newValuable))
		return false, diags
	}
	return decimal.Equal(v.ValueString(), nv.ValueString()), diags
}

// ValidateAttribute rejects text that is not a plain decimal number at
// terraform validate time.
func (v DecimalValue) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if err := decimal.Check(v.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid decimal amount",
			fmt.Sprintf("Attribute %s: %s. Amounts are decimal strings such as \"10\" or \"24.99\", written without exponent, spaces, thousands separators or a currency sign.", req.Path, err))
	}
}
