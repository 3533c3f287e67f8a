# The paid DirectBilling transactions of one order, filtered by SimPay.
data "simpay_directbilling_transactions" "order_2001_paid" {
  service_id = "d151e4f9"
  status     = "transaction_db_payed"
  control    = "order-2001"
}

# What the shop receives from each, as a decimal string in PLN.
output "order_2001_received" {
  value = { for t in data.simpay_directbilling_transactions.order_2001_paid.transactions : t.id => t.value_net }
}
