resource "simpay_payment_transaction" "test" {
  service_id  = "d151e4f9"
  amount      = "{{amount}}"
  description = "Order 1001"
  control     = "order-1001"
  customer = {
    name         = "Jan Kowalski"
    email        = "jan@example.com"
    ip           = "203.0.113.7"
    country_code = "PL"
  }
  antifraud = {
    useragent = "Mozilla/5.0"
    system_id = "customer-77"
    steamid   = "76561198000000000"
  }
  billing = {
    name        = "Janusz"
    surname     = "Kowalski"
    street      = "Marszałkowska"
    building    = "1"
    flat        = "2"
    city        = "Warszawa"
    postal_code = "00-001"
    country     = "PL"
  }
  cart = [
    { name = "T-shirt", quantity = 2, price = "{{price}}" },
    { name = "Sticker", quantity = 1, price = "1", producer = "ACME", category = "merch", code = "STK-1" },
  ]
  return_urls = {
    success = "https://shop.example.com/paid"
    failure = "https://shop.example.com/failed"
    pending = "https://shop.example.com/pending"
  }
  direct_channel  = "blik"
  channels        = ["blik", "mbank"]
  channel_types   = { blik = true, cards = false, postponed = false }
  referer         = "shop.example.com"
  commission_mode = "payer"
  # A payer with an account but no purchase yet: 0 and false are sent.
  context = {
    account_created_at     = "2024-03-01T10:00:00+01:00"
    sales_total_count      = 0
    sales_total_amount     = "0.00"
    sales_avg_amount       = "0"
    sales_max_amount       = "0"
    account_set_currency   = "PLN"
    has_previous_purchases = false
  }
{{extra}}
}
