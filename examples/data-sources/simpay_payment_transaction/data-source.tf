# One transaction in full: amounts, payer, addresses and cart.
data "simpay_payment_transaction" "order_1002" {
  service_id = "d151e4f9"
  id         = "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"
}

output "order_1002_status" {
  value = data.simpay_payment_transaction.order_1002.status
}

output "order_1002_amount" {
  value = "${data.simpay_payment_transaction.order_1002.amount.value} ${data.simpay_payment_transaction.order_1002.amount.currency}"
}
