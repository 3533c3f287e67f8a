# An SMS service with the numbers it can be used with and their prices.
data "simpay_sms_service" "vip" {
  id = "d151e4f9"
}

# What the sender pays (with VAT) and what it is worth without VAT, by number.
output "sms_prices" {
  value = {
    for n in data.simpay_sms_service.vip.numbers : tostring(n.number) => {
      gross = n.value_gross
      net   = n.value
    }
  }
}
