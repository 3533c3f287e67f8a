package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// Helpers shared by simpay_payment_refund and simpay_directbilling_transaction:
// the diagnostics of a create that may or may not have happened, of an object
// created but not read back, and of one SimPay no longer returns.

// Defaults of the timeouts attribute. A create is one POST (never re-sent
// once it may have reached SimPay) and one GET, each with the provider's
// request_timeout and retries; a read is one GET.
const (
	createOnlyDefaultCreateTimeout = 10 * time.Minute
	createOnlyDefaultReadTimeout   = 5 * time.Minute
)

// createOnlyTimeoutsAttribute is the timeouts attribute (create, read) of a
// create-only resource; changing it updates state in place and sends nothing.
func createOnlyTimeoutsAttribute(ctx context.Context, kind string) schema.Attribute {
	a := checkedTimeouts(timeouts.Attributes(ctx, timeouts.Opts{
		Create: true,
		Read:   true,
		CreateDescription: fmt.Sprintf("How long creating the %s may take in all (the request to SimPay, its retries and "+
			"reading the %s back), as a duration such as `\"30s\"` or `\"10m\"`. Defaults to `%s`.", kind, kind,
			createOnlyDefaultCreateTimeout),
		ReadDescription: fmt.Sprintf("How long reading the %s back during a refresh may take, as a duration such as "+
			"`\"30s\"` or `\"5m\"`. Defaults to `%s`.", kind, createOnlyDefaultReadTimeout),
	}))
	if nested, ok := a.(schema.SingleNestedAttribute); ok {
		nested.MarkdownDescription = "Time limits of the operations that talk to SimPay. Changing them updates the " +
			"resource in place and sends nothing to SimPay."
		attrs := make(map[string]schema.Attribute, len(nested.Attributes))
		for name, inner := range nested.Attributes {
			if s, ok := inner.(schema.StringAttribute); ok {
				s.MarkdownDescription = s.Description
				inner = s
			}
			attrs[name] = inner
		}
		nested.Attributes = attrs
		return nested
	}
	return a
}

// importHint says how to bring an existing object under Terraform's
// management, with the import command and the import block.
func importHint(resourceType, idFormat, exampleID string) string {
	return fmt.Sprintf("To manage it with Terraform, import it with its id in the form %s, either with the command\n\n"+
		"  terraform import %s.<name> %s\n\n"+
		"or with an import block:\n\n"+
		"  import {\n    to = %s.<name>\n    id = \"%s\"\n  }",
		idFormat, resourceType, exampleID, resourceType, exampleID)
}

// outcomeUnknownDiagnostic is the error of a create whose answer never came:
// the object may exist, and the request was not re-sent.
func outcomeUnknownDiagnostic(kind, action, howToFind, resourceType, idFormat, exampleID string, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic(fmt.Sprintf("The SimPay %s may have been created", kind), fmt.Sprintf(
		"No definite answer came from SimPay while %s: the request may have reached SimPay, so the %s may exist. "+
			"The provider did not send it again, because SimPay has no way to recognise a repeated request and a second "+
			"send could create a second %s. Nothing was recorded in Terraform state.\n\n"+
			"Before you apply again, check whether the %s exists: %s. If it does, do not apply again as is (that would "+
			"create another one). %s\n\n%s",
		action, kind, kind, kind, howToFind, importHint(resourceType, idFormat, exampleID), err))
}

// createdButUnreadDiagnostic is the error of a create whose object SimPay
// made but could not be read back; its id is in state and Terraform marks
// the resource tainted.
func createdButUnreadDiagnostic(kind, id, resourceType, action string, err error) diag.Diagnostic {
	summary, detail := describeAPIError(action, err)
	return diag.NewErrorDiagnostic(fmt.Sprintf("SimPay created the %s but it could not be read back", kind), fmt.Sprintf(
		"SimPay created %s %s, but reading it back failed (%s). Its id is kept in Terraform state so that it is "+
			"not lost, and Terraform marks the resource as tainted: the next apply would replace it, which creates a NEW "+
			"%s in SimPay and leaves this one as it is. If this %s is what you wanted, keep it with\n\n"+
			"  terraform untaint %s.<name>\n\n"+
			"and the next plan will only read it back.\n\n%s",
		kind, id, summary, kind, kind, resourceType, detail))
}

// serviceNotFound reports a 404 about the service rather than the object.
// During a refresh it is not taken as the object being gone: a token of
// another SimPay account sees none of the services, and dropping every
// object from state because of it would lose track of them all.
func serviceNotFound(err error) bool {
	var apiErr *client.APIError
	return client.IsNotFound(err) && errors.As(err, &apiErr) && apiErr.ErrorCode == "SERVICE_NOT_FOUND"
}

// goneWarning tells, during a refresh, that SimPay no longer returns an
// object: it is removed from state and the next apply creates a new one.
func goneWarning(diags *diag.Diagnostics, kind, id string, err error) {
	diags.AddWarning(fmt.Sprintf("The SimPay %s no longer exists", kind), fmt.Sprintf(
		"SimPay answered 404 for %s %s, so it was removed from Terraform state. If the configuration still declares it, "+
			"the next plan creates a new %s in SimPay. Check in the SimPay panel why it is gone before you apply.\n\n%s",
		kind, id, kind, err))
}

// attributeValidationDiagnostics is validationDiagnostics whose details also
// name the attribute each error is about: Terraform cannot always point at
// the line of a nested attribute (return_urls.success inside an object), and
// SimPay's field names (returns.success) are not the configuration's.
func attributeValidationDiagnostics(action string, apiErr *client.APIError, fieldPath func(string) (path.Path, bool)) diag.Diagnostics {
	var out diag.Diagnostics
	for _, d := range validationDiagnostics(action, apiErr, fieldPath) {
		if dp, ok := d.(diag.DiagnosticWithPath); ok && d.Severity() == diag.SeverityError {
			out.AddAttributeError(dp.Path(), d.Summary(), fmt.Sprintf("Attribute %s: %s", dp.Path(), d.Detail()))
			continue
		}
		out = append(out, d)
	}
	return out
}

// codeList writes values as Markdown code, "`a`, `b` and `c`", for
// descriptions.
func codeList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}

// withTimeout bounds ctx by the resource's timeouts value for an operation
// (plan.Timeouts.Create, state.Timeouts.Read), or by def when none is set. A
// problem with the value is added to diags; the cancel function is always
// usable.
func withTimeout(ctx context.Context, limit func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, problems := limit(ctx, def)
	diags.Append(problems...)
	if problems.HasError() {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, d)
}
