package createonly

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestNullUnknownsLeavesNothingUnknown checks what a create records before
// the read-back: every unknown value, nested ones included, becomes null,
// and known values stay as they are.
func TestNullUnknownsLeavesNothingUnknown(t *testing.T) {
	inner := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"value": tftypes.String}}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"id": tftypes.String, "amount": tftypes.String, "reported_amount": inner, "cart": tftypes.List{ElementType: inner},
	}}
	in := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":              tftypes.NewValue(tftypes.String, "1d87a1b3"),
		"amount":          tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"reported_amount": tftypes.NewValue(inner, tftypes.UnknownValue),
		"cart": tftypes.NewValue(tftypes.List{ElementType: inner}, []tftypes.Value{
			tftypes.NewValue(inner, map[string]tftypes.Value{"value": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}),
		}),
	})
	out, err := nullUnknowns(in)
	if err != nil {
		t.Fatal(err)
	}
	if !out.IsFullyKnown() {
		t.Fatalf("still unknown: %s", out)
	}
	want := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":              tftypes.NewValue(tftypes.String, "1d87a1b3"),
		"amount":          tftypes.NewValue(tftypes.String, nil),
		"reported_amount": tftypes.NewValue(inner, nil),
		"cart": tftypes.NewValue(tftypes.List{ElementType: inner}, []tftypes.Value{
			tftypes.NewValue(inner, map[string]tftypes.Value{"value": tftypes.NewValue(tftypes.String, nil)}),
		}),
	})
	if !out.Equal(want) {
		t.Errorf("nullUnknowns = %s, want %s", out, want)
	}
}
