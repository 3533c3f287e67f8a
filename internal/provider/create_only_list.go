package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// A create-only resource can also be listed, for `terraform query`
// (Terraform 1.14 and later): each result is an object's identity and, when
// asked, the resource as an import followed by a read would record it, so
// that `terraform query -generate-config-out` writes import blocks and
// configuration that apply with an empty plan after. It is the way back
// when a create's answer never came: list by control value, import what
// SimPay made.

// createOnlyListSpec is what a create-only resource supplies to be listed.
// O is the SimPay object its createOnlySpec reads.
type createOnlyListSpec[O any] interface {
	// listSchema is the list block's config: an attribute for each part of
	// the composite id but the object's own (required, named as in the
	// resource), and the filters. Every attribute is a string.
	listSchema() listschema.Schema
	// list finds the objects under parents (the values of about().id but
	// the last) that match filters (every config attribute that is set, by
	// name), at most limit of them (0: no limit), in SimPay's order.
	list(ctx context.Context, c *client.Client, parents []string, filters map[string]string, limit int) ([]listedObject[O], error)
}

// listedObject is an object a list found.
type listedObject[O any] struct {
	id          string // the object's own id, the last part of its composite id
	displayName string // how terraform query shows it
	// named, when set, names the object from its full form instead, which
	// is read first: a payment transaction's list entry has no currency.
	named func(O) string
	// object is the object in full when the list gives it so (refunds);
	// otherwise it is read with the spec's get when the resource is asked.
	object O
	whole  bool
}

// listableSpec is a create-only resource's spec that can also be listed.
type listableSpec[M, R, O any] interface {
	createOnlySpec[M, R, O]
	createOnlyListSpec[O]
}

// createOnlyList is the list resource of a create-only resource: the same
// type name, identity and resource schema, and the same spec.
type createOnlyList[M, R, O any] struct {
	resourceBase
	spec listableSpec[M, R, O]
}

var _ list.ListResourceWithConfigure = (*createOnlyList[struct{}, struct{}, struct{}])(nil)

func newCreateOnlyList[M, R, O any](spec listableSpec[M, R, O]) list.ListResource {
	return &createOnlyList[M, R, O]{spec: spec}
}

func (l *createOnlyList[M, R, O]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + l.spec.about().name
}

func (l *createOnlyList[M, R, O]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	s := l.spec.listSchema()
	s.MarkdownDescription += "\n\n" + listDescription(l.spec.about())
	resp.Schema = s
}

// listDescription is the paragraph every create-only list resource's
// description ends with, and so its page in the docs.
func listDescription(a createOnlyAbout) string {
	return fmt.Sprintf("Each result is a %[1]s's identity (%[2]s) and, with `include_resource = true`, the `%[3]s` "+
		"resource exactly as importing it would record it, so `terraform query -generate-config-out=FILE` writes an "+
		"`import` block and a `resource` block for each %[1]s found. The list block's own `limit` (Terraform's, 100 by "+
		"default) bounds the results. Needs Terraform 1.14 or later.", a.kind, identityNames(a), a.typeName())
}

// identityNames lists the identity's attribute names, e.g.
// "`service_id` and `id`".
func identityNames(a createOnlyAbout) string {
	names := make([]string, len(a.id))
	for i, p := range a.id {
		names[i] = "`" + p.attr + "`"
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (l *createOnlyList[M, R, O]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	a := l.spec.about()
	var diags diag.Diagnostics
	values := configStrings(ctx, req.Config, &diags)
	c := l.client(&diags)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	parents := make([]string, len(a.id)-1)
	for i, p := range a.id[:len(a.id)-1] {
		parents[i] = values[p.attr]
	}
	found, err := l.spec.list(ctx, c, parents, values, int(max(req.Limit, 0)))
	if err != nil {
		stream.Results = list.ListResultsStreamDiagnostics(listError(a, parents, err))
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for _, f := range found {
			result := req.NewListResult(ctx)
			ids := append(append([]string(nil), parents...), f.id)
			setIdentity(ctx, result.Identity, a, ids, &result.Diagnostics)
			result.DisplayName = f.displayName
			if f.named != nil && !result.Diagnostics.HasError() {
				l.readWhole(ctx, c, ids, &f, &result.Diagnostics)
				if f.whole {
					result.DisplayName = f.named(f.object)
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
// records in state: the composite id, then the spec's set as on the first
// read after an import. Arguments SimPay does not return stay null, as they
// are after an import, so the generated configuration leaves them out and
// plans nothing for them.
func (l *createOnlyList[M, R, O]) setResource(ctx context.Context, c *client.Client, res *tfsdk.Resource, ids []string, f listedObject[O], diags *diag.Diagnostics) {
	a := l.spec.about()
	if l.readWhole(ctx, c, ids, &f, diags); !f.whole {
		return
	}
	o := f.object
	state := tfsdk.State{Schema: res.Schema, Raw: tftypes.NewValue(res.Schema.Type().TerraformType(ctx), nil)}
	setIDs(ctx, &state, a, ids, diags)
	var m M
	diags.Append(state.Get(ctx, &m)...)
	if diags.HasError() {
		return
	}
	diags.Append(l.spec.set(ctx, &m, o, true)...)
	diags.Append(res.Set(ctx, &m)...)
}

// readWhole reads f in full unless the list gave it so, once: the display
// name and the resource use the same read.
func (l *createOnlyList[M, R, O]) readWhole(ctx context.Context, c *client.Client, ids []string, f *listedObject[O], diags *diag.Diagnostics) {
	if f.whole {
		return
	}
	o, err := l.spec.get(ctx, c, ids)
	if err != nil {
		diags.Append(apiErrorDiagnostic("reading "+describeID(l.spec.about().id, ids), err))
		return
	}
	f.object, f.whole = o, true
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
func listError(a createOnlyAbout, parents []string, err error) diag.Diagnostics {
	var diags diag.Diagnostics
	kind := client.KindOf(err)
	switch {
	case kind == client.KindObjectNotFound && len(parents) > 1:
		parent := a.id[len(parents)-1]
		diags.AddAttributeError(path.Root(parent.attr), capitalize(parent.noun)+" not found", fmt.Sprintf(
			"SimPay has no %s %s in %s service %s, so it has no %ss to list. Check %s and service_id (the %s must "+
				"belong to that service).\n\n%s", parent.noun, parents[len(parents)-1], a.service.Name, parents[0], a.kind,
			parent.attr, parent.noun, err))
	case kind.NotFound():
		diags.Append(serviceNotFound(a.service, path.Root("service_id"), parents[0], err))
	default:
		diags.Append(apiErrorDiagnostic(fmt.Sprintf("listing the %ss of %s", a.kind, describeID(a.id[:len(parents)], parents)), err))
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
func (r *createOnlyResource[M, R, O]) queryHint(ctx context.Context, plan attributeGetter) string {
	lister, ok := r.spec.(createOnlyListSpec[O])
	if !ok || (r.data != nil && !cliHasQuery(r.data.terraformVersion)) {
		return ""
	}
	a := r.spec.about()
	config := map[string]string{}
	for name := range lister.listSchema().Attributes {
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
	for i, p := range a.id {
		rank[p.attr] = i - len(a.id)
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
		a.typeName(), block.String(), a.typeName())
}
