package provider

import "github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"

// The provider's names for amountattr's decimal attribute type and value,
// which the models hold.
type (
	DecimalType  = amountattr.Type
	DecimalValue = amountattr.Value
)

// NewDecimalValue returns a known decimal value holding text exactly.
func NewDecimalValue(text string) DecimalValue { return amountattr.NewValue(text) }

// NewDecimalNull returns a null decimal value.
func NewDecimalNull() DecimalValue { return amountattr.NewNull() }

// NewDecimalUnknown returns an unknown decimal value.
func NewDecimalUnknown() DecimalValue { return amountattr.NewUnknown() }

// decimalOrNull maps SimPay's text for an amount to a value: "" is null.
func decimalOrNull(text string) DecimalValue { return amountattr.OrNull(text) }
