# In Terraform 1.12 and later (and OpenTofu 1.12), the identity names the
# refund by its parts instead of a "/"-joined string.
import {
  to = simpay_payment_refund.order_1001_keyboard
  identity = {
    service_id     = "d151e4f9"
    transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
    id             = "019483a5-885e-70f7-9b5b-94387a6690da"
  }
}
