package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/simpay-tf/terraform-provider-simpay/internal/createonly"
)

// TestCreateOnlyResourceSchemas checks, for every create-only resource, that
// the schema is valid, that every attribute (nested ones included) is
// described for the docs, that its description is one short paragraph
// followed by the one create-only paragraph, that id and timeouts are the
// skeleton's with the one set of defaults, and that every argument replaces
// the object when it changes.
func TestCreateOnlyResourceSchemas(t *testing.T) {
	ctx := context.Background()
	for _, a := range createOnlyAbouts(t) {
		t.Run(a.TypeName(), func(t *testing.T) {
			var r resource.Resource
			for _, newResource := range (&simpayProvider{}).Resources(ctx) {
				var meta resource.MetadataResponse
				candidate := newResource()
				candidate.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "simpay"}, &meta)
				if meta.TypeName == a.TypeName() {
					r = candidate
				}
			}
			var resp resource.SchemaResponse
			r.Schema(ctx, resource.SchemaRequest{}, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatal(resp.Diagnostics)
			}
			s := resp.Schema
			if diags := s.ValidateImplementation(ctx); diags.HasError() {
				t.Error(diags)
			}
			summary, rest, _ := strings.Cut(s.MarkdownDescription, "\n\n")
			if summary == "" || strings.Count(summary, ". ") > 1 || rest != createonly.Description(a) {
				t.Errorf("description is not one short paragraph then the create-only paragraph:\n%s", s.MarkdownDescription)
			}
			if id, ok := s.Attributes["id"].(schema.StringAttribute); !ok || !id.Computed || len(id.PlanModifiers) == 0 {
				t.Errorf("id is not the skeleton's computed id: %#v", s.Attributes["id"])
			}
			limits, ok := s.Attributes["timeouts"].(schema.SingleNestedAttribute)
			if !ok {
				t.Fatalf("no timeouts attribute")
			}
			for name, want := range map[string]string{"create": "Defaults to `10m`", "read": "Defaults to `5m`"} {
				if d := limits.Attributes[name].GetMarkdownDescription(); !strings.Contains(d, want) || !strings.Contains(d, a.Kind) {
					t.Errorf("timeouts.%s: %q, want %q about the %s", name, d, want, a.Kind)
				}
			}
			for _, p := range a.ID {
				if _, ok := s.Attributes[p.Attr]; !ok {
					t.Errorf("id part %s is held by %s, which the schema lacks", p.Name, p.Attr)
				}
			}
			var walk func(prefix string, attrs map[string]schema.Attribute)
			walk = func(prefix string, attrs map[string]schema.Attribute) {
				for n, attr := range attrs {
					name := prefix + n
					if attr.GetMarkdownDescription() == "" {
						t.Errorf("attribute %s has no MarkdownDescription", name)
					}
					if name == "timeouts" {
						// Changes in place; its inner descriptions are checked above.
						continue
					}
					if (attr.IsOptional() || attr.IsRequired()) && !replacesOnChange(attr) {
						t.Errorf("argument %s does not replace the %s when it changes", name, a.Kind)
					}
					switch nested := attr.(type) {
					case schema.SingleNestedAttribute:
						walk(name+".", nested.Attributes)
					case schema.ListNestedAttribute:
						walk(name+"[].", nested.NestedObject.Attributes)
					}
				}
			}
			walk("", s.Attributes)
		})
	}
}

// replacesOnChange reports whether an argument has a plan modifier that can
// ask for replacement.
func replacesOnChange(attr schema.Attribute) bool {
	switch a := attr.(type) {
	case schema.StringAttribute:
		return len(a.PlanModifiers) > 0
	case schema.BoolAttribute:
		return len(a.PlanModifiers) > 0
	case schema.Int64Attribute:
		return len(a.PlanModifiers) > 0
	case schema.ListAttribute:
		return len(a.PlanModifiers) > 0
	case schema.ListNestedAttribute:
		return len(a.PlanModifiers) > 0
	case schema.SingleNestedAttribute:
		return len(a.PlanModifiers) > 0
	}
	return false
}
