package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// everyDataSource uses each data source once with valid arguments.
const everyDataSource = `
data "simpay_payment_services" "all" {}
data "simpay_payment_service" "one" {
  id = "d151e4f9"
}
data "simpay_payment_channels" "blik" {
  service_id = "d151e4f9"
  type       = "blik"
  currency   = "PLN"
  amount     = "49.99"
}
data "simpay_payment_currencies" "rates" {
  service_id = "d151e4f9"
}
data "simpay_payment_transactions" "recent" {
  service_id = "d151e4f9"
  status     = "transaction_paid"
  max_items  = 10
}
data "simpay_payment_transaction" "one" {
  service_id = "d151e4f9"
  id         = "528bd43f-d08a-43f5-9462-861e54db37bf"
}
data "simpay_payment_refunds" "of_one" {
  service_id     = "d151e4f9"
  transaction_id = "528bd43f-d08a-43f5-9462-861e54db37bf"
}
data "simpay_notification_ips" "simpay" {}
data "simpay_sms_services" "all" {}
data "simpay_sms_service" "one" {
  id = "d151e4f9"
}
data "simpay_sms_numbers" "all" {}
data "simpay_sms_transactions" "recent" {
  service_id = "d151e4f9"
  max_items  = 10
}
data "simpay_sms_transaction" "one" {
  service_id = "d151e4f9"
  id         = 1
}
data "simpay_directbilling_services" "all" {}
data "simpay_directbilling_service" "one" {
  id = "d151e4f9"
}
data "simpay_directbilling_calculation" "price" {
  service_id = "d151e4f9"
  amount     = "19.99"
}
data "simpay_directbilling_transactions" "paid" {
  service_id   = "d151e4f9"
  status       = "transaction_db_payed"
  phone_number = "48123123123"
  control      = "order-2001"
  max_items    = 5
}
data "simpay_directbilling_transaction" "one" {
  service_id = "d151e4f9"
  id         = "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a"
}
`

// TestTerraformValidateNeedsNoTokenOrNetwork runs the real terraform validate
// on a configuration that uses every data source, with no API token anywhere
// and a base URL that cannot be reached: validating must need neither.
func TestTerraformValidateNeedsNoTokenOrNetwork(t *testing.T) {
	t.Parallel()
	for _, newDataSource := range (&simpayProvider{}).DataSources(context.Background()) {
		var resp datasource.MetadataResponse
		newDataSource().Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "simpay"}, &resp)
		if !strings.Contains(everyDataSource, `data "`+resp.TypeName+`"`) {
			t.Errorf("everyDataSource does not use %s", resp.TypeName)
		}
	}
	config := "provider \"simpay\" {\n  base_url = \"https://simpay.invalid/\"\n}\n" + everyDataSource
	tf := newTerraformCLI(t, config)
	stdout, stderr, err := tf.Run(context.Background(), "validate", "-no-color")
	if err != nil {
		t.Fatalf("terraform validate failed: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, stderr)
	}
	if !strings.Contains(stdout, "The configuration is valid") {
		t.Fatalf("terraform validate did not say the configuration is valid:\n%s", stdout)
	}
}

// TestTerraformValidateRejectsBadProviderSettings checks that each provider
// setting is checked at validate time, naming the attribute, with no token
// and no request.
func TestTerraformValidateRejectsBadProviderSettings(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		setting string
		want    string
	}{
		"plain http to a remote host": {`base_url = "http://api.simpay.pl/"`, `(?s)base_url.*plain http.*loopback`},
		"not a URL":                   {`base_url = "api.simpay.pl"`, `(?s)base_url`},
		"timeout not a duration":      {`request_timeout = "soon"`, `(?s)request_timeout.*must be a duration`},
		"negative timeout":            {`request_timeout = "-5s"`, `(?s)request_timeout.*positive duration`},
		"too many retries":            {`max_retries = 99`, `(?s)max_retries.*between 0 and 10`},
		"no concurrency":              {`max_concurrent_requests = 0`, `(?s)max_concurrent_requests.*between 1 and 32`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			config := "provider \"simpay\" {\n  " + tc.setting + "\n}\n\ndata \"simpay_notification_ips\" \"x\" {}\n"
			tf := newTerraformCLI(t, config)
			stdout, stderr, err := tf.Run(context.Background(), "validate", "-no-color")
			if err == nil {
				t.Fatalf("terraform validate accepted %s:\n%s", tc.setting, stdout)
			}
			if !regexp.MustCompile(tc.want).MatchString(stderr) {
				t.Fatalf("terraform validate error does not match %q:\n%s", tc.want, stderr)
			}
		})
	}
}

// TestAccMissingTokenIsReportedOnRead checks that a missing token is only an
// error once something is read, and that the error names both ways to set it.
// It cannot run in parallel: it clears SIMPAY_API_TOKEN for this process.
func TestAccMissingTokenIsReportedOnRead(t *testing.T) {
	t.Setenv(envAPIToken, "")
	mock := newTestMock(t, simpaymock.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      mock.configWith("", `data "simpay_notification_ips" "x" {}`),
			ExpectError: regexp.MustCompile(`(?s)Missing SimPay API token.*api_token.*SIMPAY_API_TOKEN`),
		}},
	})
	if n := len(mock.Requests()); n != 0 {
		t.Fatalf("the mock saw %d requests without a token, want none", n)
	}
}

// TestAccTokenFromEnvironment checks the SIMPAY_API_TOKEN fallback.
func TestAccTokenFromEnvironment(t *testing.T) {
	t.Setenv(envAPIToken, simpaymock.DefaultToken)
	mock := newTestMock(t, simpaymock.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: mock.configWith("", `data "simpay_payment_service" "x" {
  id = "d151e4f9"
}`),
			Check: resource.TestCheckResourceAttr("data.simpay_payment_service.x", "name", "Test service"),
		}},
	})
}

// TestAccUnknownTokenAtPlan gives the provider a token that is known only
// after apply. Reading a data source during that plan cannot work; the error
// says why and what to do, instead of crashing or claiming the token is
// missing.
func TestAccUnknownTokenAtPlan(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: mock.configWith(`api_token = terraform_data.token.output`, `
resource "terraform_data" "token" {
  input = "`+simpaymock.DefaultToken+`"
}
data "simpay_notification_ips" "x" {}
`),
			ExpectError: regexp.MustCompile(`(?s)Provider setting not known yet.*api_token.*known only\s+after\s+apply.*-target`),
		}},
	})
}
