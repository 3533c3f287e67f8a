# A partial refund of 20 PLN, e.g. for one returned item. The amount is in the
# payer's currency (the transaction's reported_amount.currency). Changing it
# later fails at plan: a second refund is another block.
resource "simpay_payment_refund" "order_1001_keyboard" {
  service_id     = "d151e4f9"
  transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
  amount         = "20.00"
}

# A full refund: leave amount out and SimPay refunds what is left.
resource "simpay_payment_refund" "order_1002_cancelled" {
  service_id     = "d151e4f9"
  transaction_id = "0238d92e-0dd9-469a-9aa9-0505974336a3"
}

output "refund_status" {
  value = simpay_payment_refund.order_1001_keyboard.status
}

# What SimPay reports it refunded, beside the amount asked for.
output "refunded" {
  value = "${simpay_payment_refund.order_1001_keyboard.reported_amount.value} ${simpay_payment_refund.order_1001_keyboard.reported_amount.currency}"
}
