# NBP exchange rates SimPay applies, e.g. to show EUR prices next to PLN ones.
data "simpay_payment_currencies" "rates" {
  service_id = "d151e4f9"
}

output "eur_pln_rate" {
  # Rates are decimal strings exactly as SimPay sends them, e.g. "4.3238000000".
  value = data.simpay_payment_currencies.rates.pln_rates["EUR"]
}
