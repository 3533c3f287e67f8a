package simpaymock

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Dialect is the set of shapes the mock answers in. SimPay's own sources
// disagree on some names and types, and no captured answer of the live API
// says which is right, so a client should be tested against both.
type Dialect string

const (
	// DialectDocumented answers as SimPay documents its API: the 2024
	// OpenAPI file (SMS, DirectBilling) and the current reference pages (the
	// seeds: online payments). It is the default.
	DialectDocumented Dialect = "documented"
	// DialectSDK answers in the shapes SimPay's newer SDKs read, each named
	// beside the difference it makes: SMS value_gross and string numbers,
	// DirectBilling value_net with value_created, value_created_type, score
	// and netia, the error code under "code", and the payment detail's
	// "additional".
	DialectSDK Dialect = "sdk"
)

// Dialects lists every dialect, the default first.
func Dialects() []Dialect { return []Dialect{DialectDocumented, DialectSDK} }

// ParseDialect reads a dialect name, as the simpay-mock -dialect flag takes
// it; "" is DialectDocumented.
func ParseDialect(name string) (Dialect, error) {
	if name == "" {
		return DialectDocumented, nil
	}
	for _, d := range Dialects() {
		if string(d) == strings.ToLower(strings.TrimSpace(name)) {
			return d, nil
		}
	}
	names := make([]string, 0, len(Dialects()))
	for _, d := range Dialects() {
		names = append(names, string(d))
	}
	return "", fmt.Errorf("unknown dialect %q: use one of %s", name, strings.Join(names, ", "))
}

func (s *Server) sdk() bool { return s.dialect == DialectSDK }

// sdkErrorBody is the error envelope with its code under "code", where
// simpay-ecommerce (src/SimPayClient.php, handleResponse) reads it.
type sdkErrorBody struct {
	Success bool         `json:"success"`
	Code    string       `json:"code"`
	Message string       `json:"message,omitempty"`
	Errors  *fieldErrors `json:"errors,omitempty"`
}

// inDialect rewrites what the dialect changes at the envelope level: an
// error the mock built itself. A fault's verbatim body is left alone.
func (s *Server) inDialect(resp *response) *response {
	if !s.sdk() || resp.errBody == nil {
		return resp
	}
	e := resp.errBody
	out := *resp
	out.body = marshal(sdkErrorBody{Success: e.Success, Code: e.ErrorCode, Message: e.Message, Errors: e.Errors})
	out.errBody = nil
	return &out
}

// sdkAdditional is what the SDK dialect sends as a payment transaction's
// "additional" when a transaction has none of its own: PHP's json_encode of
// an empty array, simpay-laravel's default for the field
// (src/Responses/Payment/TransactionInfoResponse.php). No source says what
// the field holds.
var sdkAdditional = json.RawMessage(`[]`)
