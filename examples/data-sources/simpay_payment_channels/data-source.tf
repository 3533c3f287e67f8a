# Channels that can take a 49.99 PLN payment, and only the BLIK ones.
data "simpay_payment_channels" "for_basket" {
  service_id = "d151e4f9"
  currency   = "PLN"
  amount     = "49.99"
}

data "simpay_payment_channels" "blik" {
  service_id = "d151e4f9"
  type       = "blik"
}

output "checkout_channels" {
  value = data.simpay_payment_channels.for_basket.ids
}

output "blik_limits" {
  value = [for c in data.simpay_payment_channels.blik.channels : "${c.name}: ${c.amount_min}-${c.amount_max} PLN"]
}
