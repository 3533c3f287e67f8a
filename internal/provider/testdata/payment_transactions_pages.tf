data "simpay_payment_transactions" "all" {
  service_id = "d151e4f9"
}
data "simpay_payment_transactions" "paid" {
  service_id = "d151e4f9"
  status     = "transaction_paid"
}
# The oldest refunded ones are on page 3: max_items with a status cuts after
# filtering, not after the first page.
data "simpay_payment_transactions" "refunded" {
  service_id = "d151e4f9"
  status     = "transaction_refunded"
  max_items  = 30
}

output "first_id" {
  value = data.simpay_payment_transactions.all.transactions[0].id
}
output "last" {
  value = data.simpay_payment_transactions.all.transactions[253]
}
