package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*paymentBlikAliasesDataSource)(nil)

// NewPaymentBlikAliasesDataSource is the simpay_payment_blik_aliases data
// source.
func NewPaymentBlikAliasesDataSource() datasource.DataSource {
	return &paymentBlikAliasesDataSource{}
}

type paymentBlikAliasesDataSource struct{ dataSourceBase }

type paymentBlikAliasesModel struct {
	ServiceID types.String         `tfsdk:"service_id"`
	Status    types.String         `tfsdk:"status"`
	Type      types.String         `tfsdk:"type"`
	UUID      types.String         `tfsdk:"uuid"`
	Value     types.String         `tfsdk:"value"`
	Sort      types.String         `tfsdk:"sort"`
	Aliases   []blikAliasItemModel `tfsdk:"aliases"`
}

func (d *paymentBlikAliasesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_blik_aliases"
}

func (d *paymentBlikAliasesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the BLIK aliases of an online-payment service (`GET /payment/{serviceId}/blik/aliases`), " +
			"every page, each with the subscription it belongs to, optionally filtered by SimPay by status, type, id or " +
			"value. An alias is what lets a payer pay again without a BLIK code; " +
			"`simpay_payment_blik_alias_unregister` unregisters one.",
		Attributes: map[string]schema.Attribute{
			"service_id": serviceIDArgument(paymentServices.Name),
			"status":     recurringStatusFilter("aliases", "BLIK alias status", blikAliasStatuses),
			"type":       recurringClosedFilter("Keep only aliases of this type, sent to SimPay as `filter[type]`: one of", blikAliasTypes),
			"uuid": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only the alias with this id (a UUID such as " +
					"`019970c6-3ce8-71e7-8214-20fd635532fb`), sent to SimPay as `filter[uuid]`.",
				Validators: []validator.String{objectIDValidator("alias")},
			},
			"value": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only aliases with this value (the shop's id given when the alias was " +
					"registered, such as `AABBCC`), sent to SimPay as `filter[value]`.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"sort": recurringSortArgument("aliases"),
			"aliases": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The aliases, in SimPay's order; `[]` when none matches.",
				NestedObject: schema.NestedAttributeObject{Attributes: withAttributes(blikAliasAttributes(), map[string]schema.Attribute{
					"subscription": schema.SingleNestedAttribute{
						Computed: true,
						MarkdownDescription: "The subscription the alias belongs to; null for an alias without one (a BLIK " +
							"OneClick alias). SimPay's list gives its `blik` without the alias, which is this item.",
						Attributes: withAttributes(subscriptionFieldAttributes(), map[string]schema.Attribute{
							"blik": schema.SingleNestedAttribute{
								Computed:            true,
								MarkdownDescription: "The BLIK side of the subscription; null for a card subscription.",
								Attributes: map[string]schema.Attribute{
									"model": readString("SimPay's BLIK recurring model of the subscription, such as `O`."),
								},
							},
						}),
					},
				})},
			},
		},
	}
}

func (d *paymentBlikAliasesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m paymentBlikAliasesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID := m.ServiceID.ValueString()
	aliases, err := c.ListBlikAliases(ctx, serviceID, client.BlikAliasFilter{
		Status: m.Status.ValueString(), Type: m.Type.ValueString(), UUID: m.UUID.ValueString(),
		Value: m.Value.ValueString(), Sort: m.Sort.ValueString(),
	})
	if err != nil {
		readRecurringError(&resp.Diagnostics, "listing the BLIK aliases of payment service "+serviceID, serviceID, err)
		return
	}
	m.Aliases = make([]blikAliasItemModel, 0, len(aliases))
	for i := range aliases {
		m.Aliases = append(m.Aliases, newBlikAliasItemModel(&aliases[i]))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
