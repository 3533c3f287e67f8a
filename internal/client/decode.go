package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
)

// Decimal is a decimal amount exactly as SimPay wrote it: 24.99 stays "24.99",
// and "4.3238000000" keeps its zeros. SimPay sends amounts as JSON numbers and
// some rates (pln_rate) as JSON strings; both decode to their text. JSON null
// (or an absent field) is the empty Decimal, so on a nullable field such as a
// commission "" means null. The text is not validated: a client must not
// reject what it reads over a format it would not send.
type Decimal string

// UnmarshalJSON accepts a JSON number, a JSON string or null.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s, err := numberOrStringText(b)
	if err != nil {
		return fmt.Errorf("decoding a decimal: %w", err)
	}
	*d = Decimal(s)
	return nil
}

// MarshalJSON writes d back as SimPay sent it where possible: a JSON number
// with the same text, null for "", and a JSON string for text that is not a
// valid JSON number.
func (d Decimal) MarshalJSON() ([]byte, error) {
	switch {
	case d == "":
		return []byte("null"), nil
	case json.Valid([]byte(d)) && (d[0] == '-' || (d[0] >= '0' && d[0] <= '9')):
		return []byte(d), nil
	default:
		return json.Marshal(string(d))
	}
}

// String returns the decimal text, "" for null.
func (d Decimal) String() string { return string(d) }

// IsNull reports whether SimPay sent null (or nothing).
func (d Decimal) IsNull() bool { return d == "" }

// PhoneNumber is a phone number as SimPay wrote it. SimPay's examples send the
// same field as a JSON number (48123123123) or a string ("48123123123");
// both decode to the digits, null to "".
type PhoneNumber string

// UnmarshalJSON accepts a JSON number, a JSON string or null.
func (p *PhoneNumber) UnmarshalJSON(b []byte) error {
	s, err := numberOrStringText(b)
	if err != nil {
		return fmt.Errorf("decoding a phone number: %w", err)
	}
	*p = PhoneNumber(s)
	return nil
}

func numberOrStringText(b []byte) (string, error) {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return "", fmt.Errorf("empty JSON value")
	case string(b) == "null":
		return "", nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return "", err
		}
		return s, nil
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		// encoding/json has validated the literal before calling us.
		return string(b), nil
	default:
		return "", fmt.Errorf("want a number or a string, got %.20s", b)
	}
}

// pagination is SimPay's page information. Only the page numbers are used:
// links are nullable and SDKs disagree on their names. The numbers are
// Integer because a Laravel paginator echoes per_page and current_page as
// the query gave them, which may be strings.
type pagination struct {
	Total       Integer `json:"total"`
	Count       Integer `json:"count"`
	PerPage     Integer `json:"per_page"`
	CurrentPage Integer `json:"current_page"`
	TotalPages  Integer `json:"total_pages"`
}

// envelopeHead is everything in a response but "data". The error parts stay
// raw so that an oddly shaped error body is still reported as SimPay's error
// rather than as a decoding failure.
type envelopeHead struct {
	Success   *bool           `json:"success"`
	ErrorCode json.RawMessage `json:"errorCode"`
	// Code is where simpay-ecommerce (src/SimPayClient.php) reads the
	// error code when errorCode is absent ("errorCode ?? code").
	Code       json.RawMessage `json:"code"`
	Message    json.RawMessage `json:"message"`
	Errors     json.RawMessage `json:"errors"`
	Pagination json.RawMessage `json:"pagination"`
	Data       presence        `json:"data"`
}

// presence records whether a property held something other than null,
// without copying its bytes.
type presence bool

// UnmarshalJSON is called only when the property exists.
func (p *presence) UnmarshalJSON(b []byte) error {
	*p = string(bytes.TrimSpace(b)) != "null"
	return nil
}

// decodeResponse turns a complete response body into out (a pointer to what
// "data" holds) and the pagination, or into an error. It is the whole
// decoding path, split from the transport so that it can be fuzzed.
func (c *Client) decodeResponse(method, path string, status int, body []byte, out any) (*pagination, error) {
	ok2xx := status >= 200 && status <= 299
	if status == http.StatusNoContent && out == nil && len(bytes.TrimSpace(body)) == 0 {
		// SimPay's answer to a DELETE (unregistering a BLIK alias): no
		// envelope, no body.
		return nil, nil
	}
	if !json.Valid(body) {
		return nil, &APIError{StatusCode: status, Method: method, Path: path, Snippet: c.snippetOrEmpty(body)}
	}
	var head envelopeHead
	if err := json.Unmarshal(body, &head); err != nil {
		// Valid JSON but not an object (an array, a string, ...).
		return nil, &APIError{StatusCode: status, Method: method, Path: path, Snippet: c.snippetOrEmpty(body)}
	}
	if !ok2xx || (head.Success != nil && !*head.Success) {
		return nil, c.apiError(method, path, status, &head)
	}
	if head.Success == nil {
		// Some JSON, but not SimPay's envelope: most likely a base URL that
		// points at another service. Reading it as an empty success would hide that.
		return nil, fmt.Errorf("SimPay API %s %s: %d response is JSON without SimPay's \"success\" field, so it did not come from the SimPay API; check the base URL: %q", method, path, status, c.snippet(body))
	}
	var pg *pagination
	if len(head.Pagination) > 0 && string(head.Pagination) != "null" {
		pg = new(pagination)
		if err := unmarshalNumbers(head.Pagination, pg); err != nil {
			return nil, fmt.Errorf("SimPay API %s %s: %d response has an unexpected pagination object: %w", method, path, status, err)
		}
	}
	if out != nil && !head.Data && reflect.TypeOf(out).Elem().Kind() != reflect.Slice {
		// An empty list is a list, but an object that is not there would
		// come out as a zero value with an empty id.
		return nil, fmt.Errorf("SimPay API %s %s: %d response has no \"data\"", method, path, status)
	}
	if out != nil {
		// Decoding through an interface that holds the caller's pointer fills
		// the caller's value directly, with no intermediate copy of "data".
		// json.Unmarshal scans the body in place, where a json.Decoder would
		// first copy it into a buffer of its own: a second copy of every page.
		// It needs no UseNumber: response types hold numbers as Decimal or
		// json.Number, never in an interface or a float (a test checks).
		wrapper := struct {
			Data any `json:"data"`
		}{Data: out}
		if err := json.Unmarshal(body, &wrapper); err != nil {
			return nil, fmt.Errorf("SimPay API %s %s: %d response has an unexpected shape: %w", method, path, status, err)
		}
	}
	return pg, nil
}

// snippetOrEmpty keeps Snippet non-empty for a non-JSON body, since an empty
// Snippet is how APIError tells a JSON error from a non-JSON one.
func (c *Client) snippetOrEmpty(body []byte) string {
	if s := c.snippet(body); s != "" {
		return s
	}
	return "(empty body)"
}

// apiError builds the error for a JSON error envelope, scrubbing every string.
func (c *Client) apiError(method, path string, status int, head *envelopeHead) *APIError {
	e := &APIError{StatusCode: status, Method: method, Path: path}
	// errorCode first, as the 2024 file and the current reference pages name
	// it; then code, so that ROUTE_NOT_FOUND sent there still says "wrong base
	// URL" to KindOf (KindWrongBaseURL) rather than "the object is gone".
	code := looseString(head.ErrorCode)
	if code == "" {
		code = looseString(head.Code)
	}
	e.ErrorCode = c.scrub(code)
	e.Message = c.scrub(looseString(head.Message))
	if fields := looseFieldErrors(head.Errors); len(fields) > 0 {
		e.Errors = make(map[string][]string, len(fields))
		for k, msgs := range fields {
			clean := make([]string, len(msgs))
			for i, m := range msgs {
				clean[i] = c.scrub(m)
			}
			e.Errors[c.scrub(k)] = clean
		}
	}
	if e.ErrorCode == "" && e.Message == "" && len(e.Errors) == 0 && status >= 200 && status <= 299 {
		e.Message = `"success": false without an errorCode`
	}
	return e
}

// looseString renders a JSON value as text: a string as itself, anything else
// (a number, an object) as its compact JSON.
func looseString(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var buf bytes.Buffer
	if json.Compact(&buf, raw) == nil {
		return buf.String()
	}
	return string(raw)
}

// looseFieldErrors reads SimPay's {"field": ["msg", ...]} and tolerates a
// single string instead of a list, or a bare list of messages.
func looseFieldErrors(raw json.RawMessage) map[string][]string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) == nil {
		out := make(map[string][]string, len(obj))
		for k, v := range obj {
			out[k] = looseStrings(v)
		}
		return out
	}
	if list := looseStrings(raw); len(list) > 0 {
		return map[string][]string{"": list}
	}
	return nil
}

func looseStrings(raw json.RawMessage) []string {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		if s := looseString(raw); s != "" {
			return []string{s}
		}
		return nil
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s := looseString(v); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// unmarshalNumbers decodes with UseNumber, so that any number landing in an
// interface (a map[string]any, say) keeps its text instead of becoming a
// float64. The input has been checked with json.Valid, so there is no
// trailing data to look for.
func unmarshalNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}
