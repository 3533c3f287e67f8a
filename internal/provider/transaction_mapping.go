package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// One function per SimPay object maps what the client decoded to the models
// of transaction_models.go, for every data source and resource that shows
// the object. SimPay's nulls stay null: never "" or 0 in state.

// newPaymentTransactionView is a transaction as SimPay sent it: an address
// whose fields are all null is an object of nulls, an empty cart is [],
// and customer and return_urls are always objects (of nulls when SimPay
// knows nothing). The resource's arguments need less (see asArguments).
func newPaymentTransactionView(ctx context.Context, t *client.PaymentTransaction) (paymentTransactionReturned, paymentTransactionReported, diag.Diagnostics) {
	returned := paymentTransactionReturned{
		Amount:      decimalOrNull(t.Amount.Value.String()),
		Currency:    nonEmptyOrNull(t.Amount.Currency),
		Description: stringOrNull(t.Description),
		Control:     stringOrNull(t.Control),
		Customer: &paymentCustomerModel{
			Name: stringOrNull(t.Customer.Name), Email: stringOrNull(t.Customer.Email),
			IP: stringOrNull(t.Customer.IP), CountryCode: stringOrNull(t.Customer.Country),
		},
		Billing:  newAddressModel(t.Billing),
		Shipping: newAddressModel(t.Shipping),
		Cart:     cartModels(t.Cart),
		ReturnURLs: &paymentReturnURLsModel{Success: stringOrNull(t.Redirect.Success), Failure: stringOrNull(t.Redirect.Failure),
			Pending: types.StringNull()},
	}
	amount := paymentReportedAmountModel{
		Value:              decimalOrNull(t.Amount.Value.String()),
		Currency:           nonEmptyOrNull(t.Amount.Currency),
		Commission:         decimalOrNull(t.Amount.Commission.String()),
		CommissionCurrency: nonEmptyOrNull(t.Amount.CommissionCurrency),
	}
	if o := t.Amount.Original; o != nil {
		// The amount as created, before the payer switched currency.
		returned.Amount = decimalOrNull(o.Value.String())
		returned.Currency = nonEmptyOrNull(o.Currency)
		amount.Original = &paymentOriginalAmountModel{
			Value: decimalOrNull(o.Value.String()), Currency: nonEmptyOrNull(o.Currency), PLNRate: decimalOrNull(o.PLNRate.String()),
		}
	}
	reported := paymentTransactionReported{
		Status:             nonEmptyOrNull(t.Status),
		Channel:            stringOrNull(t.Channel),
		PayerTransactionID: nonEmptyOrNull(t.PayerTransactionID),
		PaidAt:             timestampOrNull(t.PaidAt),
		ExpiresAt:          timestampOrNull(t.ExpiresAt),
		CreatedAt:          timestamp(t.CreatedAt),
		UpdatedAt:          timestamp(t.UpdatedAt),
		AdditionalJSON:     rawJSONOrNull(t.Additional),
	}
	var diags diag.Diagnostics
	reported.ReportedAmount, diags = types.ObjectValueFrom(ctx, paymentReportedAmountAttrTypes, amount)
	return returned, reported, diags
}

// asArguments is r as arguments hold it. An argument cannot be an empty
// object or list (the configuration could not write it), so an object SimPay
// sent with every field null, and an empty cart, are null.
func (r paymentTransactionReturned) asArguments() paymentTransactionReturned {
	if c := r.Customer; c != nil && allNull(c.Name, c.Email, c.IP, c.CountryCode) {
		r.Customer = nil
	}
	r.Billing = r.Billing.orNilIfEmpty()
	r.Shipping = r.Shipping.orNilIfEmpty()
	if len(r.Cart) == 0 {
		r.Cart = nil
	}
	if u := r.ReturnURLs; u != nil && allNull(u.Success, u.Failure, u.Pending) {
		r.ReturnURLs = nil
	}
	return r
}

func (a *paymentAddressModel) orNilIfEmpty() *paymentAddressModel {
	if a == nil || allNull(a.Name, a.Surname, a.Street, a.Building, a.Flat, a.City, a.Region, a.PostalCode, a.Country, a.Company) {
		return nil
	}
	return a
}

func allNull(values ...attr.Value) bool {
	for _, v := range values {
		if !v.IsNull() {
			return false
		}
	}
	return true
}

// rawJSONOrNull is a value SimPay's code reads without documenting its
// shape, as the JSON text SimPay sent: kept byte for byte, so that amounts
// inside it stay exact and a shape SimPay changes cannot fail a read. Null
// when SimPay sent null or nothing.
func rawJSONOrNull(r client.RawJSON) types.String {
	if r == nil {
		return types.StringNull()
	}
	return types.StringValue(r.String())
}

// newAddressModel is SimPay's address as it was sent: nil for SimPay's null,
// and an object of nulls for an object whose fields are all null.
func newAddressModel(a *client.Address) *paymentAddressModel {
	if a == nil {
		return nil
	}
	return &paymentAddressModel{
		Name: stringOrNull(a.Name), Surname: stringOrNull(a.Surname), Street: stringOrNull(a.Street),
		Building: stringOrNull(a.Building), Flat: stringOrNull(a.Flat), City: stringOrNull(a.City),
		Region: stringOrNull(a.Region), PostalCode: stringOrNull(a.PostalCode), Country: stringOrNull(a.Country),
		Company: stringOrNull(a.Company),
	}
}

// cartModels is SimPay's cart: nil for SimPay's null, [] for [].
func cartModels(items []client.CartItem) []paymentCartItemModel {
	if items == nil {
		return nil
	}
	out := make([]paymentCartItemModel, 0, len(items))
	for _, it := range items {
		out = append(out, paymentCartItemModel{
			Name:     types.StringValue(it.Name),
			Quantity: types.Int64Value(int64(it.Quantity)),
			Price:    decimalOrNull(it.Price.String()),
			Producer: stringOrNull(it.Producer),
			Category: stringOrNull(it.Category),
			Code:     stringOrNull(it.Code),
		})
	}
	return out
}

// newRefundModel is a refund as SimPay reports it.
func newRefundModel(r *client.Refund) refundModel {
	return refundModel{
		ID:             nonEmptyOrNull(r.ID),
		Amount:         decimalOrNull(r.Amount.String()),
		Status:         nonEmptyOrNull(r.Status),
		Currency:       nonEmptyOrNull(r.Currency),
		WalletAmount:   decimalOrNull(r.WalletAmount.String()),
		WalletCurrency: nonEmptyOrNull(r.WalletCurrency),
		CreatedAt:      timestamp(r.CreatedAt),
		UpdatedAt:      timestamp(r.UpdatedAt),
	}
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
