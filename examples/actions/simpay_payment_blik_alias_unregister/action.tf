# Unregister a payer's BLIK alias by hand, such as when they cancel their plan:
#   terraform apply -invoke=action.simpay_payment_blik_alias_unregister.customer_1001
# Every invocation sends one request; nothing is kept in state.
action "simpay_payment_blik_alias_unregister" "customer_1001" {
  config {
    service_id = "d151e4f9"
    uuid       = "019970c6-3ce8-71e7-8214-20fd635532fb"
    # At most 20 characters; SimPay passes it on to BLIK and the payer.
    reason = "Plan cancellation"
  }
}
