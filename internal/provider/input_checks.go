package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Checks on input that the framework's and libraries' own checks let
// through, or report without naming the attribute.

// apiTokenProblem says what is wrong with a token as given, or "". It never
// quotes the token: the answer ends up in error messages and logs.
func apiTokenProblem(token string) string {
	for _, r := range token {
		if r < 0x20 || r == 0x7f {
			return "contains a line break or another control character"
		}
	}
	if strings.TrimSpace(token) != token {
		return "starts or ends with a space"
	}
	return ""
}

// apiTokenAdvice is what to do about a token apiTokenProblem refused.
const apiTokenAdvice = " (the value is not shown: it is secret). A token read with file() keeps the file's final line " +
	"break: use trimspace(file(...)), or copy the token again from SimPay's client panel (My Account > API keys)."

// apiTokenValidator refuses, at terraform validate, a token that could only
// fail later: Go refuses to send a header with a line break (and retries the
// read as if it were a network error), and SimPay does not trim spaces.
func apiTokenValidator() validator.String {
	return funcValidator{desc: "API token", check: func(s string) string {
		if problem := apiTokenProblem(s); problem != "" {
			return problem + apiTokenAdvice
		}
		return ""
	}}
}

// checkedTimeouts gives the durations of a timeouts attribute (from
// terraform-plugin-framework-timeouts) the provider's duration check: the
// library's own error does not name the attribute, and it accepts zero and
// negative durations, which would make every create or read fail at once.
func checkedTimeouts(a schema.Attribute) schema.Attribute {
	nested, ok := a.(schema.SingleNestedAttribute)
	if !ok {
		return a
	}
	attrs := make(map[string]schema.Attribute, len(nested.Attributes))
	for name, inner := range nested.Attributes {
		if s, ok := inner.(schema.StringAttribute); ok {
			s.Validators = []validator.String{durationValidator()}
			inner = s
		}
		attrs[name] = inner
	}
	nested.Attributes = attrs
	return nested
}
