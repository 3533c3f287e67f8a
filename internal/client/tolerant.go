package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// SimPay's own code reads its API in more than one way: its 2024 OpenAPI
// file, its current reference pages and its 2025-26 SDKs disagree on some
// names and on whether a number is sent as a JSON number or a string. Since
// no captured answer of the live API settles which is right, the client reads
// every form any of them names, through the few types and the one helper in
// this file, and never per field:
//
//   - a money or decimal field is a Decimal: a JSON number or a numeric string;
//   - an integer field is an Integer: a JSON number or a numeric string;
//   - a boolean field is a Boolean: true/false, or 0/1 as a number or string;
//   - a field with two known names has an `alias:"..."` tag and its type's
//     UnmarshalJSON calls decodeAliased, so it is read under either name;
//   - a value whose shape SimPay does not document is a RawJSON, kept as sent;
//   - unknown properties are ignored, and statuses, operators and types are
//     plain strings, kept as sent.

// Integer is an integer as SimPay wrote it. SimPay's examples send integers
// as JSON numbers, some of its SDKs type the same fields as strings (SMS
// service numbers in SimPay-API-TypeScript src/models/sms/service/
// sms.service.ts), and PHP may write an integral float such as 7055.0; all of
// them decode to the same value. JSON null (or an absent field) and "" leave
// 0. A fractional or non-numeric value is an error rather than a silent 0.
type Integer int64

// UnmarshalJSON accepts a JSON number, a numeric string or null.
func (n *Integer) UnmarshalJSON(b []byte) error {
	s, err := numberOrStringText(b)
	if err != nil {
		return fmt.Errorf("decoding an integer: %w", err)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	v, ok := integerValue(s)
	if !ok {
		return fmt.Errorf("decoding an integer: %q is not a whole number", s)
	}
	*n = Integer(v)
	return nil
}

// integerValue parses text that holds a whole number within int64: "7055",
// "+7055", "7055.0" or "7.055e3". Anything else, fractions and hex included,
// is refused, and so is an exponent too large to mean an int64, which also
// keeps a hostile "1e999999" from costing a huge allocation.
func integerValue(s string) (int64, bool) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, true
	}
	m := jsonNumber.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	if m[1] != "" {
		if exp, err := strconv.Atoi(m[1]); err != nil || exp > 30 || exp < -30 {
			return 0, false
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	return r.Num().Int64(), true
}

// Boolean is a flag as SimPay wrote it. SimPay's examples send true/false,
// but its SDKs cast the same fields (adult, used, test, notify.is_send; see
// CONTRACT.md), as if they could come as 0/1: a JSON true/false, a number 0/1 or
// a string "0"/"1" ("true"/"false" too) all decode to the same value, through
// the same number-or-string reading as Integer. JSON null (or an absent
// field) and "" leave false. Any other value is an error rather than a
// silent false.
type Boolean bool

// UnmarshalJSON accepts true, false, 0, 1, "0", "1", "true", "false" or null.
func (v *Boolean) UnmarshalJSON(b []byte) error {
	switch t := string(bytes.TrimSpace(b)); t {
	case "true":
		*v = true
		return nil
	case "false":
		*v = false
		return nil
	}
	s, err := numberOrStringText(b)
	if err != nil {
		return fmt.Errorf("decoding a boolean: %w", err)
	}
	switch s = strings.TrimSpace(s); s {
	case "":
		return nil
	case "true":
		*v = true
		return nil
	case "false":
		*v = false
		return nil
	}
	n, ok := integerValue(s)
	if !ok || (n != 0 && n != 1) {
		return fmt.Errorf("decoding a boolean: %q is neither true/false nor 0/1", s)
	}
	*v = n == 1
	return nil
}

// jsonNumber is JSON's number grammar; group 1 is the exponent.
var jsonNumber = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE]([+-]?[0-9]+))?$`)

// RawJSON is a JSON value kept exactly as SimPay sent it, whatever its shape,
// for properties SimPay's code reads without documenting them (a payment
// transaction's "additional"). It is nil when SimPay sent null or nothing.
type RawJSON []byte

// UnmarshalJSON keeps a copy of b; null becomes nil.
func (r *RawJSON) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*r = nil
		return nil
	}
	*r = append((*r)[:0:0], b...)
	return nil
}

// MarshalJSON writes the value back as received, null for nil.
func (r RawJSON) MarshalJSON() ([]byte, error) {
	if r == nil {
		return []byte("null"), nil
	}
	return r, nil
}

// String returns the JSON text, "" for nil.
func (r RawJSON) String() string { return string(r) }

// decodeAliased decodes data into v, a pointer to a struct type without an
// UnmarshalJSON method of its own (the caller converts its receiver to such a
// type). A field tagged `alias:"a,b"` that is still empty after that, because
// SimPay did not send it under its json name or sent null there, is then read
// from the first alias SimPay sent with a value. Emptiness is judged on the
// decoded field rather than on the raw keys, since encoding/json matches the
// json name without regard to case.
func decodeAliased(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	rv := reflect.ValueOf(v).Elem()
	fields := aliasFieldsOf(rv.Type())
	if len(fields) == 0 {
		return nil
	}
	// Most answers use one name only: look for the other names in the bytes
	// before paying for a second, structural parse.
	found := false
	for _, f := range fields {
		for _, a := range f.aliases {
			if bytes.Contains(data, []byte(`"`+a+`"`)) {
				found = true
			}
		}
	}
	if !found {
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	for _, f := range fields {
		if !rv.Field(f.index).IsZero() {
			continue
		}
		for _, a := range f.aliases {
			if val := raw[a]; sent(val) {
				if err := json.Unmarshal(val, rv.Field(f.index).Addr().Interface()); err != nil {
					return fmt.Errorf("decoding %q: %w", a, err)
				}
				break
			}
		}
	}
	return nil
}

// sent reports whether a property was present with a value other than null.
func sent(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && string(raw) != "null"
}

type aliasField struct {
	index   int
	aliases []string
}

var aliasCache sync.Map // reflect.Type -> []aliasField

func aliasFieldsOf(t reflect.Type) []aliasField {
	if cached, ok := aliasCache.Load(t); ok {
		return cached.([]aliasField)
	}
	var fields []aliasField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("alias")
		if !ok {
			continue
		}
		fields = append(fields, aliasField{index: i, aliases: strings.Split(tag, ",")})
	}
	aliasCache.Store(t, fields)
	return fields
}
