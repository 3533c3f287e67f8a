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

// smsServiceModel is one SMS premium service in the list;
// simpay_sms_service has the same attributes at the top level, plus numbers.
type smsServiceModel struct {
	ID          types.String `tfsdk:"id"`
	Type        types.String `tfsdk:"type"`
	Status      types.String `tfsdk:"status"`
	Name        types.String `tfsdk:"name"`
	Prefix      types.String `tfsdk:"prefix"`
	Suffix      types.String `tfsdk:"suffix"`
	Description types.String `tfsdk:"description"`
	Adult       types.Bool   `tfsdk:"adult"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

func newSMSServiceModel(s client.SMSService) smsServiceModel {
	return smsServiceModel{
		ID:          types.StringValue(s.ID),
		Type:        types.StringValue(s.Type),
		Status:      types.StringValue(s.Status),
		Name:        types.StringValue(s.Name),
		Prefix:      types.StringValue(s.Prefix),
		Suffix:      types.StringValue(s.Suffix),
		Description: stringOrNull(s.Description),
		Adult:       types.BoolValue(s.Adult),
		CreatedAt:   timestamp(s.CreatedAt),
	}
}

// smsServiceAttributes are the computed attributes of an SMS service.
func smsServiceAttributes() map[string]schema.Attribute {
	attrs := serviceAttributes(smsServices.name)
	attrs["type"] = schema.StringAttribute{Computed: true, MarkdownDescription: "How the service hands out codes: " +
		"`ONE_TIME_CODE`, `CODE_PACK` or `API_URL` (kept as SimPay sends it, should SimPay add another)."}
	attrs["prefix"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Prefix of the service: the first " +
		"part of the SMS text the payer sends, such as `SIM`."}
	attrs["suffix"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Suffix of the service: the second " +
		"part of the SMS text the payer sends, which tells SimPay which service the SMS pays for."}
	attrs["description"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Description of the service; " +
		"null when it has none."}
	attrs["adult"] = schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the service is for adults " +
		"only (18+)."}
	return attrs
}

func (d *smsServicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sms_services"
}

func (d *smsServicesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's SMS premium services (`GET /sms`), every page of them. " +
			"The prices of a service's numbers are in `data.simpay_sms_service` and `data.simpay_sms_numbers`.",
		Attributes: map[string]schema.Attribute{
			"status": serviceStatusFilter(smsServices.name),
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
