# Carrier billing: the payer pays 19.99 PLN gross on their phone bill.
resource "simpay_directbilling_transaction" "premium_month" {
  service_id  = "d151e4f9"
  amount      = "19.99"
  amount_type = "gross"
  description = "Premium, one month"
  control     = "sub-2024-0001"
  email       = "player@example.com"

  return_urls = {
    success = "https://game.example.com/premium/thanks"
    failure = "https://game.example.com/premium/failed"
  }
}

output "premium_month_payment_url" {
  value = simpay_directbilling_transaction.premium_month.redirect_url
}
