package createonly

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// The diagnostics of the create-only objects, in one wording for all. What
// they say of SimPay's answer is the answer's own or internal/diagnostics'.

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// importHint says how to bring an existing object under Terraform's
// management, with the import command and the import block.
func importHint(a About, exampleID string) string {
	return fmt.Sprintf("Its import id has the form %s; import it with the command\n\n"+
		"  terraform import %s.<name> %s\n\n"+
		"or with an import block:\n\n"+
		"  import {\n    to = %s.<name>\n    id = \"%s\"\n  }",
		IDFormat(a.ID), a.TypeName(), exampleID, a.TypeName(), exampleID)
}

// outcomeUnknownDiagnostic is the error of a create whose answer never came:
// the object may exist, and the request was not re-sent. ids are the plan's:
// every part known but the object's own. queryHint, when not "", tells how
// terraform query finds the object and writes its import.
func outcomeUnknownDiagnostic(a About, action, howToFind, queryHint string, ids []string, err error) diag.Diagnostic {
	example := make([]string, len(a.ID))
	for i, p := range a.ID {
		example[i] = "<" + p.Name + ">"
		if i < len(a.ID)-1 && ids[i] != "" {
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
		outcomeUnknownIntro(a, action), a.Kind, howToFind, importHint(a, strings.Join(example, "/")), queryHint, err))
}

// actionOutcomeUnknownDiagnostic is the "may have been created" error as an
// action says it: there is no state to import into, and what must not
// happen is a second invocation for the same object.
func actionOutcomeUnknownDiagnostic(a About, action, howToFind string, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic(outcomeUnknownSummary(a), fmt.Sprintf(
		"%s\n\nDo not simply invoke the action again. First check whether the %s exists: %s. If it exists, the "+
			"%s is done. If it does not exist, invoke the action again.\n\n%s",
		outcomeUnknownIntro(a, action), a.Kind, howToFind, a.Kind, err))
}

// outcomeUnknownSummary and outcomeUnknownIntro begin the error of a create
// whose answer never came, from a resource or an action alike.
func outcomeUnknownSummary(a About) string {
	return fmt.Sprintf("The SimPay %s may have been created", a.Kind)
}

func outcomeUnknownIntro(a About, action string) string {
	return fmt.Sprintf("No definite answer came from SimPay while %s: the request may have reached SimPay, so the %s "+
		"may exist. The provider did not send it again, because SimPay cannot tell a repeated request from a new one, "+
		"and a second request could create a second %s.", action, a.Kind, a.Kind)
}

// createdButUnreadDiagnostic is the error of a create whose object SimPay
// made but could not be read back; its id is in state and Terraform marks
// the resource tainted.
func createdButUnreadDiagnostic(a About, ids []string, err error) diag.Diagnostic {
	what := DescribeID(a.ID, ids)
	summary, detail := diagnostics.DescribeAPIError("reading "+what, err)
	return diag.NewErrorDiagnostic(fmt.Sprintf("SimPay created the %s but it could not be read back", a.Kind), fmt.Sprintf(
		"SimPay created %s, but reading it back failed (%s). Its id is kept in Terraform state so that it is "+
			"not lost, and Terraform marks the resource as tainted: the next apply would replace it, which creates a NEW "+
			"%s in SimPay and leaves this one as it is. If this %s is what you wanted, keep it with\n\n"+
			"  terraform untaint %s.<name>\n\n"+
			"and the next plan will only read it back.\n\n%s",
		what, summary, a.Kind, a.Kind, a.TypeName(), detail))
}

// serviceGoneDiagnostic reports, during a refresh, that SimPay has not the
// service rather than the object. It is not taken as the object being gone:
// a token of another SimPay account sees none of the services, and dropping
// every object from state because of it would lose track of them all.
func serviceGoneDiagnostic(a About, ids []string, err error) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("service_id"), a.Service.Title+" not found", fmt.Sprintf(
		"SimPay has no %s service %s for this API token, so %s cannot be read; it is kept in state. This usually means "+
			"that %s belongs to another SimPay account than the service: check %s and service_id.\n\n%s",
		a.Service.Name, ids[0], DescribeID(a.ID, ids), diagnostics.SettingAPIToken, diagnostics.SettingAPIToken, err))
}

// goneWarning tells, during a refresh, that SimPay no longer returns an
// object (client.KindObjectNotFound, which always carries SimPay's answer):
// it is removed from state and the next apply creates a new one.
func goneWarning(a About, ids []string, err error) diag.Diagnostic {
	var answer *client.APIError
	status := "that it has no such object"
	if errors.As(err, &answer) {
		status = fmt.Sprint(answer.StatusCode)
	}
	return diag.NewWarningDiagnostic(fmt.Sprintf("The SimPay %s no longer exists", a.Kind), fmt.Sprintf(
		"SimPay answered %s for %s, so it was removed from Terraform state. If the configuration still declares it, "+
			"the next plan creates a new %s in SimPay. Check in the SimPay panel why it is gone before you apply.\n\n%s",
		status, DescribeID(a.ID, ids), a.Kind, err))
}

// destroyWarning is added to the plan that destroys a resource: SimPay
// keeps the object.
func destroyWarning(a About, ids []string) diag.Diagnostic {
	return diag.NewWarningDiagnostic(fmt.Sprintf("Destroying does not cancel the SimPay %s", a.Kind), fmt.Sprintf(
		"SimPay has no API to cancel or delete a %s, so destroying %s only removes it from Terraform state: "+
			"no request is sent, and the %s stays in SimPay as it is (a payer may still complete an unpaid payment "+
			"until it expires). Use the SimPay panel to deal with it.", a.Kind, DescribeID(a.ID, ids), a.Kind))
}
