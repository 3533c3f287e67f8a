package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// A recurring-payment subscription and its BLIK alias, as SimPay's lists
// show them (pages "Retrieve subscription list" and "Retrieve list of BLIK
// aliases"): the items of simpay_payment_subscriptions and
// simpay_payment_blik_aliases, which nest each in the other. Their models,
// their mapping from the client's objects, the attributes SimPay reports of
// them, the lists' filter arguments and how a failed read is reported,
// defined once for both data sources.

// subscriptionFields are a subscription's own fields, in the subscription
// list and under an alias of the alias list.
type subscriptionFields struct {
	ID                     types.String `tfsdk:"id"`
	Status                 types.String `tfsdk:"status"`
	Mode                   types.String `tfsdk:"mode"`
	Frequency              types.String `tfsdk:"frequency"`
	InitiationDate         types.String `tfsdk:"initiation_date"`
	TotalAmountLimit       DecimalValue `tfsdk:"total_amount_limit"`
	TotalTransactionsLimit types.Int64  `tfsdk:"total_transactions_limit"`
	Cancelled              types.Bool   `tfsdk:"cancelled"`
	CreatedAt              types.String `tfsdk:"created_at"`
	UpdatedAt              types.String `tfsdk:"updated_at"`
}

// subscriptionModel is an item of simpay_payment_subscriptions.
type subscriptionModel struct {
	subscriptionFields
	Blik *subscriptionBlikModel `tfsdk:"blik"`
}

type subscriptionBlikModel struct {
	Model types.String    `tfsdk:"model"`
	Alias *blikAliasModel `tfsdk:"alias"`
}

// blikAliasModel is a BLIK alias's own fields.
type blikAliasModel struct {
	ID        types.String `tfsdk:"id"`
	Type      types.String `tfsdk:"type"`
	Value     types.String `tfsdk:"value"`
	Label     types.String `tfsdk:"label"`
	BlikKey   types.String `tfsdk:"blik_key"`
	Status    types.String `tfsdk:"status"`
	ExpiresAt types.String `tfsdk:"expires_at"`
	CreatedAt types.String `tfsdk:"created_at"`
	UpdatedAt types.String `tfsdk:"updated_at"`
}

func newSubscriptionFields(s *client.PaymentSubscription) subscriptionFields {
	f := subscriptionFields{
		ID: nonEmptyOrNull(s.ID), Status: nonEmptyOrNull(s.Status), Mode: nonEmptyOrNull(s.Mode),
		Frequency: stringOrNull(s.Frequency), InitiationDate: timestampOrNull(s.InitiationDate),
		TotalAmountLimit:       decimalOrNull(s.TotalAmountLimit.String()),
		TotalTransactionsLimit: types.Int64Null(), Cancelled: types.BoolNull(),
		CreatedAt: timestamp(s.CreatedAt), UpdatedAt: timestamp(s.UpdatedAt),
	}
	if s.TotalTransactionsLimit != nil {
		f.TotalTransactionsLimit = types.Int64Value(int64(*s.TotalTransactionsLimit))
	}
	if s.Cancelled != nil {
		f.Cancelled = types.BoolValue(bool(*s.Cancelled))
	}
	return f
}

func newBlikAliasModel(a *client.BlikAliasDetails) *blikAliasModel {
	if a == nil {
		return nil
	}
	return &blikAliasModel{
		ID: nonEmptyOrNull(a.ID), Type: nonEmptyOrNull(a.Type), Value: nonEmptyOrNull(a.Value),
		Label: stringOrNull(a.Label), BlikKey: stringOrNull(a.BlikKey), Status: nonEmptyOrNull(a.Status),
		ExpiresAt: timestampOrNull(a.ExpiresAt), CreatedAt: timestamp(a.CreatedAt), UpdatedAt: timestamp(a.UpdatedAt),
	}
}

func newSubscriptionModel(s *client.PaymentSubscription) subscriptionModel {
	m := subscriptionModel{subscriptionFields: newSubscriptionFields(s)}
	if s.Blik != nil {
		m.Blik = &subscriptionBlikModel{Model: nonEmptyOrNull(s.Blik.Model), Alias: newBlikAliasModel(s.Blik.Alias)}
	}
	return m
}

// subscriptionFieldAttributes describes subscriptionFields.
func subscriptionFieldAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": readString("Subscription id (a UUID)."),
		"status": readString("Subscription status as SimPay reports it: SimPay documents " + codeList(subscriptionStatuses) +
			"; a status SimPay adds later is kept as sent."),
		"mode":            readString("How the subscription is paid: `BLIK` or `CARD`."),
		"frequency":       readString("How often the subscription charges, as SimPay writes it, such as `1M`; null when SimPay sends none."),
		"initiation_date": readString("When the subscription started charging (RFC 3339); null when SimPay sends none."),
		"total_amount_limit": amountattr.Read("The most the subscription may charge in all, as a decimal string " +
			"exactly as SimPay wrote it; null when it has no such limit."),
		"total_transactions_limit": schema.Int64Attribute{Computed: true, MarkdownDescription: "The most payments the " +
			"subscription may make; null when it has no such limit."},
		"cancelled": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the subscription was cancelled, " +
			"as SimPay reports it (`true`/`false`, or `1`/`0`); null when SimPay sends null."},
		"created_at": readString("When the subscription was created (RFC 3339)."),
		"updated_at": readString("When the subscription last changed (RFC 3339)."),
	}
}

// blikAliasAttributes describes blikAliasModel.
func blikAliasAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":   readString("Alias id (a UUID): the `uuid` that `simpay_payment_blik_alias_unregister` takes."),
		"type": readString("Alias type: `PAYID` (a subscription's alias) or `UID` (the shop's own id of the payer, for BLIK OneClick)."),
		"value": readString("The alias's value: the shop's id of the payer or of the subscription, as given when the " +
			"alias was registered."),
		"label":    readString("The label the payer's banking app shows; null when none was given."),
		"blik_key": readString("BLIK's key of the alias, as SimPay reports it; null in every example SimPay prints."),
		"status": readString("Alias status as SimPay reports it: SimPay documents " + codeList(blikAliasStatuses) +
			"; a status SimPay adds later is kept as sent."),
		"expires_at": readString("When the alias expires (RFC 3339); null when SimPay sends none, as for an unregistered alias."),
		"created_at": readString("When the alias was created (RFC 3339)."),
		"updated_at": readString("When the alias last changed (RFC 3339), such as when it was unregistered."),
	}
}

// withAttributes returns base with extra added.
func withAttributes(base map[string]schema.Attribute, extra map[string]schema.Attribute) map[string]schema.Attribute {
	for k, v := range extra {
		base[k] = v
	}
	return base
}

// recurringStatusFilter is a list's optional status filter: kept and
// warned about when SimPay does not document it, as every status filter.
func recurringStatusFilter(kind, what string, known []string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		MarkdownDescription: "Keep only " + kind + " with this status, sent to SimPay as `filter[status]`: " +
			codeList(known) + "; another value gives a warning, not an error, and is sent as written.",
		Validators: []validator.String{knownValuesWarning(what, known...)},
	}
}

// recurringClosedFilter is an optional filter whose values SimPay's page
// lists as an enum, refused at validate time when it is not one of them.
func recurringClosedFilter(desc string, values []string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true, MarkdownDescription: desc + " " + codeList(values) + ".",
		Validators: []validator.String{stringvalidator.OneOf(values...)},
	}
}

// recurringSortArgument is the lists' sort argument.
func recurringSortArgument(kind string) schema.StringAttribute {
	return recurringClosedFilter("The order of the "+kind+", sent to SimPay as `sort`: `-created_at` is newest first, "+
		"`created_at` oldest first; unset leaves SimPay's order (newest first in its examples). One of", recurringSorts)
}

// recurringFilterPath maps SimPay's 422 field names for the recurring
// lists' filters (filter.status or filter[status], sort) to the arguments.
func recurringFilterPath(field string) (path.Path, bool) {
	name := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(field, "filter."), "filter["), "]")
	switch name {
	case "status", "mode", "type", "uuid", "value", "sort":
		return path.Root(name), true
	}
	return path.Empty(), false
}

// blikAliasItemModel is an item of simpay_payment_blik_aliases: the alias
// and its subscription, whose blik holds the model alone in SimPay's list.
type blikAliasItemModel struct {
	blikAliasModel
	Subscription *aliasSubscriptionModel `tfsdk:"subscription"`
}

type aliasSubscriptionModel struct {
	subscriptionFields
	Blik *aliasSubscriptionBlikModel `tfsdk:"blik"`
}

type aliasSubscriptionBlikModel struct {
	Model types.String `tfsdk:"model"`
}

func newBlikAliasItemModel(a *client.BlikAlias) blikAliasItemModel {
	m := blikAliasItemModel{blikAliasModel: *newBlikAliasModel(&a.BlikAliasDetails)}
	if s := a.Subscription; s != nil {
		m.Subscription = &aliasSubscriptionModel{subscriptionFields: newSubscriptionFields(s)}
		if s.Blik != nil {
			m.Subscription.Blik = &aliasSubscriptionBlikModel{Model: nonEmptyOrNull(s.Blik.Model)}
		}
	}
	return m
}

// readRecurringError reports a failed read of a recurring-payment list: a
// 404 is the service, a 422 names the filter SimPay refused.
func readRecurringError(diags *diag.Diagnostics, action, serviceID string, err error) {
	switch {
	case addServiceNotFound(diags, path.Root("service_id"), paymentServices, serviceID, err):
	case client.KindOf(err) == client.KindValidation:
		diags.Append(validationDiagnostics(action, err, recurringFilterPath)...)
	default:
		diags.Append(apiErrorDiagnostic(action, err))
	}
}
