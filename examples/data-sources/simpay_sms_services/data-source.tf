# Active SMS premium services.
data "simpay_sms_services" "active" {
  status = "service_active"
}

output "sms_service_names" {
  value = { for s in data.simpay_sms_services.active.services : s.id => s.name }
}
