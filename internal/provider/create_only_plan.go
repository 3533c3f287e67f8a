package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// What a create-only resource's plan says and refuses, before anything is
// sent: the destroy notice, the replacement warning, the changes a spec
// refuses (a second refund), the money rules SimPay's catalogue states, and
// an object whose amount SimPay reported otherwise than asked.

// changeRefuser is implemented by a spec that refuses some changes of an
// existing object at plan, such as those that would send a second refund.
// config, state and plan are the request's; problems go to diags.
type changeRefuser interface {
	refuseChange(ctx context.Context, config tfsdk.Config, state tfsdk.State, diags *diag.Diagnostics)
}

// createChecker is implemented by a spec that checks, against SimPay's
// catalogue, a plan that creates an object (a create or a replacement).
// Values unknown at plan are checked when they are known: Terraform plans
// again, with them known, just before the create is sent.
type createChecker interface {
	checkCreate(ctx context.Context, c *client.Client, plan tfsdk.Plan, diags *diag.Diagnostics)
}

// replacementNoter is implemented by a spec that says what the object a
// replacement leaves behind still does at SimPay, from its state.
type replacementNoter interface {
	leftBehind(ctx context.Context, state tfsdk.State) string
}

// amountChecker is implemented by a spec whose object records what was
// asked for beside what SimPay reports of it: mismatch returns the error
// when the two differ in value, nil when they agree or one is not known.
type amountChecker[M any] interface {
	mismatch(m *M, ids []string) diag.Diagnostic
	// reportedAmount is SimPay's figure; "" when it is not known.
	reportedAmount(m *M) string
}

// checkReported adds, after a create, the error of an amount SimPay reports
// otherwise than asked, and marks the object so that no later plan replaces
// it by accident.
func (r *createOnlyResource[M, R, O]) checkReported(ctx context.Context, m *M, ids []string, private interface {
	SetKey(context.Context, string, []byte) diag.Diagnostics
}, diags *diag.Diagnostics) {
	x, ok := r.spec.(amountChecker[M])
	if !ok {
		return
	}
	if d := x.mismatch(m, ids); d != nil {
		diags.Append(d)
		diags.Append(markMismatch(ctx, private, d)...)
	}
}

// reportedChanged warns, on a refresh, that SimPay's figure for the object
// changed since it was last read: state records the new one, and the
// warning keeps the change from passing unseen.
func (r *createOnlyResource[M, R, O]) reportedChanged(before string, m *M, ids []string) diag.Diagnostic {
	x, ok := r.spec.(amountChecker[M])
	if !ok || before == "" {
		return nil
	}
	now := x.reportedAmount(m)
	if now == "" || decimal.Equal(before, now) {
		return nil
	}
	a := r.spec.about()
	return diag.NewWarningDiagnostic(fmt.Sprintf("SimPay changed the amount of the %s", a.kind), fmt.Sprintf(
		"SimPay now reports %s with the amount %s; it reported %s before. Terraform state records SimPay's new figure. "+
			"Check the %s in the SimPay panel: SimPay's figure is what was paid or refunded.", describeID(a.id, ids), now,
		before, a.kind))
}

func (r *createOnlyResource[M, R, O]) reportedOf(m *M) string {
	if x, ok := r.spec.(amountChecker[M]); ok {
		return x.reportedAmount(m)
	}
	return ""
}

// privateKeyMismatch marks an object SimPay reported another amount for than
// asked at create. Terraform keeps such an object tainted, and plans the
// replacement of a tainted object as a create, without showing the provider
// the old one; the refresh that comes first does see it, with this mark,
// and fails (Read), so that no plan replaces it by accident.
const privateKeyMismatch = "amount_mismatch"

// ModifyPlan says, in the plan that destroys the resource, that SimPay keeps
// the object; warns on a replacement, naming what it leaves behind; refuses
// what a spec refuses; and checks a new object against SimPay's catalogue.
func (r *createOnlyResource[M, R, O]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	a := r.spec.about()
	if req.Plan.Raw.IsNull() {
		if !req.State.Raw.IsNull() {
			resp.Diagnostics.Append(destroyWarning(a, r.ids(ctx, req.State, &resp.Diagnostics)))
		}
		return
	}
	replacing := false
	if !req.State.Raw.IsNull() {
		ids := r.ids(ctx, req.State, &resp.Diagnostics)
		mark, diags := req.Private.GetKey(ctx, privateKeyReplacing)
		resp.Diagnostics.Append(diags...)
		var changed []string
		if len(mark) > 0 {
			replacing = true
			_ = json.Unmarshal(mark, &changed)
			resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyReplacing, nil)...)
		}
		if x, ok := r.spec.(changeRefuser); ok {
			x.refuseChange(ctx, req.Config, req.State, &resp.Diagnostics)
			if resp.Diagnostics.HasError() {
				return
			}
		}
		if replacing {
			left := ""
			if n, ok := r.spec.(replacementNoter); ok {
				left = n.leftBehind(ctx, req.State)
			}
			resp.Diagnostics.Append(replacementWarning(a, ids, changed, left))
		}
	}
	if !req.State.Raw.IsNull() && !replacing {
		return
	}
	x, ok := r.spec.(createChecker)
	if !ok || r.data == nil {
		return
	}
	// Without a usable client (a provider configuration not known yet) the
	// create itself says what is missing.
	c, diags := r.data.Client()
	if diags.HasError() || c == nil {
		return
	}
	x.checkCreate(ctx, c, req.Plan, &resp.Diagnostics)
}

// markMismatch records in private state that SimPay reported another amount
// than asked, so that the plans that follow refuse to replace the object.
func markMismatch(ctx context.Context, private interface {
	SetKey(context.Context, string, []byte) diag.Diagnostics
}, d diag.Diagnostic) diag.Diagnostics {
	text, _ := json.Marshal(d.Detail())
	return private.SetKey(ctx, privateKeyMismatch, text)
}

// replacementWarning is the plan's warning that a change replaces the
// object: a new one is created at SimPay and the old one is left there as
// it is. changed are the attributes that ask for it; left says what the old
// object still does at SimPay.
func replacementWarning(a createOnlyAbout, ids []string, changed []string, left string) diag.Diagnostic {
	why := ""
	if len(changed) > 0 {
		why = fmt.Sprintf(" (changed: %s)", strings.Join(changed, ", "))
	}
	if left != "" {
		left = " " + left
	}
	return diag.NewWarningDiagnostic(fmt.Sprintf("Replacing creates a new SimPay %s; the old one stays", a.kind), fmt.Sprintf(
		"SimPay cannot change a %[1]s, so this plan replaces %[2]s%[3]s: applying it creates a NEW %[1]s in SimPay and "+
			"removes the old one from Terraform state only. SimPay cannot cancel or delete the old one.%[4]s\n\n"+
			"If you want both, keep this resource block as it was and add another block for the new %[1]s. If you want "+
			"Terraform to forget the old one without creating another, run terraform state rm %[5]s.<name> and remove "+
			"the block. Apply this plan only if a new %[1]s is what you want.",
		a.kind, describeID(a.id, ids), why, left, a.typeName()))
}

// mismatchKeptDiagnostic fails the refresh of an object whose create ended
// with SimPay reporting another amount: Terraform keeps it tainted, and
// replacing it would create another one (for a refund, send money again).
func mismatchKeptDiagnostic(a createOnlyAbout, ids []string, detail string) diag.Diagnostic {
	var first string
	if json.Unmarshal([]byte(detail), &first) == nil {
		detail = first
	}
	return diag.NewErrorDiagnostic(fmt.Sprintf("SimPay reported another amount for this %s: nothing is planned for it", a.kind), fmt.Sprintf(
		"The apply that created %[1]s ended with this error:\n\n%[2]s\n\nTerraform keeps the %[3]s in state, marked as "+
			"tainted, and would replace it: that creates another %[3]s in SimPay, so the provider fails every refresh of "+
			"it, and so every plan, until you decide (terraform untaint does not change that). Check the %[3]s in the SimPay panel, then either keep it as SimPay recorded it: run "+
			"terraform state rm %[4]s.<name>, then import it again (terraform import %[4]s.<name> %[5]s), and set the "+
			"configuration to SimPay's figure; or forget it: run terraform state rm %[4]s.<name> and remove the block.",
		describeID(a.id, ids), detail, a.kind, a.typeName(), strings.Join(ids, "/")))
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
