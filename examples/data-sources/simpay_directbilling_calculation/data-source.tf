# What each mobile operator charges for a 19.99 PLN DirectBilling payment;
# an operator that does not serve this amount is null, and not in operators.
data "simpay_directbilling_calculation" "price" {
  service_id = "d151e4f9"
  amount     = "19.99"
}

output "orange_gross" {
  value = try(data.simpay_directbilling_calculation.price.orange.gross, null)
}

# Every operator SimPay priced, by SimPay's name, including any it adds later.
output "gross_by_operator" {
  value = { for name, price in data.simpay_directbilling_calculation.price.operators : name => price.gross }
}
