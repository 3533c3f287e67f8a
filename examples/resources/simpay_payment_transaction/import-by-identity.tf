# In Terraform 1.12 and later (and OpenTofu 1.12), the identity names the
# transaction by its parts instead of a "/"-joined string.
import {
  to = simpay_payment_transaction.order_1001
  identity = {
    service_id = "d151e4f9"
    id         = "1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"
  }
}
