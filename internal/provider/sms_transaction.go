package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// An SMS transaction, as simpay_sms_transaction and the items of
// simpay_sms_transactions show it: its model, its mapping from the client's
// transaction, and its attributes. No resource makes one.

// smsTransactionModel is an SMS a service received, as SimPay reports it.
type smsTransactionModel struct {
	ID         types.Int64  `tfsdk:"id"`
	From       types.String `tfsdk:"from"`
	Code       types.String `tfsdk:"code"`
	Used       types.Bool   `tfsdk:"used"`
	SendNumber types.Int64  `tfsdk:"send_number"`
	Value      DecimalValue `tfsdk:"value"`
	SendAt     types.String `tfsdk:"send_at"`
}

// newSMSTransactionModel is an SMS transaction as SimPay reports it.
func newSMSTransactionModel(t *client.SMSTransaction) smsTransactionModel {
	return smsTransactionModel{
		ID:         types.Int64Value(int64(t.ID)),
		From:       nonEmptyOrNull(string(t.From)),
		Code:       nonEmptyOrNull(t.Code),
		Used:       types.BoolValue(bool(t.Used)),
		SendNumber: types.Int64Value(int64(t.SendNumber)),
		Value:      decimalOrNull(t.Value.String()),
		SendAt:     timestamp(t.SendAt),
	}
}

// smsTransactionAttributes are the attributes of an SMS transaction: the
// items of simpay_sms_transactions, and simpay_sms_transaction's own.
func smsTransactionAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.Int64Attribute{Computed: true, MarkdownDescription: "SimPay's id of the SMS transaction, " +
			"an integer such as `1`."},
		"from": readString("Phone number the SMS came from, digits only with the country code first, such as " +
			"`\"48123123123\"`."),
		"code": readString("The code SimPay answered the SMS with, such as `ABC1D6`: what the payer enters in " +
			"your shop."),
		"used": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the code has been used " +
			"(SimPay's `used`)."},
		"send_number": schema.Int64Attribute{Computed: true, MarkdownDescription: "Premium-rate number the SMS " +
			"was sent to, such as `7055` (SimPay's `send_number`)."},
		"value": amountattr.Read("SimPay's `value` of the SMS, in PLN, as a decimal string such as `\"0.5\"`, exactly " +
			"as SimPay sends it."),
		"send_at": readString("When SimPay received the SMS (RFC 3339; SimPay's `send_at`)."),
	}
}
