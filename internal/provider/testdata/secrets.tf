data "simpay_payment_service" "shop" {
  id = "d151e4f9"
}

resource "simpay_payment_transaction" "order" {
  service_id = "d151e4f9"
  amount     = "24.99"
  control    = "secrets-order-1"
  customer = {
    email = "jan@example.com"
  }
}

import {
  to = simpay_payment_refund.existing
  id = "d151e4f9/{{transaction_id}}/{{refund_id}}"
}

resource "simpay_payment_refund" "existing" {
  service_id     = "d151e4f9"
  transaction_id = "{{transaction_id}}"
}
