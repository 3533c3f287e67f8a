package simpaymock

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

// dec is a decimal number kept as its canonical text and written into JSON
// as a number. Money never passes through float64 here: a float could turn
// 24.99 into 24.989999999999998 on the way out.
type dec string

// MarshalJSON writes the decimal as a bare JSON number.
func (d dec) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return []byte(d), nil
}

// rat returns the exact value of d.
func (d dec) rat() *big.Rat {
	r, ok := new(big.Rat).SetString(string(d))
	if !ok {
		panic("simpaymock: bad decimal " + string(d))
	}
	return r
}

// decPtr is for optional amounts, written as null when unset.
func decPtr(d dec) *dec { return &d }

// mustDec canonicalises a fixture decimal.
func mustDec(s string) dec {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("simpaymock: bad fixture decimal " + s)
	}
	return decOf(r)
}

// decOf renders r in the shortest plain form, the way PHP's json_encode writes
// a float: 5 not 5.00, 7.5 not 7.50. Values are rounded to 10 places, which is
// more than any SimPay amount or rate carries.
func decOf(r *big.Rat) dec {
	s := r.FloatString(10)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return dec(s)
}

// numericText matches what Laravel's "numeric" rule accepts in a string.
var numericText = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`)

// maxDecimalText bounds what parseDecimal reads: "1e999999999" is numeric
// text, but big.Rat would spend its memory expanding it.
const maxDecimalText = 40

// parseDecimal reads decimal text exactly.
func parseDecimal(s string) (*big.Rat, bool) {
	if len(s) > maxDecimalText || !numericText.MatchString(s) {
		return nil, false
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		if exp, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+")); err != nil || exp > 30 || exp < -30 {
			return nil, false
		}
	}
	return new(big.Rat).SetString(s)
}

var hundred = big.NewRat(100, 1)

// atMostPlaces reports whether r has no more than places decimal places.
func atMostPlaces(r *big.Rat, places int) bool {
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	return new(big.Rat).Mul(r, scale).IsInt()
}

// round2 rounds half away from zero to two places, as money is rounded on an
// invoice.
func round2(r *big.Rat) *big.Rat {
	out, _ := new(big.Rat).SetString(r.FloatString(2))
	return out
}

// ceil2 rounds up to two places; used where rounding down would leave the
// partner short of the amount asked for.
func ceil2(r *big.Rat) *big.Rat {
	scaled := new(big.Rat).Mul(r, hundred)
	q, m := new(big.Int).DivMod(scaled.Num(), scaled.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	return new(big.Rat).SetFrac(q, big.NewInt(100))
}

func ratMul(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) }
func ratQuo(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }
func ratSub(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }
