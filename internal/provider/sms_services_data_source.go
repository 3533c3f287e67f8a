package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*smsServicesDataSource)(nil)

// NewSMSServicesDataSource is the simpay_sms_services data source.
func NewSMSServicesDataSource() datasource.DataSource { return &smsServicesDataSource{} }

type smsServicesDataSource struct{ dataSourceBase }

type smsServicesModel struct {
	Status   types.String      `tfsdk:"status"`
	Services []smsServiceModel `tfsdk:"services"`
}

func (d *smsServicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms_services"
}

func (d *smsServicesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's SMS premium services (`GET /sms`), every page of them. " +
			"The prices of a service's numbers are in `data.simpay_sms_service` and `data.simpay_sms_numbers`.",
		Attributes: map[string]schema.Attribute{
			"status": serviceStatusFilter(smsServices.Name),
			"services": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The services, in SimPay's order.",
				NestedObject:        schema.NestedAttributeObject{Attributes: smsServiceAttributes()},
			},
		},
	}
}

func (d *smsServicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m smsServicesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	services, err := c.ListSMSServices(ctx, client.ListOptions{})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic("listing SMS services", err))
		return
	}
	// SimPay documents no status filter for /sms: it is applied here.
	m.Services = []smsServiceModel{}
	for _, s := range services {
		if m.Status.IsNull() || s.Status == m.Status.ValueString() {
			m.Services = append(m.Services, newSMSServiceModel(s))
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
