package simpaymock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"net/mail"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fieldErrors collects Laravel-style validation messages per field, keeping
// the order in which fields were checked: SimPay's "message" repeats the first
// one, and a stable order makes the mock's answers repeatable.
type fieldErrors struct {
	keys []string
	msgs map[string][]string
}

func (e *fieldErrors) add(key, msg string) {
	if e.msgs == nil {
		e.msgs = map[string][]string{}
	}
	if _, ok := e.msgs[key]; !ok {
		e.keys = append(e.keys, key)
	}
	e.msgs[key] = append(e.msgs[key], msg)
}

func (e *fieldErrors) addf(key, format string, args ...any) {
	e.add(key, fmt.Sprintf(format, args...))
}

func (e *fieldErrors) has(key string) bool { _, ok := e.msgs[key]; return ok }

func (e *fieldErrors) empty() bool { return len(e.keys) == 0 }

// summary is Laravel's top-level message: the first error and how many more.
func (e *fieldErrors) summary() string {
	if e.empty() {
		return "The given data was invalid."
	}
	total := 0
	for _, k := range e.keys {
		total += len(e.msgs[k])
	}
	first := e.msgs[e.keys[0]][0]
	switch total {
	case 1:
		return first
	case 2:
		return first + " (and 1 more error)"
	default:
		return fmt.Sprintf("%s (and %d more errors)", first, total-1)
	}
}

// MarshalJSON writes the errors as an object in the order they were found.
func (e *fieldErrors) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range e.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(e.msgs[k])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// attr is how Laravel names a field in a message: camelCase split into words
// ("directChannel" -> "direct channel", "billing.postalCode" ->
// "billing.postal code").
func attr(key string) string {
	var b strings.Builder
	for i, r := range key {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.ReplaceAll(b.String(), "_", " ")
}

// validator checks one decoded JSON body. Values come from a decoder with
// UseNumber, so numbers arrive as json.Number with their exact text.
type validator struct {
	errs fieldErrors
}

// blank is Laravel's notion of "not filled": absent, null, "" or [].
func blank(v any, present bool) bool {
	if !present || v == nil {
		return true
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	}
	return false
}

func (v *validator) required(key string, val any, present bool) bool {
	if blank(val, present) {
		v.errs.addf(key, "The %s field is required.", attr(key))
		return false
	}
	return true
}

// str checks an optional string with length bounds (0 = no bound); it returns
// nil when the value is absent or wrong.
func (v *validator) str(key string, val any, present bool, minLen, maxLen int) *string {
	if !present || val == nil {
		return nil
	}
	s, ok := val.(string)
	if !ok {
		v.errs.addf(key, "The %s must be a string.", attr(key))
		return nil
	}
	n := utf8.RuneCountInString(s)
	switch {
	case minLen > 0 && maxLen > 0 && (n < minLen || n > maxLen):
		v.errs.addf(key, "The %s must be between %d and %d characters.", attr(key), minLen, maxLen)
		return nil
	case minLen > 0 && maxLen == 0 && n < minLen:
		v.errs.addf(key, "The %s must be at least %d characters.", attr(key), minLen)
		return nil
	case maxLen > 0 && minLen == 0 && n > maxLen:
		v.errs.addf(key, "The %s may not be greater than %d characters.", attr(key), maxLen)
		return nil
	}
	return &s
}

// number checks Laravel's "numeric" rule: a JSON number or a numeric string.
func (v *validator) number(key string, val any) (*big.Rat, bool) {
	var text string
	switch x := val.(type) {
	case json.Number:
		text = string(x)
	case string:
		text = strings.TrimSpace(x)
	default:
		v.errs.addf(key, "The %s must be a number.", attr(key))
		return nil, false
	}
	r, ok := parseDecimal(text)
	if !ok {
		v.errs.addf(key, "The %s must be a number.", attr(key))
		return nil, false
	}
	return r, true
}

// money checks an amount: numeric, at least min (or greater than min when
// strict) and with at most two decimal places, since SimPay settles in
// hundredths.
func (v *validator) money(key string, val any, min *big.Rat, strict bool) (*big.Rat, bool) {
	r, ok := v.number(key, val)
	if !ok {
		return nil, false
	}
	if strict && r.Cmp(min) <= 0 {
		v.errs.addf(key, "The %s must be greater than %s.", attr(key), decOf(min))
		return nil, false
	}
	if !strict && r.Cmp(min) < 0 {
		v.errs.addf(key, "The %s must be at least %s.", attr(key), decOf(min))
		return nil, false
	}
	if !atMostPlaces(r, 2) {
		v.errs.addf(key, "The %s may not have more than 2 decimal places.", attr(key))
		return nil, false
	}
	return r, true
}

// integer checks Laravel's "integer" rule with a lower bound.
func (v *validator) integer(key string, val any, min int64) (int64, bool) {
	var text string
	switch x := val.(type) {
	case json.Number:
		text = string(x)
	case string:
		text = x
	default:
		v.errs.addf(key, "The %s must be an integer.", attr(key))
		return 0, false
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		v.errs.addf(key, "The %s must be an integer.", attr(key))
		return 0, false
	}
	if n < min {
		v.errs.addf(key, "The %s must be at least %d.", attr(key), min)
		return 0, false
	}
	return n, true
}

// boolean checks Laravel's "boolean" rule: true, false, 1, 0, "1", "0".
func (v *validator) boolean(key string, val any) (bool, bool) {
	switch x := val.(type) {
	case bool:
		return x, true
	case json.Number:
		switch x {
		case "1":
			return true, true
		case "0":
			return false, true
		}
	case string:
		switch x {
		case "1":
			return true, true
		case "0":
			return false, true
		}
	}
	v.errs.addf(key, "The %s field must be true or false.", attr(key))
	return false, false
}

// object checks that an optional value is a JSON object ("array" in
// Laravel's words); it returns nil when absent, null or wrong.
func (v *validator) object(key string, val any, present bool) map[string]any {
	if !present || val == nil {
		return nil
	}
	m, ok := val.(map[string]any)
	if !ok {
		v.errs.addf(key, "The %s must be an array.", attr(key))
		return nil
	}
	return m
}

// list checks that an optional value is a JSON array.
func (v *validator) list(key string, val any, present bool) ([]any, bool) {
	if !present || val == nil {
		return nil, false
	}
	l, ok := val.([]any)
	if !ok {
		v.errs.addf(key, "The %s must be an array.", attr(key))
		return nil, false
	}
	return l, true
}

func (v *validator) email(key string, s *string) *string {
	if s == nil {
		return nil
	}
	a, err := mail.ParseAddress(*s)
	if err != nil || a.Name != "" || a.Address != *s || !strings.Contains(*s, "@") {
		v.errs.addf(key, "The %s must be a valid email address.", attr(key))
		return nil
	}
	return s
}

func (v *validator) ip(key string, s *string) *string {
	if s == nil {
		return nil
	}
	if _, err := netip.ParseAddr(*s); err != nil || strings.Contains(*s, "%") {
		v.errs.addf(key, "The %s must be a valid IP address.", attr(key))
		return nil
	}
	return s
}

func (v *validator) url(key string, s *string) *string {
	if s == nil {
		return nil
	}
	u, err := url.Parse(*s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(*s, " \t\n") {
		v.errs.addf(key, "The %s format is invalid.", attr(key))
		return nil
	}
	return s
}

func (v *validator) country(key string, s *string) *string {
	if s == nil {
		return nil
	}
	if !isoCountries[*s] {
		v.errs.addf(key, "The %s must be a valid ISO 3166-1 alpha-2 code.", attr(key))
		return nil
	}
	return s
}

func (v *validator) currency(key string, s *string) *string {
	if s == nil {
		return nil
	}
	if _, ok := currencyRates[*s]; !ok {
		v.errs.addf(key, "The %s must be a valid ISO 4217 code.", attr(key))
		return nil
	}
	return s
}

func (v *validator) regex(key string, s *string, re *regexp.Regexp) *string {
	if s == nil {
		return nil
	}
	if !re.MatchString(*s) {
		v.errs.addf(key, "The %s format is invalid.", attr(key))
		return nil
	}
	return s
}

func (v *validator) in(key string, s *string, allowed ...string) *string {
	if s == nil {
		return nil
	}
	for _, a := range allowed {
		if *s == a {
			return s
		}
	}
	v.errs.addf(key, "The selected %s is invalid.", attr(key))
	return nil
}

// isoCountries is ISO 3166-1 alpha-2 (officially assigned codes).
var isoCountries = func() map[string]bool {
	const codes = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ
VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`
	m := map[string]bool{}
	for _, c := range strings.Fields(codes) {
		m[c] = true
	}
	return m
}()

// currencyRates are the ISO 4217 codes the mock accepts for a transaction,
// with the PLN rate used for a refund's wallet amount and amount.original.
// PLN, EUR and ARS are the seed's rates; the others are mock data.
var currencyRates = map[string]string{
	"PLN": "1.0000000000", "EUR": "4.3238000000", "ARS": "0.0034150000",
	"USD": "3.9853000000", "GBP": "5.1043000000", "CHF": "4.5712000000",
	"CZK": "0.1721000000", "SEK": "0.3832000000", "NOK": "0.3671000000",
	"DKK": "0.5795000000", "HUF": "0.0107200000", "RON": "0.8693000000",
	"BGN": "2.2107000000", "UAH": "0.0959000000", "BRL": "0.6623000000",
	"MXN": "0.2063000000", "CLP": "0.0042100000", "COP": "0.0009700000",
	"PEN": "1.0651000000", "CAD": "2.8871000000", "AUD": "2.5689000000",
	"NZD": "2.3601000000", "JPY": "0.0275400000", "CNY": "0.5471000000",
	"HKD": "0.5089000000", "SGD": "3.0406000000", "INR": "0.0466000000",
	"TRY": "0.1012000000", "ILS": "1.0770000000", "ZAR": "0.2203000000",
	"AED": "1.0851000000", "ISK": "0.0310000000",
}
