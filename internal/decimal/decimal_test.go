package decimal

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"
)

// ratScale is the significant scale worked out on the value itself.
func ratScale(d Decimal) int {
	n := 0
	for r := new(big.Rat).Set(d.rat); !r.IsInt(); r.Mul(r, big.NewRat(10, 1)) {
		n++
	}
	return n
}

func TestParseAcceptsPlainDecimals(t *testing.T) {
	for _, tc := range []struct {
		in    string
		scale int
		sig   int
	}{
		{"10", 0, 0}, {"10.00", 2, 0}, {"24.99", 2, 2}, {"0.01", 2, 2}, {"-3.5", 1, 1}, {"10.500", 3, 1}, {"007", 0, 0},
	} {
		d, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.in, err)
		}
		if d.String() != tc.in || d.Scale() != tc.scale || d.SignificantScale() != tc.sig {
			t.Errorf("Parse(%q) = text %q scale %d sig %d, want text %q scale %d sig %d", tc.in, d.String(), d.Scale(), d.SignificantScale(), tc.in, tc.scale, tc.sig)
		}
	}
}

func TestParseRejectsWhatIsNotAPlainDecimal(t *testing.T) {
	for _, in := range []string{"", " 1", "1 ", "+1", "1.", ".5", "1e3", "1,50", "abc", "1.2.3", "--1", "-", "NaN", "Inf", "0x10", "1_000", strings.Repeat("9", 65)} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) accepted a value that is not a plain decimal", in)
		}
	}
}

// TestCheckSuggestsADotForADecimalComma: "12,50", as Polish writes 12.50,
// gets the number it most likely means; a comma that cannot be a decimal
// separator gets none.
func TestCheckSuggestsADotForADecimalComma(t *testing.T) {
	for in, want := range map[string]string{
		"12,50": `"12,50" is not a decimal number: the decimal separator is a dot; did you mean "12.50"?`,
		"-0,5":  `did you mean "-0.5"?`,
	} {
		if err := Check(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check(%q) = %v, want it to say %s", in, err, want)
		}
	}
	for _, in := range []string{"1,000.50", "1,2,3", ",5", "5,"} {
		if err := Check(in); err == nil || strings.Contains(err.Error(), "did you mean") {
			t.Errorf("Check(%q) = %v, want an error with no suggestion", in, err)
		}
	}
}

func TestParseNumberAcceptsJSONExponents(t *testing.T) {
	d, err := ParseNumber("1.5E+3")
	if err != nil {
		t.Fatal(err)
	}
	if d.Cmp(MustParse("1500")) != 0 || d.String() != "1.5E+3" {
		t.Errorf("ParseNumber(1.5E+3) = %v, want 1500 keeping its text", d)
	}
	for _, in := range []string{"1e", "1e+", "1e99999", "e5", "1ee5"} {
		if _, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) accepted a malformed number", in)
		}
	}
}

func TestEqualComparesByValue(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"10", "10.00", true}, {"24.99", "24.990", true}, {"24.99", "24.98", false}, {"1500", "1.5e3", true},
		{"abc", "abc", true}, {"abc", "10", false}, {"0", "-0.00", true},
	} {
		if got := Equal(tc.a, tc.b); got != tc.want {
			t.Errorf("Equal(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestJSONNumberStripsLeadingZerosAndKeepsTheRest(t *testing.T) {
	largest := strings.Repeat("9", maxLen-3) + ".99"
	for in, want := range map[string]string{
		"10": "10", "10.00": "10.00", "010.50": "10.50", "05.00": "5.00", "05": "5", "007": "7", "0.01": "0.01",
		"000.5": "0.5", "0": "0", "00": "0", "-01.5": "-1.5", "5.10": "5.10", largest: largest,
		"0" + largest[1:]: largest[1:],
	} {
		d, err := Parse(in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		got := d.JSONNumber()
		if string(got) != want {
			t.Errorf("Parse(%q).JSONNumber() = %q, want %q", in, got, want)
		}
		if !json.Valid([]byte(got)) || !Equal(in, string(got)) {
			t.Errorf("Parse(%q).JSONNumber() = %q: not a JSON number of the same value", in, got)
		}
	}
	// A value SimPay sent, with an exponent, goes back out as valid JSON too.
	for in, want := range map[string]string{"1.5E+3": "1.5E+3", "01e2": "1e2", "-00.5e-1": "-0.5e-1"} {
		d, err := ParseNumber(in)
		if err != nil {
			t.Fatalf("ParseNumber(%q): %v", in, err)
		}
		if got := d.JSONNumber(); string(got) != want || !json.Valid([]byte(got)) {
			t.Errorf("ParseNumber(%q).JSONNumber() = %q, want %q", in, got, want)
		}
	}
}

// An amount in a request is a JSON number as JSONNumber writes it; a field
// without one is left out, never sent as 0, and the zero Decimal cannot be
// sent by mistake.
func TestMarshalJSONWritesTheNumberAndOmitzeroLeavesNoAmountOut(t *testing.T) {
	type body struct {
		Amount Decimal   `json:"amount,omitzero"`
		Prices []Decimal `json:"prices,omitempty"`
	}
	for _, tc := range []struct {
		in   body
		want string
	}{
		{body{Amount: MustParse("010.50")}, `{"amount":10.50}`},
		{body{Amount: MustParse("0")}, `{"amount":0}`},
		{body{Prices: []Decimal{MustParse("5.00"), MustParse("0.01")}}, `{"prices":[5.00,0.01]}`},
		{body{}, `{}`},
	} {
		got, err := json.Marshal(tc.in)
		if err != nil || string(got) != tc.want {
			t.Errorf("json.Marshal(%+v) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if MustParse("0").IsZero() || !(Decimal{}).IsZero() {
		t.Error("IsZero must tell the zero Decimal from the amount 0")
	}
	if got, err := json.Marshal(struct{ Amount Decimal }{}); err == nil {
		t.Errorf("the zero Decimal was sent as %s", got)
	}
}

// FuzzParse checks that parsing never panics, that what Parse accepts
// ParseNumber accepts with the same value, and that the text survives.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"10", "10.00", "24.99", "-0.01", "1e3", "1.5E+3", "", ".", "9999999999999999999999.99", "1e-9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err == nil {
			if d.String() != s {
				t.Fatalf("Parse(%q) changed the text to %q", s, d.String())
			}
			n, err := ParseNumber(s)
			if err != nil || n.Cmp(d) != 0 {
				t.Fatalf("ParseNumber(%q) disagrees with Parse: %v", s, err)
			}
			// A trailing zero does not change the value, as long as the
			// longer text is still within the length limit.
			if len(s) < maxLen && strings.Contains(s, ".") && !Equal(s, s+"0") {
				t.Fatalf("appending a zero to the fraction of %q changed its value", s)
			}
			// What SimPay receives is valid JSON of exactly the same value.
			if j := d.JSONNumber(); !json.Valid([]byte(j)) || !Equal(s, string(j)) {
				t.Fatalf("Parse(%q).JSONNumber() = %q: not a JSON number of the same value", s, j)
			}
			if d.SignificantScale() > d.Scale() {
				t.Fatalf("%q: significant scale %d exceeds written scale %d", s, d.SignificantScale(), d.Scale())
			}
			// The significant scale read from the text is the one the value
			// has: the smallest n that makes value * 10^n whole.
			if got, want := d.SignificantScale(), ratScale(d); got != want {
				t.Fatalf("%q: significant scale %d, the value needs %d", s, got, want)
			}
		}
		// Check accepts exactly what Parse accepts, with Parse's words.
		if errP, errC := err, Check(s); (errP == nil) != (errC == nil) || (errP != nil && errP.Error() != errC.Error()) {
			t.Fatalf("Check(%q) = %v, Parse says %v", s, errC, errP)
		}
		_, _ = ParseNumber(s)
	})
}
