data "simpay_payment_subscriptions" "all" {
  service_id = "d151e4f9"
}
data "simpay_payment_subscriptions" "oldest_first" {
  service_id = "d151e4f9"
  sort       = "created_at"
}
data "simpay_payment_subscriptions" "newest_first" {
  service_id = "d151e4f9"
  sort       = "-created_at"
}
data "simpay_payment_subscriptions" "one" {
  service_id = "d151e4f9"
  uuid       = "019970c6-3d3e-708c-9313-5f89e251e2c0"
}
data "simpay_payment_subscriptions" "card" {
  service_id = "d151e4f9"
  mode       = "CARD"
}
data "simpay_payment_subscriptions" "cancelled_blik" {
  service_id = "d151e4f9"
  status     = "subscription_cancelled"
  mode       = "BLIK"
}
