data "simpay_payment_services" "all" {}
data "simpay_payment_service" "one" {
  id = "d151e4f9"
}
data "simpay_payment_channels" "blik" {
  service_id = "d151e4f9"
  type       = "blik"
  currency   = "PLN"
  amount     = "49.99"
}
data "simpay_payment_currencies" "rates" {
  service_id = "d151e4f9"
}
data "simpay_payment_transactions" "recent" {
  service_id = "d151e4f9"
  status     = "transaction_paid"
  max_items  = 10
}
data "simpay_payment_transaction" "one" {
  service_id = "d151e4f9"
  id         = "528bd43f-d08a-43f5-9462-861e54db37bf"
}
data "simpay_payment_refunds" "of_one" {
  service_id     = "d151e4f9"
  transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
}
data "simpay_payment_subscriptions" "active" {
  service_id = "d151e4f9"
  status     = "subscription_active"
  mode       = "BLIK"
  sort       = "-created_at"
}
data "simpay_payment_blik_aliases" "payid" {
  service_id = "d151e4f9"
  type       = "PAYID"
  value      = "AABBCC"
}
data "simpay_notification_ips" "simpay" {}
data "simpay_sms_services" "all" {}
data "simpay_sms_service" "one" {
  id = "d151e4f9"
}
data "simpay_sms_numbers" "all" {}
data "simpay_sms_transactions" "recent" {
  service_id = "d151e4f9"
  max_items  = 10
}
data "simpay_sms_transaction" "one" {
  service_id = "d151e4f9"
  id         = 1
}
data "simpay_directbilling_services" "all" {}
data "simpay_directbilling_service" "one" {
  id = "d151e4f9"
}
data "simpay_directbilling_calculation" "price" {
  service_id = "d151e4f9"
  amount     = "19.99"
}
data "simpay_directbilling_transactions" "paid" {
  service_id   = "d151e4f9"
  status       = "transaction_db_payed"
  phone_number = "48123123123"
  control      = "order-2001"
  max_items    = 5
}
data "simpay_directbilling_transaction" "one" {
  service_id = "d151e4f9"
  id         = "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a"
}
