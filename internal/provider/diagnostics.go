package provider

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// abilityPattern finds an ability name such as payment.transactions.create in
// SimPay's 403 message, when SimPay names the one the token lacks.
var abilityPattern = regexp.MustCompile(`\b[a-z_]+(?:\.[a-z_]+){1,3}\b`)

// apiErrorSummary and apiErrorDetail say, for a person at a terminal, what
// went wrong while doing action (e.g. "reading the channels of payment
// service d151e4f9"), which setting is involved and what to do. Callers
// handle the cases only they can explain (a missing object, a 422 about an
// argument) before falling back to this.
func apiErrorDiagnostic(action string, err error) diag.Diagnostic {
	summary, detail := describeAPIError(action, err)
	return diag.NewErrorDiagnostic(summary, detail)
}

func describeAPIError(action string, err error) (string, string) {
	var apiErr *client.APIError
	isAPI := errors.As(err, &apiErr)
	switch {
	case errors.Is(err, context.Canceled):
		return "Interrupted", fmt.Sprintf("Stopped %s because Terraform was interrupted.", action)
	case errors.Is(err, client.ErrNoToken):
		return "Missing SimPay API token", fmt.Sprintf("Cannot finish %s: set api_token in the provider block or the %s environment variable.", action, envAPIToken)
	case client.IsUnauthorized(err):
		return "SimPay rejected the API token", fmt.Sprintf("SimPay answered 401 UNAUTHORIZED while %s. Check the provider's api_token "+
			"setting (or the %s environment variable): the token may be mistyped, revoked, or from another SimPay account. "+
			"Tokens are managed in SimPay's client panel under My Account > API keys.\n\n%s", action, envAPIToken, err)
	case client.IsForbidden(err) && isAPI && apiErr.ErrorCode == "IP_ADDRESS_NOT_WHITELISTED":
		return "SimPay refused this machine's IP address", fmt.Sprintf("SimPay answered 403 IP_ADDRESS_NOT_WHITELISTED while %s: the API "+
			"token used by the provider (api_token / %s) may only be used from whitelisted IP addresses. Add the public IP "+
			"address of the machine running Terraform to the token's allowed IPs in SimPay's client panel (My Account > API "+
			"keys), or use a token without an IP restriction.\n\n%s", action, envAPIToken, err)
	case client.IsForbidden(err):
		ability := "the ability this operation needs"
		if isAPI {
			if a := abilityPattern.FindString(apiErr.Message); a != "" {
				ability = "the ability " + a
			}
		}
		return "SimPay API token lacks an ability", fmt.Sprintf("SimPay answered 403 while %s: the API token (api_token / %s) does "+
			"not have %s. Grant it to the token in SimPay's client panel (My Account > API keys), or use a token that has it.\n\n%s",
			action, envAPIToken, ability, err)
	case client.IsRateLimited(err):
		return "SimPay is rate limiting requests", fmt.Sprintf("SimPay kept answering 429 Too Many Requests while %s, beyond the "+
			"provider's retries. Wait a minute and run Terraform again; if it persists, lower max_concurrent_requests or "+
			"raise max_retries in the provider block.\n\n%s", action, err)
	case isAPI && apiErr.StatusCode >= 500:
		return "SimPay API error", fmt.Sprintf("SimPay answered %d while %s, and kept failing through the provider's retries "+
			"(max_retries). This is on SimPay's side: try again later.\n\n%s", apiErr.StatusCode, action, err)
	case isAPI && apiErr.StatusCode >= 200 && apiErr.StatusCode <= 299 && apiErr.Snippet == "":
		// A 2xx whose body says "success": false: SimPay's own, definite
		// refusal, unlike a body that cannot be read.
		return "SimPay reported a failure", fmt.Sprintf("SimPay answered HTTP %d with \"success\": false (errorCode %q, message %q) "+
			"while %s: SimPay says the request failed, so nothing was created or changed and running Terraform again "+
			"is safe. If it keeps failing, this is on SimPay's side: try again later, or contact SimPay support with the "+
			"error code.\n\n%s", apiErr.StatusCode, apiErr.ErrorCode, apiErr.Message, action, err)
	case isAPI && apiErr.ErrorCode == "ROUTE_NOT_FOUND", isAPI && apiErr.Snippet != "":
		return "Unexpected answer from the SimPay API", fmt.Sprintf("The answer while %s was not what SimPay's API sends. Check that "+
			"base_url (or %s) points at SimPay's API root, such as %s, including any path prefix.\n\n%s",
			action, envBaseURL, client.DefaultBaseURL, err)
	case isTimeout(err):
		return "SimPay did not answer in time", fmt.Sprintf("No answer came within request_timeout while %s, even after the "+
			"provider's retries. Raise request_timeout in the provider block if SimPay is slow, or check the network path "+
			"to base_url.\n\n%s", action, err)
	case isConnectionError(err):
		return "Connection to SimPay failed", fmt.Sprintf("The connection to SimPay failed while %s, and kept failing through "+
			"the provider's retries (max_retries). Check the network path from this machine to base_url (or %s): "+
			"proxy, firewall, DNS. Then run Terraform again.\n\n%s", action, envBaseURL, err)
	default:
		return "SimPay API request failed", fmt.Sprintf("Failed while %s: %s", action, err)
	}
}

// isConnectionError reports a connection that could not be made or broke
// before a complete answer.
func isConnectionError(err error) bool {
	var (
		opErr  *net.OpError
		dnsErr *net.DNSError
	)
	return errors.As(err, &opErr) || errors.As(err, &dnsErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// validationDiagnostics maps SimPay's 422 field errors back to the attribute
// paths they are about; fieldPaths turns SimPay's dotted request field names
// (customer.email, cart.0.price) into attribute paths. Errors about fields the
// map does not know are reported against the resource as a whole.
func validationDiagnostics(action string, apiErr *client.APIError, fieldPath func(field string) (path.Path, bool)) diag.Diagnostics {
	var diags diag.Diagnostics
	fields := make([]string, 0, len(apiErr.Errors))
	for field := range apiErr.Errors {
		fields = append(fields, field)
	}
	sort.Strings(fields)
	for _, field := range fields {
		msgs := apiErr.Errors[field]
		text := fmt.Sprintf("SimPay rejected %s: %s: %s. Fix the value in the configuration and apply again.",
			action, field, strings.Join(msgs, " "))
		if p, ok := fieldPath(field); ok {
			diags.AddAttributeError(p, "Invalid value rejected by SimPay", text)
		} else {
			diags.AddError("Invalid value rejected by SimPay", text)
		}
	}
	if len(apiErr.Errors) == 0 {
		diags.AddError("Invalid value rejected by SimPay", fmt.Sprintf("SimPay rejected %s: %s", action, apiErr))
	}
	return diags
}
