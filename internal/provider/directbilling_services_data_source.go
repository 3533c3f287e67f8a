package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*directBillingServicesDataSource)(nil)

// NewDirectBillingServicesDataSource is the simpay_directbilling_services data source.
func NewDirectBillingServicesDataSource() datasource.DataSource {
	return &directBillingServicesDataSource{}
}

type directBillingServicesDataSource struct{ dataSourceBase }

type directBillingServicesModel struct {
	Status   types.String                `tfsdk:"status"`
	Services []directBillingServiceModel `tfsdk:"services"`
}

func (d *directBillingServicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_directbilling_services"
}

func (d *directBillingServicesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's DirectBilling (carrier billing) services (`GET /directbilling`), " +
			"every page of them.",
		Attributes: map[string]schema.Attribute{
			"status": serviceStatusFilter(directBillingServices.Name),
			"services": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The services, in SimPay's order.",
				NestedObject:        schema.NestedAttributeObject{Attributes: directBillingServiceAttributes()},
			},
		},
	}
}

func (d *directBillingServicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m directBillingServicesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	services, err := c.ListDirectBillingServices(ctx, client.ListOptions{})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic("listing DirectBilling services", err))
		return
	}
	// SimPay documents no status filter for /directbilling: it is applied here.
	m.Services = []directBillingServiceModel{}
	for _, s := range services {
		if m.Status.IsNull() || s.Status == m.Status.ValueString() {
			m.Services = append(m.Services, newDirectBillingServiceModel(s))
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
