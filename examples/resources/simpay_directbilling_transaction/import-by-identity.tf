# In Terraform 1.12 and later (and OpenTofu 1.12), the identity names the
# transaction by its parts instead of a "/"-joined string.
import {
  to = simpay_directbilling_transaction.premium_month
  identity = {
    service_id = "d151e4f9"
    id         = "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a"
  }
}
