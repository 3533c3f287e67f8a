# Runs the module with Terraform's mock_provider: no server, no network. The
# provider's schema still comes from the installed provider, but nothing it
# would return is real: the values below are whatever the test says.
#
#   terraform test -filter=tests/mock_provider.tftest.hcl

mock_provider "simpay" {
  mock_data "simpay_payment_channels" {
    defaults = {
      ids = ["blik", "mbank"]
    }
  }

  mock_data "simpay_payment_currencies" {
    defaults = {
      pln_rates = { EUR = "4.3238000000", PLN = "1.0000000000" }
    }
  }

  mock_resource "simpay_payment_transaction" {
    defaults = {
      id           = "7fc7e3a1-440e-412a-af53-b59a62970367"
      status       = "transaction_new"
      redirect_url = "https://pay.simpay.pl/7fc7e3a1-440e-412a-af53-b59a62970367"
    }
  }
}

variables {
  service_id = "d151e4f9"
  order_id   = "order-1001"
  amount     = "149.99"
  return_url = "https://shop.example.com/orders/1001"
}

run "wires_the_channels_into_the_payment" {
  command = plan

  assert {
    condition     = simpay_payment_transaction.order.channels == tolist(["blik", "mbank"])
    error_message = "The payment must offer the channels the data source found."
  }

  assert {
    condition     = simpay_payment_transaction.order.return_urls.success == "https://shop.example.com/orders/1001/paid"
    error_message = "Success URL ${simpay_payment_transaction.order.return_urls.success}."
  }

  assert {
    condition     = simpay_payment_transaction.order.description == "Order order-1001"
    error_message = "Description ${simpay_payment_transaction.order.description}."
  }
}

run "outputs_what_the_provider_returned" {
  assert {
    condition     = output.redirect_url == "https://pay.simpay.pl/7fc7e3a1-440e-412a-af53-b59a62970367"
    error_message = "Redirect URL ${output.redirect_url}."
  }

  assert {
    condition     = output.pln_rates["EUR"] == "4.3238000000"
    error_message = "EUR rate ${output.pln_rates["EUR"]}."
  }
}

run "fails_when_no_channel_takes_the_basket" {
  command = plan

  override_data {
    target = data.simpay_payment_channels.checkout
    values = {
      ids = []
    }
  }

  expect_failures = [data.simpay_payment_channels.checkout]
}
