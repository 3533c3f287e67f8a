# The first plan of the "Install and first plan" guide: the provider that
# make install-plugin installed (its version is the build's, the next
# release marked -dev), reading the channels of simpay-mock's fixture
# service. The base URL and the token come from SIMPAY_BASE_URL and
# SIMPAY_API_TOKEN.
terraform {
  required_providers {
    simpay = {
      source  = "simpay-tf/simpay"
      version = "0.1.0-dev"
    }
  }
}

provider "simpay" {}

data "simpay_payment_channels" "blik" {
  service_id = "d151e4f9"
  type       = "blik"
}

output "blik_channel_ids" {
  value = data.simpay_payment_channels.blik.ids
}
