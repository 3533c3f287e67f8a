package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

var _ datasource.DataSourceWithConfigure = (*directBillingServiceDataSource)(nil)

// NewDirectBillingServiceDataSource is the simpay_directbilling_service data source.
func NewDirectBillingServiceDataSource() datasource.DataSource {
	return &directBillingServiceDataSource{}
}

type directBillingServiceDataSource struct{ dataSourceBase }

func (d *directBillingServiceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_directbilling_service"
}

func (d *directBillingServiceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := directBillingServiceAttributes()
	attrs["id"] = serviceIDArgument(directBillingServices.Name)
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one DirectBilling (carrier billing) service (`GET /directbilling/{serviceId}`).",
		Attributes:          attrs,
	}
}

func (d *directBillingServiceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m directBillingServiceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.ID.ValueString()
	s, err := c.GetDirectBillingService(ctx, id)
	if err != nil {
		if addServiceNotFound(&resp.Diagnostics, path.Root("id"), directBillingServices, id, err) {
			return
		}
		resp.Diagnostics.Append(apiErrorDiagnostic("reading DirectBilling service "+id, err))
		return
	}
	// The id stays as configured: Terraform expects arguments back unchanged,
	// and a mock may answer with its example id.
	configured := m.ID
	m = newDirectBillingServiceModel(*s)
	m.ID = configured
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
