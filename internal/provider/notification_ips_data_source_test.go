package provider

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// oddIPsBody is a /ip answer with entries a firewall rule cannot take as
// they are: surrounding spaces, an IPv4-mapped IPv6 address, a range, a host
// name and an address with an IPv6 zone.
const oddIPsBody = `{"success":true,"data":["192.0.2.10"," 198.51.100.20 ","::ffff:203.0.113.30","203.0.113.64/26",` +
	`"ipn.simpay.pl","fe80::1%eth0","2001:DB8:5150::10"]}`

func TestAccNotificationIPsDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		const addr = "data.simpay_notification_ips.test"
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`data "simpay_notification_ips" "test" {}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("ip_addresses"),
							stringList("192.0.2.10", "192.0.2.11", "198.51.100.20", "203.0.113.30", "2001:db8:5150::10")),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("cidr_blocks"),
							stringList("192.0.2.10/32", "192.0.2.11/32", "198.51.100.20/32", "203.0.113.30/32", "2001:db8:5150::10/128")),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// TestAccNotificationIPsDataSourceOddEntries checks that entries which are
// not plain addresses never fail the read: they stay in ip_addresses as sent,
// and cidr_blocks holds what a firewall can use.
func TestAccNotificationIPsDataSourceOddEntries(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/ip", Kind: simpaymock.FaultStatus, Status: 200, Body: oddIPsBody})
		const addr = "data.simpay_notification_ips.test"
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`data "simpay_notification_ips" "test" {}`),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("ip_addresses"), stringList("192.0.2.10", " 198.51.100.20 ",
							"::ffff:203.0.113.30", "203.0.113.64/26", "ipn.simpay.pl", "fe80::1%eth0", "2001:DB8:5150::10")),
						statecheck.ExpectKnownValue(addr, tfjsonpath.New("cidr_blocks"), stringList("192.0.2.10/32", "198.51.100.20/32",
							"203.0.113.30/32", "203.0.113.64/26", "2001:db8:5150::10/128")),
					},
				},
			},
		})
	})
}

// TestAccNotificationIPsDataSourceWarning checks, through the terraform CLI,
// that a skipped entry is reported to the user as a warning naming it.
func TestAccNotificationIPsDataSourceWarning(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/ip", Kind: simpaymock.FaultStatus, Status: 200, Body: oddIPsBody})
		cli := newTerraformCLI(t, cliProviderConfig(mock, `
data "simpay_notification_ips" "test" {}

output "blocks" {
  value = data.simpay_notification_ips.test.cidr_blocks
}`))
		stdout, stderr, err := cli.Run(t.Context(), "plan", "-input=false", "-no-color")
		if err != nil {
			t.Fatalf("terraform plan failed: %v\n%s\n%s", err, stdout, stderr)
		}
		re := regexp.MustCompile(`(?s)Warning: SimPay listed notification addresses that are not IP addresses.*` +
			`holds\s+"ipn\.simpay\.pl",\s+"fe80::1%eth0",\s+which\s+cannot`)
		text := stdout + stderr
		if !re.MatchString(text) {
			t.Errorf("plan output has no warning naming the two skipped entries:\n%s", text)
		}
		if !strings.Contains(text, `"2001:db8:5150::10/128"`) {
			t.Errorf("plan output lacks the IPv6 block:\n%s", text)
		}
	})
}

func TestCIDRBlocks(t *testing.T) {
	t.Parallel()
	blocks, diags := cidrBlocks([]string{"192.0.2.1", "not an ip", "::1", "", "10.1.2.3/8"})
	if want := []string{"192.0.2.1/32", "::1/128", "10.0.0.0/8"}; !slices.Equal(blocks, want) {
		t.Errorf("blocks = %v, want %v", blocks, want)
	}
	if diags.HasError() || diags.WarningsCount() != 1 {
		t.Fatalf("want exactly one warning, got %v", diags)
	}
	if d := diags[0]; !strings.Contains(d.Detail(), `holds "not an ip", "", which`) || !strings.Contains(d.Detail(), "kept in ip_addresses") {
		t.Errorf("warning %q: %q, want it to name both skipped entries", d.Summary(), d.Detail())
	}
	if blocks, diags := cidrBlocks([]string{}); len(blocks) != 0 || blocks == nil || diags.HasError() || diags.WarningsCount() != 0 {
		t.Errorf("empty list: blocks = %#v, diags = %v; want an empty, non-nil list and no diagnostics", blocks, diags)
	}
}
