list "simpay_payment_transaction" "by_control" {
  provider         = simpay
  include_resource = true
  config {
    service_id = "{{service_id}}"
    control    = "order-2"
  }
}

list "simpay_payment_transaction" "paid" {
  provider = simpay
  config {
    service_id = "{{service_id}}"
    status     = "transaction_paid"
  }
}

list "simpay_payment_transaction" "newest" {
  provider = simpay
  limit    = 2
  config {
    service_id = "{{service_id}}"
  }
}

list "simpay_payment_transaction" "none" {
  provider = simpay
  config {
    service_id = "{{service_id}}"
    control    = "no-such-order"
  }
}
