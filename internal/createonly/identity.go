package createonly

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IDPart is one part of the composite id that names a SimPay object, as an
// import id writes it ("d151e4f9/1d87a1b3-..."), as state holds it and as
// errors name it. An object's identity is the list of its parts, outermost
// first; the last is the object's own id.
type IDPart struct {
	Name    string // in the import id's format, e.g. "transaction_id"
	Attr    string // the attribute that holds it, e.g. "id"
	Noun    string // how errors name what it identifies, e.g. "payment service"
	Example string
	Valid   func(string) bool
}

// IDFormat is the import id's format, e.g. "service_id/transaction_id".
func IDFormat(parts []IDPart) string {
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = p.Name
	}
	return strings.Join(names, "/")
}

// DescribeID names the object values identify, innermost first, as errors
// write it: "refund R of transaction T of payment service S".
func DescribeID(parts []IDPart, values []string) string {
	words := make([]string, 0, len(parts))
	for i := len(parts) - 1; i >= 0; i-- {
		v := "<" + parts[i].Name + ">"
		if i < len(values) && values[i] != "" {
			v = values[i]
		}
		words = append(words, parts[i].Noun+" "+v)
	}
	return strings.Join(words, " of ")
}

// ParseImportID splits an import id such as "d151e4f9/1d87a1b3-..." into its
// parts and checks each, with an error that shows the expected format.
func ParseImportID(id string, parts ...IDPart) ([]string, error) {
	examples := make([]string, len(parts))
	for i, p := range parts {
		examples[i] = p.Example
	}
	format := fmt.Sprintf("The import id must be %s, for example %q", IDFormat(parts), strings.Join(examples, "/"))
	values := strings.Split(id, "/")
	if len(values) != len(parts) {
		return nil, fmt.Errorf("import id %q has %d part(s) separated by \"/\", expected %d. %s", id, len(values), len(parts), format)
	}
	for i, p := range parts {
		if !p.Valid(values[i]) {
			return nil, fmt.Errorf("import id %q: %s %q is not in SimPay's format. %s", id, p.Name, values[i], format)
		}
	}
	return values, nil
}

// ImportState takes the composite id from an import id (the terraform import
// command, or an import block's id) or from an import block's identity
// (Terraform 1.12 and later), checks every part, and records the parts and
// the identity; the read that follows fills in the rest.
func (r *createOnlyResource[M, O]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	a := r.spec.About()
	var values []string
	if req.ID != "" || req.Identity == nil {
		var err error
		values, err = ParseImportID(req.ID, a.ID...)
		if err != nil {
			resp.Diagnostics.AddError("Invalid import id for "+a.TypeName(), err.Error()+". "+whereIDsAre)
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
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyImported, []byte(`true`))...)
}

const whereIDsAre = "Each id is in the SimPay panel: a service's in the list of services, a transaction's or a refund's in " +
	"its details."

// IdentitySchema is the composite id: one attribute for each of About().ID,
// named after the attribute that holds it in state, every one needed to
// import by identity.
func (r *createOnlyResource[M, O]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(r.spec.About())
}

func identitySchema(a About) identityschema.Schema {
	attrs := make(map[string]identityschema.Attribute, len(a.ID))
	for i, p := range a.ID {
		what := fmt.Sprintf("Id of the %s the %s belongs to", p.Noun, a.Kind)
		if i == len(a.ID)-1 {
			what = fmt.Sprintf("Id of the %s, as SimPay assigned it", a.Kind)
		}
		attrs[p.Attr] = identityschema.StringAttribute{
			RequiredForImport: true,
			Description:       fmt.Sprintf("%s, such as `%s`: the resource's `%s`.", what, p.Example, p.Attr),
		}
	}
	return identityschema.Schema{Attributes: attrs}
}

// identityExample is an import block's identity for a, with the example
// value of each part, as an error shows it.
func identityExample(a About) string {
	width := 0
	for _, p := range a.ID {
		width = max(width, len(p.Attr))
	}
	var b strings.Builder
	b.WriteString("identity = {\n")
	for _, p := range a.ID {
		fmt.Fprintf(&b, "    %-*s = %q\n", width, p.Attr, p.Example)
	}
	b.WriteString("  }")
	return b.String()
}

// identityValues reads the composite id from an import block's identity,
// checking each part as ParseImportID checks an import id.
func identityValues(ctx context.Context, a About, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) []string {
	values := make([]string, len(a.ID))
	var problems []string
	for i, p := range a.ID {
		var v types.String
		diags.Append(identity.GetAttribute(ctx, path.Root(p.Attr), &v)...)
		values[i] = v.ValueString()
		switch {
		case v.IsNull() || v.IsUnknown() || v.ValueString() == "":
			problems = append(problems, fmt.Sprintf("%s is not set", p.Attr))
		case !p.Valid(v.ValueString()):
			problems = append(problems, fmt.Sprintf("%s %q is not in SimPay's format", p.Attr, v.ValueString()))
		}
	}
	if len(problems) > 0 && !diags.HasError() {
		diags.AddError("Invalid import identity for "+a.TypeName(), fmt.Sprintf(
			"The import block's identity is not usable: %s. It needs every part of the %s's id, for example\n\n  %s\n\n%s",
			strings.Join(problems, "; "), a.Kind, identityExample(a), whereIDsAre))
	}
	return values
}

// setIDs records the composite id in state, each part in its attribute.
func setIDs(ctx context.Context, state *tfsdk.State, a About, values []string, diags *diag.Diagnostics) {
	for i, p := range a.ID {
		diags.Append(state.SetAttribute(ctx, path.Root(p.Attr), values[i])...)
	}
}

// setIdentity records the composite id as the resource identity. identity
// is nil only where the framework has none to give.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, a About, values []string, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	for i, p := range a.ID {
		diags.Append(identity.SetAttribute(ctx, path.Root(p.Attr), values[i])...)
	}
}

// privateKeyImported marks, in a resource's private state, that it was
// imported: arguments SimPay never returns (antifraud data, channel
// choices, ...) are then null in state although the configuration sets them.
const privateKeyImported = "imported"

// PrivateGetter is a request's private state, as plan modifiers and reads
// receive it.
type PrivateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// PrivateState is a response's private state, which can also be written.
type PrivateState interface {
	PrivateGetter
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// WasImported reports whether the resource was imported and no update has
// happened since: arguments SimPay never returns are then null in state
// although the configuration sets them, and setting one records it
// instead of replacing the object.
func WasImported(ctx context.Context, private PrivateGetter) (bool, diag.Diagnostics) {
	mark, diags := private.GetKey(ctx, privateKeyImported)
	return string(mark) == "true", diags
}

// privateKeyReplacing marks, in the planned private state, that an
// attribute's plan modifier asked for a replacement. The framework does not
// show ModifyPlan what attribute plan modifiers asked for, and ModifyPlan is
// where the replacement warning is written; it removes the mark again, so it
// is never stored with an object.
const privateKeyReplacing = "replacing"

// MarkReplacing records, when replace is set, that the argument at p asks
// for a replacement, for the plan's replacement warning to name it. A plan
// modifier calls it with its response's private state.
func MarkReplacing(ctx context.Context, replace bool, p path.Path, private PrivateState, diags *diag.Diagnostics) {
	if !replace || diags.HasError() {
		return
	}
	var changed []string
	if mark, d := private.GetKey(ctx, privateKeyReplacing); !d.HasError() && len(mark) > 0 {
		_ = json.Unmarshal(mark, &changed)
	}
	changed = append(changed, p.String())
	text, _ := json.Marshal(changed)
	diags.Append(private.SetKey(ctx, privateKeyReplacing, text)...)
}
