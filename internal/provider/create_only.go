package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// SimPay lets you create payment transactions, refunds and DirectBilling
// transactions and read them back, never change or delete them. One
// implementation, createOnlyResource, serves every such resource, so that
// they behave alike and a fix made here holds for all: each resource
// supplies only what is its own, as a createOnlySpec.

// createOnlySpec is what one create-only resource supplies. M is its model
// (what tfsdk reads the plan and state into), R the body of its create
// request, O the SimPay object the client returns when it reads one.
type createOnlySpec[M, R, O any] interface {
	// about names the resource, what it creates and its composite id.
	about() createOnlyAbout
	// schema is the resource's own schema: a description of one or two
	// sentences, and every attribute but id and timeouts, which
	// createOnlyResource adds.
	schema() schema.Schema
	// createAction says what the create request does, for errors, such as
	// "creating a full refund of transaction T of payment service S".
	createAction(plan *M) string
	// request builds the create request from plan. A problem it finds goes
	// to diags, and then nothing is sent.
	request(plan *M, diags *diag.Diagnostics) R
	// send sends the create request; the error is SimPay's answer, or the
	// lack of one.
	send(ctx context.Context, c *client.Client, plan *M, body R) (createAnswer, error)
	// get reads the object whose composite id is ids (the values of
	// about().id, in order).
	get(ctx context.Context, c *client.Client, ids []string) (O, error)
	// set records what SimPay says of the object in m. imported is true on
	// the first read after an import, when arguments SimPay returns are
	// still null in state.
	set(ctx context.Context, m *M, o O, imported bool) diag.Diagnostics
	// findHint says how to find the object a create whose outcome is
	// unknown may have made, such as "by its control value ...".
	findHint(plan *M) string
	// fieldPath maps a field of SimPay's 422 answer to the attribute it is
	// about.
	fieldPath(field string) (path.Path, bool)
}

// createErrorExplainer is implemented by a spec that explains some create
// errors itself, such as a refund SimPay refuses for the transaction's
// state. It returns nil for the errors it leaves to createOnlyResource.
type createErrorExplainer[M any] interface {
	explainCreateError(ctx context.Context, c *client.Client, plan *M, action string, err error) diag.Diagnostics
}

// configValidator is implemented by a spec with rules that span attributes.
type configValidator interface {
	validateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse)
}

// createAnswer is what SimPay's answer to a create holds: the new object's
// id and, for a transaction, the payment page to send the payer to, which
// SimPay gives in that answer only.
type createAnswer struct {
	id          string
	redirectURL string // for the redirect_url attribute; "" when the object has none
}

// transactionAnswer is the answer to creating a payment or DirectBilling
// transaction.
func transactionAnswer(t *client.CreatedTransaction, err error) (createAnswer, error) {
	if err != nil {
		return createAnswer{}, err
	}
	return createAnswer{id: t.TransactionID, redirectURL: t.RedirectURL}, nil
}

// createOnlyAbout names a create-only resource and what it creates.
type createOnlyAbout struct {
	name    string // the type name without the provider's, e.g. "payment_refund"
	kind    string // what it creates, in sentences, e.g. "refund"
	service serviceKind
	// id is the composite id, outermost first: the import id's parts and
	// the attributes that hold them. The last part is the object's own id.
	// The resource identity holds the same parts, each under the name of
	// the attribute that holds it.
	id []idPart
}

func (a createOnlyAbout) typeName() string { return "simpay_" + a.name }

// Defaults of the timeouts attribute. A create is one POST (never re-sent
// once it may have reached SimPay, but retried when SimPay says it did not
// take it) and one GET, each attempt bounded by the provider's
// request_timeout and retried up to max_retries times with backoff: with the
// provider's defaults (30s, 4 retries) either can take a few minutes before
// it gives up on its own. A read is one such GET.
const (
	createOnlyCreateTimeout = 10 * time.Minute
	createOnlyReadTimeout   = 5 * time.Minute
)

// createOnlyResource is a create-only resource: create (the POST, the id
// recorded at once, the object read back, the id kept tainted if that read
// fails), read (a missing service is an error that keeps state; a missing
// object leaves state with a warning), import by composite id, update
// (records the plan, sends nothing), destroy (warns, sends nothing) and the
// timeouts attribute.
type createOnlyResource[M, R, O any] struct {
	resourceBase
	spec createOnlySpec[M, R, O]
}

var (
	_ resource.ResourceWithConfigure      = (*createOnlyResource[struct{}, struct{}, struct{}])(nil)
	_ resource.ResourceWithImportState    = (*createOnlyResource[struct{}, struct{}, struct{}])(nil)
	_ resource.ResourceWithModifyPlan     = (*createOnlyResource[struct{}, struct{}, struct{}])(nil)
	_ resource.ResourceWithValidateConfig = (*createOnlyResource[struct{}, struct{}, struct{}])(nil)
	_ resource.ResourceWithIdentity       = (*createOnlyResource[struct{}, struct{}, struct{}])(nil)
)

func newCreateOnlyResource[M, R, O any](spec createOnlySpec[M, R, O]) resource.Resource {
	return &createOnlyResource[M, R, O]{spec: spec}
}

// about is the spec's, for whatever needs to know each create-only resource
// by what it creates and its id, such as the tests.
func (r *createOnlyResource[M, R, O]) about() createOnlyAbout { return r.spec.about() }

func (r *createOnlyResource[M, R, O]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.spec.about().name
}

func (r *createOnlyResource[M, R, O]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	a := r.spec.about()
	s := r.spec.schema()
	s.MarkdownDescription += "\n\n" + createOnlyDescription(a)
	attrs := make(map[string]schema.Attribute, len(s.Attributes)+2)
	for name, attr := range s.Attributes {
		attrs[name] = attr
	}
	attrs["id"] = computedString(fmt.Sprintf("Id of the %s, as SimPay assigned it (a UUID).", a.kind))
	attrs["timeouts"] = timeoutsAttribute(ctx, a.kind)
	s.Attributes = attrs
	resp.Schema = s
}

// createOnlyDescription is the paragraph every create-only resource's
// description ends with, and so its page in the docs.
func createOnlyDescription(a createOnlyAbout) string {
	return fmt.Sprintf("SimPay can create a %[1]s and read it back, but cannot change, cancel or delete it. So every "+
		"changed argument would replace it, creating a **new** %[1]s and leaving the old one in SimPay: the plan warns, or "+
		"refuses where that would move money again (see \"Changing arguments\"); only `timeouts` changes in place. "+
		"Destroying only removes the %[1]s from Terraform state, with a warning, and sends nothing to SimPay. A refresh "+
		"reads the %[1]s again; one SimPay says no longer exists is removed from state with a warning, so the next plan "+
		"creates a new one.\n\n"+
		"A create is never sent twice: if SimPay's answer never comes, the apply fails and says how to find the %[1]s and "+
		"import it; if SimPay made it but reading it back failed, it is kept in state as tainted, and `terraform untaint` "+
		"keeps it. Import with the id `%[2]s`, with `terraform import` or an `import` block.", a.kind, idFormat(a.id))
}

// timeoutsAttribute is the timeouts attribute (create, read) of a
// create-only resource; changing it updates state in place and sends nothing.
func timeoutsAttribute(ctx context.Context, kind string) schema.Attribute {
	a := timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true})
	nested, ok := a.(schema.SingleNestedAttribute)
	if !ok {
		return a
	}
	descriptions := map[string]string{
		"create": fmt.Sprintf("How long creating the %s may take in all (the request to SimPay, its retries and reading "+
			"the %s back), as a duration such as `\"30s\"` or `\"10m\"`. Defaults to `%s`.", kind, kind, formatDuration(createOnlyCreateTimeout)),
		"read": fmt.Sprintf("How long reading the %s back during a refresh may take, as a duration such as `\"30s\"` or "+
			"`\"5m\"`. Defaults to `%s`.", kind, formatDuration(createOnlyReadTimeout)),
	}
	nested.MarkdownDescription = "Time limits of the operations that talk to SimPay. Changing them updates the " +
		"resource in place and sends nothing to SimPay."
	attrs := make(map[string]schema.Attribute, len(nested.Attributes))
	for name, inner := range nested.Attributes {
		if s, ok := inner.(schema.StringAttribute); ok {
			// The library's own check neither names the attribute nor refuses
			// zero and negative durations, which would fail every request.
			s.Validators = []validator.String{durationValidator()}
			s.MarkdownDescription = descriptions[name]
			inner = s
		}
		attrs[name] = inner
	}
	nested.Attributes = attrs
	return nested
}

// formatDuration writes whole minutes as "10m" rather than Go's "10m0s".
func formatDuration(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// withTimeout bounds ctx by the resource's timeouts value for an operation
// (limits.Create, limits.Read), or by def when none is set. A problem with
// the value is added to diags; the cancel function is always usable.
func withTimeout(ctx context.Context, limit func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, problems := limit(ctx, def)
	diags.Append(problems...)
	if problems.HasError() {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, d)
}

// attributeGetter is a plan or a state.
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

// ids reads the composite id from a plan or state; an unknown or null part
// (a plan before create) is "".
func (r *createOnlyResource[M, R, O]) ids(ctx context.Context, from attributeGetter, diags *diag.Diagnostics) []string {
	parts := r.spec.about().id
	values := make([]string, len(parts))
	for i, p := range parts {
		var v types.String
		diags.Append(from.GetAttribute(ctx, path.Root(p.attr), &v)...)
		values[i] = v.ValueString()
	}
	return values
}

func (r *createOnlyResource[M, R, O]) timeouts(ctx context.Context, from attributeGetter, diags *diag.Diagnostics) timeouts.Value {
	var t timeouts.Value
	diags.Append(from.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	return t
}

func (r *createOnlyResource[M, R, O]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if v, ok := r.spec.(configValidator); ok {
		v.validateConfig(ctx, req, resp)
	}
}

func (r *createOnlyResource[M, R, O]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	limits := r.timeouts(ctx, req.Plan, &resp.Diagnostics)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, limits.Create, createOnlyCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	body := r.spec.request(&plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	answer, err := r.spec.send(ctx, c, &plan, body)
	if err != nil {
		ids := r.ids(ctx, req.Plan, &resp.Diagnostics)
		resp.Diagnostics.Append(r.createError(ctx, c, ids, r.queryHint(ctx, req.Plan), &plan, err)...)
		return
	}

	// Record the object at once: if reading it back fails, Terraform keeps
	// the id in state (tainted) instead of losing track of what SimPay made.
	r.record(ctx, &resp.State, &plan, answer, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ids := r.ids(ctx, resp.State, &resp.Diagnostics)
	setIdentity(ctx, resp.Identity, r.spec.about(), ids, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	o, err := r.spec.get(ctx, c, ids)
	if err != nil {
		resp.Diagnostics.Append(createdButUnreadDiagnostic(r.spec.about(), ids, err))
		return
	}
	var state M
	resp.Diagnostics.Append(resp.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(r.spec.set(ctx, &state, o, false)...)
	r.checkReported(ctx, &state, ids, resp.Private, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// record puts the plan in state with what SimPay's answer to the create
// holds, and what SimPay has not reported yet as null.
func (r *createOnlyResource[M, R, O]) record(ctx context.Context, state *tfsdk.State, plan *M, answer createAnswer, diags *diag.Diagnostics) {
	parts := r.spec.about().id
	diags.Append(state.Set(ctx, plan)...)
	diags.Append(state.SetAttribute(ctx, path.Root(parts[len(parts)-1].attr), answer.id)...)
	if answer.redirectURL != "" {
		diags.Append(state.SetAttribute(ctx, path.Root("redirect_url"), answer.redirectURL)...)
	}
	if diags.HasError() {
		return
	}
	raw, err := nullUnknowns(state.Raw)
	if err != nil {
		diags.AddError("Provider bug", fmt.Sprintf("Recording the new %s: %s; please report this.", r.spec.about().kind, err))
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

func (r *createOnlyResource[M, R, O]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	limits := r.timeouts(ctx, req.State, &resp.Diagnostics)
	ids := r.ids(ctx, req.State, &resp.Diagnostics)
	// Also gives an identity to state written before the resource had one.
	setIdentity(ctx, resp.Identity, r.spec.about(), ids, &resp.Diagnostics)
	imported, diags := req.Private.GetKey(ctx, privateKeyImported)
	resp.Diagnostics.Append(diags...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, limits.Read, createOnlyReadTimeout, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}

	a := r.spec.about()
	if detail, diags := req.Private.GetKey(ctx, privateKeyMismatch); len(detail) > 0 || diags.HasError() {
		resp.Diagnostics.Append(diags...)
		resp.Diagnostics.Append(mismatchKeptDiagnostic(a, ids, string(detail)))
		return
	}
	o, err := r.spec.get(ctx, c, ids)
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
		resp.Diagnostics.Append(apiErrorDiagnostic("reading "+describeID(a.id, ids), err))
		return
	}
	before := r.reportedOf(&state)
	resp.Diagnostics.Append(r.spec.set(ctx, &state, o, string(imported) == "true")...)
	if d := r.reportedChanged(before, &state, ids); d != nil {
		resp.Diagnostics.Append(d)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// ImportState takes the composite id from an import id (the terraform import
// command, or an import block's id) or from an import block's identity
// (Terraform 1.12 and later), checks every part, and records the parts and
// the identity; the read that follows fills in the rest.
func (r *createOnlyResource[M, R, O]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	a := r.spec.about()
	var values []string
	if req.ID != "" || req.Identity == nil {
		var err error
		values, err = parseImportID(req.ID, a.id...)
		if err != nil {
			resp.Diagnostics.AddError("Invalid import id for "+a.typeName(), err.Error()+". "+whereIDsAre)
			return
		}
	} else {
		values = identityValues(ctx, a, req.Identity, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	setIDs(ctx, &resp.State, a, values, &resp.Diagnostics)
	setIdentity(ctx, resp.Identity, a, values, &resp.Diagnostics)
	resp.Diagnostics.Append(markImported(ctx, resp.Private)...)
}

const whereIDsAre = "Each id is in the SimPay panel: a service's in the list of services, a transaction's or a refund's in " +
	"its details."

// IdentitySchema is the composite id: one attribute for each of about().id,
// named after the attribute that holds it in state, every one needed to
// import by identity.
func (r *createOnlyResource[M, R, O]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(r.spec.about())
}

func identitySchema(a createOnlyAbout) identityschema.Schema {
	attrs := make(map[string]identityschema.Attribute, len(a.id))
	for i, p := range a.id {
		what := fmt.Sprintf("Id of the %s the %s belongs to", p.noun, a.kind)
		if i == len(a.id)-1 {
			what = fmt.Sprintf("Id of the %s, as SimPay assigned it", a.kind)
		}
		attrs[p.attr] = identityschema.StringAttribute{
			RequiredForImport: true,
			Description:       fmt.Sprintf("%s, such as `%s`: the resource's `%s`.", what, p.example, p.attr),
		}
	}
	return identityschema.Schema{Attributes: attrs}
}

// identityExample is an import block's identity for a, with the example
// value of each part, as an error shows it.
func identityExample(a createOnlyAbout) string {
	width := 0
	for _, p := range a.id {
		width = max(width, len(p.attr))
	}
	var b strings.Builder
	b.WriteString("identity = {\n")
	for _, p := range a.id {
		fmt.Fprintf(&b, "    %-*s = %q\n", width, p.attr, p.example)
	}
	b.WriteString("  }")
	return b.String()
}

// identityValues reads the composite id from an import block's identity,
// checking each part as parseImportID checks an import id.
func identityValues(ctx context.Context, a createOnlyAbout, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) []string {
	values := make([]string, len(a.id))
	var problems []string
	for i, p := range a.id {
		var v types.String
		diags.Append(identity.GetAttribute(ctx, path.Root(p.attr), &v)...)
		values[i] = v.ValueString()
		switch {
		case v.IsNull() || v.IsUnknown() || v.ValueString() == "":
			problems = append(problems, fmt.Sprintf("%s is not set", p.attr))
		case !p.valid(v.ValueString()):
			problems = append(problems, fmt.Sprintf("%s %q is not in SimPay's format", p.attr, v.ValueString()))
		}
	}
	if len(problems) > 0 && !diags.HasError() {
		diags.AddError("Invalid import identity for "+a.typeName(), fmt.Sprintf(
			"The import block's identity is not usable: %s. It needs every part of the %s's id, for example\n\n  %s\n\n%s",
			strings.Join(problems, "; "), a.kind, identityExample(a), whereIDsAre))
	}
	return values
}

// setIDs records the composite id in state, each part in its attribute.
func setIDs(ctx context.Context, state *tfsdk.State, a createOnlyAbout, values []string, diags *diag.Diagnostics) {
	for i, p := range a.id {
		diags.Append(state.SetAttribute(ctx, path.Root(p.attr), values[i])...)
	}
}

// setIdentity records the composite id as the resource identity. identity
// is nil only where the framework has none to give.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, a createOnlyAbout, values []string, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	for i, p := range a.id {
		diags.Append(identity.SetAttribute(ctx, path.Root(p.attr), values[i])...)
	}
}

// Update records the plan and sends nothing: SimPay cannot change the
// object, so only timeouts, or arguments recorded after an import, reach an
// update. It also clears the import mark, so that from then on a newly set
// argument replaces the object like any other change.
func (r *createOnlyResource[M, R, O]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	// Every computed attribute keeps its state value in the plan
	// (UseStateForUnknown), so the plan is the new state as it stands.
	resp.State.Raw = req.Plan.Raw
	setIdentity(ctx, resp.Identity, r.spec.about(), r.ids(ctx, req.Plan, &resp.Diagnostics), &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, nil)...)
}

// Delete sends nothing: SimPay has no way to cancel or delete the object.
// The plan that destroys said so (ModifyPlan); saying it again here would
// print the notice twice in every terraform destroy.
func (r *createOnlyResource[M, R, O]) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}
