package createonly

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// base receives the provider's data in Configure and hands out the client.
type base struct {
	provider Provider // nil until the provider is configured
}

func (b *base) configure(pd any, diags *diag.Diagnostics) {
	// Terraform calls Configure before the provider itself is configured
	// (e.g. during validate); nothing to keep then.
	if pd == nil {
		return
	}
	p, ok := pd.(Provider)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected the SimPay provider's data, got %T. This is a bug in the provider; please report it.", pd))
		return
	}
	b.provider = p
}

// client returns the API client or adds the reason there is none to diags.
func (b *base) client(diags *diag.Diagnostics) *client.Client {
	if b.provider == nil {
		diags.Append(diagnostics.NotConfigured()...)
		return nil
	}
	c, d := b.provider.Client()
	diags.Append(d...)
	return c
}

// createOnlyResource is a create-only resource: create (the create-once
// sequence: the id recorded at once, the object read back, the id kept
// tainted if that read fails), read (a missing service is an error that
// keeps state; a missing object leaves state with a warning), import by
// composite id, update (records the plan, sends nothing), destroy (warns,
// sends nothing) and the timeouts attribute.
type createOnlyResource[M, O any] struct {
	base
	spec Spec[M, O]
}

var (
	_ resource.ResourceWithConfigure      = (*createOnlyResource[struct{}, struct{}])(nil)
	_ resource.ResourceWithImportState    = (*createOnlyResource[struct{}, struct{}])(nil)
	_ resource.ResourceWithModifyPlan     = (*createOnlyResource[struct{}, struct{}])(nil)
	_ resource.ResourceWithValidateConfig = (*createOnlyResource[struct{}, struct{}])(nil)
	_ resource.ResourceWithIdentity       = (*createOnlyResource[struct{}, struct{}])(nil)
)

// NewResource is the create-only resource of spec.
func NewResource[M, O any](spec Spec[M, O]) resource.Resource {
	return &createOnlyResource[M, O]{spec: spec}
}

// About is the spec's, for whatever needs to know each create-only resource
// by what it creates and its id, such as the tests.
func (r *createOnlyResource[M, O]) About() About { return r.spec.About() }

func (r *createOnlyResource[M, O]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

func (r *createOnlyResource[M, O]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.spec.About().Name
}

func (r *createOnlyResource[M, O]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	a := r.spec.About()
	s := r.spec.Schema()
	s.MarkdownDescription += "\n\n" + Description(a)
	attrs := make(map[string]schema.Attribute, len(s.Attributes)+2)
	for name, attr := range s.Attributes {
		attrs[name] = attr
	}
	attrs["id"] = schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: fmt.Sprintf("Id of the %s, as SimPay assigned it (a UUID).", a.Kind),
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	attrs["timeouts"] = timeoutsAttribute(ctx, a.Kind)
	s.Attributes = attrs
	resp.Schema = s
}

// Description is the paragraph every create-only resource's description
// ends with, and so its page in the docs.
func Description(a About) string {
	return fmt.Sprintf("SimPay can create a %[1]s and read it back, but cannot change, cancel or delete it. So every "+
		"changed argument would replace it, creating a **new** %[1]s and leaving the old one in SimPay: the plan warns, or "+
		"refuses where that would move money again (see \"Changing arguments\"); only `timeouts` changes in place. "+
		"Destroying only removes the %[1]s from Terraform state, with a warning, and sends nothing to SimPay. A refresh "+
		"reads the %[1]s again; one SimPay says no longer exists is removed from state with a warning, so the next plan "+
		"creates a new one.\n\n"+
		"A create is never sent twice: if SimPay's answer never comes, the apply fails and says how to find the %[1]s and "+
		"import it; if SimPay made it but reading it back failed, it is kept in state as tainted, and `terraform untaint` "+
		"keeps it. Import with the id `%[2]s`, with `terraform import` or an `import` block.", a.Kind, IDFormat(a.ID))
}

// attributeGetter is a plan or a state.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

// ids reads the composite id from a plan or state; an unknown or null part
// (a plan before create) is "".
func (r *createOnlyResource[M, O]) ids(ctx context.Context, from attributeGetter, diags *diag.Diagnostics) []string {
	parts := r.spec.About().ID
	values := make([]string, len(parts))
	for i, p := range parts {
		var v types.String
		diags.Append(from.GetAttribute(ctx, path.Root(p.Attr), &v)...)
		values[i] = v.ValueString()
	}
	return values
}

func (r *createOnlyResource[M, O]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if v, ok := r.spec.(ConfigValidator); ok {
		v.ValidateConfig(ctx, req, resp)
	}
}

func (r *createOnlyResource[M, O]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	limits := readTimeouts(ctx, req.Plan, &resp.Diagnostics)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, limits.Create, CreateTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	ids, o, ok := Create(ctx, c, r.spec, &plan, r.ids(ctx, req.Plan, &resp.Diagnostics), Steps{
		QueryHint: func() string { return r.queryHint(ctx, req.Plan) },
		// Record the object at once: if reading it back fails, Terraform
		// keeps the id in state (tainted) instead of losing track of what
		// SimPay made.
		Accepted: func(ids []string, answer Answer, diags *diag.Diagnostics) {
			r.record(ctx, &resp.State, &plan, answer, diags)
			if !diags.HasError() {
				setIdentity(ctx, resp.Identity, r.spec.About(), ids, diags)
			}
		},
	}, &resp.Diagnostics)
	if !ok {
		return
	}
	var state M
	resp.Diagnostics.Append(resp.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(r.spec.Set(ctx, &state, o, false)...)
	r.checkReported(ctx, &state, ids, resp.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// record puts the plan in state with what SimPay's answer to the create
// holds, and what SimPay has not reported yet as null.
func (r *createOnlyResource[M, O]) record(ctx context.Context, state *tfsdk.State, plan *M, answer Answer, diags *diag.Diagnostics) {
	parts := r.spec.About().ID
	diags.Append(state.Set(ctx, plan)...)
	diags.Append(state.SetAttribute(ctx, path.Root(parts[len(parts)-1].Attr), answer.ID)...)
	if answer.RedirectURL != "" {
		diags.Append(state.SetAttribute(ctx, path.Root("redirect_url"), answer.RedirectURL)...)
	}
	if diags.HasError() {
		return
	}
	raw, err := nullUnknowns(state.Raw)
	if err != nil {
		diags.AddError("Provider bug", fmt.Sprintf("Recording the new %s: %s; please report this.", r.spec.About().Kind, err))
		return
	}
	state.Raw = raw
}

// nullUnknowns turns every unknown in v into null: after a create, whatever
// SimPay has not reported is null in state, never unknown.
func nullUnknowns(v tftypes.Value) (tftypes.Value, error) {
	return tftypes.Transform(v, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
}

func (r *createOnlyResource[M, O]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	limits := readTimeouts(ctx, req.State, &resp.Diagnostics)
	ids := r.ids(ctx, req.State, &resp.Diagnostics)
	// Also gives an identity to state written before the resource had one.
	setIdentity(ctx, resp.Identity, r.spec.About(), ids, &resp.Diagnostics)
	imported, diags := WasImported(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, limits.Read, ReadTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	a := r.spec.About()
	if detail, diags := req.Private.GetKey(ctx, privateKeyMismatch); len(detail) > 0 || diags.HasError() {
		resp.Diagnostics.Append(diags...)
		resp.Diagnostics.Append(mismatchKeptDiagnostic(a, ids, string(detail)))
		return
	}
	o, err := r.spec.Get(ctx, c, ids)
	switch client.KindOf(err) {
	case client.KindNone:
	case client.KindServiceNotFound:
		// Not a reason to forget the object: a token of another account or
		// a mistyped service sees no service, and dropping every object
		// would make the next apply create them all again.
		resp.Diagnostics.Append(serviceGoneDiagnostic(a, ids, err))
		return
	case client.KindObjectNotFound:
		// Said aloud, not only logged: the plan that follows creates a new
		// one, and the user must see why before applying it.
		resp.Diagnostics.Append(goneWarning(a, ids, err))
		resp.State.RemoveResource(ctx)
		return
	default:
		resp.Diagnostics.Append(diagnostics.APIError("reading "+DescribeID(a.ID, ids), err))
		return
	}
	before := r.reportedOf(&state)
	resp.Diagnostics.Append(r.spec.Set(ctx, &state, o, imported)...)
	if d := r.reportedChanged(before, &state, ids); d != nil {
		resp.Diagnostics.Append(d)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update records the plan and sends nothing: SimPay cannot change the
// object, so only timeouts, or arguments recorded after an import, reach an
// update. It also clears the import mark, so that from then on a newly set
// argument replaces the object like any other change.
func (r *createOnlyResource[M, O]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// Every computed attribute keeps its state value in the plan
	// (UseStateForUnknown), so the plan is the new state as it stands.
	resp.State.Raw = req.Plan.Raw
	setIdentity(ctx, resp.Identity, r.spec.About(), r.ids(ctx, req.Plan, &resp.Diagnostics), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, nil)...)
}

// Delete sends nothing: SimPay has no way to cancel or delete the object.
// The plan that destroys said so (ModifyPlan); saying it again here would
// print the notice twice in every terraform destroy.
func (r *createOnlyResource[M, O]) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
