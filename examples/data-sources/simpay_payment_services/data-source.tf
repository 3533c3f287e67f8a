# Every online-payment service the token can see, and the active ones.
data "simpay_payment_services" "all" {}

data "simpay_payment_services" "active" {
  status = "service_active"
}

output "active_service_ids" {
  value = data.simpay_payment_services.active.services[*].id
}
