package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*smsNumbersDataSource)(nil)

// NewSMSNumbersDataSource is the simpay_sms_numbers data source.
func NewSMSNumbersDataSource() datasource.DataSource { return &smsNumbersDataSource{} }

type smsNumbersDataSource struct{ dataSourceBase }

type smsNumbersModel struct {
	ServiceID types.String     `tfsdk:"service_id"`
	Numbers   []smsNumberModel `tfsdk:"numbers"`
}

func (d *smsNumbersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms_numbers"
}

func (d *smsNumbersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists SMS premium-rate numbers and their prices: those of one SMS service " +
			"(`GET /sms/{serviceId}/numbers`) when `service_id` is set, else every number SimPay offers " +
			"(`GET /sms/numbers`). Every page is read.",
		Attributes: map[string]schema.Attribute{
			"service_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Id of an SMS service (8 lowercase hexadecimal characters, as shown in the SimPay " +
					"panel): list only the numbers that service can be paid through. Leave it out to list every SMS " +
					"number SimPay offers.",
				Validators: []validator.String{serviceIDValidator()},
			},
			"numbers": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The numbers, in SimPay's order.",
				NestedObject:        schema.NestedAttributeObject{Attributes: smsNumberAttributes()},
			},
		},
	}
}

func (d *smsNumbersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m smsNumbersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	var numbers []client.SMSNumber
	var err error
	if m.ServiceID.IsNull() {
		numbers, err = c.ListSMSNumbers(ctx, client.ListOptions{})
		if err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic("listing SMS numbers", err))
			return
		}
	} else {
		id := m.ServiceID.ValueString()
		numbers, err = c.ListSMSServiceNumbers(ctx, id, client.ListOptions{})
		if err != nil {
			if addServiceNotFound(&resp.Diagnostics, path.Root("service_id"), smsServices, id, err) {
				return
			}
			resp.Diagnostics.Append(apiErrorDiagnostic("listing the numbers of SMS service "+id, err))
			return
		}
	}
	m.Numbers = newSMSNumberModels(numbers)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
