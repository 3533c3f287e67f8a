# The 50 most recent paid transactions of a service, for a reconciliation job.
data "simpay_payment_transactions" "paid" {
  service_id = "d151e4f9"
  status     = "transaction_paid"
  max_items  = 50
}

output "paid_transaction_ids" {
  value = data.simpay_payment_transactions.paid.transactions[*].id
}
