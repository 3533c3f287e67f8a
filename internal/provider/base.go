package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// dataSourceBase is embedded by every data source: it receives the
// provider's data in Configure and hands out the API client.
type dataSourceBase struct {
	data *providerData
}

func (b *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

// client returns the API client or adds the reason there is none to diags.
func (b *dataSourceBase) client(diags *diag.Diagnostics) *client.Client {
	c, d := b.data.Client()
	diags.Append(d...)
	return c
}

// publicClient is client for a data source that reads only what SimPay
// serves without a token: it needs no api_token, and sends it when set.
func (b *dataSourceBase) publicClient(diags *diag.Diagnostics) *client.Client {
	c, d := b.data.PublicClient()
	diags.Append(d...)
	return c
}

func configuredData(pd any, diags *diag.Diagnostics) *providerData {
	// Terraform calls Configure on data sources and resources before the
	// provider itself is configured (e.g. during validate); nothing to keep then.
	if pd == nil {
		return nil
	}
	d, ok := pd.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", pd))
		return nil
	}
	return d
}
