package simpaymock

import (
	"bytes"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"regexp"
	"slices"
	"strconv"
)

// object decodes the request body as a JSON object. An empty body or null is
// an empty object (SimPay's refund takes an empty body); anything that is not
// a JSON object is refused with 400 INVALID_JSON rather than being read as
// empty, which for a refund would mean "refund everything".
func (a *apiRequest) object() (map[string]any, *response) {
	b := bytes.TrimSpace(a.body)
	if len(b) == 0 {
		return map[string]any{}, nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, apiError(http.StatusBadRequest, "INVALID_JSON", "The request body is not valid JSON: "+err.Error()+".")
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, apiError(http.StatusBadRequest, "INVALID_JSON", "The request body has data after the JSON value.")
	}
	switch x := v.(type) {
	case nil:
		return map[string]any{}, nil
	case map[string]any:
		return x, nil
	}
	return nil, apiError(http.StatusBadRequest, "INVALID_JSON", "The request body must be a JSON object.")
}

type paymentInput struct {
	amount            dec
	currency          string
	description       *string
	control           *string
	customer          txCustomer
	billing, shipping txAddress
	cart              []txCartItem
	redirect          txRedirect
	directChannel     *string
}

// channelTypeKeys are seed 002's channel types and postponed, which
// simpay-laravel sends since 2025-11 (src/Dto/Payment/ChannelTypeData.php).
var channelTypeKeys = []string{"blik", "transfer", "cards", "ewallets", "paypal", "paysafe", "latam", "postponed"}

// validatePaymentTransaction applies every constraint SimPay documents for
// POST /payment/{serviceId}/transactions and reports all failures at once.
func validatePaymentTransaction(body map[string]any, svc *paymentService) (paymentInput, *fieldErrors) {
	var v validator
	var in paymentInput
	get := func(m map[string]any, k string) (any, bool) { x, ok := m[k]; return x, ok }

	if val, present := get(body, "amount"); v.required("amount", val, present) {
		if r, ok := v.money("amount", val, big.NewRat(1, 1), false); ok {
			in.amount = decOf(r)
		}
	}
	in.currency = "PLN"
	if val, present := get(body, "currency"); present && val != nil {
		if c := v.currency("currency", v.str("currency", val, present, 0, 0)); c != nil {
			in.currency = *c
		}
	}
	val, present := get(body, "description")
	in.description = v.str("description", val, present, 0, 64)
	val, present = get(body, "control")
	in.control = v.str("control", val, present, 0, 255)

	directVal, directPresent := get(body, "directChannel")
	direct := !blank(directVal, directPresent)

	val, present = get(body, "customer")
	customer := v.object("customer", val, present)
	if customer != nil {
		val, present = get(customer, "name")
		in.customer.Name = v.str("customer.name", val, present, 0, 64)
		val, present = get(customer, "email")
		in.customer.Email = v.email("customer.email", v.str("customer.email", val, present, 0, 64))
		val, present = get(customer, "ip")
		in.customer.IP = v.ip("customer.ip", v.str("customer.ip", val, present, 0, 0))
		val, present = get(customer, "countryCode")
		in.customer.Country = v.country("customer.countryCode", v.str("customer.countryCode", val, present, 0, 0))
	}
	// With directChannel the payer never sees SimPay's gateway, so SimPay
	// asks for what its fraud checks would have gathered there: customer.ip
	// and antifraud.useragent (seed 002), and customer.countryCode (the
	// current reference page for creating a transaction,
	// docs.simpay.pl/en/apis/payment/paymenttransactioncreate).
	if direct && !v.errs.has("customer") {
		for _, k := range []string{"ip", "countryCode"} {
			if customer == nil || blank(customer[k], customer[k] != nil) {
				v.errs.addf("customer."+k, "The customer.%s field is required when direct channel is present.", attr(k))
			}
		}
	}

	val, present = get(body, "antifraud")
	antifraud := v.object("antifraud", val, present)
	if antifraud != nil {
		// systemId: simpay-ecommerce src/TransactionBuilder.php and
		// simpay-laravel src/Dto/Payment/AntiFraudData.php send it.
		for _, k := range []string{"useragent", "mcusername", "mcid", "systemId"} {
			val, present = get(antifraud, k)
			v.str("antifraud."+k, val, present, 0, 0)
		}
		// steamid: SimPay's create page types it integer ("antifraud.steamid
		// (integer) Buyer's STEAMID64", example "steamid": 0); the mock reads
		// the number as json.Number, so all 17 digits stay exact. A string of
		// digits is still accepted, as earlier clients sent it (the mock's own
		// leniency: SimPay documents no string form).
		if val, present = get(antifraud, "steamid"); present && val != nil {
			switch val.(type) {
			case string, json.Number:
			default:
				v.errs.add("antifraud.steamid", "The antifraud.steamid must be an integer.")
			}
		}
	}
	if direct && (antifraud == nil || blank(antifraud["useragent"], antifraud["useragent"] != nil)) && !v.errs.has("antifraud") {
		v.errs.add("antifraud.useragent", "The antifraud.useragent field is required when direct channel is present.")
	}

	in.billing = v.address(body, "billing")
	in.shipping = v.address(body, "shipping")

	val, present = get(body, "cart")
	if items, ok := v.list("cart", val, present); ok {
		in.cart = []txCartItem{}
		for i, it := range items {
			key := "cart." + strconv.Itoa(i)
			m, isObj := it.(map[string]any)
			if !isObj {
				v.errs.addf(key, "The %s must be an array.", key)
				continue
			}
			var item txCartItem
			okItem := true
			if val, present := get(m, "name"); v.required(key+".name", val, present) {
				if s := v.str(key+".name", val, present, 3, 64); s != nil {
					item.Name = *s
				} else {
					okItem = false
				}
			} else {
				okItem = false
			}
			if val, present := get(m, "quantity"); v.required(key+".quantity", val, present) {
				n, ok := v.integer(key+".quantity", val, 1)
				item.Quantity, okItem = n, okItem && ok
			} else {
				okItem = false
			}
			if val, present := get(m, "price"); v.required(key+".price", val, present) {
				r, ok := v.money(key+".price", val, big.NewRat(1, 100), false)
				if ok {
					item.Price = decOf(r)
				}
				okItem = okItem && ok
			} else {
				okItem = false
			}
			for _, f := range []struct {
				k   string
				dst **string
			}{{"producer", &item.Producer}, {"category", &item.Category}, {"code", &item.Code}} {
				val, present := get(m, f.k)
				*f.dst = v.str(key+"."+f.k, val, present, 0, 64)
			}
			if okItem {
				in.cart = append(in.cart, item)
			}
		}
	}

	val, present = get(body, "returns")
	if returns := v.object("returns", val, present); returns != nil {
		val, present = get(returns, "success")
		in.redirect.Success = v.url("returns.success", v.str("returns.success", val, present, 0, 0))
		val, present = get(returns, "failure")
		in.redirect.Failure = v.url("returns.failure", v.str("returns.failure", val, present, 0, 0))
		// pending: simpay-ecommerce src/TransactionBuilder.php. No source
		// shows it in a transaction's redirect, so it is checked, not kept.
		val, present = get(returns, "pending")
		v.url("returns.pending", v.str("returns.pending", val, present, 0, 0))
	}

	// commissionMode: simpay-ecommerce src/TransactionBuilder.php, "merchant"
	// (its default) or "payer".
	val, present = get(body, "commissionMode")
	v.in("commissionMode", v.str("commissionMode", val, present, 0, 0), "merchant", "payer")

	val, present = get(body, "context")
	if ctx := v.object("context", val, present); ctx != nil {
		v.purchaseContext(ctx)
	}

	if directPresent && directVal != nil {
		if s := v.str("directChannel", directVal, true, 0, 0); s != nil {
			if svc.channel(*s) == nil {
				v.errs.add("directChannel", "The selected direct channel is invalid.")
			} else {
				in.directChannel = s
			}
		}
	}

	val, present = get(body, "channels")
	if items, ok := v.list("channels", val, present); ok {
		for i, it := range items {
			key := "channels." + strconv.Itoa(i)
			s, isStr := it.(string)
			switch {
			case !isStr:
				v.errs.addf(key, "The %s must be a string.", key)
			case svc.channel(s) == nil:
				v.errs.addf(key, "The selected %s is invalid.", key)
			}
		}
	}

	v.moneyRules(svc, &in, body)

	val, present = get(body, "channelTypes")
	if types := v.object("channelTypes", val, present); types != nil {
		for _, k := range channelTypeKeys {
			if val, present := get(types, k); present && val != nil {
				v.boolean("channelTypes."+k, val)
			}
		}
	}

	val, present = get(body, "referer")
	v.str("referer", val, present, 6, 64)

	return in, &v.errs
}

// moneyRules refuses a payment its service or a pinned channel cannot take.
// No SimPay document states these rules for the create: they are inferred
// from SimPay's channel and currency lists, which give each channel's
// amount.min, amount.max and currencies (GET /payment/{serviceId}/channels)
// and the currencies a service accepts (GET /payment/{serviceId}/currencies).
// The answer is SimPay's 422 VALIDATION_ERROR, with the field errors on
// amount, currency and directChannel (or channels.N).
func (v *validator) moneyRules(svc *paymentService, in *paymentInput, body map[string]any) {
	if !v.errs.has("currency") && len(svc.currencies) > 0 &&
		!slices.ContainsFunc(svc.currencies, func(c currency) bool { return c.ISO == in.currency }) {
		v.errs.addf("currency", "The currency %s is not enabled for this service.", in.currency)
	}
	type pin struct{ key, id string }
	var pins []pin
	if s, ok := body["directChannel"].(string); ok && s != "" {
		pins = append(pins, pin{"directChannel", s})
	}
	if items, ok := body["channels"].([]any); ok {
		for i, it := range items {
			if s, ok := it.(string); ok {
				pins = append(pins, pin{"channels." + strconv.Itoa(i), s})
			}
		}
	}
	for _, p := range pins {
		ch := svc.channel(p.id)
		if ch == nil || v.errs.has(p.key) {
			continue
		}
		if in.amount != "" {
			if ch.Amount.Min != nil && in.amount.rat().Cmp(ch.Amount.Min.rat()) < 0 {
				v.errs.addf("amount", "The amount must be at least %s for the %s channel.", *ch.Amount.Min, ch.ID)
			}
			if ch.Amount.Max != nil && in.amount.rat().Cmp(ch.Amount.Max.rat()) > 0 {
				v.errs.addf("amount", "The amount may not be greater than %s for the %s channel.", *ch.Amount.Max, ch.ID)
			}
		}
		if len(ch.Currencies) > 0 && !slices.Contains(ch.Currencies, in.currency) {
			v.errs.addf(p.key, "The %s channel does not accept the currency %s.", ch.ID, in.currency)
		}
	}
}

// purchaseContext checks "context", the payer's purchase history, with the
// types simpay-ecommerce's setContext gives its fields
// (src/TransactionBuilder.php): no SimPay document states its rules, so only
// the types are checked.
func (v *validator) purchaseContext(ctx map[string]any) {
	for _, k := range []string{"accountCreatedAt", "accountSetCurrency"} {
		val, present := ctx[k]
		v.str("context."+k, val, present, 0, 0)
	}
	if val, present := ctx["salesTotalCount"]; present && val != nil {
		v.integer("context.salesTotalCount", val, 0)
	}
	for _, k := range []string{"salesTotalAmount", "salesAvgAmount", "salesMaxAmount"} {
		if val, present := ctx[k]; present && val != nil {
			v.money("context."+k, val, new(big.Rat), false)
		}
	}
	if val, present := ctx["hasPreviousPurchases"]; present && val != nil {
		v.boolean("context.hasPreviousPurchases", val)
	}
}

// address checks a billing or shipping object (SimPay's paymentCustomerFull).
func (v *validator) address(body map[string]any, key string) txAddress {
	var out txAddress
	val, present := body[key]
	m := v.object(key, val, present)
	if m == nil {
		return out
	}
	field := func(name string, minLen, maxLen int) *string {
		val, present := m[name]
		return v.str(key+"."+name, val, present, minLen, maxLen)
	}
	out.Name = field("name", 5, 64)
	out.Surname = field("surname", 0, 64)
	out.Street = field("street", 0, 64)
	out.Building = field("building", 0, 16)
	out.Flat = field("flat", 0, 16)
	out.City = field("city", 0, 32)
	out.Region = field("region", 0, 32)
	out.PostalCode = field("postalCode", 0, 0)
	out.Country = v.country(key+".country", field("country", 0, 0))
	out.Company = field("company", 0, 0)
	return out
}

type dbInput struct {
	amount      *big.Rat
	amountType  string
	description *string
	control     *string
	redirect    txRedirect
	phone       *string
	email       *string
}

var (
	phonePattern   = regexp.MustCompile(`^[0-9]{9,15}$`)
	steamIDPattern = regexp.MustCompile(`^[0-9]{17}$`)
	smsCodePattern = regexp.MustCompile(`^[A-Z0-9]{6}$`)
)

// validateDBTransaction applies the constraints of SimPay's OpenAPI file for
// POST /directbilling/{serviceId}/transactions.
func validateDBTransaction(body map[string]any) (dbInput, *fieldErrors) {
	var v validator
	var in dbInput
	if val, present := body["amount"]; v.required("amount", val, present) {
		in.amount, _ = v.money("amount", val, new(big.Rat), true)
	}
	in.amountType = "gross"
	if val, present := body["amountType"]; present && val != nil {
		if s := v.in("amountType", v.str("amountType", val, true, 0, 0), "required", "net", "gross"); s != nil {
			in.amountType = *s
		}
	}
	val, present := body["description"]
	in.description = v.str("description", val, present, 0, 128)
	val, present = body["control"]
	in.control = v.str("control", val, present, 0, 128)
	val, present = body["returns"]
	if returns := v.object("returns", val, present); returns != nil {
		val, present = returns["success"]
		in.redirect.Success = v.url("returns.success", v.str("returns.success", val, present, 0, 0))
		val, present = returns["failure"]
		in.redirect.Failure = v.url("returns.failure", v.str("returns.failure", val, present, 0, 0))
	}
	val, present = body["phoneNumber"]
	in.phone = v.regex("phoneNumber", v.str("phoneNumber", val, present, 0, 0), phonePattern)
	val, present = body["steamid"]
	v.regex("steamid", v.str("steamid", val, present, 0, 0), steamIDPattern)
	// email: simpay-laravel src/Services/DirectBilling/GenerateTransaction.php
	// sends it; the 2024 file does not name it, so its limits are the online
	// payment's customer.email ones.
	val, present = body["email"]
	in.email = v.email("email", v.str("email", val, present, 0, 64))
	return in, &v.errs
}
