package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestDirectBillingMismatch: SimPay's value_created and value_created_type
// beside the requested amount and amount_type. Equal in value ("10" and
// "10.00", "gross" and "GROSS") is no mismatch; another amount or type is an
// error on amount naming both and the transaction; a figure SimPay does not
// send checks nothing.
func TestDirectBillingMismatch(t *testing.T) {
	spec := directBillingTransactionSpec{}
	ids := []string{"d151e4f9", "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a"}
	model := func(amount, amountType, created, createdType string) *directBillingTransactionModel {
		m := &directBillingTransactionModel{Amount: NewDecimalValue(amount), AmountType: types.StringValue(amountType)}
		m.ValueCreated, m.ValueCreatedType = decimalOrNull(created), types.StringNull()
		if createdType != "" {
			m.ValueCreatedType = types.StringValue(createdType)
		}
		return m
	}
	for _, ok := range []*directBillingTransactionModel{
		model("10", "gross", "10.00", "gross"),
		model("10.00", "net", "10", "NET"),
		model("10", "gross", "", ""),
	} {
		if d := spec.Mismatch(ok, ids); d != nil {
			t.Errorf("%v: %s", ok.Amount, d.Detail())
		}
	}
	for _, bad := range []*directBillingTransactionModel{
		model("10", "gross", "8", "gross"),
		model("10", "gross", "10", "net"),
	} {
		d := spec.Mismatch(bad, ids)
		if d == nil || d.Severity() != diag.SeverityError || !strings.Contains(d.Detail(), ids[1]) ||
			!strings.Contains(d.Detail(), "but 10 (gross) was asked for") {
			t.Errorf("%v %v: %v, want an error naming both and the transaction", bad.ValueCreated, bad.ValueCreatedType, d)
		}
	}
}

// TestRefundMismatch: the refund's reported_amount beside amount.
func TestRefundMismatch(t *testing.T) {
	spec := paymentRefundSpec{}
	ids := []string{"d151e4f9", "0238d92e-0dd9-469a-9aa9-0505974336a3", "01972fa7-9000-7bb9-bfac-5396ccfc5525"}
	model := func(amount, reported string) *paymentRefundModel {
		m := &paymentRefundModel{}
		m.Amount = NewDecimalValue(amount)
		m.ReportedAmount = types.ObjectValueMust(refundReportedAmountAttrTypes, map[string]attr.Value{
			"value": NewDecimalValue(reported), "currency": types.StringValue("PLN")})
		return m
	}
	if d := spec.Mismatch(model("10.00", "10"), ids); d != nil {
		t.Errorf("equal in value: %s", d.Detail())
	}
	d := spec.Mismatch(model("10.00", "8"), ids)
	if d == nil || !strings.Contains(d.Detail(), "as 8 PLN, but 10.00 was asked for") || !strings.Contains(d.Detail(), ids[2]) {
		t.Errorf("another amount: %v", d)
	}
}
