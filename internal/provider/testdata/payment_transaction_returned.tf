resource "simpay_payment_transaction" "{{name}}" {
  service_id  = "d151e4f9"
  amount      = "24.99"
  currency    = "EUR"
  control     = "order-2001"
  customer = {
    email        = "anna@example.com"
    country_code = "DE"
  }
  shipping = {
    name        = "Annabelle"
    city        = "Berlin"
    postal_code = "10115"
    country     = "DE"
  }
  cart = [
    { name = "Mug", quantity = 3, price = "8.33", code = "MUG-3" },
  ]
  return_urls = {
    success = "https://shop.example.com/paid"
  }
{{extra}}
}
