# One transaction in full: amounts, payer, addresses and cart, under the same
# attribute names as the simpay_payment_transaction resource.
data "simpay_payment_transaction" "order_1002" {
  service_id = "d151e4f9"
  id         = "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"
}

output "order_1002_status" {
  value = data.simpay_payment_transaction.order_1002.status
}

# What the payer was charged, in the currency they paid in.
output "order_1002_charged" {
  value = "${data.simpay_payment_transaction.order_1002.reported_amount.value} ${data.simpay_payment_transaction.order_1002.reported_amount.currency}"
}
