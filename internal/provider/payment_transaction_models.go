package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// Conversions shared by the simpay_payment_transaction data source and
// resource, which show SimPay's addresses and cart the same way.

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
