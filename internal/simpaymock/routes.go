package simpaymock

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Abilities a token may hold, one per endpoint but GET /ip, which is public.
// Where SimPay's OpenAPI file names an ability (its bearerAuth scopes) that
// name is used; the others (currencies, refunds) follow the same pattern.
const (
	AbilityPaymentServices           = "payment.services"
	AbilityPaymentService            = "payment.service"
	AbilityPaymentChannels           = "payment.channels"
	AbilityPaymentCurrencies         = "payment.currencies"
	AbilityPaymentTransactions       = "payment.transactions"
	AbilityPaymentTransaction        = "payment.transaction"
	AbilityPaymentTransactionsCreate = "payment.transactions.create"
	AbilityPaymentRefunds            = "payment.refunds"
	AbilityPaymentRefund             = "payment.refund"
	AbilityPaymentRefundsCreate      = "payment.refunds.create"
	// The recurring-payment abilities are the mock's own guesses too:
	// SimPay's pages for these endpoints name none.
	AbilityPaymentSubscriptions     = "payment.subscriptions"
	AbilityPaymentBlikAliases       = "payment.blik.aliases"
	AbilityPaymentBlikAliasesDelete = "payment.blik.aliases.delete"

	AbilitySMSServices       = "sms.services"
	AbilitySMSService        = "sms.services.show"
	AbilitySMSCode           = "sms.services.code"
	AbilitySMSTransactions   = "sms.services.transactions"
	AbilitySMSTransaction    = "sms.services.transactions.show"
	AbilitySMSServiceNumbers = "sms.services.numbers"
	AbilitySMSServiceNumber  = "sms.services.numbers.show"
	AbilitySMSNumbers        = "sms.numbers"
	AbilitySMSNumber         = "sms.numbers.show"

	// AbilityDirectBillingServices also covers the calculation endpoint, as
	// in SimPay's OpenAPI file.
	AbilityDirectBillingServices           = "directbilling.services"
	AbilityDirectBillingService            = "directbilling.services.show"
	AbilityDirectBillingTransactions       = "directbilling.transactions"
	AbilityDirectBillingTransaction        = "directbilling.transactions.show"
	AbilityDirectBillingTransactionsCreate = "directbilling.transactions.create"
)

type route struct {
	method  string
	pattern string
	// ability is what a token needs; "" for a public route, answered with
	// or without a token, whatever the token is.
	ability string
	handle  func(*Server, *apiRequest) *response
	segs    []string
}

// routes is SimPay's API. Where a literal segment and a parameter could both
// match ("/sms/numbers" and "/sms/{serviceId}"), the literal wins.
var routes = func() []route {
	rs := []route{
		{method: "GET", pattern: "/payment", ability: AbilityPaymentServices, handle: (*Server).listPaymentServices},
		{method: "GET", pattern: "/payment/{serviceId}", ability: AbilityPaymentService, handle: (*Server).getPaymentService},
		{method: "GET", pattern: "/payment/{serviceId}/channels", ability: AbilityPaymentChannels, handle: (*Server).listChannels},
		{method: "GET", pattern: "/payment/{serviceId}/currencies", ability: AbilityPaymentCurrencies, handle: (*Server).listCurrencies},
		{method: "GET", pattern: "/payment/{serviceId}/transactions", ability: AbilityPaymentTransactions, handle: (*Server).listPaymentTransactions},
		{method: "POST", pattern: "/payment/{serviceId}/transactions", ability: AbilityPaymentTransactionsCreate, handle: (*Server).createPaymentTransaction},
		{method: "GET", pattern: "/payment/{serviceId}/transactions/{transactionId}", ability: AbilityPaymentTransaction, handle: (*Server).getPaymentTransaction},
		{method: "GET", pattern: "/payment/{serviceId}/transactions/{transactionId}/refunds", ability: AbilityPaymentRefunds, handle: (*Server).listRefunds},
		{method: "POST", pattern: "/payment/{serviceId}/transactions/{transactionId}/refunds", ability: AbilityPaymentRefundsCreate, handle: (*Server).createRefund},
		{method: "GET", pattern: "/payment/{serviceId}/transactions/{transactionId}/refunds/{refundId}", ability: AbilityPaymentRefund, handle: (*Server).getRefund},
		{method: "GET", pattern: "/payment/{serviceId}/subscriptions", ability: AbilityPaymentSubscriptions, handle: (*Server).listSubscriptions},
		{method: "GET", pattern: "/payment/{serviceId}/blik/aliases", ability: AbilityPaymentBlikAliases, handle: (*Server).listBlikAliases},
		{method: "DELETE", pattern: "/payment/{serviceId}/blik/aliases", ability: AbilityPaymentBlikAliasesDelete, handle: (*Server).unregisterBlikAlias},
		// Public: SimPay's own WooCommerce, WordPress and WHMCS handlers call
		// GET /ip with no Authorization header (CONTRACT.md).
		{method: "GET", pattern: "/ip", handle: (*Server).listIPs},

		{method: "GET", pattern: "/sms", ability: AbilitySMSServices, handle: (*Server).listSMSServices},
		{method: "GET", pattern: "/sms/numbers", ability: AbilitySMSNumbers, handle: (*Server).listSMSNumbers},
		{method: "GET", pattern: "/sms/numbers/{number}", ability: AbilitySMSNumber, handle: (*Server).getSMSNumber},
		{method: "GET", pattern: "/sms/{serviceId}", ability: AbilitySMSService, handle: (*Server).getSMSService},
		{method: "POST", pattern: "/sms/{serviceId}", ability: AbilitySMSCode, handle: (*Server).checkSMSCode},
		{method: "GET", pattern: "/sms/{serviceId}/transactions", ability: AbilitySMSTransactions, handle: (*Server).listSMSTransactions},
		{method: "GET", pattern: "/sms/{serviceId}/transactions/{transactionId}", ability: AbilitySMSTransaction, handle: (*Server).getSMSTransaction},
		{method: "GET", pattern: "/sms/{serviceId}/numbers", ability: AbilitySMSServiceNumbers, handle: (*Server).listSMSServiceNumbers},
		{method: "GET", pattern: "/sms/{serviceId}/numbers/{number}", ability: AbilitySMSServiceNumber, handle: (*Server).getSMSServiceNumber},

		{method: "GET", pattern: "/directbilling", ability: AbilityDirectBillingServices, handle: (*Server).listDBServices},
		{method: "GET", pattern: "/directbilling/{serviceId}", ability: AbilityDirectBillingService, handle: (*Server).getDBService},
		{method: "GET", pattern: "/directbilling/{serviceId}/calculate", ability: AbilityDirectBillingServices, handle: (*Server).calculateDB},
		{method: "GET", pattern: "/directbilling/{serviceId}/transactions", ability: AbilityDirectBillingTransactions, handle: (*Server).listDBTransactions},
		{method: "POST", pattern: "/directbilling/{serviceId}/transactions", ability: AbilityDirectBillingTransactionsCreate, handle: (*Server).createDBTransaction},
		{method: "GET", pattern: "/directbilling/{serviceId}/transactions/{transactionId}", ability: AbilityDirectBillingTransaction, handle: (*Server).getDBTransaction},
	}
	for i := range rs {
		rs[i].segs = splitPath(rs[i].pattern)
	}
	return rs
}()

// Abilities returns every ability the mock checks, in route order, without
// duplicates; handy for building a token that lacks exactly one.
func Abilities() []string {
	var out []string
	for _, r := range routes {
		if r.ability != "" && !slices.Contains(out, r.ability) {
			out = append(out, r.ability)
		}
	}
	return out
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// matchSegs matches a path against a route pattern; literal segments must be
// equal, {name} segments capture one non-empty segment.
func matchSegs(pattern, path []string) (map[string]string, bool) {
	if len(pattern) != len(path) {
		return nil, false
	}
	var params map[string]string
	for i, seg := range pattern {
		if strings.HasPrefix(seg, "{") {
			if path[i] == "" {
				return nil, false
			}
			if params == nil {
				params = map[string]string{}
			}
			params[strings.Trim(seg, "{}")] = path[i]
			continue
		}
		if seg != path[i] {
			return nil, false
		}
	}
	return params, true
}

// moreSpecific reports whether pattern a beats b: the first position where
// one has a literal and the other a parameter decides.
func moreSpecific(a, b []string) bool {
	for i := range a {
		la, lb := !strings.HasPrefix(a[i], "{"), !strings.HasPrefix(b[i], "{")
		if la != lb {
			return la
		}
	}
	return false
}

// match finds the route for method and path. Like Laravel (and Go's
// ServeMux), routes for the request's method are tried first; when none
// matches but another method's does, allowed lists those methods.
func match(method, path string) (rt *route, params map[string]string, allowed []string) {
	segs := splitPath(path)
	for i := range routes {
		r := &routes[i]
		p, ok := matchSegs(r.segs, segs)
		if !ok {
			continue
		}
		if r.method != method {
			if !slices.Contains(allowed, r.method) {
				allowed = append(allowed, r.method)
			}
			continue
		}
		if rt == nil || moreSpecific(r.segs, rt.segs) {
			rt, params = r, p
		}
	}
	return rt, params, allowed
}

// PathMatches is the matching used by Fault.Path and CountRequests, and by
// tests reading the request log: "" is any path, "*" matches exactly one
// segment, anything else must be equal.
func PathMatches(pattern, path string) bool {
	if pattern == "" {
		return true
	}
	ps, xs := splitPath(pattern), splitPath(path)
	if len(ps) != len(xs) {
		return false
	}
	for i := range ps {
		if ps[i] != "*" && ps[i] != xs[i] {
			return false
		}
	}
	return true
}

// dispatch runs the SimPay side of a request: routing, authentication,
// abilities, then the handler. Routing comes first, as in Laravel, so an
// unknown path is 404 even without a token.
func (s *Server) dispatch(r *http.Request, apiPath string, inPrefix bool, body []byte, auth authInfo) *response {
	if !inPrefix {
		return routeNotFound(r.URL.Path)
	}
	rt, params, allowed := match(r.Method, apiPath)
	if rt == nil {
		if len(allowed) > 0 {
			resp := apiError(http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED",
				fmt.Sprintf("The %s method is not supported for this route. Supported methods: %s.", r.Method, strings.Join(allowed, ", ")))
			resp.header.Set("Allow", strings.Join(allowed, ", "))
			return resp
		}
		return routeNotFound(apiPath)
	}
	req := &apiRequest{r: r, s: s, path: apiPath, params: params, query: r.URL.Query(), body: body}
	if rt.ability == "" {
		return rt.handle(s, req)
	}
	if !auth.valid {
		return apiError(http.StatusUnauthorized, "UNAUTHORIZED", "Unauthenticated.")
	}
	if auth.token.BlockedIP {
		return apiError(http.StatusForbidden, "IP_ADDRESS_NOT_WHITELISTED",
			fmt.Sprintf("The IP address %s is not whitelisted for this token.", clientIP(r)))
	}
	if !auth.token.can(rt.ability) {
		return apiError(http.StatusForbidden, "INVALID_ABILITY_PROVIDED",
			"The provided token does not have the required ability: "+rt.ability)
	}
	return rt.handle(s, req)
}

func routeNotFound(path string) *response {
	return apiError(http.StatusNotFound, "ROUTE_NOT_FOUND",
		fmt.Sprintf("The route %s could not be found.", strings.TrimPrefix(path, "/")))
}

func clientIP(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndex(host, ":"); i >= 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}

func itoa(n int) string { return strconv.Itoa(n) }
