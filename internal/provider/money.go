package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// jsonAmount is the one way an amount leaves the provider for SimPay, in a
// request body or a query: the client takes amounts only as decimal.Decimal,
// which goes out as decimal.JSONNumber writes it (the leading zeros JSON
// forbids stripped, every other digit as written), so that "05.00" is sent
// as 5.00 on every resource and data source alike. A null or unknown amount
// is the zero Decimal, which a request leaves out. The value was checked at
// validate; a value that still does not parse is reported against p rather
// than sent.
func jsonAmount(p path.Path, v DecimalValue, diags *diag.Diagnostics) decimal.Decimal {
	if v.IsNull() || v.IsUnknown() {
		return decimal.Decimal{}
	}
	d, err := decimal.Parse(v.ValueString())
	if err != nil {
		diags.AddAttributeError(p, "Invalid decimal amount", fmt.Sprintf(
			"Attribute %s: %s, so it was not sent to SimPay. Amounts are decimal strings such as \"10\" or \"24.99\". "+
				"This value passed terraform validate, which is a bug in the provider; please report it.", p, err))
		return decimal.Decimal{}
	}
	return d
}
