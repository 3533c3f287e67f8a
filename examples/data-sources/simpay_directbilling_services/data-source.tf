# DirectBilling (carrier billing) services of the account.
data "simpay_directbilling_services" "all" {}

output "directbilling_services" {
  value = { for s in data.simpay_directbilling_services.all.services : s.id => s.status }
}
