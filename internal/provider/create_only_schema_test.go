package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// TestCreateOnlyResourceSchemas checks that the schemas are valid and that
// every attribute, nested ones included, is described for the docs.
func TestCreateOnlyResourceSchemas(t *testing.T) {
	for name, r := range map[string]resource.Resource{
		"simpay_payment_refund":            NewPaymentRefundResource(),
		"simpay_directbilling_transaction": NewDirectBillingTransactionResource(),
	} {
		var resp resource.SchemaResponse
		r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s: %v", name, resp.Diagnostics)
		}
		if diags := resp.Schema.ValidateImplementation(context.Background()); diags.HasError() {
			t.Errorf("%s: %v", name, diags)
		}
		if resp.Schema.MarkdownDescription == "" {
			t.Errorf("%s has no description", name)
		}
		var walk func(prefix string, attrs map[string]schema.Attribute)
		walk = func(prefix string, attrs map[string]schema.Attribute) {
			for n, a := range attrs {
				if a.GetMarkdownDescription() == "" {
					t.Errorf("%s: attribute %s%s has no MarkdownDescription", name, prefix, n)
				}
				if nested, ok := a.(schema.SingleNestedAttribute); ok {
					walk(prefix+n+".", nested.Attributes)
				}
			}
		}
		walk("", resp.Schema.Attributes)
	}
}
