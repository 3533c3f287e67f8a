# One SMS by SimPay's id: who sent it, to which number, and its code.
data "simpay_sms_transaction" "first" {
  service_id = "d151e4f9"
  id         = 1
}

output "first_sms" {
  value = {
    from        = data.simpay_sms_transaction.first.from
    send_number = data.simpay_sms_transaction.first.send_number
    code_used   = data.simpay_sms_transaction.first.used
  }
}
