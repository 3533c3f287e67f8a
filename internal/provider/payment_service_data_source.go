package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

var _ datasource.DataSourceWithConfigure = (*paymentServiceDataSource)(nil)

// NewPaymentServiceDataSource is the simpay_payment_service data source.
func NewPaymentServiceDataSource() datasource.DataSource { return &paymentServiceDataSource{} }

type paymentServiceDataSource struct{ dataSourceBase }

func (d *paymentServiceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_service"
}

func (d *paymentServiceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := serviceAttributes("online-payment")
	attrs["id"] = serviceIDArgument("online-payment")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one online-payment service (`GET /payment/{serviceId}`).",
		Attributes:          attrs,
	}
}

func (d *paymentServiceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m paymentServiceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.ID.ValueString()
	s, err := c.GetPaymentService(ctx, id)
	if err != nil {
		if addServiceNotFound(&resp.Diagnostics, path.Root("id"), paymentServices, id, err) {
			return
		}
		resp.Diagnostics.Append(apiErrorDiagnostic("reading online-payment service "+id, err))
		return
	}
	// The id stays as configured: Terraform expects arguments back unchanged,
	// and a mock may answer with its example id.
	configured := m.ID
	m = newPaymentServiceModel(*s)
	m.ID = configured
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
