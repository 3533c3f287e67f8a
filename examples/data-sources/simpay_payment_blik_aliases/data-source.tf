# The BLIK aliases SimPay holds for one of the shop's customers (the value
# given when the alias was registered), oldest first.
data "simpay_payment_blik_aliases" "customer_1001" {
  service_id = "d151e4f9"
  value      = "AABBCC"
  sort       = "created_at"
}

output "customer_1001_aliases" {
  value = [for a in data.simpay_payment_blik_aliases.customer_1001.aliases : {
    uuid         = a.id
    status       = a.status
    subscription = a.subscription == null ? null : a.subscription.status
  }]
}
