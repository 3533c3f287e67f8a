# Refunds already made for a transaction.
data "simpay_payment_refunds" "order_1001" {
  service_id     = "d151e4f9"
  transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
}

output "refunded" {
  value = [for r in data.simpay_payment_refunds.order_1001.refunds : "${r.amount} ${r.currency} (${r.status})"]
}
