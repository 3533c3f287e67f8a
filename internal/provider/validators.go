package provider

import (
	"context"
	"fmt"
	"net/mail"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/simpay-tf/terraform-provider-simpay/internal/iso"
)

// SimPay's id formats. They are checked on what a user writes, never on what
// SimPay sends back.
var (
	serviceIDPattern = regexp.MustCompile(`^[0-9a-f]{8}$`)
	// uuidPattern is a well-formed lowercase UUID. SimPay's transaction and
	// refund ids are UUIDs in practice, but not always: SimPay's own example
	// transaction id 328bd42d-d08b-43f6-9463-869e5bd32b4 (seeds 001/002, the
	// "Retrieve transaction" page) has 11 digits in its last group. So an id
	// argument is checked with objectIDPattern; uuidPattern only describes
	// what the mock generates.
	uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	// objectIDPattern is every id SimPay could return for a transaction or a
	// refund and that fits in one URL path segment: 1 to 64 letters, digits,
	// "-" or "_". It refuses what could never be an id before any request:
	// the empty string, path and query characters (/ ? # % .), whitespace
	// and absurd lengths.
	objectIDPattern = regexp.MustCompile(`^[0-9A-Za-z_-]{1,64}$`)
	// steamIDPattern is a SteamID64: 17 decimal digits (7656119...).
	steamIDPattern = regexp.MustCompile(`^[0-9]{17}$`)
	// phoneNumberPattern is a phone number in international form written as
	// digits only, country code first (E.164 without the "+"): 9 to 15 digits.
	phoneNumberPattern = regexp.MustCompile(`^[0-9]{9,15}$`)
)

func serviceIDValidator() validator.String {
	return stringvalidator.RegexMatches(serviceIDPattern,
		"must be a SimPay service id: 8 lowercase hexadecimal characters, such as \"d151e4f9\" (the ID column of the service in the SimPay panel)")
}

// objectIDValidator checks a transaction or refund id argument against
// objectIDPattern.
func objectIDValidator(what string) validator.String {
	return stringvalidator.RegexMatches(objectIDPattern,
		fmt.Sprintf("must be a SimPay %s id: 1 to 64 letters, digits, \"-\" or \"_\", usually a lowercase UUID such as \"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f\"", what))
}

func steamIDValidator() validator.String {
	return stringvalidator.RegexMatches(steamIDPattern, "must be a SteamID64: 17 digits, such as \"76561198000000000\"")
}

func phoneNumberValidator() validator.String {
	return stringvalidator.RegexMatches(phoneNumberPattern,
		"must be a phone number written as 9 to 15 digits, country code first, without \"+\" or spaces, such as \"48123123123\"")
}

// funcValidator adapts a check of a known, non-empty string into a
// validator.String; null and unknown values are left to other rules.
type funcValidator struct {
	desc  string
	check func(string) string // returns "" when valid, else what is wrong
}

func (v funcValidator) Description(context.Context) string         { return v.desc }
func (v funcValidator) MarkdownDescription(context.Context) string { return v.desc }

func (v funcValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if problem := v.check(req.ConfigValue.ValueString()); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.desc, fmt.Sprintf("Attribute %s %s", req.Path, problem))
	}
}

func currencyValidator() validator.String {
	return funcValidator{desc: "currency", check: func(s string) string {
		if iso.IsCurrency(s) {
			return ""
		}
		hint := ""
		if iso.IsCurrency(strings.ToUpper(s)) {
			hint = fmt.Sprintf(" (write it in upper case: %q)", strings.ToUpper(s))
		}
		return fmt.Sprintf("must be an ISO 4217 currency code such as \"PLN\" or \"EUR\", got %q%s", s, hint)
	}}
}

func countryCodeValidator() validator.String {
	return funcValidator{desc: "country code", check: func(s string) string {
		if iso.IsCountry(s) {
			return ""
		}
		hint := ""
		switch {
		case iso.IsCountry(strings.ToUpper(s)):
			hint = fmt.Sprintf(" (write it in upper case: %q)", strings.ToUpper(s))
		case s == "UK":
			hint = " (the United Kingdom is \"GB\")"
		}
		return fmt.Sprintf("must be an ISO 3166-1 alpha-2 country code such as \"PL\", got %q%s", s, hint)
	}}
}

func emailValidator() validator.String {
	return funcValidator{desc: "email address", check: func(s string) string {
		a, err := mail.ParseAddress(s)
		if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
			return fmt.Sprintf("must be a plain email address such as \"jan@example.com\", got %q", s)
		}
		return ""
	}}
}

func ipAddressValidator() validator.String {
	return funcValidator{desc: "IP address", check: func(s string) string {
		if _, err := netip.ParseAddr(s); err != nil || strings.Contains(s, "%") {
			return fmt.Sprintf("must be an IPv4 or IPv6 address such as \"203.0.113.7\", got %q", s)
		}
		return ""
	}}
}

func httpURLValidator() validator.String {
	return funcValidator{desc: "URL", check: func(s string) string {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Sprintf("must be an absolute http(s) URL such as \"https://shop.example.com/paid\", got %q", s)
		}
		return ""
	}}
}

// timestampValidator checks an RFC 3339 timestamp with its offset, such as
// "2024-03-01T10:00:00+01:00": the form SimPay's WooCommerce plugin sends
// dates in (PHP's date('c')).
func timestampValidator() validator.String {
	return funcValidator{desc: "timestamp", check: func(s string) string {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return fmt.Sprintf("must be an RFC 3339 timestamp with its UTC offset, such as \"2024-03-01T10:00:00+01:00\" "+
				"(in Terraform, timestamp() or formatdate() give one), got %q", s)
		}
		return ""
	}}
}

// knownValuesWarning warns, without failing, when a value is not one SimPay
// documents: a typo is caught at plan time, and a status SimPay adds later
// can still be used before the provider learns of it.
func knownValuesWarning(what string, known ...string) validator.String {
	// The framework asks for the description on every validation, to log it.
	return knownValues{what: what, known: known,
		desc: fmt.Sprintf("one of the %ss SimPay documents: %s", what, strings.Join(known, ", "))}
}

type knownValues struct {
	what  string
	known []string
	desc  string
}

func (v knownValues) Description(context.Context) string { return v.desc }

func (v knownValues) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v knownValues) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	for _, k := range v.known {
		if s == k {
			return
		}
	}
	resp.Diagnostics.AddAttributeWarning(req.Path, "Unknown "+v.what,
		fmt.Sprintf("%q is not a %s SimPay documents (%s). If it is a typo, nothing will match it; if SimPay added it "+
			"recently, ignore this warning.", s, v.what, strings.Join(v.known, ", ")))
}

// payerNameValidator checks billing.name and shipping.name against SimPay's
// 5 to 64 characters, saying what to write: the framework's generic length
// text leaves a user whose first name is Jan with nothing to do.
func payerNameValidator() validator.String { return payerName{} }

type payerName struct{}

func (payerName) Description(context.Context) string { return "a name of 5 to 64 characters" }

func (v payerName) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (payerName) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := utf8.RuneCountInString(req.ConfigValue.ValueString())
	if n >= 5 && n <= 64 {
		return
	}
	what := "write the first name with the surname, such as \"Jan Kowalski\""
	if n > 64 {
		what = "shorten it"
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid payer name",
		fmt.Sprintf("Attribute %s: SimPay takes a name of 5 to 64 characters, this one has %d: %s.", req.Path, n, what))
}

// nearest is the value of known that s most likely means: the same but for
// case, else the closest by edit distance if that is at most 2 and less
// than half of s; "" when none is that close.
func nearest(s string, known []string) string {
	for _, k := range known {
		if strings.EqualFold(s, k) {
			return k
		}
	}
	best, bestDist := "", 3
	lower := strings.ToLower(s)
	for _, k := range known {
		if d := editDistance(lower, k); d < bestDist && 2*d < len([]rune(s)) {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

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

// notEmptyObject rejects an object whose attributes are all null: it would be
// sent as {} and read back as no object at all.
func notEmptyObject() validator.Object { return notEmptyObjectValidator{} }

type notEmptyObjectValidator struct{}

func (notEmptyObjectValidator) Description(context.Context) string {
	return "at least one attribute must be set"
}

func (v notEmptyObjectValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (notEmptyObjectValidator) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, v := range req.ConfigValue.Attributes() {
		if !v.IsNull() {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty object", fmt.Sprintf(
		"Attribute %s has no attribute set. Set at least one, or leave %s out.", req.Path, req.Path))
}
