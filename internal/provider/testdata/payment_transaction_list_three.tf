resource "simpay_payment_transaction" "first" {
  service_id = "{{service_id}}"
  amount     = "10"
  control    = "order-1"
}

resource "simpay_payment_transaction" "second" {
  service_id  = "{{service_id}}"
  amount      = "24.99"
  description = "Order 2"
  control     = "order-2"
  customer    = { email = "anna@example.com" }
  antifraud   = { useragent = "Mozilla/5.0" }
  depends_on  = [simpay_payment_transaction.first]
}

resource "simpay_payment_transaction" "third" {
  service_id = "{{service_id}}"
  amount     = "5"
  depends_on = [simpay_payment_transaction.second]
}
