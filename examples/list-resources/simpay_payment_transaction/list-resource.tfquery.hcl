# The transaction an interrupted apply may have made, found by the control
# value it was sent with. Run: terraform query -generate-config-out=found.tf
list "simpay_payment_transaction" "order_1001" {
  provider         = simpay
  include_resource = true

  config {
    service_id = "d151e4f9"
    control    = "order-1001"
  }
}

# The ten newest paid transactions of the service.
list "simpay_payment_transaction" "paid" {
  provider = simpay
  limit    = 10

  config {
    service_id = "d151e4f9"
    status     = "transaction_paid"
  }
}
