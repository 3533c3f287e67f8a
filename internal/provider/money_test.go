package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

var (
	// largestAmount is the longest amount a configuration may write (the
	// decimal package's length limit), with two decimals.
	largestAmount = strings.Repeat("9", 61) + ".99"
	// largestReadAmount is the longest number the mock reads (its
	// maxDecimalText, as Laravel's numeric rule bounds it): a longer one is
	// "not a number" to SimPay, a 422 the provider reports on the attribute.
	largestReadAmount = strings.Repeat("9", 37) + ".99"
)

// moneySpellings are the ways of writing an amount that once reached SimPay
// differently on different attributes: with leading zeros (not JSON), with
// trailing zeros (kept, as written) and as large as SimPay reads and as the
// provider accepts. want is the JSON number SimPay must receive.
var moneySpellings = []struct{ name, written, want string }{
	{"leading zero and trailing zeros", "05.00", "5.00"},
	{"leading zero", "05", "5"},
	{"leading zeros", "0007.50", "7.50"},
	{"trailing zero", "5.10", "5.10"},
	{"largest SimPay reads", largestReadAmount, largestReadAmount},
	{"largest SimPay reads, with leading zeros", "000" + largestReadAmount, largestReadAmount},
	{"largest the provider accepts", largestAmount, largestAmount},
}

// moneyAttribute is one amount attribute: the configuration that sets it,
// the request that carries it, and what that request must hold.
type moneyAttribute struct {
	name   string
	config func(amount string) string
	// field is SimPay's name of the amount in its 422 answers.
	field string
	// method and path of the request that carries the amount.
	method, path string
	// sent is the body (or, for a GET, the query) the mock must receive.
	sent func(number string) string
	// refusedAbove is the largest amount SimPay takes there ("" for no
	// limit) and refusal what it says of a larger one.
	refusedAbove, refusal string
	// check is the state check of the amount as configured.
	check func(amount string) statecheck.StateCheck
}

func moneyAttributes() []moneyAttribute {
	resourceAmount := func(addr string) func(string) statecheck.StateCheck {
		return func(amount string) statecheck.StateCheck {
			return statecheck.ExpectKnownValue(addr, tfjsonpath.New("amount"), knownvalue.StringExact(amount))
		}
	}
	return []moneyAttribute{
		{
			name: "simpay_payment_transaction.amount", field: "amount",
			config: func(amount string) string {
				return fmt.Sprintf("resource \"simpay_payment_transaction\" \"test\" {\n  service_id = %q\n  amount     = %q\n}\n",
					simpaymock.FixtureServiceID, amount)
			},
			method: "POST", path: "/payment/*/transactions",
			sent:  func(n string) string { return `{"amount":` + n + `,"currency":"PLN"}` },
			check: resourceAmount(ptAddr),
		},
		{
			name: "simpay_payment_transaction.cart[0].price", field: "cart.0.price",
			config: func(price string) string {
				return fmt.Sprintf("resource \"simpay_payment_transaction\" \"test\" {\n  service_id = %q\n  amount     = \"100\"\n"+
					"  cart = [{ name = \"Mug\", quantity = 1, price = %q }]\n}\n", simpaymock.FixtureServiceID, price)
			},
			method: "POST", path: "/payment/*/transactions",
			sent: func(n string) string {
				return `{"amount":100,"currency":"PLN","cart":[{"name":"Mug","quantity":1,"price":` + n + `}]}`
			},
			check: func(price string) statecheck.StateCheck {
				return statecheck.ExpectKnownValue(ptAddr, tfjsonpath.New("cart").AtSliceIndex(0).AtMapKey("price"), knownvalue.StringExact(price))
			},
		},
		{
			name: "simpay_payment_refund.amount", field: "amount",
			config: func(amount string) string {
				return fmt.Sprintf("resource \"simpay_payment_refund\" \"test\" {\n  service_id     = %q\n  transaction_id = %q\n  amount         = %q\n}\n",
					simpaymock.FixtureServiceID, simpaymock.FixtureTxPaid, amount)
			},
			method: "POST", path: "/payment/*/transactions/*/refunds",
			sent: func(n string) string { return `{"amount":` + n + `}` },
			// The transaction was 24.99: SimPay refuses more, as sent.
			refusedAbove: "24.99", refusal: `SimPay refused the refund amount.*amount exceeds the amount remaining to refund`,
			check: resourceAmount("simpay_payment_refund.test"),
		},
		{
			name: "simpay_directbilling_transaction.amount", field: "amount",
			config: func(amount string) string {
				return fmt.Sprintf("resource \"simpay_directbilling_transaction\" \"test\" {\n  service_id = %q\n  amount     = %q\n}\n",
					simpaymock.FixtureServiceID, amount)
			},
			method: "POST", path: "/directbilling/*/transactions",
			sent:  func(n string) string { return `{"amount":` + n + `,"amountType":"gross"}` },
			check: resourceAmount("simpay_directbilling_transaction.test"),
		},
		{
			name: "data.simpay_directbilling_calculation.amount", field: "amount",
			config: func(amount string) string {
				return fmt.Sprintf("data \"simpay_directbilling_calculation\" \"test\" {\n  service_id = %q\n  amount     = %q\n}\n",
					simpaymock.FixtureServiceID, amount)
			},
			method: "GET", path: "/directbilling/*/calculate",
			sent: func(n string) string { return "amount=" + n },
			check: func(amount string) statecheck.StateCheck {
				return statecheck.ExpectKnownValue("data.simpay_directbilling_calculation.test", tfjsonpath.New("amount"),
					knownvalue.StringExact(amount))
			},
		},
	}
}

// TestAccMoneyLeavesThroughOneDoor writes every amount attribute with
// leading zeros, trailing zeros and the largest amount accepted, applies it
// through the CLI, and checks the exact body or query SimPay received: the
// same JSON number, whatever the attribute. State keeps the amount as
// written, and a second plan is empty.
func TestAccMoneyLeavesThroughOneDoor(t *testing.T) {
	t.Parallel()
	for _, attr := range moneyAttributes() {
		for _, sp := range moneySpellings {
			t.Run(attr.name+"/"+sp.name, func(t *testing.T) {
				t.Parallel()
				mock := newTestMock(t, simpaymock.Options{})
				step := resource.TestStep{Config: mock.config(attr.config(sp.written))}
				refused := ""
				switch {
				case len(sp.want) > len(largestReadAmount):
					refused = `Invalid value rejected by SimPay.*SimPay rejected a value.*` + regexp.QuoteMeta(attr.field) + `: The .* must be a number`
				case attr.refusedAbove != "" && decimal.MustParse(sp.want).Cmp(decimal.MustParse(attr.refusedAbove)) > 0:
					refused = attr.refusal
				}
				if refused != "" {
					step.ExpectError = regexp.MustCompile(`(?s)` + strings.ReplaceAll(refused, " ", `\s+`))
				} else {
					step.ConfigStateChecks = []statecheck.StateCheck{attr.check(sp.written)}
				}
				resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})

				var sent []string
				for _, r := range mock.Requests() {
					if r.Method == attr.method && simpaymock.PathMatches(attr.path, r.Path) {
						sent = append(sent, map[bool]string{true: r.Query, false: r.Body}[r.Method == "GET"])
					}
				}
				want := attr.sent(sp.want)
				if len(sent) == 0 {
					t.Fatalf("SimPay received no %s %s; log: %q", attr.method, attr.path, mock.apiRequests())
				}
				for _, got := range sent {
					if got != want {
						t.Errorf("SimPay received %s, want %s", got, want)
					}
				}
			})
		}
	}
}
