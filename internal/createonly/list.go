package createonly

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// A create-only resource can also be listed, for `terraform query`
// (Terraform 1.14 and later): each result is an object's identity and, when
// asked, the resource as an import followed by a read would record it, so
// that `terraform query -generate-config-out` writes import blocks and
// configuration that apply with an empty plan after. It is the way back
// when a create's answer never came: list by control value, import what
// SimPay made.

// createOnlyList is the list resource of a create-only resource: the same
// type name, identity and resource schema, and the same spec.
type createOnlyList[M, O any] struct {
	base
	spec ListableSpec[M, O]
}

var _ list.ListResourceWithConfigure = (*createOnlyList[struct{}, struct{}])(nil)

// NewList is the list resource of spec's create-only resource, for
// terraform query.
func NewList[M, O any](spec ListableSpec[M, O]) list.ListResource {
	return &createOnlyList[M, O]{spec: spec}
}

func (l *createOnlyList[M, O]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.configure(req.ProviderData, &resp.Diagnostics)
}

func (l *createOnlyList[M, O]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + l.spec.About().Name
}

func (l *createOnlyList[M, O]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	s := l.spec.ListSchema()
	s.MarkdownDescription += "\n\n" + listDescription(l.spec.About())
	resp.Schema = s
}

// listDescription is the paragraph every create-only list resource's
// description ends with, and so its page in the docs.
func listDescription(a About) string {
	return fmt.Sprintf("Each result is a %[1]s's identity (%[2]s) and, with `include_resource = true`, the `%[3]s` "+
		"resource exactly as importing it would record it, so `terraform query -generate-config-out=FILE` writes an "+
		"`import` block and a `resource` block for each %[1]s found. The list block's own `limit` (Terraform's, 100 by "+
		"default) bounds the results. Needs Terraform 1.14 or later.", a.Kind, identityNames(a), a.TypeName())
}

// identityNames lists the identity's attribute names, e.g.
// "`service_id` and `id`".
func identityNames(a About) string {
	names := make([]string, len(a.ID))
	for i, p := range a.ID {
		names[i] = "`" + p.Attr + "`"
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (l *createOnlyList[M, O]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	a := l.spec.About()
	var diags diag.Diagnostics
	values := configStrings(ctx, req.Config, &diags)
	c := l.client(&diags)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	parents := make([]string, len(a.ID)-1)
	for i, p := range a.ID[:len(a.ID)-1] {
		parents[i] = values[p.Attr]
	}
	found, err := l.spec.List(ctx, c, parents, values, int(max(req.Limit, 0)))
	if err != nil {
		stream.Results = list.ListResultsStreamDiagnostics(listError(a, parents, err))
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for _, f := range found {
			result := req.NewListResult(ctx)
			ids := append(append([]string(nil), parents...), f.ID)
			setIdentity(ctx, result.Identity, a, ids, &result.Diagnostics)
			result.DisplayName = f.DisplayName
			if f.Named != nil && !result.Diagnostics.HasError() {
				l.readWhole(ctx, c, ids, &f, &result.Diagnostics)
				if f.Whole {
					result.DisplayName = f.Named(f.Object)
				}
			}
			if req.IncludeResource && !result.Diagnostics.HasError() {
				l.setResource(ctx, c, result.Resource, ids, f, &result.Diagnostics)
			}
			if !push(result) {
				return
			}
		}
	}
}

// setResource records in res what an import of ids followed by a read
// records in state: the composite id, then the spec's Set as on the first
// read after an import. Arguments SimPay does not return stay null, as they
// are after an import, so the generated configuration leaves them out and
// plans nothing for them.
func (l *createOnlyList[M, O]) setResource(ctx context.Context, c *client.Client, res *tfsdk.Resource, ids []string, f Listed[O], diags *diag.Diagnostics) {
	a := l.spec.About()
	if l.readWhole(ctx, c, ids, &f, diags); !f.Whole {
		return
	}
	o := f.Object
	state := tfsdk.State{Schema: res.Schema, Raw: tftypes.NewValue(res.Schema.Type().TerraformType(ctx), nil)}
	setIDs(ctx, &state, a, ids, diags)
	var m M
	diags.Append(state.Get(ctx, &m)...)
	if diags.HasError() {
		return
	}
	diags.Append(l.spec.Set(ctx, &m, o, true)...)
	diags.Append(res.Set(ctx, &m)...)
}

// readWhole reads f in full unless the list gave it so, once: the display
// name and the resource use the same read.
func (l *createOnlyList[M, O]) readWhole(ctx context.Context, c *client.Client, ids []string, f *Listed[O], diags *diag.Diagnostics) {
	if f.Whole {
		return
	}
	o, err := l.spec.Get(ctx, c, ids)
	if err != nil {
		diags.Append(diagnostics.APIError("reading "+DescribeID(l.spec.About().ID, ids), err))
		return
	}
	f.Object, f.Whole = o, true
}

// configStrings reads every attribute of a list block's config, all strings,
// by name; one that is null is left out.
func configStrings(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) map[string]string {
	values := map[string]string{}
	for name := range config.Schema.GetAttributes() {
		var v types.String
		diags.Append(config.GetAttribute(ctx, path.Root(name), &v)...)
		if !v.IsNull() && !v.IsUnknown() {
			values[name] = v.ValueString()
		}
	}
	return values
}

// listError explains why SimPay's list could not be read.
func listError(a About, parents []string, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	kind := client.KindOf(err)
	switch {
	case kind == client.KindObjectNotFound && len(parents) > 1:
		parent := a.ID[len(parents)-1]
		diags.AddAttributeError(path.Root(parent.Attr), capitalize(parent.Noun)+" not found", fmt.Sprintf(
			"SimPay has no %s %s in %s service %s, so it has no %ss to list. Check %s and service_id (the %s must "+
				"belong to that service).\n\n%s", parent.Noun, parents[len(parents)-1], a.Service.Name, parents[0], a.Kind,
			parent.Attr, parent.Noun, err))
	case kind.NotFound():
		diags.Append(diagnostics.ServiceNotFound(a.Service, path.Root("service_id"), parents[0], err))
	default:
		diags.Append(diagnostics.APIError(fmt.Sprintf("listing the %ss of %s", a.Kind, DescribeID(a.ID[:len(parents)], parents)), err))
	}
	return diags
}

// cliHasQuery says whether the CLI of this version has terraform query:
// Terraform 1.14 and later. OpenTofu reports its own version, and its 1.12
// has no query. A CLI that reports no version gets the advice, which names
// the version it needs.
func cliHasQuery(v string) bool {
	parsed, err := version.NewVersion(v)
	return err != nil || !parsed.LessThan(version.Must(version.NewVersion("1.14.0")))
}

// queryHint tells how `terraform query` finds the object a create may have
// made: a list block whose config holds every value of the plan that is
// also a config attribute of the list (the service, the control value, ...).
func (r *createOnlyResource[M, O]) queryHint(ctx context.Context, plan attributeGetter) string {
	lister, ok := r.spec.(Lister[O])
	if !ok || (r.provider != nil && !cliHasQuery(r.provider.TerraformVersion())) {
		return ""
	}
	a := r.spec.About()
	config := map[string]string{}
	for name := range lister.ListSchema().Attributes {
		var v types.String
		if diags := plan.GetAttribute(ctx, path.Root(name), &v); diags.HasError() || v.IsNull() || v.IsUnknown() {
			continue
		}
		config[name] = v.ValueString()
	}
	names := make([]string, 0, len(config))
	width := 0
	for name := range config {
		names = append(names, name)
		width = max(width, len(name))
	}
	// The id parts first, in their order, then the filters by name.
	rank := map[string]int{}
	for i, p := range a.ID {
		rank[p.Attr] = i - len(a.ID)
	}
	sort.Slice(names, func(i, j int) bool {
		if rank[names[i]] != rank[names[j]] {
			return rank[names[i]] < rank[names[j]]
		}
		return names[i] < names[j]
	})
	var block strings.Builder
	for _, name := range names {
		fmt.Fprintf(&block, "      %-*s = %q\n", width, name, config[name])
	}
	return fmt.Sprintf("With Terraform 1.14 or later, terraform query finds it and writes its import block and "+
		"configuration for you: save\n\n"+
		"  list %q \"found\" {\n    provider         = simpay\n    include_resource = true\n    config {\n%s    }\n  }\n\n"+
		"as found.tfquery.hcl beside your configuration and run\n\n"+
		"  terraform query -generate-config-out=found.tf\n\n"+
		"Then either replace your resource block with the generated one, or keep yours: in the generated import "+
		"block set to = %s.<name> and remove its provider line, and delete the generated resource block. Then apply.",
		a.TypeName(), block.String(), a.TypeName())
}
