# A one-off refund, run by hand:
#   terraform apply -invoke=action.simpay_payment_refund.order_1001_keyboard
# Every invocation refunds again; nothing is kept in state.
action "simpay_payment_refund" "order_1001_keyboard" {
  config {
    service_id     = "d151e4f9"
    transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
    amount         = "20.00"
  }
}

# Leave amount out to refund whatever remains of the transaction.
action "simpay_payment_refund" "order_1002_cancelled" {
  config {
    service_id     = "d151e4f9"
    transaction_id = "0238d92e-0dd9-469a-9aa9-0505974336a3"
  }
}
