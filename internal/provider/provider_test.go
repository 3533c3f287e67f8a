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

// TestTerraformValidateNeedsNoTokenOrNetwork runs the real terraform validate
// on a configuration that uses every data source, with no API token anywhere
// and a base URL that cannot be reached: validating must need neither.
func TestTerraformValidateNeedsNoTokenOrNetwork(t *testing.T) {
	t.Parallel()
	// It uses each data source once with valid arguments.
	everyDataSource := testdataConfig("every_data_source", nil)
	for _, newDataSource := range (&simpayProvider{}).DataSources(context.Background()) {
		var resp datasource.MetadataResponse
		newDataSource().Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "simpay"}, &resp)
		if !strings.Contains(everyDataSource, `data "`+resp.TypeName+`"`) {
			t.Errorf("testdata/every_data_source.tf does not use %s", resp.TypeName)
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
			Config: mock.configWith("", `data "simpay_payment_service" "x" {
  id = "d151e4f9"
}`),
			ExpectError: regexp.MustCompile(`(?s)Missing SimPay API token.*api_token.*SIMPAY_API_TOKEN`),
		}},
	})
	if n := len(mock.Requests()); n != 0 {
		t.Fatalf("the mock saw %d requests without a token, want none", n)
	}
}

// TestAccNotificationIPsNeedNoToken runs the terraform CLI, whose
// environment holds no SimPay variable, with no api_token: the notification
// IPs are read from SimPay's public GET /ip without an Authorization header,
// while any other read still fails naming api_token and SIMPAY_API_TOKEN.
// With a token configured, the same read sends it.
func TestAccNotificationIPsNeedNoToken(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		const ips = `
data "simpay_notification_ips" "simpay" {}

output "blocks" {
  value = data.simpay_notification_ips.simpay.cidr_blocks
}
`
		const service = `
data "simpay_payment_service" "one" {
  id = "d151e4f9"
}
`
		wantBlocks := `["192.0.2.10/32","192.0.2.11/32","198.51.100.20/32","203.0.113.30/32","2001:db8:5150::10/128"]`
		ipRequests := func(mock *testMock) []simpaymock.Request {
			var out []simpaymock.Request
			for _, r := range mock.Requests() {
				if r.Path == "/ip" {
					out = append(out, r)
				}
			}
			return out
		}
		ctx := t.Context()

		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		cli := newTerraformCLI(t, mock.configWith("", ips))
		if out, errOut, err := cli.Run(ctx, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
			t.Fatalf("apply without a token: %v\n%s\n%s", err, out, errOut)
		}
		out, errOut, err := cli.Run(ctx, "output", "-json", "blocks")
		if err != nil || strings.Join(strings.Fields(out), "") != wantBlocks {
			t.Errorf("output blocks = %s (%v, %s), want %s", out, err, errOut, wantBlocks)
		}
		reqs := ipRequests(mock)
		if len(reqs) == 0 {
			t.Fatal("the mock saw no GET /ip")
		}
		for _, r := range reqs {
			if r.AuthPresent {
				t.Errorf("GET /ip without a token configured carried an Authorization header")
			}
		}

		// Anything else still needs the token, and says so.
		mock.ResetRequests()
		cli = newTerraformCLI(t, mock.configWith("", ips+service))
		out, errOut, err = cli.Run(ctx, "plan", "-input=false", "-no-color")
		if err == nil {
			t.Fatalf("plan reading a payment service without a token succeeded:\n%s", out)
		}
		if !regexp.MustCompile(`(?s)Missing SimPay API token.*api_token.*SIMPAY_API_TOKEN`).MatchString(errOut) {
			t.Errorf("the error does not say the token is missing, naming api_token and SIMPAY_API_TOKEN:\n%s", errOut)
		}
		for _, r := range mock.Requests() {
			if r.Path != "/ip" {
				t.Errorf("without a token the provider sent %s %s", r.Method, r.Path)
			}
		}

		// With a token, GET /ip carries it.
		mock.ResetRequests()
		cli = newTerraformCLI(t, mock.config(ips))
		if out, errOut, err := cli.Run(ctx, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
			t.Fatalf("apply with a token: %v\n%s\n%s", err, out, errOut)
		}
		reqs = ipRequests(mock)
		if len(reqs) == 0 {
			t.Fatal("the mock saw no GET /ip")
		}
		for _, r := range reqs {
			if !r.AuthPresent || !r.AuthValid {
				t.Errorf("GET /ip with a token configured: Authorization present %v, valid %v; want the token sent",
					r.AuthPresent, r.AuthValid)
			}
		}
	})
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
