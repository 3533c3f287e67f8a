package provider

// recurringBadInputCases are the bad inputs of SimPay's recurring payments:
// the subscription and BLIK alias lists. Each is refused at validate time,
// before any request. The unregister action's
// bad inputs are in TestAccPaymentBlikAliasUnregisterActionErrors: this
// suite's in-process provider cannot serve an action's validation.
func recurringBadInputCases() []badInputCase {
	subs := func(lines ...string) string {
		return dataSource("simpay_payment_subscriptions", []string{validServiceID}, lines...)
	}
	aliases := func(lines ...string) string {
		return dataSource("simpay_payment_blik_aliases", []string{validServiceID}, lines...)
	}
	return []badInputCase{
		{name: "data/payment_subscriptions service_id with a path", body: subs(`service_id = "d151e4f9/../../ip"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/payment_subscriptions mode unknown", body: subs(`mode = "PAYPAL"`),
			stage: "validate", attr: "mode", want: `mode value must be one of: \["BLIK" "CARD"\], got: "PAYPAL"`},
		{name: "data/payment_subscriptions mode in lower case", body: subs(`mode = "blik"`),
			stage: "validate", attr: "mode", want: `must be one of: \["BLIK" "CARD"\], got: "blik"`},
		{name: "data/payment_subscriptions sort by amount", body: subs(`sort = "amount"`),
			stage: "validate", attr: "sort", want: `sort value must be one of: \["-created_at" "created_at"\], got: "amount"`},
		{name: "data/payment_subscriptions uuid with a path", body: subs(`uuid = "../x"`),
			stage: "validate", attr: "uuid", want: `must be a SimPay subscription id`},
		{name: "data/payment_blik_aliases service_id too short", body: aliases(`service_id = "d151e4f"`),
			stage: "validate", attr: "service_id", want: `must be a SimPay service id`},
		{name: "data/payment_blik_aliases type unknown", body: aliases(`type = "EMAIL"`),
			stage: "validate", attr: "type", want: `type value must be one of: \["PAYID" "UID"\], got: "EMAIL"`},
		{name: "data/payment_blik_aliases sort newest with a space", body: aliases(`sort = "- created_at"`),
			stage: "validate", attr: "sort", want: `must be one of: \["-created_at" "created_at"\]`},
		{name: "data/payment_blik_aliases uuid empty", body: aliases(`uuid = ""`),
			stage: "validate", attr: "uuid", want: `must be a SimPay alias id`},
		{name: "data/payment_blik_aliases value empty", body: aliases(`value = ""`),
			stage: "validate", attr: "value", want: `value string length must be at least 1`},
	}
}

// docsPremiumAlias is the first alias of the example on SimPay's page
// "Retrieve list of BLIK aliases", in the mock's fixtures.
const docsPremiumAlias = "019970c6-3ce8-71e7-8214-20fd635532fb"
