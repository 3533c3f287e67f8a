package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*smsServiceDataSource)(nil)

// NewSMSServiceDataSource is the simpay_sms_service data source.
func NewSMSServiceDataSource() datasource.DataSource { return &smsServiceDataSource{} }

type smsServiceDataSource struct{ dataSourceBase }

// smsServiceDetailModel is smsServiceModel with the service's numbers.
type smsServiceDetailModel struct {
	ID          types.String     `tfsdk:"id"`
	Type        types.String     `tfsdk:"type"`
	Status      types.String     `tfsdk:"status"`
	Name        types.String     `tfsdk:"name"`
	Prefix      types.String     `tfsdk:"prefix"`
	Suffix      types.String     `tfsdk:"suffix"`
	Description types.String     `tfsdk:"description"`
	Adult       types.Bool       `tfsdk:"adult"`
	CreatedAt   types.String     `tfsdk:"created_at"`
	Numbers     []smsNumberModel `tfsdk:"numbers"`
}

func (d *smsServiceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms_service"
}

func (d *smsServiceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := smsServiceAttributes()
	attrs["id"] = serviceIDArgument(smsServices.Name)
	attrs["numbers"] = schema.ListNestedAttribute{
		Computed: true,
		MarkdownDescription: "The premium-rate numbers the service can be paid through, with their prices, in " +
			"SimPay's order. Empty when the service has none.",
		NestedObject: schema.NestedAttributeObject{Attributes: smsNumberAttributes()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one SMS premium service (`GET /sms/{serviceId}`) and the prices of its numbers " +
			"(`GET /sms/{serviceId}/numbers`). The API token needs both abilities: `sms.services.show` and " +
			"`sms.services.numbers`.",
		Attributes: attrs,
	}
}

func (d *smsServiceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m smsServiceDetailModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := m.ID.ValueString()
	fail := func(action string, err error) {
		if addServiceNotFound(&resp.Diagnostics, path.Root("id"), smsServices, id, err) {
			return
		}
		resp.Diagnostics.Append(apiErrorDiagnostic(action, err))
	}
	s, err := c.GetSMSService(ctx, id)
	if err != nil {
		fail("reading SMS service "+id, err)
		return
	}
	// The detail lists the service's numbers without prices; the numbers
	// endpoint lists the same numbers with prices, so it alone fills numbers:
	// two requests, nothing to join.
	numbers, err := c.ListSMSServiceNumbers(ctx, id, client.ListOptions{})
	if err != nil {
		fail("reading the numbers of SMS service "+id, err)
		return
	}
	// The id stays as configured: Terraform expects arguments back unchanged,
	// and a mock may answer with its example id.
	v := newSMSServiceModel(*s)
	m.Type, m.Status, m.Name = v.Type, v.Status, v.Name
	m.Prefix, m.Suffix, m.Description = v.Prefix, v.Suffix, v.Description
	m.Adult, m.CreatedAt = v.Adult, v.CreatedAt
	m.Numbers = newSMSNumberModels(numbers)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
