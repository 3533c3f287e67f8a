package createonly

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// Steps are what the caller of Create does at each step of the create-once
// sequence, and how its errors are worded: a resource's create records the
// object in state, an action tells its progress.
type Steps struct {
	// Invoked is set by an action: one invokes it again rather than applies
	// again, and there is no state to import into.
	Invoked bool
	// Progress, when set, is told each step as it happens, as an action
	// tells Terraform.
	Progress func(message string)
	// QueryHint, when set, says how terraform query finds an object whose
	// create may have happened ("" when it cannot).
	QueryHint func() string
	// Accepted, when set, is called once SimPay accepted the create, with
	// the composite id, before the object is read back: a resource records
	// it in state there. An error it adds to diags ends the sequence.
	Accepted func(ids []string, answer Answer, diags *diag.Diagnostics)
	// Unread, when set, words the problem of an object SimPay made but that
	// could not be read back; by default it is a resource's error that
	// keeps the object in state, tainted.
	Unread func(ids []string, err error) diag.Diagnostic
}

// Create is the create-once sequence, the one way a resource or an action
// creates a SimPay object. The spec builds the request from plan (nothing
// is sent when that finds a problem) and sends it once: the client never
// sends it again once it may have reached SimPay, since SimPay cannot tell a
// repeated request from a new one. A refusal is explained on the attribute
// it is about. Then the object is read back. ids are the plan's composite
// id: every part known but the object's own. It returns the complete
// composite id and the object read back; ok is false when there is no
// object to record, and diags say why.
func Create[M, O any](ctx context.Context, c *client.Client, spec Spec[M, O], plan *M, ids []string, steps Steps, diags *diag.Diagnostics) ([]string, O, bool) {
	var o O
	a := spec.About()
	progress := func(format string, args ...any) {
		if steps.Progress != nil {
			steps.Progress(fmt.Sprintf(format, args...))
		}
	}
	send := spec.Request(plan, diags)
	if diags.HasError() {
		return ids, o, false
	}
	action := spec.CreateAction(plan)
	progress("%s: sending the request to SimPay", capitalize(action))
	answer, err := send(ctx, c)
	if err != nil {
		diags.Append(createError(ctx, c, spec, ids, plan, steps, err)...)
		return ids, o, false
	}
	ids = append(append([]string(nil), ids[:len(ids)-1]...), answer.ID)
	if steps.Accepted != nil {
		if steps.Accepted(ids, answer, diags); diags.HasError() {
			return ids, o, false
		}
	}
	progress("SimPay accepted the %s: %s id %s; reading it back", a.Kind, a.ID[len(a.ID)-1].Noun, answer.ID)

	o, err = spec.Get(ctx, c, ids)
	if err != nil {
		unread := steps.Unread
		if unread == nil {
			unread = func(ids []string, err error) diag.Diagnostic { return createdButUnreadDiagnostic(a, ids, err) }
		}
		diags.Append(unread(ids, err))
		return ids, o, false
	}
	return ids, o, true
}

// createError explains why a create failed, on the attribute it is about.
// ids are the plan's composite id (every part known but the object's own).
func createError[M, O any](ctx context.Context, c *client.Client, spec Spec[M, O], ids []string, plan *M, steps Steps, err error) diag.Diagnostics {
	a := spec.About()
	action := spec.CreateAction(plan)
	kind := client.KindOf(err)
	if steps.Invoked && kind == client.KindOutcomeUnknown {
		return diag.Diagnostics{actionOutcomeUnknownDiagnostic(a, action, spec.FindHint(plan), err)}
	}
	var diags diag.Diagnostics
	if x, ok := spec.(CreateErrorExplainer[M]); ok {
		diags = x.ExplainCreateError(ctx, c, plan, action, err)
	}
	if diags == nil {
		diags = createErrorOf(a, spec, ids, plan, steps, err)
	}
	if steps.Invoked {
		return diagnostics.InvokeAgain(diags)
	}
	return diags
}

// createErrorOf is createError for the errors no spec explains itself.
func createErrorOf[M, O any](a About, spec Spec[M, O], ids []string, plan *M, steps Steps, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	switch kind := client.KindOf(err); {
	case kind == client.KindOutcomeUnknown:
		hint := ""
		if steps.QueryHint != nil {
			hint = steps.QueryHint()
		}
		diags.Append(outcomeUnknownDiagnostic(a, spec.CreateAction(plan), spec.FindHint(plan), hint, ids, err))
	case kind == client.KindValidation:
		diags.Append(diagnostics.AttributeValidation(spec.CreateAction(plan), err, spec.FieldPath)...)
	case kind == client.KindObjectNotFound && len(a.ID) > 2:
		// The object the new one belongs to, such as the transaction of a
		// refund, is what SimPay does not have.
		parent := a.ID[len(a.ID)-2]
		diags.AddAttributeError(path.Root(parent.Attr), capitalize(parent.Noun)+" not found", fmt.Sprintf(
			"SimPay has no %s %s in %s service %s, so the %s cannot be created. Check %s and service_id (the %s must "+
				"belong to that service).\n\n%s", parent.Noun, ids[len(ids)-2], a.Service.Name, ids[0], a.Kind, parent.Attr,
			parent.Noun, err))
	case kind.NotFound():
		diags.Append(diagnostics.ServiceNotFound(a.Service, path.Root("service_id"), ids[0], err))
	default:
		diags.Append(diagnostics.APIError(spec.CreateAction(plan), err))
	}
	return diags
}
