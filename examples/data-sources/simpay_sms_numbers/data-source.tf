# Every SMS premium number SimPay offers, and those of one service.
data "simpay_sms_numbers" "all" {}

data "simpay_sms_numbers" "vip" {
  service_id = "d151e4f9"
}

output "cheapest_number" {
  value = data.simpay_sms_numbers.all.numbers[0].number
}
