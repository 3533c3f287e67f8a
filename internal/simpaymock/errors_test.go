package simpaymock

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestUnauthorized(t *testing.T) {
	_, ts := start(t, Options{})
	for name, send := range map[string]func(*http.Request){
		"no header":     func(r *http.Request) {},
		"unknown token": func(r *http.Request) { r.Header.Set("Authorization", "Bearer nope") },
		"empty bearer":  func(r *http.Request) { r.Header.Set("Authorization", "Bearer ") },
		"basic scheme":  func(r *http.Request) { r.Header.Set("Authorization", "Basic "+testToken) },
		"bare token":    func(r *http.Request) { r.Header.Set("Authorization", testToken) },
	} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/payment", nil)
		send(req)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: status %d", name, resp.StatusCode)
		}
	}
	r := call(t, ts, http.MethodGet, "/payment", "", "")
	r.want(t, http.StatusUnauthorized, "UNAUTHORIZED")
	jsonEqual(t, "401 body", r.raw, `{"success":false,"errorCode":"UNAUTHORIZED","message":"Unauthenticated."}`)
	// The scheme is case-insensitive, as in RFC 7235.
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/payment", nil)
	req.Header.Set("Authorization", "bearer "+testToken)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("lower-case bearer: %d", resp.StatusCode)
	}
}

// concretePath fills a route pattern with fixture ids.
func concretePath(pattern string) string {
	return strings.NewReplacer(
		"{serviceId}", "d151e4f9",
		"{transactionId}", paidTxDetailID,
		"{refundId}", seedRefundID,
		"{number}", "7055",
	).Replace(pattern)
}

// TestAbilities checks every route: a token lacking exactly the route's
// ability gets 403 naming it, a token with only that ability gets past the
// check.
func TestAbilities(t *testing.T) {
	all := Abilities()
	for _, rt := range routes {
		if rt.ability == "" {
			continue // public; see TestPublicIPList
		}
		var others []string
		for _, a := range all {
			if a != rt.ability {
				others = append(others, a)
			}
		}
		_, ts := start(t, Options{Tokens: []Token{
			{Value: "lacking", Abilities: others},
			{Value: "only", Abilities: []string{rt.ability}},
		}})
		path := concretePath(rt.pattern)
		body := ""
		if rt.method == http.MethodPost {
			body = "{}"
		}
		r := call(t, ts, rt.method, path, "lacking", body)
		r.want(t, http.StatusForbidden, "INVALID_ABILITY_PROVIDED")
		if want := "The provided token does not have the required ability: " + rt.ability; r.body["message"] != want {
			t.Errorf("%s %s: message %q, want %q", rt.method, rt.pattern, r.body["message"], want)
		}
		r = call(t, ts, rt.method, path, "only", body)
		if r.status == http.StatusForbidden || r.status == http.StatusUnauthorized {
			t.Errorf("%s %s with %s: %d %s", rt.method, rt.pattern, rt.ability, r.status, r.raw)
		}
	}
	if len(all) != 27 {
		t.Errorf("%d abilities: %v", len(all), all)
	}
	if !slices.Contains(all, AbilityPaymentTransactionsCreate) || slices.Contains(all, "") {
		t.Errorf("abilities: %v", all)
	}
}

func TestAbilityEdgeCases(t *testing.T) {
	_, ts := start(t, Options{Tokens: []Token{
		{Value: "none", Abilities: []string{}},
		{Value: "star", Abilities: []string{"*"}},
		{Value: "all"},
	}})
	call(t, ts, http.MethodGet, "/payment", "none", "").want(t, http.StatusForbidden, "INVALID_ABILITY_PROVIDED")
	call(t, ts, http.MethodGet, "/payment", "star", "").want(t, http.StatusOK, "")
	call(t, ts, http.MethodGet, "/payment", "all", "").want(t, http.StatusOK, "")
	// The default token is gone once tokens are configured.
	call(t, ts, http.MethodGet, "/payment", testToken, "").want(t, http.StatusUnauthorized, "UNAUTHORIZED")
}

func TestIPNotWhitelisted(t *testing.T) {
	_, ts := start(t, Options{Tokens: []Token{{Value: "blocked", BlockedIP: true}, {Value: "fine"}}})
	r := call(t, ts, http.MethodGet, "/payment", "blocked", "")
	r.want(t, http.StatusForbidden, "IP_ADDRESS_NOT_WHITELISTED")
	if msg := r.body["message"].(string); !strings.Contains(msg, "127.0.0.1") {
		t.Errorf("message %q does not name the address", msg)
	}
	call(t, ts, http.MethodGet, "/payment", "fine", "").want(t, http.StatusOK, "")
}

func TestRouteNotFoundAndMethod(t *testing.T) {
	_, ts := start(t, Options{})
	for _, p := range []string{"/", "/nothing", "/payment/d151e4f9/nothing", "/payment/d151e4f9/transactions/x/refunds/y/z", "/payment//channels"} {
		r := get(t, ts, p)
		r.want(t, http.StatusNotFound, "ROUTE_NOT_FOUND")
	}
	// Routing comes before authentication.
	call(t, ts, http.MethodGet, "/nothing", "", "").want(t, http.StatusNotFound, "ROUTE_NOT_FOUND")

	r := call(t, ts, http.MethodDelete, "/payment/d151e4f9/transactions", testToken, "")
	r.want(t, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
	if got := r.header.Get("Allow"); got != "GET, POST" {
		t.Errorf("Allow = %q", got)
	}
	r = call(t, ts, http.MethodPost, "/payment", testToken, "{}")
	r.want(t, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
	if got := r.header.Get("Allow"); got != "GET" {
		t.Errorf("Allow = %q", got)
	}
	// A trailing slash is the same route.
	get(t, ts, "/payment/").want(t, http.StatusOK, "")
}

func TestInvalidJSON(t *testing.T) {
	s, ts := start(t, Options{})
	for _, body := range []string{"nope", `{"amount": 10`, `[1,2]`, `"text"`, `{"amount": 10} {}`} {
		for _, path := range []string{
			"/payment/d151e4f9/transactions",
			"/payment/d151e4f9/transactions/" + paidTxDetailID + "/refunds",
			"/directbilling/d151e4f9/transactions",
			"/sms/d151e4f9",
		} {
			r := post(t, ts, path, body)
			r.want(t, http.StatusBadRequest, "INVALID_JSON")
			if r.body["message"] == "" {
				t.Errorf("%s %q: no message", path, body)
			}
		}
	}
	if s.RefundsCreated() != 0 || s.PaymentTransactionsCreated() != 0 {
		t.Error("a bad body created something")
	}
}

func TestValidationAllAtOnce(t *testing.T) {
	_, ts := start(t, Options{})
	body := `{"amount": 0.5, "currency":"XXX", "description":"` + strings.Repeat("a", 65) + `",
		"customer":{"email":"nope","countryCode":"XX"}, "billing":{"name":"Abc"},
		"cart":[{"name":"ab","quantity":0,"price":0.001}], "returns":{"success":"ftp://x"},
		"directChannel":"foo", "channels":["blik",3,"zzz"], "channelTypes":{"blik":"yes"}, "referer":"abc"}`
	r := post(t, ts, "/payment/d151e4f9/transactions", body)
	r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
	want := map[string]string{
		"amount":               "The amount must be at least 1.",
		"currency":             "The currency must be a valid ISO 4217 code.",
		"description":          "The description may not be greater than 64 characters.",
		"customer.email":       "The customer.email must be a valid email address.",
		"customer.countryCode": "The customer.country code must be a valid ISO 3166-1 alpha-2 code.",
		"customer.ip":          "The customer.ip field is required when direct channel is present.",
		"antifraud.useragent":  "The antifraud.useragent field is required when direct channel is present.",
		"billing.name":         "The billing.name must be between 5 and 64 characters.",
		"cart.0.name":          "The cart.0.name must be between 3 and 64 characters.",
		"cart.0.quantity":      "The cart.0.quantity must be at least 1.",
		"cart.0.price":         "The cart.0.price must be at least 0.01.",
		"returns.success":      "The returns.success format is invalid.",
		"directChannel":        "The selected direct channel is invalid.",
		"channels.1":           "The channels.1 must be a string.",
		"channels.2":           "The selected channels.2 is invalid.",
		"channelTypes.blik":    "The channel types.blik field must be true or false.",
		"referer":              "The referer must be between 6 and 64 characters.",
	}
	got := r.errors(t)
	if len(got) != len(want) {
		t.Errorf("%d fields with errors, want %d: %v", len(got), len(want), got)
	}
	for k, msg := range want {
		if len(got[k]) != 1 || got[k][0] != msg {
			t.Errorf("%s: %v, want [%q]", k, got[k], msg)
		}
	}
	if r.body["message"] != "The amount must be at least 1. (and 16 more errors)" {
		t.Errorf("message %q", r.body["message"])
	}
	// Fields come in the order they are checked.
	if !strings.HasPrefix(string(r.field(t, "errors")), `{"amount":`) {
		t.Errorf("errors do not start with amount: %s", r.field(t, "errors"))
	}
}

type constraintCase struct {
	name string
	body string
	key  string // "" when the body is valid
	msg  string
}

func runConstraints(t *testing.T, path string, cases []constraintCase) {
	t.Helper()
	_, ts := start(t, Options{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := post(t, ts, path, c.body)
			if c.key == "" {
				if r.status != http.StatusOK {
					t.Fatalf("valid body refused: %d %s", r.status, r.raw)
				}
				return
			}
			r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
			errs := r.errors(t)
			if len(errs) != 1 || len(errs[c.key]) != 1 || errs[c.key][0] != c.msg {
				t.Fatalf("errors %v, want only %s: [%q]", errs, c.key, c.msg)
			}
			if r.body["message"] != c.msg {
				t.Errorf("message %q", r.body["message"])
			}
		})
	}
}

// withAmount adds a valid amount to a body's other fields.
func withAmount(fields string) string { return `{"amount": 10, ` + fields + `}` }

func TestPaymentTransactionConstraints(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	cases := []constraintCase{
		{"amount missing", `{}`, "amount", "The amount field is required."},
		{"amount null", `{"amount": null}`, "amount", "The amount field is required."},
		{"amount text", `{"amount": "ten"}`, "amount", "The amount must be a number."},
		{"amount bool", `{"amount": true}`, "amount", "The amount must be a number."},
		{"amount below 1", `{"amount": 0.99}`, "amount", "The amount must be at least 1."},
		{"amount 3 decimals", `{"amount": 1.001}`, "amount", "The amount may not have more than 2 decimal places."},
		{"amount 1", `{"amount": 1}`, "", ""},
		{"amount numeric string", `{"amount": "10.50"}`, "", ""},
		{"currency unknown", withAmount(`"currency": "XYZ"`), "currency", "The currency must be a valid ISO 4217 code."},
		{"currency lower case", withAmount(`"currency": "pln"`), "currency", "The currency must be a valid ISO 4217 code."},
		{"currency number", withAmount(`"currency": 985`), "currency", "The currency must be a string."},
		// The fixture service lists PLN, EUR and ARS (GET .../currencies).
		{"currency USD not listed", withAmount(`"currency": "USD"`), "currency", "The currency USD is not enabled for this service."},
		{"currency BRL not listed", withAmount(`"currency": "BRL"`), "currency", "The currency BRL is not enabled for this service."},
		{"currency EUR", withAmount(`"currency": "EUR"`), "", ""},
		{"currency ARS", withAmount(`"currency": "ARS"`), "", ""},
		// The limits of the channel list: BLIK takes 1..20000 in PLN,
		// paysafecard 5..1000, paypal has no limits.
		{"direct blik above max", `{"amount": 25000.00, "directChannel": "blik", "customer": {"ip": "192.0.2.7", "countryCode": "PL"}, "antifraud": {"useragent": "UA"}}`,
			"amount", "The amount may not be greater than 20000 for the blik channel."},
		{"direct blik at max", `{"amount": 20000.00, "directChannel": "blik", "customer": {"ip": "192.0.2.7", "countryCode": "PL"}, "antifraud": {"useragent": "UA"}}`, "", ""},
		{"direct blik EUR", `{"amount": 10, "currency": "EUR", "directChannel": "blik", "customer": {"ip": "192.0.2.7", "countryCode": "PL"}, "antifraud": {"useragent": "UA"}}`,
			"directChannel", "The blik channel does not accept the currency EUR."},
		{"channels paysafecard below min", `{"amount": 4.99, "channels": ["paysafecard"]}`, "amount", "The amount must be at least 5 for the paysafecard channel."},
		{"channels paypal unlimited", `{"amount": 99999, "currency": "EUR", "channels": ["paypal"]}`, "", ""},
		{"channels card EUR ok, blik not", withAmount(`"currency": "EUR", "channels": ["card", "blik"]`), "channels.1", "The blik channel does not accept the currency EUR."},
		{"description 65", withAmount(`"description": "` + long(65) + `"`), "description", "The description may not be greater than 64 characters."},
		{"description 64", withAmount(`"description": "` + strings.Repeat("ż", 64) + `"`), "", ""},
		{"description number", withAmount(`"description": 5`), "description", "The description must be a string."},
		{"control 256", withAmount(`"control": "` + long(256) + `"`), "control", "The control may not be greater than 255 characters."},
		{"control 255", withAmount(`"control": "` + long(255) + `"`), "", ""},
		{"customer not object", withAmount(`"customer": "x"`), "customer", "The customer must be an array."},
		{"customer.name 65", withAmount(`"customer": {"name": "` + long(65) + `"}`), "customer.name", "The customer.name may not be greater than 64 characters."},
		{"customer.email", withAmount(`"customer": {"email": "nope"}`), "customer.email", "The customer.email must be a valid email address."},
		{"customer.email display name", withAmount(`"customer": {"email": "Jan <jan@example.com>"}`), "customer.email", "The customer.email must be a valid email address."},
		{"customer.ip", withAmount(`"customer": {"ip": "1.2.3"}`), "customer.ip", "The customer.ip must be a valid IP address."},
		{"customer.ip v6", withAmount(`"customer": {"ip": "2001:db8::1"}`), "", ""},
		{"customer.countryCode", withAmount(`"customer": {"countryCode": "POL"}`), "customer.countryCode", "The customer.country code must be a valid ISO 3166-1 alpha-2 code."},
		{"customer valid", withAmount(`"customer": {"name": "Jan", "email": "jan@example.com", "ip": "192.0.2.1", "countryCode": "PL"}`), "", ""},
		{"antifraud not object", withAmount(`"antifraud": 5`), "antifraud", "The antifraud must be an array."},
		{"antifraud.useragent", withAmount(`"antifraud": {"useragent": 5}`), "antifraud.useragent", "The antifraud.useragent must be a string."},
		{"antifraud.mcusername", withAmount(`"antifraud": {"mcusername": false}`), "antifraud.mcusername", "The antifraud.mcusername must be a string."},
		{"antifraud.steamid", withAmount(`"antifraud": {"steamid": true}`), "antifraud.steamid", "The antifraud.steamid must be an integer."},
		{"antifraud valid", withAmount(`"antifraud": {"useragent": "Mozilla/5.0", "steamid": 76561197960287930, "mcusername": "Notch", "mcid": "069a79f4"}`), "", ""},
		{"directChannel unknown", withAmount(`"directChannel": "nope", "customer": {"ip": "192.0.2.1", "countryCode": "PL"}, "antifraud": {"useragent": "UA"}`), "directChannel", "The selected direct channel is invalid."},
		{"directChannel number", withAmount(`"directChannel": 5, "customer": {"ip": "192.0.2.1", "countryCode": "PL"}, "antifraud": {"useragent": "UA"}`), "directChannel", "The direct channel must be a string."},
		{"directChannel needs ip", withAmount(`"directChannel": "blik", "customer": {"countryCode": "PL"}, "antifraud": {"useragent": "UA"}`), "customer.ip", "The customer.ip field is required when direct channel is present."},
		{"directChannel needs countryCode", withAmount(`"directChannel": "blik", "customer": {"ip": "192.0.2.1"}, "antifraud": {"useragent": "UA"}`), "customer.countryCode", "The customer.country code field is required when direct channel is present."},
		{"directChannel needs useragent", withAmount(`"directChannel": "blik", "customer": {"ip": "192.0.2.1", "countryCode": "PL"}`), "antifraud.useragent", "The antifraud.useragent field is required when direct channel is present."},
		{"directChannel valid", withAmount(`"directChannel": "blik", "customer": {"ip": "192.0.2.1", "countryCode": "PL"}, "antifraud": {"useragent": "UA"}`), "", ""},
		// The fields simpay-ecommerce's TransactionBuilder.php adds.
		{"returns.pending", withAmount(`"returns": {"pending": "not a url"}`), "returns.pending", "The returns.pending format is invalid."},
		{"commissionMode unknown", withAmount(`"commissionMode": "shop"`), "commissionMode", "The selected commission mode is invalid."},
		{"commissionMode number", withAmount(`"commissionMode": 1`), "commissionMode", "The commission mode must be a string."},
		{"antifraud.systemId number", withAmount(`"antifraud": {"systemId": 42}`), "antifraud.systemId", "The antifraud.system id must be a string."},
		{"context not object", withAmount(`"context": "new customer"`), "context", "The context must be an array."},
		{"context.salesTotalCount", withAmount(`"context": {"salesTotalCount": 1.5}`), "context.salesTotalCount", "The context.sales total count must be an integer."},
		{"context.salesTotalAmount", withAmount(`"context": {"salesTotalAmount": "much"}`), "context.salesTotalAmount", "The context.sales total amount must be a number."},
		{"context.salesMaxAmount decimals", withAmount(`"context": {"salesMaxAmount": 1.005}`), "context.salesMaxAmount", "The context.sales max amount may not have more than 2 decimal places."},
		{"context.hasPreviousPurchases", withAmount(`"context": {"hasPreviousPurchases": "yes"}`), "context.hasPreviousPurchases", "The context.has previous purchases field must be true or false."},
		{"context.accountCreatedAt", withAmount(`"context": {"accountCreatedAt": 2024}`), "context.accountCreatedAt", "The context.account created at must be a string."},
		{"newer fields valid", withAmount(`"returns": {"success": "https://shop/ok", "failure": "https://shop/fail", "pending": "https://shop/wait"}, "commissionMode": "payer", "antifraud": {"systemId": "user-42"}, "channelTypes": {"postponed": false}, "context": {"accountCreatedAt": "2024-01-15", "salesTotalCount": 0, "salesTotalAmount": 0, "salesAvgAmount": "12.50", "salesMaxAmount": 99.99, "accountSetCurrency": "PLN", "hasPreviousPurchases": false}`), "", ""},
		{"cart not array", withAmount(`"cart": {"name": "x"}`), "cart", "The cart must be an array."},
		{"cart item not object", withAmount(`"cart": ["x"]`), "cart.0", "The cart.0 must be an array."},
		{"cart name missing", withAmount(`"cart": [{"quantity": 1, "price": 1}]`), "cart.0.name", "The cart.0.name field is required."},
		{"cart name short", withAmount(`"cart": [{"name": "ab", "quantity": 1, "price": 1}]`), "cart.0.name", "The cart.0.name must be between 3 and 64 characters."},
		{"cart name long", withAmount(`"cart": [{"name": "` + long(65) + `", "quantity": 1, "price": 1}]`), "cart.0.name", "The cart.0.name must be between 3 and 64 characters."},
		{"cart quantity missing", withAmount(`"cart": [{"name": "abc", "price": 1}]`), "cart.0.quantity", "The cart.0.quantity field is required."},
		{"cart quantity 0", withAmount(`"cart": [{"name": "abc", "quantity": 0, "price": 1}]`), "cart.0.quantity", "The cart.0.quantity must be at least 1."},
		{"cart quantity fraction", withAmount(`"cart": [{"name": "abc", "quantity": 1.5, "price": 1}]`), "cart.0.quantity", "The cart.0.quantity must be an integer."},
		{"cart price missing", withAmount(`"cart": [{"name": "abc", "quantity": 1}]`), "cart.0.price", "The cart.0.price field is required."},
		{"cart price low", withAmount(`"cart": [{"name": "abc", "quantity": 1, "price": 0.001}]`), "cart.0.price", "The cart.0.price must be at least 0.01."},
		{"cart price decimals", withAmount(`"cart": [{"name": "abc", "quantity": 1, "price": 1.015}]`), "cart.0.price", "The cart.0.price may not have more than 2 decimal places."},
		{"cart producer", withAmount(`"cart": [{"name": "abc", "quantity": 1, "price": 1, "producer": "` + long(65) + `"}]`), "cart.0.producer", "The cart.0.producer may not be greater than 64 characters."},
		{"cart category", withAmount(`"cart": [{"name": "abc", "quantity": 1, "price": 1, "category": "` + long(65) + `"}]`), "cart.0.category", "The cart.0.category may not be greater than 64 characters."},
		{"cart code", withAmount(`"cart": [{"name": "abc", "quantity": 1, "price": 1, "code": "` + long(65) + `"}]`), "cart.0.code", "The cart.0.code may not be greater than 64 characters."},
		{"cart second item", withAmount(`"cart": [{"name": "abc", "quantity": 1, "price": 1}, {"name": "abc", "quantity": -1, "price": 1}]`), "cart.1.quantity", "The cart.1.quantity must be at least 1."},
		{"returns not object", withAmount(`"returns": "https://x.pl"`), "returns", "The returns must be an array."},
		{"returns.success", withAmount(`"returns": {"success": "ftp://example.com"}`), "returns.success", "The returns.success format is invalid."},
		{"returns.failure", withAmount(`"returns": {"failure": "not a url"}`), "returns.failure", "The returns.failure format is invalid."},
		{"channels not array", withAmount(`"channels": "blik"`), "channels", "The channels must be an array."},
		{"channels item number", withAmount(`"channels": [1]`), "channels.0", "The channels.0 must be a string."},
		{"channels item unknown", withAmount(`"channels": ["blik", "nope"]`), "channels.1", "The selected channels.1 is invalid."},
		{"channels valid", withAmount(`"channels": ["blik", "mbank"]`), "", ""},
		{"channelTypes not object", withAmount(`"channelTypes": true`), "channelTypes", "The channel types must be an array."},
		{"channelTypes loose booleans", withAmount(`"channelTypes": {"blik": 1, "transfer": "0", "cards": false}`), "", ""},
		{"referer short", withAmount(`"referer": "abcde"`), "referer", "The referer must be between 6 and 64 characters."},
		{"referer long", withAmount(`"referer": "` + long(65) + `"`), "referer", "The referer must be between 6 and 64 characters."},
		{"referer number", withAmount(`"referer": 123456`), "referer", "The referer must be a string."},
		{"referer valid", withAmount(`"referer": "abcdef"`), "", ""},
	}
	for _, k := range channelTypeKeys {
		cases = append(cases, constraintCase{"channelTypes." + k, withAmount(`"channelTypes": {"` + k + `": "yes"}`),
			"channelTypes." + k, "The channel types." + k + " field must be true or false."})
	}
	for _, addr := range []string{"billing", "shipping"} {
		limits := []struct {
			field, display string
			n              int
			msg            string
		}{
			{"name", "name", 4, "must be between 5 and 64 characters."},
			{"name", "name", 65, "must be between 5 and 64 characters."},
			{"surname", "surname", 65, "may not be greater than 64 characters."},
			{"street", "street", 65, "may not be greater than 64 characters."},
			{"building", "building", 17, "may not be greater than 16 characters."},
			{"flat", "flat", 17, "may not be greater than 16 characters."},
			{"city", "city", 33, "may not be greater than 32 characters."},
			{"region", "region", 33, "may not be greater than 32 characters."},
		}
		for _, l := range limits {
			cases = append(cases, constraintCase{addr + "." + l.field + " " + itoa(l.n),
				withAmount(`"` + addr + `": {"` + l.field + `": "` + long(l.n) + `"}`),
				addr + "." + l.field, "The " + addr + "." + l.display + " " + l.msg})
		}
		cases = append(cases,
			constraintCase{addr + " not object", withAmount(`"` + addr + `": []`), addr, "The " + addr + " must be an array."},
			constraintCase{addr + ".postalCode", withAmount(`"` + addr + `": {"postalCode": 12345}`), addr + ".postalCode", "The " + addr + ".postal code must be a string."},
			constraintCase{addr + ".country", withAmount(`"` + addr + `": {"country": "XX"}`), addr + ".country", "The " + addr + ".country must be a valid ISO 3166-1 alpha-2 code."},
			constraintCase{addr + ".company", withAmount(`"` + addr + `": {"company": 5}`), addr + ".company", "The " + addr + ".company must be a string."},
			constraintCase{addr + " valid", withAmount(`"` + addr + `": {"name": "Jan Kowalski", "surname": "Kowalski", "street": "Długa", "building": "1", "flat": "2", "city": "Gdańsk", "region": "pomorskie", "postalCode": "80-001", "country": "PL", "company": "ACME"}`), "", ""},
		)
	}
	runConstraints(t, "/payment/d151e4f9/transactions", cases)
}

func TestDirectBillingConstraints(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	runConstraints(t, "/directbilling/d151e4f9/transactions", []constraintCase{
		{"amount missing", `{}`, "amount", "The amount field is required."},
		{"amount text", `{"amount": "x"}`, "amount", "The amount must be a number."},
		{"amount zero", `{"amount": 0}`, "amount", "The amount must be greater than 0."},
		{"amount negative", `{"amount": -1}`, "amount", "The amount must be greater than 0."},
		{"amount decimals", `{"amount": 1.234}`, "amount", "The amount may not have more than 2 decimal places."},
		{"amountType", withAmount(`"amountType": "brutto"`), "amountType", "The selected amount type is invalid."},
		{"amountType number", withAmount(`"amountType": 1`), "amountType", "The amount type must be a string."},
		// email: simpay-laravel GenerateTransaction.php.
		{"email invalid", withAmount(`"email": "nope"`), "email", "The email must be a valid email address."},
		{"email number", withAmount(`"email": 5`), "email", "The email must be a string."},
		{"email valid", withAmount(`"email": "payer@example.com"`), "", ""},
		{"description 129", withAmount(`"description": "` + long(129) + `"`), "description", "The description may not be greater than 128 characters."},
		{"description 128", withAmount(`"description": "` + long(128) + `"`), "", ""},
		{"control 129", withAmount(`"control": "` + long(129) + `"`), "control", "The control may not be greater than 128 characters."},
		{"returns not object", withAmount(`"returns": "x"`), "returns", "The returns must be an array."},
		{"returns.success", withAmount(`"returns": {"success": "x"}`), "returns.success", "The returns.success format is invalid."},
		{"returns.failure", withAmount(`"returns": {"failure": "mailto:a@b.pl"}`), "returns.failure", "The returns.failure format is invalid."},
		{"phoneNumber letters", withAmount(`"phoneNumber": "48-123"`), "phoneNumber", "The phone number format is invalid."},
		{"phoneNumber number", withAmount(`"phoneNumber": 48123123123`), "phoneNumber", "The phone number must be a string."},
		{"steamid", withAmount(`"steamid": "123"`), "steamid", "The steamid format is invalid."},
		{"valid", `{"amount": 19.99, "amountType": "net", "description": "d", "control": "c", "returns": {"success": "https://x.pl/s", "failure": "https://x.pl/f"}, "phoneNumber": "48123123123", "steamid": "76561197960287930"}`, "", ""},
	})
}

func TestSMSCodeConstraints(t *testing.T) {
	runConstraints(t, "/sms/d151e4f9", []constraintCase{
		{"code missing", `{}`, "code", "The code field is required."},
		{"code lower case", `{"code": "abc1d6"}`, "code", "The code format is invalid."},
		{"code short", `{"code": "ABC1D"}`, "code", "The code format is invalid."},
		{"code number", `{"code": 123456}`, "code", "The code must be a string."},
		{"number unknown", `{"code": "ABC1D6", "number": 1234}`, "number", "The selected number is invalid."},
		{"number text", `{"code": "ABC1D6", "number": "x"}`, "number", "The number must be an integer."},
		{"valid", `{"code": "ABC1D6", "number": 7055}`, "", ""},
	})
}

func TestRefundConstraints(t *testing.T) {
	path := "/payment/d151e4f9/transactions/" + paidTxDetailID + "/refunds"
	runConstraints(t, path, []constraintCase{
		{"amount text", `{"amount": "x"}`, "amount", "The amount must be a number."},
		{"amount zero", `{"amount": 0}`, "amount", "The amount must be at least 0.01."},
		{"amount decimals", `{"amount": 1.001}`, "amount", "The amount may not have more than 2 decimal places."},
	})
}

func TestCalculateConstraints(t *testing.T) {
	_, ts := start(t, Options{})
	for q, msg := range map[string]string{
		"":              "The amount field is required.",
		"?amount=":      "The amount field is required.",
		"?amount=abc":   "The amount must be a number.",
		"?amount=0":     "The amount must be greater than 0.",
		"?amount=1.5.1": "The amount must be a number.",
	} {
		r := get(t, ts, "/directbilling/d151e4f9/calculate"+q)
		r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
		if e := r.errors(t); len(e["amount"]) != 1 || e["amount"][0] != msg {
			t.Errorf("%q: %v", q, e)
		}
	}
}
