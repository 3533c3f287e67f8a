# A DirectBilling transaction found by its control value. SimPay does not
# return the amount it was created with: fill in amount in the generated
# configuration before applying it.
list "simpay_directbilling_transaction" "sub_0001" {
  provider         = simpay
  include_resource = true

  config {
    service_id = "d151e4f9"
    control    = "sub-2024-0001"
  }
}
