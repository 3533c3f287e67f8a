package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// The models of SimPay's services and premium-rate numbers, with their
// attributes: a list data source shows each item as its single data source
// shows the one it reads.

// serviceAttributes are the computed attributes of a service object.
func serviceAttributes(kind string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":         schema.StringAttribute{Computed: true, MarkdownDescription: "Service id: 8 hexadecimal characters."},
		"name":       schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the " + kind + " service."},
		"status":     schema.StringAttribute{Computed: true, MarkdownDescription: "Service status, such as `service_active`."},
		"created_at": schema.StringAttribute{Computed: true, MarkdownDescription: "When the service was created (RFC 3339)."},
	}
}

// paymentServiceModel is one online-payment service; simpay_payment_service
// has the same attributes at the top level.
type paymentServiceModel struct {
	ID        types.String `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	Status    types.String `tfsdk:"status"`
	CreatedAt types.String `tfsdk:"created_at"`
}

func newPaymentServiceModel(s client.PaymentService) paymentServiceModel {
	return paymentServiceModel{
		ID:        types.StringValue(s.ID),
		Name:      types.StringValue(s.Name),
		Status:    types.StringValue(s.Status),
		CreatedAt: timestamp(s.CreatedAt),
	}
}

// directBillingServiceModel is one DirectBilling service;
// simpay_directbilling_service has the same attributes at the top level.
type directBillingServiceModel struct {
	ID        types.String `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	Suffix    types.String `tfsdk:"suffix"`
	Status    types.String `tfsdk:"status"`
	CreatedAt types.String `tfsdk:"created_at"`
}

func newDirectBillingServiceModel(s client.DirectBillingService) directBillingServiceModel {
	return directBillingServiceModel{
		ID:        types.StringValue(s.ID),
		Name:      types.StringValue(s.Name),
		Suffix:    types.StringValue(s.Suffix),
		Status:    types.StringValue(s.Status),
		CreatedAt: timestamp(s.CreatedAt),
	}
}

// directBillingServiceAttributes are the computed attributes of a
// DirectBilling service.
func directBillingServiceAttributes() map[string]schema.Attribute {
	attrs := serviceAttributes(directBillingServices.Name)
	attrs["suffix"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Title of the service in SimPay's " +
		"reports."}
	return attrs
}

// smsServiceModel is one SMS premium service in the list;
// simpay_sms_service has the same attributes at the top level, plus numbers.
type smsServiceModel struct {
	ID          types.String `tfsdk:"id"`
	Type        types.String `tfsdk:"type"`
	Status      types.String `tfsdk:"status"`
	Name        types.String `tfsdk:"name"`
	Prefix      types.String `tfsdk:"prefix"`
	Suffix      types.String `tfsdk:"suffix"`
	Description types.String `tfsdk:"description"`
	Adult       types.Bool   `tfsdk:"adult"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

func newSMSServiceModel(s client.SMSService) smsServiceModel {
	return smsServiceModel{
		ID:          types.StringValue(s.ID),
		Type:        types.StringValue(s.Type),
		Status:      types.StringValue(s.Status),
		Name:        types.StringValue(s.Name),
		Prefix:      types.StringValue(s.Prefix),
		Suffix:      types.StringValue(s.Suffix),
		Description: stringOrNull(s.Description),
		Adult:       types.BoolValue(bool(s.Adult)),
		CreatedAt:   timestamp(s.CreatedAt),
	}
}

// smsServiceAttributes are the computed attributes of an SMS service.
func smsServiceAttributes() map[string]schema.Attribute {
	attrs := serviceAttributes(smsServices.Name)
	attrs["type"] = schema.StringAttribute{Computed: true, MarkdownDescription: "How the service hands out codes: " +
		"`ONE_TIME_CODE`, `CODE_PACK` or `API_URL` (kept as SimPay sends it, should SimPay add another)."}
	attrs["prefix"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Prefix of the service: the first " +
		"part of the SMS text the payer sends, such as `SIM`."}
	attrs["suffix"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Suffix of the service: the second " +
		"part of the SMS text the payer sends, which tells SimPay which service the SMS pays for."}
	attrs["description"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Description of the service; " +
		"null when it has none."}
	attrs["adult"] = schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the service is for adults " +
		"only (18+)."}
	return attrs
}

// smsNumberModel is a premium-rate number and its price; simpay_sms_service
// uses it for the service's numbers too.
type smsNumberModel struct {
	Number     types.Int64  `tfsdk:"number"`
	Value      DecimalValue `tfsdk:"value"`
	ValueGross DecimalValue `tfsdk:"value_gross"`
	Adult      types.Bool   `tfsdk:"adult"`
}

func newSMSNumberModels(numbers []client.SMSNumber) []smsNumberModel {
	out := make([]smsNumberModel, 0, len(numbers))
	for _, n := range numbers {
		out = append(out, smsNumberModel{
			Number:     types.Int64Value(int64(n.Number)),
			Value:      decimalOrNull(n.Value.String()),
			ValueGross: decimalOrNull(n.ValueGross.String()),
			Adult:      types.BoolValue(bool(n.Adult)),
		})
	}
	return out
}

// smsNumberAttributes are the computed attributes of a premium-rate number.
// The gross price is named for what it is: SimPay's 2024 OpenAPI file sends
// it as value_net (its example: 7055, value 2, value_net 2.46), its newer
// SDKs read it as value_gross, and the client reads either.
func smsNumberAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"number": schema.Int64Attribute{Computed: true, MarkdownDescription: "Premium-rate number the payer sends " +
			"the SMS to, such as `7055`."},
		"value": amountattr.Read("Price of an " +
			"SMS to this number without VAT (net), in PLN, as a decimal string, such as `\"2\"` (SimPay's `value`)."),
		"value_gross": amountattr.Read("Price " +
			"of an SMS to this number with 23% VAT (gross), what the sender pays, in PLN, as a decimal string, such as " +
			"`\"2.46\"`. SimPay sends it as `value_gross` (its current SDKs) or as `value_net` (its 2024 OpenAPI file, " +
			"whose example has it above `value`); either is read. Null when SimPay sends neither."),
		"adult": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the number is reserved for " +
			"adult (18+) services."},
	}
}
