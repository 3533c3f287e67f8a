# A DirectBilling transaction is imported by <service_id>/<transaction_id>.
import {
  to = simpay_directbilling_transaction.premium_month
  id = "d151e4f9/dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a"
}
