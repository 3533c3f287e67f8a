# Fail the plan early if the shop's payment service is not active.
data "simpay_payment_service" "shop" {
  id = "d151e4f9"

  lifecycle {
    postcondition {
      condition     = self.status == "service_active"
      error_message = "SimPay service ${self.id} (${self.name}) is ${self.status}, not service_active."
    }
  }
}
