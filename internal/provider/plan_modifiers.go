package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

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
