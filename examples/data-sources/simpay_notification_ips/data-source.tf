# The addresses SimPay sends payment notifications (IPN) from, as CIDR blocks
# for a firewall or security group rule in front of the notification endpoint.
data "simpay_notification_ips" "simpay" {}

output "ipn_allow_list" {
  value = data.simpay_notification_ips.simpay.cidr_blocks
}
