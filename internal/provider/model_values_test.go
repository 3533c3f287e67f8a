package provider

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func dataSourceSchema(t *testing.T, d datasource.DataSource) schema.Schema {
	t.Helper()
	var resp datasource.SchemaResponse
	d.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return resp.Schema
}

func channelRows() []paymentChannelModel {
	full := paymentChannelModel{
		ID: types.StringValue("blik"), Name: types.StringValue("BLIK"), Type: types.StringValue("blik"),
		Img: types.StringValue("https://example.com/blik.png"), Commission: NewDecimalValue("1.50"),
		Currencies: []types.String{types.StringValue("PLN"), types.StringValue("EUR")},
		AmountMin:  NewDecimalValue("1"), AmountMax: NewDecimalValue("20000"),
	}
	sparse := paymentChannelModel{
		ID: types.StringValue("paypal"), Name: types.StringValue("PayPal"), Type: types.StringValue("paypal"),
		Img: types.StringNull(), Commission: NewDecimalNull(), Currencies: []types.String{},
		AmountMin: NewDecimalNull(), AmountMax: NewDecimalNull(),
	}
	noCurrencies := sparse
	noCurrencies.ID, noCurrencies.Currencies = types.StringValue("pix"), nil
	return []paymentChannelModel{full, sparse, noCurrencies}
}

// The fast path must write exactly the value the framework's State.Set
// writes, for every shape a row can take: nulls, empty and nil lists.
func TestSetStateWritesWhatStateSetWrites(t *testing.T) {
	ctx := context.Background()
	channels := dataSourceSchema(t, NewPaymentChannelsDataSource())
	transactions := dataSourceSchema(t, NewPaymentTransactionsDataSource())
	cases := []struct {
		name   string
		schema schema.Schema
		model  any
	}{
		{"channels", channels, &paymentChannelsModel{
			ServiceID: types.StringValue("d151e4f9"), Type: types.StringNull(), Currency: types.StringValue("PLN"),
			Amount: NewDecimalValue("24.99"), Channels: channelRows(),
			IDs: []types.String{types.StringValue("blik"), types.StringValue("paypal"), types.StringValue("pix")},
		}},
		{"channels, none kept", channels, &paymentChannelsModel{
			ServiceID: types.StringValue("d151e4f9"), Type: types.StringValue("blik"), Currency: types.StringNull(),
			Amount: NewDecimalNull(), Channels: []paymentChannelModel{}, IDs: []types.String{},
		}},
		{"channels, nil lists", channels, &paymentChannelsModel{
			ServiceID: types.StringValue("d151e4f9"), Type: types.StringNull(), Currency: types.StringNull(), Amount: NewDecimalNull(),
		}},
		{"transactions", transactions, &paymentTransactionsModel{
			ServiceID: types.StringValue("d151e4f9"), Status: types.StringNull(), MaxItems: types.Int64Value(2),
			Transactions: []paymentTransactionSummaryModel{
				{ID: types.StringValue("a"), Status: types.StringValue("transaction_paid"), Amount: NewDecimalValue("24.99"),
					Control: types.StringValue("order-1"), Channel: types.StringValue("blik"), PaidAt: types.StringValue("2025-01-01T10:00:00+01:00"),
					CreatedAt: types.StringValue("2025-01-01T09:59:00+01:00"), UpdatedAt: types.StringValue("2025-01-01T10:00:00+01:00")},
				{ID: types.StringValue("b"), Status: types.StringValue("transaction_new"), Amount: NewDecimalNull(),
					Control: types.StringNull(), Channel: types.StringNull(), PaidAt: types.StringNull(),
					CreatedAt: types.StringValue("2025-01-01T09:59:00+01:00"), UpdatedAt: types.StringValue("2025-01-01T09:59:00+01:00")},
			},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if planFor(ctx, c.schema.Type(), reflect.TypeOf(c.model)) == nil {
				t.Fatalf("no fast plan for %T: it would silently take the framework's path", c.model)
			}
			want := tfsdk.State{Schema: c.schema}
			if d := want.Set(ctx, c.model); d.HasError() {
				t.Fatal(d)
			}
			got := tfsdk.State{Schema: c.schema}
			if d := setState(ctx, &got, c.model); d.HasError() {
				t.Fatal(d)
			}
			if !got.Raw.Equal(want.Raw) {
				t.Fatalf("setState wrote\n%s\nState.Set writes\n%s", got.Raw, want.Raw)
			}
		})
	}
}

// A value the framework refuses is refused with the framework's own words
// and attribute path.
func TestSetStateReportsWhatStateSetReports(t *testing.T) {
	ctx := context.Background()
	s := dataSourceSchema(t, NewPaymentChannelsDataSource())
	rows := channelRows()
	rows[1].Commission = NewDecimalValue("1,5") // not a decimal: SimPay sent something odd
	model := &paymentChannelsModel{ServiceID: types.StringValue("d151e4f9"), Type: types.StringNull(),
		Currency: types.StringNull(), Amount: NewDecimalNull(), Channels: rows, IDs: []types.String{}}
	want := (&tfsdk.State{Schema: s}).Set(ctx, model)
	got := setState(ctx, &tfsdk.State{Schema: s}, model)
	if !want.HasError() || !got.Equal(want) {
		t.Fatalf("setState reported %v, State.Set reports %v", got, want)
	}
}

func channelsConfig(t *testing.T, s schema.Schema, attrs map[string]tftypes.Value) tfsdk.Config {
	t.Helper()
	typ := s.Type().TerraformType(context.Background()).(tftypes.Object)
	all := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		all[name] = tftypes.NewValue(at, nil)
		if v, ok := attrs[name]; ok {
			all[name] = v
		}
	}
	return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(typ, all)}
}

func TestGetConfigReadsWhatConfigGetReads(t *testing.T) {
	ctx := context.Background()
	s := dataSourceSchema(t, NewPaymentChannelsDataSource())
	configs := map[string]map[string]tftypes.Value{
		"filters": {
			"service_id": tftypes.NewValue(tftypes.String, "d151e4f9"),
			"currency":   tftypes.NewValue(tftypes.String, "PLN"),
			"amount":     tftypes.NewValue(tftypes.String, "24.99"),
		},
		"unknown filter": {
			"service_id": tftypes.NewValue(tftypes.String, "d151e4f9"),
			"type":       tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		},
		"ids given": {
			"service_id": tftypes.NewValue(tftypes.String, "d151e4f9"),
			"ids":        tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{tftypes.NewValue(tftypes.String, "blik")}),
		},
	}
	for name, attrs := range configs {
		t.Run(name, func(t *testing.T) {
			cfg := channelsConfig(t, s, attrs)
			var want, got paymentChannelsModel
			if d := cfg.Get(ctx, &want); d.HasError() {
				t.Fatal(d)
			}
			if d := getConfig(ctx, cfg, &got); d.HasError() {
				t.Fatal(d)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("getConfig read\n%#v\nConfig.Get reads\n%#v", got, want)
			}
		})
	}
}

// An unknown list cannot go into a Go slice: the framework's error, as the
// framework words it.
func TestGetConfigReportsWhatConfigGetReports(t *testing.T) {
	ctx := context.Background()
	s := dataSourceSchema(t, NewPaymentChannelsDataSource())
	cfg := channelsConfig(t, s, map[string]tftypes.Value{
		"service_id": tftypes.NewValue(tftypes.String, "d151e4f9"),
		"ids":        tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, tftypes.UnknownValue),
	})
	var a, b paymentChannelsModel
	want := cfg.Get(ctx, &a)
	got := getConfig(ctx, cfg, &b)
	if !want.HasError() || !got.Equal(want) {
		t.Fatalf("getConfig reported %v, Config.Get reports %v", got, want)
	}
}

// A model the fast path does not cover (here a Go string field) still works,
// through the framework.
func TestSetStateTakesTheFrameworksPathForOtherModels(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{"name": schema.StringAttribute{Computed: true}}}
	type plainModel struct {
		Name string `tfsdk:"name"`
	}
	if planFor(ctx, s.Type(), reflect.TypeFor[*plainModel]()) != nil {
		t.Fatal("a Go string field got a fast plan")
	}
	st := tfsdk.State{Schema: s}
	if d := setState(ctx, &st, &plainModel{Name: "x"}); d.HasError() {
		t.Fatal(d)
	}
	var back plainModel
	if d := getConfig(ctx, tfsdk.Config{Schema: s, Raw: st.Raw}, &back); d.HasError() || back.Name != "x" {
		t.Fatalf("read back %q: %v", back.Name, d)
	}
}
