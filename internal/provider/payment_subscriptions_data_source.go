package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

var _ datasource.DataSourceWithConfigure = (*paymentSubscriptionsDataSource)(nil)

// NewPaymentSubscriptionsDataSource is the simpay_payment_subscriptions data
// source.
func NewPaymentSubscriptionsDataSource() datasource.DataSource {
	return &paymentSubscriptionsDataSource{}
}

type paymentSubscriptionsDataSource struct{ dataSourceBase }

type paymentSubscriptionsModel struct {
	ServiceID     types.String        `tfsdk:"service_id"`
	Status        types.String        `tfsdk:"status"`
	Mode          types.String        `tfsdk:"mode"`
	UUID          types.String        `tfsdk:"uuid"`
	Sort          types.String        `tfsdk:"sort"`
	Subscriptions []subscriptionModel `tfsdk:"subscriptions"`
}

func (d *paymentSubscriptionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_payment_subscriptions"
}

func (d *paymentSubscriptionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the recurring-payment subscriptions (BLIK or card) of an online-payment service " +
			"(`GET /payment/{serviceId}/subscriptions`), every page, optionally filtered by SimPay by status, mode " +
			"or id. Subscriptions are created by the payer's first payment with a BLIK code, so Terraform only reads them.",
		Attributes: map[string]schema.Attribute{
			"service_id": serviceIDArgument(paymentServices.Name),
			"status":     recurringStatusFilter("subscriptions", "subscription status", subscriptionStatuses),
			"mode":       recurringClosedFilter("Keep only subscriptions paid this way, sent to SimPay as `filter[mode]`: one of", subscriptionModes),
			"uuid": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only the subscription with this id (a UUID such as " +
					"`019970c6-3d3e-708c-9313-5f89e251e2c0`), sent to SimPay as `filter[uuid]`.",
				Validators: []validator.String{objectIDValidator("subscription")},
			},
			"sort": recurringSortArgument("subscriptions"),
			"subscriptions": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The subscriptions, in SimPay's order; `[]` when none matches.",
				NestedObject: schema.NestedAttributeObject{Attributes: withAttributes(subscriptionFieldAttributes(), map[string]schema.Attribute{
					"blik": schema.SingleNestedAttribute{
						Computed:            true,
						MarkdownDescription: "The BLIK side of a BLIK subscription; null for a card subscription.",
						Attributes: map[string]schema.Attribute{
							"model": readString("SimPay's BLIK recurring model of the subscription, such as `O`."),
							"alias": schema.SingleNestedAttribute{
								Computed:            true,
								MarkdownDescription: "The BLIK alias the subscription charges; null when SimPay sends none.",
								Attributes:          blikAliasAttributes(),
							},
						},
					},
				})},
			},
		},
	}
}

func (d *paymentSubscriptionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m paymentSubscriptionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	c := d.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	serviceID := m.ServiceID.ValueString()
	subs, err := c.ListPaymentSubscriptions(ctx, serviceID, client.PaymentSubscriptionFilter{
		Status: m.Status.ValueString(), Mode: m.Mode.ValueString(), UUID: m.UUID.ValueString(), Sort: m.Sort.ValueString(),
	})
	if err != nil {
		readRecurringError(&resp.Diagnostics, "listing the subscriptions of payment service "+serviceID, serviceID, err)
		return
	}
	m.Subscriptions = make([]subscriptionModel, 0, len(subs))
	for i := range subs {
		m.Subscriptions = append(m.Subscriptions, newSubscriptionModel(&subs[i]))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
