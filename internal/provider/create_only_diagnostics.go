package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// The diagnostics of the create-only resources, in one wording for all.

// createError explains why a create failed, on the attribute it is about.
// ids are the plan's composite id (every part known but the object's own);
// queryHint says how terraform query finds the object ("" when it cannot).
func (r *createOnlyResource[M, R, O]) createError(ctx context.Context, c *client.Client, ids []string, queryHint string, plan *M, err error) diag.Diagnostics {
	a := r.spec.about()
	action := r.spec.createAction(plan)
	if x, ok := r.spec.(createErrorExplainer[M]); ok {
		if diags := x.explainCreateError(ctx, c, plan, action, err); diags != nil {
			return diags
		}
	}
	var diags diag.Diagnostics
	kind := client.KindOf(err)
	switch {
	case kind == client.KindOutcomeUnknown:
		diags.Append(outcomeUnknownDiagnostic(a, action, r.spec.findHint(plan), queryHint, ids, err))
	case kind == client.KindValidation:
		diags.Append(attributeValidationDiagnostics(action, err, r.spec.fieldPath)...)
	case kind == client.KindObjectNotFound && len(a.id) > 2:
		// The object the new one belongs to, such as the transaction of a
		// refund, is what SimPay does not have.
		parent := a.id[len(a.id)-2]
		diags.AddAttributeError(path.Root(parent.attr), capitalize(parent.noun)+" not found", fmt.Sprintf(
			"SimPay has no %s %s in %s service %s, so the %s cannot be created. Check %s and service_id (the %s must "+
				"belong to that service).\n\n%s", parent.noun, ids[len(ids)-2], a.service.Name, ids[0], a.kind, parent.attr,
			parent.noun, err))
	case kind.NotFound():
		diags.Append(serviceNotFound(a.service, path.Root("service_id"), ids[0], err))
	default:
		diags.Append(apiErrorDiagnostic(action, err))
	}
	return diags
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// importHint says how to bring an existing object under Terraform's
// management, with the import command and the import block.
func importHint(a createOnlyAbout, exampleID string) string {
	return fmt.Sprintf("Its import id has the form %s; import it with the command\n\n"+
		"  terraform import %s.<name> %s\n\n"+
		"or with an import block:\n\n"+
		"  import {\n    to = %s.<name>\n    id = \"%s\"\n  }",
		idFormat(a.id), a.typeName(), exampleID, a.typeName(), exampleID)
}

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

// outcomeUnknownDiagnostic is the error of a create whose answer never came:
// the object may exist, and the request was not re-sent. ids are the plan's:
// every part known but the object's own. queryHint, when not "", tells how
// terraform query finds the object and writes its import.
func outcomeUnknownDiagnostic(a createOnlyAbout, action, howToFind, queryHint string, ids []string, err error) diag.Diagnostic {
	example := make([]string, len(a.id))
	for i, p := range a.id {
		example[i] = "<" + p.name + ">"
		if i < len(a.id)-1 && ids[i] != "" {
			example[i] = ids[i]
		}
	}
	if queryHint != "" {
		queryHint = "\n\n" + queryHint
	}
	return diag.NewErrorDiagnostic(outcomeUnknownSummary(a), fmt.Sprintf(
		"%s Nothing was recorded in Terraform state.\n\n"+
			"Do not simply apply again. First check whether the %s exists: %s. If it exists, import it instead of "+
			"creating another one. %s%s\n\nIf it does not exist, apply again.\n\n%s",
		outcomeUnknownIntro(a, action), a.kind, howToFind, importHint(a, strings.Join(example, "/")), queryHint, err))
}

// outcomeUnknownSummary and outcomeUnknownIntro begin the error of a create
// whose answer never came, from a resource or an action alike.
func outcomeUnknownSummary(a createOnlyAbout) string {
	return fmt.Sprintf("The SimPay %s may have been created", a.kind)
}

func outcomeUnknownIntro(a createOnlyAbout, action string) string {
	return fmt.Sprintf("No definite answer came from SimPay while %s: the request may have reached SimPay, so the %s "+
		"may exist. The provider did not send it again, because SimPay cannot tell a repeated request from a new one, "+
		"and a second request could create a second %s.", action, a.kind, a.kind)
}

// createdButUnreadDiagnostic is the error of a create whose object SimPay
// made but could not be read back; its id is in state and Terraform marks
// the resource tainted.
func createdButUnreadDiagnostic(a createOnlyAbout, ids []string, err error) diag.Diagnostic {
	what := describeID(a.id, ids)
	summary, detail := describeAPIError("reading "+what, err)
	return diag.NewErrorDiagnostic(fmt.Sprintf("SimPay created the %s but it could not be read back", a.kind), fmt.Sprintf(
		"SimPay created %s, but reading it back failed (%s). Its id is kept in Terraform state so that it is "+
			"not lost, and Terraform marks the resource as tainted: the next apply would replace it, which creates a NEW "+
			"%s in SimPay and leaves this one as it is. If this %s is what you wanted, keep it with\n\n"+
			"  terraform untaint %s.<name>\n\n"+
			"and the next plan will only read it back.\n\n%s",
		what, summary, a.kind, a.kind, a.typeName(), detail))
}

// serviceGoneDiagnostic reports, during a refresh, that SimPay has not the
// service rather than the object. It is not taken as the object being gone:
// a token of another SimPay account sees none of the services, and dropping
// every object from state because of it would lose track of them all.
func serviceGoneDiagnostic(a createOnlyAbout, ids []string, err error) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("service_id"), a.service.Title+" not found", fmt.Sprintf(
		"SimPay has no %s service %s for this API token, so %s cannot be read; it is kept in state. This usually means "+
			"that %s belongs to another SimPay account than the service: check %s and service_id.\n\n%s",
		a.service.Name, ids[0], describeID(a.id, ids), diagnostics.SettingAPIToken, diagnostics.SettingAPIToken, err))
}

// goneWarning tells, during a refresh, that SimPay no longer returns an
// object (client.KindObjectNotFound, which always carries SimPay's answer):
// it is removed from state and the next apply creates a new one.
func goneWarning(a createOnlyAbout, ids []string, err error) diag.Diagnostic {
	var answer *client.APIError
	status := "that it has no such object"
	if errors.As(err, &answer) {
		status = fmt.Sprint(answer.StatusCode)
	}
	return diag.NewWarningDiagnostic(fmt.Sprintf("The SimPay %s no longer exists", a.kind), fmt.Sprintf(
		"SimPay answered %s for %s, so it was removed from Terraform state. If the configuration still declares it, "+
			"the next plan creates a new %s in SimPay. Check in the SimPay panel why it is gone before you apply.\n\n%s",
		status, describeID(a.id, ids), a.kind, err))
}

// destroyWarning is added to the plan that destroys a resource and to the
// destroy itself: SimPay keeps the object.
func destroyWarning(a createOnlyAbout, ids []string) diag.Diagnostic {
	return diag.NewWarningDiagnostic(fmt.Sprintf("Destroying does not cancel the SimPay %s", a.kind), fmt.Sprintf(
		"SimPay has no API to cancel or delete a %s, so destroying %s only removes it from Terraform state: "+
			"no request is sent, and the %s stays in SimPay as it is (a payer may still complete an unpaid payment "+
			"until it expires). Use the SimPay panel to deal with it.", a.kind, describeID(a.id, ids), a.kind))
}
