# Every refund of a transaction, with the configuration to import each.
# Run: terraform query -generate-config-out=refunds.tf
list "simpay_payment_refund" "order_1001" {
  provider         = simpay
  include_resource = true

  config {
    service_id     = "d151e4f9"
    transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
  }
}
