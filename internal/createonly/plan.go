package createonly

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// What a create-only resource's plan says and refuses, before anything is
// sent: the destroy notice, the replacement warning, the changes a spec
// refuses (a second refund), the money rules SimPay's catalogue states, and
// an object whose amount SimPay reported otherwise than asked.

// checkReported adds, after a create, the error of an amount SimPay reports
// otherwise than asked, and marks the object so that no later plan replaces
// it by accident.
func (r *createOnlyResource[M, O]) checkReported(ctx context.Context, m *M, ids []string, private interface {
	SetKey(context.Context, string, []byte) diag.Diagnostics
}, diags *diag.Diagnostics) {
	x, ok := r.spec.(AmountChecker[M])
	if !ok {
		return
	}
	if d := x.Mismatch(m, ids); d != nil {
		diags.Append(d)
		diags.Append(markMismatch(ctx, private, d)...)
	}
}

// reportedChanged warns, on a refresh, that SimPay's figure for the object
// changed since it was last read: state records the new one, and the
// warning keeps the change from passing unseen.
func (r *createOnlyResource[M, O]) reportedChanged(before string, m *M, ids []string) diag.Diagnostic {
	x, ok := r.spec.(AmountChecker[M])
	if !ok || before == "" {
		return nil
	}
	now := x.ReportedAmount(m)
	if now == "" || decimal.Equal(before, now) {
		return nil
	}
	a := r.spec.About()
	return diag.NewWarningDiagnostic(fmt.Sprintf("SimPay changed the amount of the %s", a.Kind), fmt.Sprintf(
		"SimPay now reports %s with the amount %s; it reported %s before. Terraform state records SimPay's new figure. "+
			"Check the %s in the SimPay panel: SimPay's figure is what was paid or refunded.", DescribeID(a.ID, ids), now,
		before, a.Kind))
}

func (r *createOnlyResource[M, O]) reportedOf(m *M) string {
	if x, ok := r.spec.(AmountChecker[M]); ok {
		return x.ReportedAmount(m)
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
func (r *createOnlyResource[M, O]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	a := r.spec.About()
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
		if x, ok := r.spec.(ChangeRefuser); ok {
			x.RefuseChange(ctx, req.Config, req.State, &resp.Diagnostics)
			if resp.Diagnostics.HasError() {
				return
			}
		}
		if replacing {
			left := ""
			if n, ok := r.spec.(ReplacementNoter); ok {
				left = n.LeftBehind(ctx, req.State)
			}
			resp.Diagnostics.Append(replacementWarning(a, ids, changed, left))
		}
	}
	if !req.State.Raw.IsNull() && !replacing {
		return
	}
	x, ok := r.spec.(CreateChecker)
	if !ok || r.provider == nil {
		return
	}
	// Without a usable client (a provider configuration not known yet) the
	// create itself says what is missing.
	c, diags := r.provider.Client()
	if diags.HasError() || c == nil {
		return
	}
	x.CheckCreate(ctx, c, req.Plan, &resp.Diagnostics)
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
func replacementWarning(a About, ids []string, changed []string, left string) diag.Diagnostic {
	why := ""
	if len(changed) > 0 {
		why = fmt.Sprintf(" (changed: %s)", strings.Join(changed, ", "))
	}
	if left != "" {
		left = " " + left
	}
	return diag.NewWarningDiagnostic(fmt.Sprintf("Replacing creates a new SimPay %s; the old one stays", a.Kind), fmt.Sprintf(
		"SimPay cannot change a %[1]s, so this plan replaces %[2]s%[3]s: applying it creates a NEW %[1]s in SimPay and "+
			"removes the old one from Terraform state only. SimPay cannot cancel or delete the old one.%[4]s\n\n"+
			"If you want both, keep this resource block as it was and add another block for the new %[1]s. If you want "+
			"Terraform to forget the old one without creating another, run terraform state rm %[5]s.<name> and remove "+
			"the block. Apply this plan only if a new %[1]s is what you want.",
		a.Kind, DescribeID(a.ID, ids), why, left, a.TypeName()))
}

// mismatchKeptDiagnostic fails the refresh of an object whose create ended
// with SimPay reporting another amount: Terraform keeps it tainted, and
// replacing it would create another one (for a refund, send money again).
func mismatchKeptDiagnostic(a About, ids []string, detail string) diag.Diagnostic {
	var first string
	if json.Unmarshal([]byte(detail), &first) == nil {
		detail = first
	}
	return diag.NewErrorDiagnostic(fmt.Sprintf("SimPay reported another amount for this %s: nothing is planned for it", a.Kind), fmt.Sprintf(
		"The apply that created %[1]s ended with this error:\n\n%[2]s\n\nTerraform keeps the %[3]s in state, marked as "+
			"tainted, and would replace it: that creates another %[3]s in SimPay, so the provider fails every refresh of "+
			"it, and so every plan, until you decide (terraform untaint does not change that). Check the %[3]s in the SimPay panel, then either keep it as SimPay recorded it: run "+
			"terraform state rm %[4]s.<name>, then import it again (terraform import %[4]s.<name> %[5]s), and set the "+
			"configuration to SimPay's figure; or forget it: run terraform state rm %[4]s.<name> and remove the block.",
		DescribeID(a.ID, ids), detail, a.Kind, a.TypeName(), strings.Join(ids, "/")))
}
