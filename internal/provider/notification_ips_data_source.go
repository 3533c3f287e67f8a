package provider

import (
	"context"
	"fmt"
	"net/netip"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*notificationIPsDataSource)(nil)

// NewNotificationIPsDataSource is the simpay_notification_ips data source.
func NewNotificationIPsDataSource() datasource.DataSource { return &notificationIPsDataSource{} }

type notificationIPsDataSource struct{ dataSourceBase }

type notificationIPsModel struct {
	IPAddresses []types.String `tfsdk:"ip_addresses"`
	CIDRBlocks  []types.String `tfsdk:"cidr_blocks"`
}

func (d *notificationIPsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_notification_ips"
}

func (d *notificationIPsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the IP addresses SimPay sends payment notifications (IPN) from (`GET /ip`), to allow " +
			"them through a firewall or security group in front of the notification endpoint. Needs no API token: " +
			"SimPay serves this list publicly (the token is sent when one is configured).",
		Attributes: map[string]schema.Attribute{
			"ip_addresses": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "The addresses exactly as SimPay lists them, in SimPay's order.",
			},
			"cidr_blocks": schema.ListAttribute{
				Computed:    true,
				ElementType: types.StringType,
				MarkdownDescription: "The same addresses as CIDR blocks, ready for firewall rules: `/32` for an IPv4 " +
					"address, `/128` for an IPv6 one (an IPv4-mapped IPv6 address becomes its IPv4 `/32`); an entry that " +
					"is already a CIDR block is kept as a block. An entry that is neither is left out, with a warning. " +
					"IPv4 and IPv6 are mixed: split them with `strcontains(block, \":\")` where a rule takes one family.",
			},
		},
	}
}

func (d *notificationIPsDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	// GET /ip is public: SimPay's WooCommerce, WordPress and WHMCS plugins
	// call it with no Authorization header.
	c := d.publicClient(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ips, err := c.ListNotificationIPs(ctx)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic("listing the IP addresses SimPay sends notifications from", err))
		return
	}
	m := notificationIPsModel{IPAddresses: make([]types.String, 0, len(ips))}
	for _, ip := range ips {
		m.IPAddresses = append(m.IPAddresses, types.StringValue(ip))
	}
	blocks, diags := cidrBlocks(ips)
	resp.Diagnostics.Append(diags...)
	m.CIDRBlocks = make([]types.String, 0, len(blocks))
	for _, b := range blocks {
		m.CIDRBlocks = append(m.CIDRBlocks, types.StringValue(b))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// cidrBlocks turns each address into a single-host CIDR block. Entries that
// are not an address (nor already a block) are skipped, with one warning
// naming them all: a firewall rule built from them would fail, and the other
// addresses still have to get through.
func cidrBlocks(entries []string) ([]string, diag.Diagnostics) {
	var diags diag.Diagnostics
	blocks := make([]string, 0, len(entries))
	var skipped []string
	for _, entry := range entries {
		s := strings.TrimSpace(entry)
		if addr, err := netip.ParseAddr(s); err == nil && addr.Zone() == "" {
			addr = addr.Unmap()
			blocks = append(blocks, netip.PrefixFrom(addr, addr.BitLen()).String())
			continue
		}
		if p, err := netip.ParsePrefix(s); err == nil {
			blocks = append(blocks, p.Masked().String())
			continue
		}
		skipped = append(skipped, fmt.Sprintf("%q", entry))
	}
	if len(skipped) > 0 {
		diags.AddAttributeWarning(path.Root("cidr_blocks"), "SimPay listed notification addresses that are not IP addresses",
			fmt.Sprintf("SimPay's list of notification addresses (GET /ip) holds %s, which cannot be written as a CIDR "+
				"block (neither a plain IPv4 nor IPv6 address, nor a range). They are kept in ip_addresses but left out of "+
				"cidr_blocks, so a firewall built from cidr_blocks will not allow notifications from them; if SimPay's "+
				"notifications are refused, check SimPay's documentation for its current addresses.",
				strings.Join(skipped, ", ")))
	}
	return blocks, diags
}
