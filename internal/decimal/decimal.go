// Package decimal parses and compares the decimal amounts SimPay deals in,
// keeping them exact: money never passes through a float.
//
// Two grammars are accepted. Parse takes what a person writes in a
// configuration: an optional minus sign, digits, and an optional fraction
// ("10", "10.5", "24.99"). ParseNumber also takes what a JSON encoder may
// write for a number, including an exponent ("1.5E+3"), because that is how
// SimPay's API may spell a value it sends back.
package decimal

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
)

// Decimal is an exact decimal value together with the text it was parsed from.
type Decimal struct {
	text  string
	rat   *big.Rat
	scale int // digits after the decimal point, as written
}

// maxLen bounds the input so a hostile value cannot make big.Rat do
// unbounded work; no amount SimPay handles comes near it.
const maxLen = 64

// Parse reads a plain decimal as written in a configuration: "-"? digits ("." digits)?.
func Parse(s string) (Decimal, error) {
	if err := checkPlain(s); err != nil {
		return Decimal{}, err
	}
	return build(s)
}

// Check reports whether Parse would accept s, with the error Parse would
// give, without building the value: validation runs on every amount of every
// plan, and most of it only needs the grammar.
func Check(s string) error { return checkPlain(s) }

// ParseNumber reads a JSON number literal, which may carry an exponent.
func ParseNumber(s string) (Decimal, error) {
	mantissa, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	if err := checkPlain(mantissa); err != nil {
		return Decimal{}, err
	}
	if hasExp {
		e := strings.TrimPrefix(exp, "+")
		if e == "" || len(e) > 4 || strings.Trim(strings.TrimPrefix(e, "-"), "0123456789") != "" || strings.TrimPrefix(e, "-") == "" {
			return Decimal{}, fmt.Errorf("%q is not a decimal number: malformed exponent", s)
		}
	}
	d, err := build(s)
	if err != nil {
		return Decimal{}, err
	}
	d.text = s
	return d, nil
}

func checkPlain(s string) error {
	if s == "" {
		return fmt.Errorf("an empty string is not a decimal number")
	}
	if len(s) > maxLen {
		return fmt.Errorf("%q is not a decimal number: longer than %d characters", s[:maxLen]+"...", maxLen)
	}
	body := strings.TrimPrefix(s, "-")
	intPart, frac, hasDot := strings.Cut(body, ".")
	if intPart == "" || !allDigits(intPart) || (hasDot && (frac == "" || !allDigits(frac))) {
		// Polish writes 12.50 as "12,50": when a dot in place of the one
		// comma makes a number, that is the number meant.
		if dotted := strings.Replace(s, ",", ".", 1); strings.Count(s, ",") == 1 && !strings.Contains(s, ".") && checkPlain(dotted) == nil {
			return fmt.Errorf("%q is not a decimal number: the decimal separator is a dot; did you mean %q?", s, dotted)
		}
		return fmt.Errorf("%q is not a decimal number: write digits with an optional fraction, such as 10 or 24.99", s)
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func build(s string) (Decimal, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	scale := 0
	mantissa, _, _ := strings.Cut(strings.ToLower(s), "e")
	if _, frac, ok := strings.Cut(mantissa, "."); ok {
		scale = len(frac)
	}
	return Decimal{text: s, rat: r, scale: scale}, nil
}

// MustParse is Parse for constants in code; it panics on a malformed literal.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// String returns the text the value was parsed from, unchanged.
func (d Decimal) String() string { return d.text }

// JSONNumber is d as the JSON number literal SimPay receives: the digits as
// written, trailing zeros included ("10.50" goes out as 10.50, "5.00" as
// 5.00), exact, without the leading zeros JSON forbids ("010.50" goes out
// as 10.50, "0005" as 5). Every amount the provider sends passes through
// it: text sent as written would make the request body invalid JSON.
func (d Decimal) JSONNumber() json.Number {
	sign, rest := "", d.text
	if strings.HasPrefix(rest, "-") {
		sign, rest = "-", rest[1:]
	}
	mantissa, exp := rest, ""
	if i := strings.IndexAny(rest, "eE"); i >= 0 {
		mantissa, exp = rest[:i], rest[i:]
	}
	intPart, frac, hasDot := strings.Cut(mantissa, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if hasDot {
		intPart += "." + frac
	}
	return json.Number(sign + intPart + exp)
}

// MarshalJSON writes d as JSONNumber does, a JSON number: the one form in
// which an amount goes out in a request. The zero Decimal holds no amount
// and is an error, never a silent 0; a field that may hold none is tagged
// omitzero, which leaves it out (see IsZero).
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return nil, fmt.Errorf("decimal: no amount to send (the zero Decimal)")
	}
	return []byte(d.JSONNumber()), nil
}

// IsZero reports whether d is the zero Decimal, which holds no amount at
// all (unlike Parse("0")). encoding/json leaves a field tagged omitzero out
// when it is.
func (d Decimal) IsZero() bool { return d.rat == nil }

// Scale is the number of digits written after the decimal point.
func (d Decimal) Scale() int { return d.scale }

// Cmp compares by value: -1, 0 or +1.
func (d Decimal) Cmp(o Decimal) int { return d.rat.Cmp(o.rat) }

// Sign is -1, 0 or +1.
func (d Decimal) Sign() int { return d.rat.Sign() }

// SignificantScale is the number of fraction digits the value needs, ignoring
// trailing zeros: "10.50" needs 1, "10.00" needs 0. An amount limited to two
// decimals is judged by this, so "10.500" is accepted as the 10.5 it is.
func (d Decimal) SignificantScale() int {
	if !strings.ContainsAny(d.text, "eE") {
		// Plain text: the fraction as written, less its trailing zeros.
		_, frac, _ := strings.Cut(d.text, ".")
		return len(strings.TrimRight(frac, "0"))
	}
	n := 0
	r := new(big.Rat).Set(d.rat)
	ten := big.NewRat(10, 1)
	for !r.IsInt() && n < 1000 {
		r.Mul(r, ten)
		n++
	}
	return n
}

// Equal reports whether two decimal texts denote the same value, so "10" and
// "10.00" are equal. Text that does not parse is equal only to itself.
func Equal(a, b string) bool {
	if a == b {
		return true
	}
	da, errA := ParseNumber(a)
	db, errB := ParseNumber(b)
	if errA != nil || errB != nil {
		return false
	}
	return da.Cmp(db) == 0
}
