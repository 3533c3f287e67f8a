# What each mobile operator charges for a 19.99 PLN DirectBilling payment;
# an operator that does not serve this amount is null.
data "simpay_directbilling_calculation" "price" {
  service_id = "d151e4f9"
  amount     = "19.99"
}

output "orange_gross" {
  value = try(data.simpay_directbilling_calculation.price.orange.gross, null)
}
