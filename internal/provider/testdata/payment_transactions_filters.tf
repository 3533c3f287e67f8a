data "simpay_payment_transactions" "all" {
  service_id = "d151e4f9"
}
data "simpay_payment_transactions" "new" {
  service_id = "d151e4f9"
  status     = "transaction_new"
}
data "simpay_payment_transactions" "paid_first_two" {
  service_id = "d151e4f9"
  status     = "transaction_paid"
  max_items  = 2
}
data "simpay_payment_transactions" "first_three" {
  service_id = "d151e4f9"
  max_items  = 3
}
data "simpay_payment_transactions" "more_than_there_are" {
  service_id = "d151e4f9"
  max_items  = 500
}
# An undocumented status is a warning, and matches nothing.
data "simpay_payment_transactions" "typo" {
  service_id = "d151e4f9"
  status     = "transaction_payed"
}
data "simpay_payment_transactions" "empty_service" {
  service_id = "e14f8074"
}
