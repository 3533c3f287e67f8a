package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestDescribeIDNamesTheObjectInnermostFirst(t *testing.T) {
	refund := []idPart{paymentServicePart, transactionPart, ownRefundPart}
	for _, tc := range []struct {
		parts  []idPart
		values []string
		want   string
	}{
		{refund, []string{"d151e4f9", "tx", "rf"}, "refund rf of transaction tx of payment service d151e4f9"},
		{refund, []string{"d151e4f9", "tx", ""}, "refund <refund_id> of transaction tx of payment service d151e4f9"},
		{[]idPart{directBillingServicePart, ownTransactionPart}, []string{"d151e4f9", "db"}, "transaction db of DirectBilling service d151e4f9"},
	} {
		if got := describeID(tc.parts, tc.values); got != tc.want {
			t.Errorf("describeID(%v) = %q, want %q", tc.values, got, tc.want)
		}
	}
	if got := idFormat(refund); got != "service_id/transaction_id/refund_id" {
		t.Errorf("idFormat = %q", got)
	}
}

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

// TestOutcomeUnknownNamesTheImportID checks that the "may have been
// created" error shows the import id with every part the plan knows.
func TestOutcomeUnknownNamesTheImportID(t *testing.T) {
	a := paymentRefundSpec{}.about()
	d := outcomeUnknownDiagnostic(a, "creating a full refund", "look in the panel", "", []string{"d151e4f9", "tx", ""}, nil)
	for _, want := range []string{"The SimPay refund may have been created", "terraform import simpay_payment_refund.<name> d151e4f9/tx/<refund_id>",
		`id = "d151e4f9/tx/<refund_id>"`, "look in the panel"} {
		if !strings.Contains(d.Summary()+d.Detail(), want) {
			t.Errorf("no %q in:\n%s\n%s", want, d.Summary(), d.Detail())
		}
	}
}
