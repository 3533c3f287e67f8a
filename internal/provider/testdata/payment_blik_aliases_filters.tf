data "simpay_payment_blik_aliases" "all" {
  service_id = "d151e4f9"
}
data "simpay_payment_blik_aliases" "oldest_first" {
  service_id = "d151e4f9"
  sort       = "created_at"
}
data "simpay_payment_blik_aliases" "newest_first" {
  service_id = "d151e4f9"
  sort       = "-created_at"
}
data "simpay_payment_blik_aliases" "one" {
  service_id = "d151e4f9"
  uuid       = "019970c6-3ce8-71e7-8214-20fd635532fb"
}
data "simpay_payment_blik_aliases" "by_value" {
  service_id = "d151e4f9"
  value      = "CCBBAA"
}
data "simpay_payment_blik_aliases" "uid" {
  service_id = "d151e4f9"
  type       = "UID"
}
data "simpay_payment_blik_aliases" "unregistered_payid" {
  service_id = "d151e4f9"
  status     = "alias_unregistered"
  type       = "PAYID"
}
