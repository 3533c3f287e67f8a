package provider

import (
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// jsonAmount is the one way an amount leaves the provider for SimPay, in a
// request body or a query: decimal.JSONNumber, which strips the leading
// zeros JSON forbids and keeps every other digit as written, so that
// "05.00" is sent as 5.00 on every resource and data source alike. A null
// or unknown amount is "", which a request leaves out. The value was
// checked at validate; a value that still does not parse is reported
// against p rather than sent.
func jsonAmount(p path.Path, v DecimalValue, diags *diag.Diagnostics) json.Number {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	d, err := decimal.Parse(v.ValueString())
	if err != nil {
		diags.AddAttributeError(p, "Invalid decimal amount", fmt.Sprintf(
			"Attribute %s: %s, so it was not sent to SimPay. Amounts are decimal strings such as \"10\" or \"24.99\". "+
				"This value passed terraform validate, which is a bug in the provider; please report it.", p, err))
		return ""
	}
	return d.JSONNumber()
}
