package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Attributes that several data sources or resources declare alike.

// Resources.

// optionalString is an optional argument of a create-only resource: it
// replaces the object when it changes. returned says whether SimPay returns
// it when the object is read (see replaceReturned).
func optionalString(desc string, returned bool, validators ...validator.String) rschema.StringAttribute {
	mods := replaceString()
	if returned {
		mods = replaceReturnedString()
	}
	return rschema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: validators, PlanModifiers: mods}
}

func optionalBool(desc string) rschema.BoolAttribute {
	return rschema.BoolAttribute{Optional: true, MarkdownDescription: desc, PlanModifiers: replaceBool()}
}

// computedString is what SimPay reports about a created object; it keeps its
// state value in plans, since only a refresh changes it.
func computedString(desc string) rschema.StringAttribute {
	return rschema.StringAttribute{
		Computed: true, MarkdownDescription: desc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// addressAttribute is the billing or shipping address of a new payment
// transaction.
func addressAttribute(kind string) rschema.SingleNestedAttribute {
	field := func(desc string, v ...validator.String) rschema.StringAttribute {
		return optionalString(desc, true, v...)
	}
	return rschema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "The payer's " + kind + " address, sent to SimPay as `" + kind + "`. Set at least one " +
			"attribute, or leave the whole object out.",
		Validators:    []validator.Object{notEmptyObject()},
		PlanModifiers: replaceReturnedObject(),
		Attributes: map[string]rschema.Attribute{
			"name": field("The payer's name, 5 to 64 characters, SimPay's limit: write the first name with the surname, "+
				"such as `Jan Kowalski`, since many first names alone (Jan, Ewa, Anna) are shorter than SimPay takes.", payerNameValidator()),
			"surname":     field("Surname, at most 64 characters.", stringvalidator.UTF8LengthBetween(1, 64)),
			"street":      field("Street, at most 64 characters.", stringvalidator.UTF8LengthBetween(1, 64)),
			"building":    field("Building number, at most 16 characters.", stringvalidator.UTF8LengthBetween(1, 16)),
			"flat":        field("Flat number, at most 16 characters.", stringvalidator.UTF8LengthBetween(1, 16)),
			"city":        field("City, at most 32 characters.", stringvalidator.UTF8LengthBetween(1, 32)),
			"region":      field("Region (voivodeship, state), at most 32 characters.", stringvalidator.UTF8LengthBetween(1, 32)),
			"postal_code": field("Postal code in the format of `country` (sent as `postalCode`).", stringvalidator.UTF8LengthAtLeast(1)),
			"country":     field("Country: an ISO 3166-1 alpha-2 code such as `PL`.", countryCodeValidator()),
			"company":     field("Company name.", stringvalidator.UTF8LengthAtLeast(1)),
		},
	}
}

// Data sources.

// serviceIDArgument is the required id of a service to look up.
func serviceIDArgument(kind string) dschema.StringAttribute {
	return dschema.StringAttribute{
		Required:            true,
		MarkdownDescription: "Id of the " + kind + " service: 8 lowercase hexadecimal characters, as shown in the SimPay panel.",
		Validators:          []validator.String{serviceIDValidator()},
	}
}

// transactionIDArgument is the required id of a transaction to look up.
func transactionIDArgument(desc string) dschema.StringAttribute {
	return dschema.StringAttribute{
		Required:            true,
		MarkdownDescription: desc + " Usually a lowercase UUID, such as `1d87a1b3-18f8-4146-bcb1-c0c9f293b04f`; any id SimPay returns is accepted.",
		Validators:          []validator.String{objectIDValidator("transaction")},
	}
}

// serviceAttributes are the computed attributes of a service object.
func serviceAttributes(kind string) map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"id":         dschema.StringAttribute{Computed: true, MarkdownDescription: "Service id: 8 hexadecimal characters."},
		"name":       dschema.StringAttribute{Computed: true, MarkdownDescription: "Name of the " + kind + " service."},
		"status":     dschema.StringAttribute{Computed: true, MarkdownDescription: "Service status, such as `service_active`."},
		"created_at": dschema.StringAttribute{Computed: true, MarkdownDescription: "When the service was created (RFC 3339)."},
	}
}

// serviceStatusFilter is the optional status a list of services is filtered by.
func serviceStatusFilter(kind string) dschema.StringAttribute {
	return dschema.StringAttribute{
		Optional: true,
		MarkdownDescription: "Keep only " + kind + " services with this status, such as `service_active`. " +
			"SimPay documents " + codeList(serviceStatuses) + ".",
		Validators: []validator.String{knownValuesWarning("service status", serviceStatuses...)},
	}
}

// readString is what a data source reads from SimPay.
func readString(desc string) dschema.StringAttribute {
	return dschema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

// Descriptions.

// codeList writes values as Markdown code, "`a`, `b` and `c`", for
// descriptions.
func codeList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}

// DirectBilling transactions.

// refreshedOnRead ends the description of a resource's attribute that a
// refresh updates.
const refreshedOnRead = " Refreshed on every read."

// dbText describes what SimPay reports about a DirectBilling transaction:
// one wording for the simpay_directbilling_transaction resource and the data
// sources that show such a transaction under the same attribute names.
var dbText = struct {
	control, phoneNumber                                                     string
	status, value, valueNet, valueCreated, valueCreatedType, operator, score string
	notify, notifySent, notifyLastSentAt, notifyCount, createdAt, updatedAt  string
}{
	control: "Your own value given when the transaction was created (`control`); null when none was.",
	phoneNumber: "Phone number the payment comes from, digits only with the country code first, such as " +
		"`\"48123123123\"`: the one forced at creation, or the payer's once SimPay knows it; null otherwise.",
	status: "Transaction status as SimPay reports it. SimPay documents " + codeList(directBillingTransactionStatuses) +
		" (the last two in its newer SDKs only); a transaction starts as `transaction_db_new`, and a status SimPay " +
		"adds later is kept as sent.",
	value: "The transaction's value as SimPay reports it (its `value`), a decimal string in PLN. SimPay computes it " +
		"from the amount and amount type the transaction was created with.",
	valueNet: "What you receive from the transaction as SimPay reports it, a decimal string in PLN. SimPay's 2024 " +
		"OpenAPI file names it `value_netto`, its newer SDKs `value_net`: either is read, so it is the same number " +
		"whichever SimPay sends.",
	valueCreated: "The amount the transaction was created with, as SimPay reports it (its `value_created`), a " +
		"decimal string in PLN; `value_created_type` says what it is. Null when SimPay does not send it (its 2024 " +
		"OpenAPI file does not name it; simpay-laravel reads it).",
	valueCreatedType: "What `value_created` is, as SimPay reports it (its `value_created_type`): `required`, `net` " +
		"or `gross`, as `amount_type` of the resource. Written in lower case whatever case SimPay uses, so that " +
		"`\"GROSS\"` and `\"gross\"` are one value; null when SimPay does not send it.",
	operator: "Mobile carrier the payer paid through, as SimPay names it: `orange`, `play`, `t-mobile`, `plus` or " +
		"`netia` (one SimPay adds later is kept as sent); null until SimPay knows it.",
	score: "SimPay's score of the transaction (its `score`), a decimal string such as `\"0.85\"`, exactly as SimPay " +
		"sends it. SimPay does not say what it measures (simpay-laravel reads it as an optional number); null when " +
		"SimPay does not send it.",
	notify: "Whether, when and how often SimPay notified your service's notification URL of this transaction; null " +
		"when SimPay does not say (its list of transactions leaves it out).",
	notifySent:       "Whether SimPay has sent a notification (SimPay's `is_send`).",
	notifyLastSentAt: "When SimPay last sent one (RFC 3339); null if never.",
	notifyCount:      "How many notifications SimPay has sent.",
	createdAt:        "When SimPay created the transaction (RFC 3339).",
	updatedAt:        "When the transaction last changed in SimPay (RFC 3339).",
}
