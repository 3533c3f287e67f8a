terraform {
  required_providers {
    simpay = {
      source = "simpay-tf/simpay"
    }
  }
}

# The token comes from the SIMPAY_API_TOKEN environment variable, so it never
# sits in a .tf file or in version control. Create it in the SimPay panel under
# My Account > API keys, with the abilities the data sources and resources you
# use need.
provider "simpay" {
  # api_token             = var.simpay_api_token   # or SIMPAY_API_TOKEN
  # base_url              = "https://api.simpay.pl/" # or SIMPAY_BASE_URL
  request_timeout = "30s"
  max_retries     = 4
}

# In CI, plan against simpay-mock instead of SimPay: no credentials needed.
#
#   go run github.com/simpay-tf/terraform-provider-simpay/cmd/simpay-mock@latest -listen 127.0.0.1:8089 &
#   export SIMPAY_BASE_URL=http://127.0.0.1:8089/ SIMPAY_API_TOKEN=simpay-mock-token
