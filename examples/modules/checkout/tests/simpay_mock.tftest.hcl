# Runs the module against simpay-mock: the real provider, real HTTP, SimPay's
# documented fixtures. Start the mock first and point the provider at it:
#
#   simpay-mock -listen 127.0.0.1:0 -url-file /tmp/simpay-mock-url &
#   export SIMPAY_BASE_URL=$(cat /tmp/simpay-mock-url) SIMPAY_API_TOKEN=simpay-mock-token
#   terraform test -filter=tests/simpay_mock.tftest.hcl

variables {
  service_id = "d151e4f9" # simpay-mock's "Test service", SimPay's documentation example
  order_id   = "order-1001"
  amount     = "149.99"
  return_url = "https://shop.example.com/orders/1001"
}

run "plan_offers_every_channel_that_takes_the_basket" {
  command = plan

  assert {
    condition     = data.simpay_payment_channels.checkout.ids == tolist(["blik", "mbank", "nest", "card", "paysafecard", "paypal"])
    error_message = "Channels for 149.99 PLN: ${jsonencode(data.simpay_payment_channels.checkout.ids)}."
  }

  assert {
    condition     = data.simpay_payment_currencies.rates.pln_rates["EUR"] == "4.3238000000"
    error_message = "EUR rate ${data.simpay_payment_currencies.rates.pln_rates["EUR"]}, want SimPay's example 4.3238000000."
  }

  assert {
    condition     = simpay_payment_transaction.order.channels == data.simpay_payment_channels.checkout.ids
    error_message = "The payment must offer exactly the channels found."
  }
}

# ARS is among the service's currencies, but no channel takes it.
run "plan_fails_when_no_channel_takes_the_currency" {
  command = plan

  variables {
    currency = "ARS"
  }

  expect_failures = [data.simpay_payment_channels.checkout]
}

run "apply_creates_the_payment_link" {
  assert {
    condition     = startswith(output.redirect_url, "https://pay.simpay.pl/")
    error_message = "Redirect URL ${output.redirect_url}."
  }

  assert {
    condition     = output.status == "transaction_new"
    error_message = "A new payment is transaction_new, not ${output.status}."
  }

  assert {
    condition     = simpay_payment_transaction.order.amount == "149.99" && simpay_payment_transaction.order.currency == "PLN"
    error_message = "Amount ${simpay_payment_transaction.order.amount} ${simpay_payment_transaction.order.currency}."
  }

  assert {
    condition     = simpay_payment_transaction.order.control == "order-1001"
    error_message = "control must carry the order id back in notifications."
  }

  assert {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", output.payment_id))
    error_message = "Payment id ${output.payment_id} is not a UUID."
  }
}
