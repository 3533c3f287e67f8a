# The 20 most recent SMS a premium service received, and which of their
# codes are still unused.
data "simpay_sms_transactions" "recent" {
  service_id = "d151e4f9"
  max_items  = 20
}

output "unused_codes" {
  value = [for t in data.simpay_sms_transactions.recent.transactions : t.code if !t.used]
}
