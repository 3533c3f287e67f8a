package provider

import (
	"testing"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// TestReportedAttrsBuildOneAttributeForEveryRole checks that a reported
// attribute has, in a data source and in a resource, the description, type
// and sensitivity it was defined with, and that the type a model holds it in
// (attrType) is the schema's, so state set from the model fits the schema;
// and that a resource keeps its state value in plans at the top level only.
func TestReportedAttrsBuildOneAttributeForEveryRole(t *testing.T) {
	secret := textReported("a secret")
	secret.sensitive = true
	defs := reportedAttrs{
		"text": textReported("a text"), "amount": amountReported("an amount"), "flag": boolReported("a flag"),
		"count": int64Reported("a count"), "secret": secret,
		"object": objectReported("an object", reportedAttrs{
			"inner":  amountReported("an inner amount"),
			"nested": objectReported("a nested object", reportedAttrs{"leaf": textReported("a leaf")}),
		}),
	}
	ds, top, nested := defs.dataSource(), defs.resource(true), defs.resource(false)
	for name, def := range defs {
		for role, got := range map[string]schemaAttr{"data source": ds[name], "resource": top[name], "nested": nested[name]} {
			if got.GetMarkdownDescription() != def.desc || !got.GetType().Equal(def.attrType()) ||
				got.IsSensitive() != def.sensitive || !got.IsComputed() || got.IsOptional() || got.IsRequired() {
				t.Errorf("%s as %s: computed %v, %s %q (sensitive %v), want the computed %s %q (sensitive %v)", name, role,
					got.IsComputed(), got.GetType(), got.GetMarkdownDescription(), got.IsSensitive(), def.attrType(), def.desc, def.sensitive)
			}
		}
		if n := planModifierCount(top[name]); n != 1 {
			t.Errorf("%s at a resource's top level has %d plan modifiers, want UseStateForUnknown", name, n)
		}
		if n := planModifierCount(nested[name]); n != 0 {
			t.Errorf("%s inside a reported object has %d plan modifiers, want none: the object is planned as a whole", name, n)
		}
	}
	obj, ok := top["object"].(rschema.SingleNestedAttribute)
	if !ok || planModifierCount(obj.Attributes["inner"]) != 0 || planModifierCount(obj.Attributes["nested"]) != 0 {
		t.Errorf("the attributes of a top-level reported object keep plan modifiers: %#v", top["object"])
	}
	if _, ok := ds["object"].(dschema.SingleNestedAttribute); !ok {
		t.Errorf("object in a data source: %#v", ds["object"])
	}

	if got := defs.pick("text", "flag"); len(got) != 2 || got["flag"].desc != "a flag" {
		t.Errorf("pick: %#v", got)
	}
	for what, f := range map[string]func(){
		"pick of an unknown name":       func() { defs.pick("nope") },
		"a data source's own duplicate": func() { defs.dataSourceWith(map[string]dschema.Attribute{"text": readString("x")}) },
		"a resource's own duplicate":    func() { defs.resourceWith(map[string]rschema.Attribute{"text": computedString("x")}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s does not panic", what)
				}
			}()
			f()
		}()
	}
}

func planModifierCount(a schemaAttr) int {
	switch r := a.(type) {
	case rschema.StringAttribute:
		return len(r.PlanModifiers)
	case rschema.BoolAttribute:
		return len(r.PlanModifiers)
	case rschema.Int64Attribute:
		return len(r.PlanModifiers)
	case rschema.SingleNestedAttribute:
		return len(r.PlanModifiers)
	}
	return -1
}
