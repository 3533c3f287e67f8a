# A shop's checkout, end to end: look up the payment service, pick the channels
# that can take this basket, read the PLN exchange rates, create the payment
# link, and allow SimPay's notification addresses through the firewall.
#
# `make demo` runs this against simpay-mock; with SIMPAY_API_TOKEN set and
# SIMPAY_BASE_URL unset it runs against SimPay itself (and creates a real
# payment link).

terraform {
  required_providers {
    simpay = {
      source = "simpay-tf/simpay"
    }
  }
}

# Token and base URL come from SIMPAY_API_TOKEN and SIMPAY_BASE_URL.
provider "simpay" {}

variable "service_id" {
  description = "SimPay online-payment service of the shop."
  type        = string
  default     = "d151e4f9"
}

variable "basket_total" {
  description = "Amount to charge, as a decimal string."
  type        = string
  default     = "149.99"
}

variable "currency" {
  description = "Currency of the basket."
  type        = string
  default     = "PLN"
}

# 1. The service must exist and be active before anyone is sent to pay.
data "simpay_payment_service" "shop" {
  id = var.service_id

  lifecycle {
    postcondition {
      condition     = self.status == "service_active"
      error_message = "SimPay service ${self.id} is ${self.status}, not service_active."
    }
  }
}

# 2. Channels that accept this amount in this currency.
data "simpay_payment_channels" "checkout" {
  service_id = data.simpay_payment_service.shop.id
  currency   = var.currency
  amount     = var.basket_total
}

# 3. NBP rates SimPay converts with, e.g. to show EUR prices.
data "simpay_payment_currencies" "rates" {
  service_id = data.simpay_payment_service.shop.id
}

# 4. The payment link, limited to the channels that can take the basket.
resource "simpay_payment_transaction" "order" {
  service_id  = data.simpay_payment_service.shop.id
  amount      = var.basket_total
  currency    = var.currency
  description = "Order 1001"
  control     = "order-1001"
  channels    = data.simpay_payment_channels.checkout.ids

  customer = {
    email        = "jan.kowalski@example.com"
    country_code = "PL"
  }

  return_urls = {
    success = "https://shop.example.com/orders/1001/paid"
    failure = "https://shop.example.com/orders/1001/failed"
  }
}

# 5. Where SimPay sends payment notifications from.
data "simpay_notification_ips" "simpay" {}

output "redirect_url" {
  description = "Send the payer here."
  value       = simpay_payment_transaction.order.redirect_url
}

output "payment" {
  value = {
    id       = simpay_payment_transaction.order.id
    status   = simpay_payment_transaction.order.status
    amount   = "${simpay_payment_transaction.order.amount} ${simpay_payment_transaction.order.currency}"
    channels = data.simpay_payment_channels.checkout.ids
  }
}

output "pln_rates" {
  description = "PLN per unit of each currency, exactly as SimPay sends it."
  value       = data.simpay_payment_currencies.rates.pln_rates
}

output "ipn_firewall_rule" {
  description = "An allow rule for the notification endpoint, ready for a firewall module."
  value = {
    name        = "allow-simpay-ipn"
    direction   = "ingress"
    protocol    = "tcp"
    port        = 443
    source_cidr = data.simpay_notification_ips.simpay.cidr_blocks
  }
}
