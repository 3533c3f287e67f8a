package simpaymock

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// IPN v2 signatures, computed the way the receiving side computes them.
//
// SimPay's page (docs.simpay.pl/en/notifications/payment) defines the
// signature as sha256 of every value except "signature", in the order
// received, joined by "|", with the service's IPN key appended. SimPay's own
// validator (SimPaypl/simpay-ecommerce, src/IpnValidator.php) does exactly
// that in PHP: json_decode into an array, unset the top-level signature,
// array_walk_recursive casting every leaf to string, implode("|"). So the
// string forms are PHP's: true is "1", false and null are "", integers are
// decimal, and floats are printed with PHP's default precision of 14
// significant digits (0.1+0.2 is "0.3", 1e15 is "1.0E+15"). Order matters,
// which is why this decodes the JSON text itself instead of into a Go map.

// IPNSignature returns the signature a SimPay IPN v2 notification with this
// JSON body should carry under key. A "signature" member at the top level is
// ignored, as the receiver ignores it.
func IPNSignature(body []byte, key string) (string, error) {
	values, _, err := ipnValues(body)
	if err != nil {
		return "", err
	}
	return signValues(values, key), nil
}

// VerifyIPNSignature checks the top-level "signature" of a notification body
// against key, as a shop receiving it would.
func VerifyIPNSignature(body []byte, key string) error {
	values, got, err := ipnValues(body)
	if err != nil {
		return err
	}
	if got == "" {
		return errors.New("the notification has no signature")
	}
	want := signValues(values, key)
	if subtle.ConstantTimeCompare([]byte(want), []byte(got)) != 1 {
		return fmt.Errorf("signature %s does not match the body under this key (expected %s)", got, want)
	}
	return nil
}

// SignatureBase returns the text that is hashed, key included, for showing
// in error messages and documentation. Never log it for a real key.
func SignatureBase(body []byte, key string) (string, error) {
	values, _, err := ipnValues(body)
	if err != nil {
		return "", err
	}
	return strings.Join(append(values, key), "|"), nil
}

func signValues(values []string, key string) string {
	sum := sha256.Sum256([]byte(strings.Join(append(values, key), "|")))
	return hex.EncodeToString(sum[:])
}

// ipnValues decodes body as PHP's json_decode($body, true) would and returns
// the leaves, depth first in document order, as PHP strings, without the
// top-level signature, which it returns separately.
func ipnValues(body []byte) (values []string, signature string, err error) {
	if !utf8.Valid(body) {
		return nil, "", errors.New("the notification is not valid UTF-8, which PHP's json_decode rejects")
	}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	root, err := decodePHP(d)
	if err != nil {
		return nil, "", fmt.Errorf("decoding the notification: %w", err)
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, "", errors.New("decoding the notification: data after the JSON object")
	}
	obj, ok := root.(*phpArray)
	if !ok || !obj.object {
		return nil, "", errors.New("the notification is not a JSON object")
	}
	if i := obj.index("signature"); i >= 0 {
		if s, ok := obj.vals[i].(string); ok {
			signature = s
		}
		obj.remove(i)
	}
	obj.walk(func(s string) { values = append(values, s) })
	return values, signature, nil
}

// phpArray is a PHP array from json_decode: ordered keys, and on a repeated
// key the later value replaces the earlier one in the earlier position.
type phpArray struct {
	object bool
	keys   []string
	vals   []any // string (a leaf, already in PHP's string form) or *phpArray
}

func (a *phpArray) index(k string) int {
	for i, key := range a.keys {
		if key == k {
			return i
		}
	}
	return -1
}

func (a *phpArray) set(k string, v any) {
	if i := a.index(k); i >= 0 {
		a.vals[i] = v
		return
	}
	a.keys = append(a.keys, k)
	a.vals = append(a.vals, v)
}

func (a *phpArray) remove(i int) {
	a.keys = append(a.keys[:i:i], a.keys[i+1:]...)
	a.vals = append(a.vals[:i:i], a.vals[i+1:]...)
}

// walk is array_walk_recursive: leaves only, depth first; an empty array
// contributes nothing.
func (a *phpArray) walk(f func(string)) {
	for _, v := range a.vals {
		switch v := v.(type) {
		case *phpArray:
			v.walk(f)
		case string:
			f(v)
		}
	}
}

func decodePHP(d *json.Decoder) (any, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		arr := &phpArray{object: t == '{'}
		for n := 0; d.More(); n++ {
			key := strconv.Itoa(n)
			if arr.object {
				kt, err := d.Token()
				if err != nil {
					return nil, err
				}
				key = kt.(string)
			}
			v, err := decodePHP(d)
			if err != nil {
				return nil, err
			}
			arr.set(key, v)
		}
		if _, err := d.Token(); err != nil {
			return nil, err
		}
		return arr, nil
	case string:
		return t, nil
	case json.Number:
		return phpNumber(t.String()), nil
	case bool:
		if t {
			return "1", nil
		}
		return "", nil
	case nil:
		return "", nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}

// phpNumber is (string) of what json_decode makes of a JSON number: an int
// when it is written as an integer and fits in 64 bits, a float otherwise.
func phpNumber(lit string) string {
	if !strings.ContainsAny(lit, ".eE") {
		if n, err := strconv.ParseInt(lit, 10, 64); err == nil {
			return strconv.FormatInt(n, 10)
		}
	}
	f, _ := strconv.ParseFloat(lit, 64) // out of range gives ±Inf, as in PHP
	return phpFloat(f)
}

// phpFloat is PHP's (string) cast of a float at the default precision of
// 14, following zend_gcvt: plain notation while the decimal exponent is
// between -5 and 14, otherwise "1.0E+15" style.
func phpFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NAN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case f == 0:
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	const precision = 14
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	sci := strconv.FormatFloat(f, 'e', precision-1, 64) // d.ddddddddddddde±XX
	mant, expText, _ := strings.Cut(sci, "e")
	exp, _ := strconv.Atoi(expText)
	digits := strings.TrimRight(strings.Replace(mant, ".", "", 1), "0")
	decpt := exp + 1 // digits before the decimal point
	var b strings.Builder
	b.WriteString(sign)
	switch {
	case (decpt < 0 && decpt < -3) || (decpt >= 0 && decpt > precision):
		b.WriteByte(digits[0])
		b.WriteByte('.')
		if len(digits) > 1 {
			b.WriteString(digits[1:])
		} else {
			b.WriteByte('0')
		}
		b.WriteByte('E')
		if exp < 0 {
			b.WriteByte('-')
			exp = -exp
		} else {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(exp))
	case decpt <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -decpt))
		b.WriteString(digits)
	default:
		if len(digits) <= decpt {
			b.WriteString(digits)
			b.WriteString(strings.Repeat("0", decpt-len(digits)))
		} else {
			b.WriteString(digits[:decpt])
			b.WriteByte('.')
			b.WriteString(digits[decpt:])
		}
	}
	return b.String()
}
