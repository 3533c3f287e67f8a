# One DirectBilling transaction, under the same attribute names as the
# simpay_directbilling_transaction resource.
data "simpay_directbilling_transaction" "premium_month" {
  service_id = "d151e4f9"
  id         = "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a"
}

output "premium_month" {
  value = {
    status    = data.simpay_directbilling_transaction.premium_month.status
    operator  = data.simpay_directbilling_transaction.premium_month.operator
    value_net = data.simpay_directbilling_transaction.premium_month.value_net
    notified  = data.simpay_directbilling_transaction.premium_month.notify.sent
  }
}
