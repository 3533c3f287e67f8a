package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The models of SimPay's transactions and refunds. A data source and a
// resource that show the same SimPay object embed the same model, so the
// object has the same attribute names and shapes in both: moving from one
// to the other changes the block type, not the attribute paths.

// Online-payment transactions: the simpay_payment_transaction resource and
// data source.

// paymentTransactionReturned holds what a transaction was created with, as
// SimPay returns it when the transaction is read: arguments of the resource,
// read-only attributes of the data source.
type paymentTransactionReturned struct {
	Amount      DecimalValue            `tfsdk:"amount"`
	Currency    types.String            `tfsdk:"currency"`
	Description types.String            `tfsdk:"description"`
	Control     types.String            `tfsdk:"control"`
	Customer    *paymentCustomerModel   `tfsdk:"customer"`
	Billing     *paymentAddressModel    `tfsdk:"billing"`
	Shipping    *paymentAddressModel    `tfsdk:"shipping"`
	Cart        []paymentCartItemModel  `tfsdk:"cart"`
	ReturnURLs  *paymentReturnURLsModel `tfsdk:"return_urls"`
}

// paymentTransactionReported holds what SimPay reports about a transaction
// and changes over its life.
type paymentTransactionReported struct {
	Status             types.String `tfsdk:"status"`
	Channel            types.String `tfsdk:"channel"`
	PayerTransactionID types.String `tfsdk:"payer_transaction_id"`
	PaidAt             types.String `tfsdk:"paid_at"`
	ExpiresAt          types.String `tfsdk:"expires_at"`
	CreatedAt          types.String `tfsdk:"created_at"`
	UpdatedAt          types.String `tfsdk:"updated_at"`
	// AdditionalJSON is SimPay's "additional" as the JSON text it sent;
	// null when it sent none.
	AdditionalJSON types.String `tfsdk:"additional_json"`
	// ReportedAmount is an object value (of paymentReportedAmountModel)
	// rather than a struct, so that the resource's plan can hold it unknown.
	ReportedAmount types.Object `tfsdk:"reported_amount"`
}

type paymentCustomerModel struct {
	Name        types.String `tfsdk:"name"`
	Email       types.String `tfsdk:"email"`
	IP          types.String `tfsdk:"ip"`
	CountryCode types.String `tfsdk:"country_code"`
}

type paymentAntifraudModel struct {
	UserAgent  types.String `tfsdk:"useragent"`
	SystemID   types.String `tfsdk:"system_id"`
	SteamID    types.String `tfsdk:"steamid"`
	MCUsername types.String `tfsdk:"mcusername"`
	MCID       types.String `tfsdk:"mcid"`
}

type paymentAddressModel struct {
	Name       types.String `tfsdk:"name"`
	Surname    types.String `tfsdk:"surname"`
	Street     types.String `tfsdk:"street"`
	Building   types.String `tfsdk:"building"`
	Flat       types.String `tfsdk:"flat"`
	City       types.String `tfsdk:"city"`
	Region     types.String `tfsdk:"region"`
	PostalCode types.String `tfsdk:"postal_code"`
	Country    types.String `tfsdk:"country"`
	Company    types.String `tfsdk:"company"`
}

type paymentCartItemModel struct {
	Name     types.String `tfsdk:"name"`
	Quantity types.Int64  `tfsdk:"quantity"`
	Price    DecimalValue `tfsdk:"price"`
	Producer types.String `tfsdk:"producer"`
	Category types.String `tfsdk:"category"`
	Code     types.String `tfsdk:"code"`
}

type paymentReturnURLsModel struct {
	Success types.String `tfsdk:"success"`
	Failure types.String `tfsdk:"failure"`
	// Pending is sent at creation; no SimPay source shows it in the
	// transaction detail, so a read leaves it null.
	Pending types.String `tfsdk:"pending"`
}

type paymentChannelTypesModel struct {
	Blik      types.Bool `tfsdk:"blik"`
	Transfer  types.Bool `tfsdk:"transfer"`
	Cards     types.Bool `tfsdk:"cards"`
	Ewallets  types.Bool `tfsdk:"ewallets"`
	Paypal    types.Bool `tfsdk:"paypal"`
	Paysafe   types.Bool `tfsdk:"paysafe"`
	Latam     types.Bool `tfsdk:"latam"`
	Postponed types.Bool `tfsdk:"postponed"`
}

// paymentContextModel is the payer's purchase history sent for SimPay's
// fraud checks (SimPay's "context").
type paymentContextModel struct {
	AccountCreatedAt     types.String `tfsdk:"account_created_at"`
	SalesTotalCount      types.Int64  `tfsdk:"sales_total_count"`
	SalesTotalAmount     DecimalValue `tfsdk:"sales_total_amount"`
	SalesAvgAmount       DecimalValue `tfsdk:"sales_avg_amount"`
	SalesMaxAmount       DecimalValue `tfsdk:"sales_max_amount"`
	AccountSetCurrency   types.String `tfsdk:"account_set_currency"`
	HasPreviousPurchases types.Bool   `tfsdk:"has_previous_purchases"`
}

type paymentReportedAmountModel struct {
	Value              DecimalValue                `tfsdk:"value"`
	Currency           types.String                `tfsdk:"currency"`
	Commission         DecimalValue                `tfsdk:"commission"`
	CommissionCurrency types.String                `tfsdk:"commission_currency"`
	Original           *paymentOriginalAmountModel `tfsdk:"original"`
}

type paymentOriginalAmountModel struct {
	Value    DecimalValue `tfsdk:"value"`
	Currency types.String `tfsdk:"currency"`
	PLNRate  DecimalValue `tfsdk:"pln_rate"`
}

var (
	paymentOriginalAmountAttrTypes = map[string]attr.Type{
		"value": DecimalType{}, "currency": types.StringType, "pln_rate": DecimalType{},
	}
	paymentReportedAmountAttrTypes = map[string]attr.Type{
		"value": DecimalType{}, "currency": types.StringType, "commission": DecimalType{},
		"commission_currency": types.StringType,
		"original":            types.ObjectType{AttrTypes: paymentOriginalAmountAttrTypes},
	}
)

// Refunds: the simpay_payment_refund resource and the items of the
// simpay_payment_refunds data source.

// refundModel is one refund as SimPay reports it.
type refundModel struct {
	ID             types.String `tfsdk:"id"`
	Amount         DecimalValue `tfsdk:"amount"`
	Status         types.String `tfsdk:"status"`
	Currency       types.String `tfsdk:"currency"`
	WalletAmount   DecimalValue `tfsdk:"wallet_amount"`
	WalletCurrency types.String `tfsdk:"wallet_currency"`
	CreatedAt      types.String `tfsdk:"created_at"`
	UpdatedAt      types.String `tfsdk:"updated_at"`
}

// DirectBilling transactions: the simpay_directbilling_transaction resource,
// and any data source that reads such a transaction.

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

var directBillingNotifyAttrTypes = map[string]attr.Type{
	"sent": types.BoolType, "last_sent_at": types.StringType, "count": types.Int64Type,
}

// SMS transactions: the items of the simpay_sms_transactions data source,
// and simpay_sms_transaction, which shows one at the top level.

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
