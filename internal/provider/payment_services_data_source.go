package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*paymentServicesDataSource)(nil)

// NewPaymentServicesDataSource is the simpay_payment_services data source.
func NewPaymentServicesDataSource() datasource.DataSource { return &paymentServicesDataSource{} }

type paymentServicesDataSource struct{ dataSourceBase }

type paymentServicesModel struct {
	Status   types.String          `tfsdk:"status"`
	Services []paymentServiceModel `tfsdk:"services"`
}

func (d *paymentServicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_services"
}

func (d *paymentServicesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's online-payment services (`GET /payment`), every page of them.",
		Attributes: map[string]schema.Attribute{
			"status": serviceStatusFilter("online-payment"),
			"services": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The services, in SimPay's order.",
				NestedObject:        schema.NestedAttributeObject{Attributes: serviceAttributes("online-payment")},
			},
		},
	}
}

func (d *paymentServicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m paymentServicesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	services, err := c.ListPaymentServices(ctx, client.ListOptions{})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic("listing online-payment services", err))
		return
	}
	m.Services = []paymentServiceModel{}
	for _, s := range services {
		if m.Status.IsNull() || s.Status == m.Status.ValueString() {
			m.Services = append(m.Services, newPaymentServiceModel(s))
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
