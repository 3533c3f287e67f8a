package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// A DirectBilling transaction, as the simpay_directbilling_transaction
// resource and data source and the items of simpay_directbilling_transactions
// show it: its models, its mapping from the client's transaction, and the
// attributes SimPay reports of it, defined once for all of them. control and
// phone_number are arguments of the resource and read back by the data
// sources, so only they are described apart.

// directBillingTransactionReportedAttrs are what SimPay reports about a
// DirectBilling transaction (directBillingTransactionReported).
var directBillingTransactionReportedAttrs = reportedAttrs{
	"status": textReported("Transaction status as SimPay reports it. SimPay documents " + codeList(directBillingTransactionStatuses) +
		" (the last two in its newer SDKs only); a transaction starts as `transaction_db_new`, and a status SimPay " +
		"adds later is kept as sent."),
	"value": amountReported("The transaction's value as SimPay reports it (its `value`), a decimal string in PLN. SimPay computes it " +
		"from the amount and amount type the transaction was created with."),
	"value_net": amountReported("What you receive from the transaction as SimPay reports it, a decimal string in PLN. SimPay's 2024 " +
		"OpenAPI file names it `value_netto`, its newer SDKs `value_net`: either is read, so it is the same number " +
		"whichever SimPay sends."),
	"value_created": amountReported("The amount the transaction was created with, as SimPay reports it (its `value_created`), a " +
		"decimal string in PLN; `value_created_type` says what it is. Null when SimPay does not send it (its 2024 " +
		"OpenAPI file does not name it; simpay-laravel reads it)."),
	"value_created_type": textReported("What `value_created` is, as SimPay reports it (its `value_created_type`): `required`, `net` " +
		"or `gross`, as `amount_type` of the resource. Written in lower case whatever case SimPay uses, so that " +
		"`\"GROSS\"` and `\"gross\"` are one value; null when SimPay does not send it."),
	"operator": textReported("Mobile carrier the payer paid through, as SimPay names it: `orange`, `play`, `t-mobile`, `plus` or " +
		"`netia` (one SimPay adds later is kept as sent); null until SimPay knows it."),
	"score": amountReported("SimPay's score of the transaction (its `score`), a decimal string such as `\"0.85\"`, exactly as SimPay " +
		"sends it. SimPay does not say what it measures (simpay-laravel reads it as an optional number); null when " +
		"SimPay does not send it."),
	"notify": objectReported("Whether, when and how often SimPay notified your service's notification URL of this "+
		"transaction; null when SimPay does not say (its list of transactions leaves it out).", reportedAttrs{
		"sent":         boolReported("Whether SimPay has sent a notification (SimPay's `is_send`)."),
		"last_sent_at": textReported("When SimPay last sent one (RFC 3339); null if never."),
		"count":        int64Reported("How many notifications SimPay has sent."),
	}),
	"created_at": textReported("When SimPay created the transaction (RFC 3339)."),
	"updated_at": textReported("When the transaction last changed in SimPay (RFC 3339)."),
}

var directBillingNotifyAttrTypes = directBillingTransactionReportedAttrs["notify"].attrs.attrTypes()

// directBillingTransactionReturnedAttrs are the arguments SimPay returns
// (directBillingTransactionReturned), as the data sources read them back.
var directBillingTransactionReturnedAttrs = reportedAttrs{
	"control": textReported("Your own value given when the transaction was created (`control`); null when none was."),
	"phone_number": textReported("Phone number the payment comes from, digits only with the country code first, such as " +
		"`\"48123123123\"`: the one forced at creation, or the payer's once SimPay knows it; null otherwise."),
}

// directBillingTransactionReturned holds the arguments of a DirectBilling
// transaction that SimPay returns when it is read.
type directBillingTransactionReturned struct {
	Control     types.String `tfsdk:"control"`
	PhoneNumber types.String `tfsdk:"phone_number"`
}

// directBillingTransactionReported holds what SimPay reports about a
// DirectBilling transaction. Fields SimPay's 2024 file does not name
// (value_created, value_created_type, score) and those its list leaves out
// (notify) are null when SimPay does not send them.
type directBillingTransactionReported struct {
	Status           types.String `tfsdk:"status"`
	Value            DecimalValue `tfsdk:"value"`
	ValueNet         DecimalValue `tfsdk:"value_net"`
	ValueCreated     DecimalValue `tfsdk:"value_created"`
	ValueCreatedType types.String `tfsdk:"value_created_type"`
	Operator         types.String `tfsdk:"operator"`
	Score            DecimalValue `tfsdk:"score"`
	// Notify is an object value (sent, last_sent_at, count) so that the
	// resource's plan can hold it unknown.
	Notify    types.Object `tfsdk:"notify"`
	CreatedAt types.String `tfsdk:"created_at"`
	UpdatedAt types.String `tfsdk:"updated_at"`
}

// directBillingTransactionItem is a DirectBilling transaction under the
// attribute names and shapes of the simpay_directbilling_transaction
// resource: an item of simpay_directbilling_transactions, and the top level
// of simpay_directbilling_transaction.
type directBillingTransactionItem struct {
	ID types.String `tfsdk:"id"`
	directBillingTransactionReturned
	directBillingTransactionReported
}

// directBillingTransactionAttributes are the attributes of
// directBillingTransactionItem, as a data source shows them.
func directBillingTransactionAttributes() map[string]dschema.Attribute {
	attrs := directBillingTransactionReportedAttrs.dataSourceWith(directBillingTransactionReturnedAttrs.dataSource())
	// The create-only skeleton's wording for the resource's id.
	attrs["id"] = readString("Id of the DirectBilling transaction, as SimPay assigned it (a UUID).")
	return attrs
}

func newDirectBillingTransactionItem(t *client.DirectBillingTransaction) (directBillingTransactionItem, diag.Diagnostics) {
	returned, reported, diags := newDirectBillingTransactionView(t)
	return directBillingTransactionItem{ID: nonEmptyOrNull(t.ID), directBillingTransactionReturned: returned,
		directBillingTransactionReported: reported}, diags
}

// newDirectBillingTransactionView is a DirectBilling transaction as SimPay
// reports it, whether read alone or in SimPay's list (which sends fewer
// fields: the others are null). value_created_type is lower-cased:
// simpay-laravel lower-cases it before reading it, so SimPay's case is not
// settled, and one spelling in state means a refresh that reads "GROSS"
// after "gross" changes nothing.
func newDirectBillingTransactionView(t *client.DirectBillingTransaction) (directBillingTransactionReturned, directBillingTransactionReported, diag.Diagnostics) {
	returned := directBillingTransactionReturned{
		Control:     stringOrNull(t.Control),
		PhoneNumber: nonEmptyOrNull(string(t.PhoneNumber)),
	}
	reported := directBillingTransactionReported{
		Status:           nonEmptyOrNull(t.Status),
		Value:            decimalOrNull(t.Value.String()),
		ValueNet:         decimalOrNull(t.ValueNet.String()),
		ValueCreated:     decimalOrNull(t.ValueCreated.String()),
		ValueCreatedType: nonEmptyOrNull(strings.ToLower(string(t.ValueCreatedType))),
		Operator:         stringOrNull(t.Operator),
		Score:            decimalOrNull(t.Score.String()),
		Notify:           types.ObjectNull(directBillingNotifyAttrTypes),
		CreatedAt:        timestamp(t.CreatedAt),
		UpdatedAt:        timestamp(t.UpdatedAt),
	}
	if t.Notify == nil {
		return returned, reported, nil
	}
	var diags diag.Diagnostics
	reported.Notify, diags = types.ObjectValue(directBillingNotifyAttrTypes, map[string]attr.Value{
		"sent":         types.BoolValue(bool(t.Notify.IsSend)),
		"last_sent_at": timestampOrNull(t.Notify.LastSendAt),
		"count":        types.Int64Value(int64(t.Notify.Count)),
	})
	return returned, reported, diags
}
