// Package simpaymock is a stateful mock of SimPay's REST API (online
// payments, SMS premium and DirectBilling), for testing a SimPay client
// without SimPay. It knows only SimPay's contract: it answers with SimPay's
// envelope, field names, pagination and error codes, keeps what is created
// through it, and lets a test inject faults and move objects between
// statuses.
//
// # Serving
//
// New returns an http.Handler. Every API path is served under
// Options.Prefix ("" by default; SimPay's hosted mock uses
// "/_mock/en/apis"). Requests need "Authorization: Bearer <token>" with one
// of Options.Tokens (default DefaultToken, "simpay-mock-token"), except GET
// /ip, which is public: SimPay's own WooCommerce, WordPress and WHMCS
// handlers call it with no Authorization header, so the mock answers it
// with no token, or any token, and checks no ability for it.
//
// The order of checks follows a Laravel application such as SimPay's:
// routing first (404 ROUTE_NOT_FOUND for an unknown path, even without a
// token; 405 METHOD_NOT_ALLOWED with an Allow header for a known path and
// another method), then the token (401 UNAUTHORIZED), the IP allow-list
// (403 IP_ADDRESS_NOT_WHITELISTED for a token with BlockedIP), the ability
// (403 INVALID_ABILITY_PROVIDED naming it), the objects in the path (404
// SERVICE_NOT_FOUND, TRANSACTION_NOT_FOUND, REFUND_NOT_FOUND,
// NUMBER_NOT_FOUND), the body (400 INVALID_JSON when it is not a JSON
// object, 422 VALIDATION_ERROR with every field error at once), and last the
// state (409 TRANSACTION_NOT_PAID, 409 PREVIOUS_REFUND_PENDING, 400
// REFUND_AMOUNT_EXCEEDED). A literal
// path segment wins over a parameter: /sms/numbers is not a service.
//
// # Which answers are SimPay's and which are the mock's own
//
// SimPay's pages (CONTRACT.md) document these error codes, and the mock
// answers them as documented: 401 UNAUTHORIZED; 403 INVALID_ABILITY_PROVIDED
// and IP_ADDRESS_NOT_WHITELISTED; 404 SERVICE_NOT_FOUND,
// TRANSACTION_NOT_FOUND and ROUTE_NOT_FOUND (the only 404 codes SimPay's
// pages list); 422 VALIDATION_ERROR; 409 TRANSACTION_NOT_PAID; and a 400 for
// a refund SimPay cannot make (no code documented).
//
// The mock's own codes, found in no SimPay source and kept only so that its
// answers say what went wrong: 404 REFUND_NOT_FOUND, NUMBER_NOT_FOUND and
// CODE_NOT_FOUND; 404 ALIAS_NOT_FOUND (an unknown uuid to unregister: SimPay's
// page for DELETE /payment/{serviceId}/blik/aliases documents only the 204);
// 409 PREVIOUS_REFUND_PENDING (SimPay's WooCommerce plugin
// reads a 409 as "a previous refund is pending", without naming a code); 400
// REFUND_AMOUNT_EXCEEDED; 400 INVALID_JSON and 405 METHOD_NOT_ALLOWED
// (Laravel's usual answers, not SimPay's pages). The client never depends on
// them: it classifies an answer by its HTTP status and SimPay's documented
// codes (internal/client/errors_test.go, TestClientReadsMeaningNotMockCodes),
// so a 404 with any code reads as not found and a 409 with an unknown code as
// a conflict.
//
// # Abilities
//
// Each endpoint but GET /ip needs one ability. The names are those of
// SimPay's OpenAPI file where it has them (SMS, DirectBilling and the core
// payment endpoints); the rest are the mock's own guesses following its
// pattern, found in no SimPay source: payment.currencies, payment.refunds,
// payment.refunds.create, payment.refund, payment.subscriptions,
// payment.blik.aliases and payment.blik.aliases.delete.
//
//	GET  /payment                                             payment.services
//	GET  /payment/{serviceId}                                 payment.service
//	GET  /payment/{serviceId}/channels                        payment.channels
//	GET  /payment/{serviceId}/currencies                      payment.currencies
//	GET  /payment/{serviceId}/transactions                    payment.transactions
//	POST /payment/{serviceId}/transactions                    payment.transactions.create
//	GET  /payment/{serviceId}/transactions/{id}               payment.transaction
//	GET  /payment/{serviceId}/transactions/{id}/refunds       payment.refunds
//	POST /payment/{serviceId}/transactions/{id}/refunds       payment.refunds.create
//	GET  /payment/{serviceId}/transactions/{id}/refunds/{id}  payment.refund
//	GET  /payment/{serviceId}/subscriptions                   payment.subscriptions
//	GET  /payment/{serviceId}/blik/aliases                    payment.blik.aliases
//	DELETE /payment/{serviceId}/blik/aliases                  payment.blik.aliases.delete
//	GET  /ip                                                  (public: no token needed)
//	GET  /sms                                                 sms.services
//	GET  /sms/{serviceId}                                     sms.services.show
//	POST /sms/{serviceId}                                     sms.services.code
//	GET  /sms/{serviceId}/transactions                        sms.services.transactions
//	GET  /sms/{serviceId}/transactions/{id}                   sms.services.transactions.show
//	GET  /sms/{serviceId}/numbers                             sms.services.numbers
//	GET  /sms/{serviceId}/numbers/{number}                    sms.services.numbers.show
//	GET  /sms/numbers                                         sms.numbers
//	GET  /sms/numbers/{number}                                sms.numbers.show
//	GET  /directbilling                                       directbilling.services
//	GET  /directbilling/{serviceId}                           directbilling.services.show
//	GET  /directbilling/{serviceId}/calculate?amount=X        directbilling.services
//	GET  /directbilling/{serviceId}/transactions              directbilling.transactions
//	POST /directbilling/{serviceId}/transactions              directbilling.transactions.create
//	GET  /directbilling/{serviceId}/transactions/{id}         directbilling.transactions.show
//
// The Ability* constants hold these names and Abilities lists them.
//
// # Lists and pagination
//
// Service lists, transaction lists and SMS number lists are paginated:
// "page" (from 1) and "limit" (default 15, at most 99); anything else is 422
// VALIDATION_ERROR on "page" or "limit". A page past the end is an empty
// list with the true totals. Links are full URLs on the request's host and
// prefix, keeping the other query parameters. Channels, currencies, refunds
// and /ip are plain lists, as in SimPay's examples.
//
// The recurring-payment lists (GET /payment/{serviceId}/subscriptions and
// /blik/aliases) page by "page" and "perPage" (default 20, 1 to 50, as
// SimPay's pages say), not "limit", which they ignore; perPage out of range
// is 422 VALIDATION_ERROR on "perPage". They serve the examples of SimPay's
// pages "Retrieve subscription list" and "Retrieve list of BLIK aliases",
// plus Options.Subscriptions generated ones (AddSubscriptions); every filter
// is applied (filter[status], filter[mode] or filter[type], filter[uuid],
// filter[value]); a status, mode, type or sort outside the pages' enums is
// a 422, as the DirectBilling list answers an unknown filter[status]. They
// are newest first unless sort=created_at. DELETE
// /payment/{serviceId}/blik/aliases ({"uuid": ..., "reason": ... at most 20
// characters}) makes the alias alias_unregistered, answers 204 with no
// body and, with an IPN URL, sends blik:alias_status_changed.
//
// Transaction lists (online payments, SMS, DirectBilling) are newest first,
// as SimPay lists them: what was created through the API, then the
// generated transactions, newest first, then the fixtures, last listed
// first. A transaction created while a client pages through therefore
// shifts every later page by one, and the next page starts with the item
// the previous one ended with; a client must drop such repeats. (SimPay's
// own two-item list example is in the other order; the order is not
// documented.) Every other list (services, numbers, channels, currencies,
// refunds, /ip) is in insertion order.
//
// # Money and time
//
// Amounts are JSON numbers written from exact decimal text, never through a
// float. An amount is echoed in its shortest form, as PHP's json_encode
// writes a float: "24.90" comes back as 24.9 and "5.00" as 5. pln_rate in the
// currency list is a string ("4.3238000000"), as in SimPay. Timestamps are
// ISO 8601 in Polish time (+01:00 or +02:00).
//
// # Creating and refunding
//
// POST /payment/{serviceId}/transactions validates every documented
// constraint (amount >= 1 with at most 2 decimals, ISO 4217 currency,
// description <= 64, control <= 255, customer e-mail, IP and ISO 3166-1
// country, billing and shipping lengths, cart items, return URLs,
// directChannel among the service's channels with customer.ip,
// customer.countryCode (the current reference page) and antifraud.useragent
// then required, channels, boolean channelTypes, referer 6..64), and the
// types of what SimPay's newer SDKs add (returns.pending a URL,
// commissionMode merchant or payer, antifraud.systemId a string,
// channelTypes.postponed a boolean, context with simpay-ecommerce's field
// types), and answers data.transactionId and data.redirectUrl
// (https://pay.simpay.pl/<id>). The transaction is transaction_new, with a
// null commission, expires_at 24 hours after creation and customer, billing,
// shipping, cart and redirect (from "returns") as sent.
//
// A refund needs a transaction_paid transaction (409 TRANSACTION_NOT_PAID
// otherwise) with no earlier refund still refund_new or refund_pending (409
// PREVIOUS_REFUND_PENDING otherwise, naming that refund: SimPay's WooCommerce
// plugin reads a 409 so; the error code is inferred, no source names it).
// Refunds stay refund_new until SetRefundStatus moves them, so a test that
// refunds a transaction twice settles the first refund in between. An
// empty body or {} refunds what remains; {"amount": x}
// refunds part, never more than what remains (400 REFUND_AMOUNT_EXCEEDED,
// message stating the remainder), compared exactly. A refund is created as
// refund_new; one that leaves nothing to refund makes the transaction
// transaction_refunded. Rejected and failed refunds do not count.
//
// DirectBilling transactions are created as transaction_db_new with a
// redirect URL on https://db.simpay.pl/, an optional e-mail address
// (simpay-laravel's GenerateTransaction sends email) and the amount and
// amount type recorded as value_created and value_created_type. The status
// filter accepts the 2024 file's four statuses and
// transaction_db_canceled and transaction_db_generate_error (simpay-laravel,
// SimPay-API-TypeScript). An SMS code check answers
// used=false the first time and marks the code used; 404 CODE_NOT_FOUND for
// an unknown code.
//
// Ids of created objects are UUIDs (version 4; refunds version 7, like
// SimPay's) derived from Options.Seed and a counter: random-looking and
// repeatable.
//
// # Fixtures
//
// Payment services: d151e4f9 "Test service" (service_active, the seeds'
// example), e14f8074 "Online shop" (service_active, blik and mbank, PLN),
// 0f1e2d3c "Blocked service" (service_blocked) and a1b2c3d4 "New service"
// (service_new). d151e4f9 has the channels blik and mbank exactly as in the
// seeds, plus nest, card (PLN, EUR), paysafecard (5..1000), paypal (no
// amount limits: min and max null) and pix (BRL); the currencies PLN, EUR
// and ARS exactly as in the seeds; and the transactions
//
//	528bd43f-d08a-43f5-9462-861e54db37bf  paid, 24.99 PLN, nest; refund 019483a5-885e-70f7-9b5b-94387a6690da (1 PLN, completed)
//	0238d92e-0dd9-469a-9aa9-0505974336a3  paid, 24.99 PLN, blik
//	328bd42d-d08b-43f6-9463-869e5bd32b4   paid, 7.55 BRL (5 PLN original): the seeds' detail example, field for field; not a valid UUID
//	7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b  transaction_new, 49 PLN, with billing, cart and returns
//
// followed by Options.Transactions generated ones (statuses cycling through
// every documented status, two-decimal amounts, one hour apart from
// 2024-01-01T08:00:00+01:00).
//
// SMS services: d151e4f9 "TEST" (ONE_TIME_CODE, numbers 7055, 7155, 7255;
// transactions 1 (code ABC1D6, unused, test), 2 (7XK2PQ, used) and 3
// (Q9Z8Y7, unused)), 8e1f5a2b "Premium access" (CODE_PACK) and 3c9d7e10
// "Adult content" (API_URL, service_blocked). Numbers: the 17 of SimPay's
// OpenAPI file, value being the net price and value_net (value_gross in the
// SDK dialect) the price with VAT, as in its example.
//
// DirectBilling services: d151e4f9 "Usługa testowa" and 7a6b5c4d "Game
// shop" (service_verify). d151e4f9 has the transactions
// dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a (the OpenAPI example,
// transaction_db_payed), 4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30
// (transaction_db_new, phone 48123123123, control order-2001) and
// b7a3e1f0-9c2d-4e8b-a5f6-0d1c2b3a4e5f (transaction_db_rejected, phone
// 48500600700, control order-2002). The calculation uses a fixed carrier
// table that reproduces the OpenAPI example for amount=200; netia, in the
// SDK dialect only, has mock terms.
//
// /ip answers mock data: addresses from the documentation ranges (192.0.2.10,
// 192.0.2.11, 198.51.100.20, 203.0.113.30, 2001:db8:5150::10), not SimPay's.
//
// # Notifications (IPN v2)
//
// With Options.IPN.URL (or a URL for the service in Options.IPN.URLs),
// every status change of a payment transaction or refund, whether made by
// a hook, the admin API, a refund that leaves nothing to refund or the
// lifecycle below, is POSTed as SimPay sends it
// (docs.simpay.pl/en/notifications/payment): Content-Type application/json,
// User-Agent SimPay-IPN/2.0, and the JSON object {type, notification_id,
// date, data, signature}. Types: transaction:status_changed,
// transaction_refund:status_changed, and ipn:test (SendTestIPN). The
// notification_id is a version-7 UUID, the date RFC 3339 in UTC
// ("2025-05-20T16:36:07Z"), and data has the fields of SimPay's TypeScript
// SDK in its order:
//
//	transaction: id, payer_transaction_id, service_id, status,
//	  amount {final_currency, final_value, original_currency, original_value,
//	  commission_system, commission_currency}, control, payment {channel, type},
//	  customer {country_code}, paid_at, created_at
//	refund: id, service_id, status, amount {currency, value, wallet_currency,
//	  wallet_value}, transaction {id, payment_channel, payment_type}
//	ipn:test: service_id, nonce
//
// Amounts are strings with two decimals. A field without a value (control,
// payment before a channel is known, paid_at before payment, the
// commission) is left out, never null. The signature is sha256 of every
// value except the signature, depth first in the order sent, as PHP's
// (string) writes them, joined by "|", with the service's key
// (Options.IPN.Keys, else Options.IPN.Key, else DefaultIPNKey) appended;
// IPNSignature and VerifyIPNSignature compute and check it.
//
// A notification counts as delivered only when the endpoint answers 200
// with the body exactly "OK" (no surrounding whitespace: SimPay asks for a
// plaintext OK, and a mock that is stricter than SimPay fails a shop in CI
// rather than in production). Otherwise it is sent again, the same bytes,
// up to Options.IPN.Attempts times in all (default 5), waiting
// Options.IPN.Backoff (default 1s) before the second attempt and doubling
// after; each attempt is bounded by Options.IPN.Timeout (default 10s) and
// redirects are not followed. Deliveries run in their own goroutines: the
// API never waits for them. IPNDeliveries lists every notification with its
// attempts (time, status, body excerpt, duration, error), Settle waits
// until nothing is pending, and Close stops what is left.
//
// # Payment lifecycle
//
// With Options.Autopay, each payment transaction created through the API
// gets its outcome that long after its creation, if it is still
// transaction_new then, chosen by the start of its control:
//
//	fail:     transaction_failure
//	expire:   transaction_expired
//	cancel:   transaction_canceled
//	hold:     stays transaction_new
//	anything else, or no control: transaction_paid (with paid_at, channel and commission)
//
// Each refund created through the API becomes refund_completed that long
// after its creation, if it is still refund_new then. Every such change is
// notified as above.
// # Dialects
//
// SimPay's 2024 OpenAPI file and reference pages, and its 2025-26 SDKs,
// disagree on some shapes, and no captured live answer says which is right.
// Options.Dialect (simpay-mock -dialect) picks one: DialectDocumented, the
// default, answers as the documents show; DialectSDK answers as the newer
// SDKs read:
//
//	SMS number        value_gross instead of value_net, value as a string   simpay-laravel SmsNumberResponse.php, SimPay-API-TypeScript sms.number.ts, amxx-simpay-lib simpay.inc
//	SMS service       numbers as strings                                    SimPay-API-TypeScript sms.service.ts
//	DirectBilling tx  value_net instead of value_netto, plus value_created,
//	                  value_created_type (in capitals), score               simpay-laravel DirectBilling/TransactionInfoResponse.php
//	calculation       netia besides orange, play, t-mobile and plus         simpay-laravel AmountCalculatorResponse.php
//	error envelope    the code under "code" instead of "errorCode"          simpay-ecommerce SimPayClient.php
//	payment detail    additional ([] or, for 7c1e9a52, a mock object)       simpay-laravel Payment/TransactionInfoResponse.php
//
// A fault's own body is sent as given in either dialect.
//
// # Test hooks and faults
//
// Requests, CountRequests and ResetRequests expose a log of API requests
// that never holds a token. AddFault queues failures (status codes with
// SimPay error bodies, dropped connections, malformed or truncated bodies,
// success=false, delays), optionally after the real handler ran, for the
// next N requests or a fraction of them. Options.OnRequest runs after each
// request, before its answer is complete on the client's side, so a test can
// change the mock between two requests of one client call (create a
// transaction between two pages, say). SetTransactionStatus,
// SetRefundStatus, SettleRefunds, SetDirectBillingTransactionStatus and
// DeleteTransaction play SimPay's side.
//
// The same hooks are served without a token under /__admin/ (not part of
// SimPay's API, not logged, no latency or faults):
//
//	GET|POST|DELETE /__admin/faults      list, add (JSON Fault: {"method", "path", "kind": "status"|"drop"|"malformed"|"truncated"|"success_false"|"delay", "status", "errorCode", "message", "body", "retryAfter", "delay": "1.5s", "afterHandler", "times", "fraction"}), clear
//	GET|DELETE      /__admin/requests    the request log, clear it
//	GET             /__admin/counters    objects created through the API
//	POST            /__admin/latency     {"latency": "20ms"}
//	POST            /__admin/payment/{serviceId}/transactions/{transactionId}/status                   {"status": "transaction_paid"}
//	POST            /__admin/payment/{serviceId}/transactions/{transactionId}/refunds/{refundId}/status {"status": "refund_completed"}
//	POST            /__admin/directbilling/{serviceId}/transactions/{transactionId}/status             {"status": "transaction_db_payed"}
//	DELETE          /__admin/payment/{serviceId}/transactions/{transactionId}
//	POST            /__admin/payment/{serviceId}/generate {"count": n}
//	GET             /__admin/health      {"status": "ok"}, for readiness checks
//	GET|DELETE      /__admin/ipn         {"settled", "deliveries": [IPNDelivery...]}, clear; ?wait=30s first waits (at most 10m) until no delivery or lifecycle step is pending
//	POST            /__admin/ipn/test    {"service_id": "d151e4f9"}: send an ipn:test (409 without an IPN URL for the service)
package simpaymock
