// Package provider implements the SimPay Terraform provider on terraform-plugin-framework.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ provider.Provider = (*simpayProvider)(nil)

type simpayProvider struct {
	version string
}

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &simpayProvider{version: version} }
}

func (p *simpayProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "simpay"
	resp.Version = p.version
}

func (p *simpayProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{MarkdownDescription: "Reads and creates SimPay objects."}
}

func (p *simpayProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}

func (p *simpayProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

func (p *simpayProvider) Resources(context.Context) []func() resource.Resource { return nil }
