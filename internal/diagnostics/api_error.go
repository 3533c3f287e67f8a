package diagnostics

import (
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// APIError says, for a person at a terminal, what went wrong while
// doing action (e.g. "reading the channels of payment service d151e4f9"),
// which setting is involved and what to do. The client says what the error
// means (client.KindOf); callers handle the kinds only they can explain (a
// missing object, a 422 about an argument) before falling back to this.
func APIError(action string, err error) diag.Diagnostic {
	summary, detail := DescribeAPIError(action, err)
	return diag.NewErrorDiagnostic(summary, detail)
}

// DescribeAPIError words each of the client's error kinds. The status and
// error code it prints are the answer's own: the kinds that carry an answer
// (a refused token or IP, a missing ability, the rate limit, SimPay's own
// failures) always have one, so no status is restated here and none can
// drift from what the client decided by.
func DescribeAPIError(action string, err error) (summary, detail string) {
	// The answer's fields are only printed here, never used to decide.
	var answer *client.APIError
	errors.As(err, &answer)
	switch client.KindOf(err) {
	case client.KindCanceled:
		return "Interrupted", fmt.Sprintf("Stopped %s because Terraform was interrupted.", action)
	case client.KindNoToken:
		return "Missing SimPay API token", fmt.Sprintf("Cannot finish %s: set %s in the provider block or the %s environment variable.",
			action, SettingAPIToken, EnvAPIToken)
	case client.KindUnauthorized:
		return "SimPay rejected the API token", fmt.Sprintf("SimPay answered %s while %s. Check the provider's %s "+
			"setting (or the %s environment variable): the token may be mistyped, revoked, or from another SimPay account. "+
			"Tokens are managed in SimPay's client panel under My Account > API keys.\n\n%s", answerStatus(answer), action,
			SettingAPIToken, EnvAPIToken, err)
	case client.KindIPNotAllowed:
		return "SimPay refused this machine's IP address", fmt.Sprintf("SimPay answered %s while %s: the API "+
			"token used by the provider (%s / %s) may only be used from whitelisted IP addresses. Add the public IP "+
			"address of the machine running Terraform to the token's allowed IPs in SimPay's client panel (My Account > API "+
			"keys), or use a token without an IP restriction.\n\n%s", answerStatus(answer), action, SettingAPIToken, EnvAPIToken, err)
	case client.KindMissingAbility:
		ability := "the ability this operation needs"
		if a := client.MissingAbility(err); a != "" {
			ability = "the ability " + a
		}
		return "SimPay API token lacks an ability", fmt.Sprintf("SimPay answered %d while %s: the API token (%s / %s) does "+
			"not have %s. Grant it to the token in SimPay's client panel (My Account > API keys), or use a token that has it.\n\n%s",
			answer.StatusCode, action, SettingAPIToken, EnvAPIToken, ability, err)
	case client.KindRateLimited:
		return "SimPay is rate limiting requests", fmt.Sprintf("SimPay kept answering %d %s while %s, beyond the "+
			"provider's retries. Wait a minute and run Terraform again; if it persists, lower %s or "+
			"raise %s in the provider block.\n\n%s", answer.StatusCode, http.StatusText(answer.StatusCode), action,
			SettingMaxConcurrentRequests, SettingMaxRetries, err)
	case client.KindServerError:
		return "SimPay API error", fmt.Sprintf("SimPay answered %d while %s, and kept failing through the provider's retries "+
			"(%s). This is on SimPay's side: try again later.\n\n%s", answer.StatusCode, action, SettingMaxRetries, err)
	case client.KindRefused:
		return "SimPay reported a failure", fmt.Sprintf("SimPay answered HTTP %d with \"success\": false (errorCode %q, message %q) "+
			"while %s: SimPay says the request failed, so nothing was created or changed and running Terraform again "+
			"is safe. If it keeps failing, this is on SimPay's side: try again later, or contact SimPay support with the "+
			"error code.\n\n%s", answer.StatusCode, answer.ErrorCode, answer.Message, action, err)
	case client.KindWrongBaseURL, client.KindUnexpectedAnswer:
		return "Unexpected answer from the SimPay API", fmt.Sprintf("The answer while %s was not what SimPay's API sends. Check that "+
			"%s (or %s) points at SimPay's API root, such as %s, including any path prefix.\n\n%s",
			action, SettingBaseURL, EnvBaseURL, client.DefaultBaseURL, err)
	case client.KindTimeout:
		return "SimPay did not answer in time", fmt.Sprintf("No answer came within %[2]s while %[1]s, even after the "+
			"provider's retries. Raise %[2]s in the provider block if SimPay is slow, or check the network path "+
			"to %[3]s.\n\n%[4]s", action, SettingRequestTimeout, SettingBaseURL, err)
	case client.KindConnectionFailed:
		return "Connection to SimPay failed", fmt.Sprintf("The connection to SimPay failed while %s, and kept failing through "+
			"the provider's retries (%s). Check the network path from this machine to %s (or %s): "+
			"proxy, firewall, DNS. Then run Terraform again.\n\n%s", action, SettingMaxRetries, SettingBaseURL, EnvBaseURL, err)
	default:
		return "SimPay API request failed", fmt.Sprintf("Failed while %s: %s", action, err)
	}
}

// answerStatus is an answer's status as SimPay sent it, e.g.
// "401 UNAUTHORIZED", or with the HTTP reason when the body had no errorCode.
func answerStatus(a *client.APIError) string {
	if a.ErrorCode != "" {
		return fmt.Sprintf("%d %s", a.StatusCode, a.ErrorCode)
	}
	return fmt.Sprintf("%d %s", a.StatusCode, http.StatusText(a.StatusCode))
}

// Validation maps SimPay's 422 field errors back to the attribute
// paths they are about; fieldPath turns SimPay's dotted request field names
// (customer.email, cart.0.price) into attribute paths. Errors about fields the
// map does not know are reported against the resource as a whole.
func Validation(action string, err error, fieldPath func(field string) (path.Path, bool)) diag.Diagnostics {
	var diags diag.Diagnostics
	errs := client.FieldErrors(err)
	fields := make([]string, 0, len(errs))
	for field := range errs {
		fields = append(fields, field)
	}
	sort.Strings(fields)
	for _, field := range fields {
		text := fmt.Sprintf("SimPay rejected a value while %s: %s: %s. Fix the value in the configuration and apply again.",
			action, field, strings.TrimSuffix(strings.Join(errs[field], " "), "."))
		if p, ok := fieldPath(field); ok {
			diags.AddAttributeError(p, "Invalid value rejected by SimPay", text)
		} else {
			diags.AddError("Invalid value rejected by SimPay", text)
		}
	}
	if len(errs) == 0 {
		diags.AddError("Invalid value rejected by SimPay", fmt.Sprintf("SimPay rejected a value while %s: %s", action, err))
	}
	return diags
}

// AttributeValidation is Validation whose details also
// name the attribute each error is about: Terraform cannot always point at
// the line of a nested attribute (return_urls.success inside an object), and
// SimPay's field names (returns.success) are not the configuration's.
func AttributeValidation(action string, err error, fieldPath func(string) (path.Path, bool)) diag.Diagnostics {
	var out diag.Diagnostics
	for _, d := range Validation(action, err, fieldPath) {
		if dp, ok := d.(diag.DiagnosticWithPath); ok && d.Severity() == diag.SeverityError {
			out.AddAttributeError(dp.Path(), d.Summary(), fmt.Sprintf("Attribute %s: %s", dp.Path(), d.Detail()))
			continue
		}
		out = append(out, d)
	}
	return out
}

// InvokeAgain rewords errors written for a resource for an action: one
// invokes an action again, there is no configuration change to apply.
func InvokeAgain(diags diag.Diagnostics) diag.Diagnostics {
	r := strings.NewReplacer("then apply again", "then invoke the action again", "and apply again", "and invoke the action again",
		"If it does not exist, apply again", "If it does not exist, invoke the action again")
	out := make(diag.Diagnostics, 0, len(diags))
	for _, d := range diags {
		detail := r.Replace(d.Detail())
		var p path.Path
		if wp, ok := d.(diag.DiagnosticWithPath); ok {
			p = wp.Path()
		}
		switch {
		case d.Severity() == diag.SeverityError && p.Equal(path.Empty()):
			out.AddError(d.Summary(), detail)
		case d.Severity() == diag.SeverityError:
			out.AddAttributeError(p, d.Summary(), detail)
		case p.Equal(path.Empty()):
			out.AddWarning(d.Summary(), detail)
		default:
			out.AddAttributeWarning(p, d.Summary(), detail)
		}
	}
	return out
}
