# A payment link for an order: SimPay returns the URL to send the payer to.
resource "simpay_payment_transaction" "order_1001" {
  service_id  = "d151e4f9"
  amount      = "149.99"
  currency    = "PLN"
  description = "Order 1001"
  control     = "order-1001" # your reference; also how to find the payment if an apply is interrupted

  customer = {
    name         = "Jan Kowalski"
    email        = "jan.kowalski@example.com"
    country_code = "PL"
  }

  billing = {
    name        = "Jan Kowalski" # SimPay takes 5 to 64 characters: the whole name
    surname     = "Kowalski"
    street      = "Marszałkowska"
    building    = "10"
    flat        = "4"
    city        = "Warszawa"
    postal_code = "00-590"
    country     = "PL"
  }

  cart = [
    {
      name     = "Mechanical keyboard"
      quantity = 1
      price    = "129.99"
      code     = "KB-104"
    },
    {
      name     = "Shipping"
      quantity = 1
      price    = "20.00"
    },
  ]

  return_urls = {
    success = "https://shop.example.com/orders/1001/paid"
    failure = "https://shop.example.com/orders/1001/failed"
    pending = "https://shop.example.com/orders/1001/pending"
  }

  # What the shop knows of the payer, for SimPay's fraud checks.
  antifraud = {
    system_id = "customer-4711"
  }
  context = {
    account_created_at     = "2023-09-14T18:02:11+02:00"
    sales_total_count      = 7
    sales_total_amount     = "1043.20"
    sales_avg_amount       = "149.03"
    sales_max_amount       = "399.00"
    account_set_currency   = "PLN"
    has_previous_purchases = true
  }

  # Offer only BLIK and bank transfers on the payment page.
  channel_types = {
    blik     = true
    transfer = true
  }
}

output "order_1001_payment_url" {
  value = simpay_payment_transaction.order_1001.redirect_url
}

# Straight to BLIK: direct_channel needs the payer's IP address, country and
# user agent. Here the payer also pays SimPay's commission.
resource "simpay_payment_transaction" "blik_topup" {
  service_id      = "d151e4f9"
  amount          = "50"
  description     = "Wallet top-up"
  direct_channel  = "blik"
  commission_mode = "payer"

  customer = {
    ip           = "203.0.113.7"
    country_code = "PL"
  }

  antifraud = {
    useragent = "Mozilla/5.0 (X11; Linux x86_64)"
  }
}
