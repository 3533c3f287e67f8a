package provider

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The RPC benchmarks call the provider's plugin-protocol server in this
// process, one RPC at a time, as Terraform does for each data source of a
// plan: what one more lookup costs the provider, without gRPC, Terraform or
// the network (the mock runs in this process with no latency, and its one
// channels answer is shared by every read after the first). Allocations
// per RPC do not depend on the machine's load; run with -benchmem.

type rpcBench struct {
	srv     tfprotov6.ProviderServer
	schemas *tfprotov6.GetProviderSchemaResponse
}

func newRPCBench(b *testing.B) *rpcBench {
	b.Helper()
	mock := newBenchTestMock(b)
	srv, err := providerserver.NewProtocol6WithError(New("bench")())()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		b.Fatalf("GetProviderSchema: %v %v", err, schemas.Diagnostics)
	}
	r := &rpcBench{srv: srv, schemas: schemas}
	resp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.11.4",
		Config:           r.providerConfig(b, mock.URL),
	})
	if err != nil || len(resp.Diagnostics) > 0 {
		b.Fatalf("ConfigureProvider: %v %v", err, resp.Diagnostics)
	}
	return r
}

func newBenchTestMock(b *testing.B) *testMock {
	b.Helper()
	srv := simpaymock.New(simpaymock.Options{})
	ts := httptest.NewServer(srv)
	b.Cleanup(ts.Close)
	return &testMock{Server: srv, URL: ts.URL + "/"}
}

func (r *rpcBench) providerConfig(b *testing.B, url string) *tfprotov6.DynamicValue {
	b.Helper()
	return dynamicValue(b, r.schemas.Provider.ValueType(), map[string]tftypes.Value{
		"base_url":  tftypes.NewValue(tftypes.String, url),
		"api_token": tftypes.NewValue(tftypes.String, simpaymock.DefaultToken),
	})
}

// dynamicValue encodes an object of type typ with the attributes given and
// every other attribute null, as Terraform sends a configuration.
func dynamicValue(b *testing.B, typ tftypes.Type, attrs map[string]tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	obj := typ.(tftypes.Object)
	all := map[string]tftypes.Value{}
	for name, t := range obj.AttributeTypes {
		if v, ok := attrs[name]; ok {
			all[name] = v
		} else {
			all[name] = tftypes.NewValue(t, nil)
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, all))
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}

func (r *rpcBench) channelsConfig(b *testing.B) (string, *tfprotov6.DynamicValue) {
	const typeName = "simpay_payment_channels"
	return typeName, dynamicValue(b, r.schemas.DataSourceSchemas[typeName].ValueType(), map[string]tftypes.Value{
		"service_id": tftypes.NewValue(tftypes.String, simpaymock.FixtureServiceID),
		"currency":   tftypes.NewValue(tftypes.String, "PLN"),
		"amount":     tftypes.NewValue(tftypes.String, "24.99"),
	})
}

// BenchmarkRPCValidateChannels is ValidateDataResourceConfig of one
// simpay_payment_channels, which Terraform calls for every data source.
func BenchmarkRPCValidateChannels(b *testing.B) {
	r := newRPCBench(b)
	typeName, config := r.channelsConfig(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := r.srv.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: typeName, Config: config})
		if err != nil || len(resp.Diagnostics) > 0 {
			b.Fatalf("ValidateDataResourceConfig: %v %v", err, resp.Diagnostics)
		}
	}
}

// BenchmarkRPCReadChannels is ReadDataSource of one simpay_payment_channels
// whose channel list the client already holds.
func BenchmarkRPCReadChannels(b *testing.B) {
	r := newRPCBench(b)
	typeName, config := r.channelsConfig(b)
	ctx := context.Background()
	read := func() {
		resp, err := r.srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: config})
		if err != nil || len(resp.Diagnostics) > 0 {
			b.Fatalf("ReadDataSource: %v %v", err, resp.Diagnostics)
		}
	}
	read() // the one request; every later read shares its answer
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		read()
	}
}

// BenchmarkRPCConfigureProvider is ConfigureProvider, once per provider
// process that reads from SimPay.
func BenchmarkRPCConfigureProvider(b *testing.B) {
	r := newRPCBench(b)
	mock := newBenchTestMock(b)
	config := r.providerConfig(b, mock.URL)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := r.srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: config})
		if err != nil || len(resp.Diagnostics) > 0 {
			b.Fatalf("ConfigureProvider: %v %v", err, resp.Diagnostics)
		}
	}
}

// BenchmarkRPCGetProviderSchema is GetProviderSchema of a new server, as in
// a provider process Terraform starts: the schemas of every data source and
// resource are built and converted.
func BenchmarkRPCGetProviderSchema(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		srv, err := providerserver.NewProtocol6WithError(New("bench")())()
		if err != nil {
			b.Fatal(err)
		}
		resp, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil || len(resp.Diagnostics) > 0 {
			b.Fatalf("GetProviderSchema: %v %v", err, resp.Diagnostics)
		}
	}
}
