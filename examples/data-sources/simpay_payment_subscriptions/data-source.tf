# The active BLIK subscriptions of a service, newest first.
data "simpay_payment_subscriptions" "active_blik" {
  service_id = "d151e4f9"
  status     = "subscription_active"
  mode       = "BLIK"
  sort       = "-created_at"
}

# total_amount_limit is a decimal string exactly as SimPay wrote it, or null
# for a subscription without such a limit.
output "active_blik_subscriptions" {
  value = [for s in data.simpay_payment_subscriptions.active_blik.subscriptions : {
    id           = s.id
    frequency    = s.frequency
    amount_limit = s.total_amount_limit
    alias        = s.blik == null ? null : s.blik.alias
  }]
}
