# A shop's checkout as a reusable module: the channels that can take the
# basket, the PLN rates to show prices with, and the payment link for one
# order. Its tests (tests/) run it against simpay-mock and against
# Terraform's mock_provider; see the guide "Test a module with terraform test".

terraform {
  required_version = ">= 1.7.0"
  required_providers {
    simpay = {
      source = "simpay-tf/simpay"
    }
  }
}

variable "service_id" {
  description = "SimPay online-payment service of the shop."
  type        = string
}

variable "order_id" {
  description = "The shop's order number, sent as control: SimPay's notifications carry it back."
  type        = string
}

variable "amount" {
  description = "Basket total, as a decimal string such as \"149.99\"."
  type        = string
}

variable "currency" {
  description = "Currency of the basket (ISO 4217)."
  type        = string
  default     = "PLN"
}

variable "return_url" {
  description = "Shop page the payer comes back to; \"/paid\" or \"/failed\" is appended."
  type        = string
}

data "simpay_payment_channels" "checkout" {
  service_id = var.service_id
  currency   = var.currency
  amount     = var.amount

  lifecycle {
    postcondition {
      condition     = length(self.ids) > 0
      error_message = "No channel of service ${var.service_id} takes ${var.amount} ${var.currency}."
    }
  }
}

data "simpay_payment_currencies" "rates" {
  service_id = var.service_id
}

resource "simpay_payment_transaction" "order" {
  service_id  = var.service_id
  amount      = var.amount
  currency    = var.currency
  description = "Order ${var.order_id}"
  control     = var.order_id
  channels    = data.simpay_payment_channels.checkout.ids

  return_urls = {
    success = "${var.return_url}/paid"
    failure = "${var.return_url}/failed"
  }
}

output "payment_id" {
  description = "SimPay's id of the payment; notifications name it in data.id."
  value       = simpay_payment_transaction.order.id
}

output "redirect_url" {
  description = "Send the payer here."
  value       = simpay_payment_transaction.order.redirect_url
}

output "status" {
  description = "Payment status when Terraform last read it."
  value       = simpay_payment_transaction.order.status
}

output "channel_ids" {
  description = "Channels offered on the payment page."
  value       = data.simpay_payment_channels.checkout.ids
}

output "pln_rates" {
  description = "PLN per unit of each currency, as SimPay sends it (e.g. \"4.3238000000\")."
  value       = data.simpay_payment_currencies.rates.pln_rates
}
