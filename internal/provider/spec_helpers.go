package provider

import (
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
)

// What the create-only specs share: reading raw plan values, and the
// wording of their hints.

// The optional parts of each spec, which the skeleton finds by type
// assertion: a method misnamed would be skipped without a word, so the
// compiler checks them here.
var (
	_ createonly.ListableSpec[paymentTransactionModel, *client.PaymentTransaction] = paymentTransactionSpec{}
	_ createonly.ConfigValidator                                                   = paymentTransactionSpec{}
	_ createonly.CreateChecker                                                     = paymentTransactionSpec{}
	_ createonly.ReplacementNoter                                                  = paymentTransactionSpec{}

	_ createonly.ListableSpec[paymentRefundModel, *client.Refund] = paymentRefundSpec{}
	_ createonly.AmountChecker[paymentRefundModel]                = paymentRefundSpec{}
	_ createonly.ChangeRefuser                                    = paymentRefundSpec{}
	_ createonly.CreateErrorExplainer[paymentRefundModel]         = paymentRefundSpec{}

	_ createonly.ListableSpec[directBillingTransactionModel, *client.DirectBillingTransaction] = directBillingTransactionSpec{}
	_ createonly.AmountChecker[directBillingTransactionModel]                                  = directBillingTransactionSpec{}
	_ createonly.ReplacementNoter                                                              = directBillingTransactionSpec{}
)

// controlHint is how to find a transaction a create may have made: by its
// control value, which SimPay lists transactions with, or else as what
// (such as "a transaction of 10 PLN created just now"), with the advice to
// set a control value next time. where says where to look.
func controlHint(control types.String, what, where string) string {
	if c := control.ValueString(); c != "" {
		return fmt.Sprintf("look for it by its control value %q %s", c, where)
	}
	return fmt.Sprintf("look for %s %s. Next time, set a unique control value to make this easy", what, where)
}

// rawText reads the string at the attribute path names of raw (a plan,
// state or configuration): known is false when it is unknown, and a null is
// "" and known.
func rawText(raw tftypes.Value, names ...string) (text string, known bool) {
	v := raw
	for _, name := range names {
		if !v.IsKnown() {
			return "", false
		}
		if v.IsNull() {
			return "", true
		}
		var m map[string]tftypes.Value
		if err := v.As(&m); err != nil {
			return "", true
		}
		v = m[name]
	}
	if !v.IsKnown() {
		return "", false
	}
	if v.IsNull() {
		return "", true
	}
	var s string
	if err := v.As(&s); err != nil {
		return "", true
	}
	return s, true
}

// joinChannels lists channel ids for an error: "blik", "blik and card".
func joinChannels(ids []string) string {
	quoted := slices.Clone(ids)
	for i := range quoted {
		quoted[i] = fmt.Sprintf("%q", quoted[i])
	}
	return joinAnd(quoted)
}

// objectText is the text of attribute name of an object value; "" when the
// object or the attribute is null or unknown.
func objectText(o types.Object, name string) string {
	if o.IsNull() || o.IsUnknown() {
		return ""
	}
	switch v := o.Attributes()[name].(type) {
	case DecimalValue:
		if !v.IsNull() && !v.IsUnknown() {
			return v.ValueString()
		}
	case types.String:
		if !v.IsNull() && !v.IsUnknown() {
			return v.ValueString()
		}
	}
	return ""
}
