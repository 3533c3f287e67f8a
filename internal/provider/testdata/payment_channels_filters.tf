data "simpay_payment_channels" "all" {
  service_id = "d151e4f9"
}
data "simpay_payment_channels" "transfer" {
  service_id = "d151e4f9"
  type       = "transfer"
}
data "simpay_payment_channels" "eur" {
  service_id = "d151e4f9"
  currency   = "EUR"
}
# pix starts at 0.5 and PayPal has no limits; the others start at 1.
data "simpay_payment_channels" "half" {
  service_id = "d151e4f9"
  amount     = "0.50"
}
# Both bounds are inclusive: paysafecard ends at 1000.
data "simpay_payment_channels" "thousand" {
  service_id = "d151e4f9"
  amount     = "1000"
}
data "simpay_payment_channels" "large" {
  service_id = "d151e4f9"
  amount     = "20000.01"
}
data "simpay_payment_channels" "combined" {
  service_id = "d151e4f9"
  type       = "cards"
  currency   = "EUR"
  amount     = "30000"
}
data "simpay_payment_channels" "pln_transfer_small" {
  service_id = "d151e4f9"
  type       = "transfer"
  currency   = "PLN"
  amount     = "0.99"
}
# An undocumented type is a warning, and matches nothing.
data "simpay_payment_channels" "typo" {
  service_id = "d151e4f9"
  type       = "card"
}
data "simpay_payment_channels" "no_channels" {
  service_id = "a1b2c3d4"
}
