# A payment transaction is imported by <service_id>/<transaction_id>.
import {
  to = simpay_payment_transaction.order_1001
  id = "d151e4f9/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"
}
