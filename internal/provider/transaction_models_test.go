package provider

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// TestDataSourcesShowObjectsAsTheirResources checks that a SimPay object has
// the same attribute names and types in a data source as in its resource,
// nested attributes included, so that moving from one to the other changes
// the block type, not the attribute paths; and that every attribute SimPay
// reports, computed in both, has one description and one sensitivity in
// both (the object's reportedAttrs), so that the two cannot drift apart.
// Where the resource takes an attribute as an argument, only its type is
// compared: an argument says what to write, a data source what was read.
func TestDataSourcesShowObjectsAsTheirResources(t *testing.T) {
	ctx := context.Background()
	resourceAttrs := func(r resource.Resource) map[string]schemaAttr {
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		return schemaAttrs(resp.Schema.Attributes)
	}
	dataSourceSchema := func(d datasource.DataSource) dschema.Schema {
		var resp datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &resp)
		return resp.Schema
	}
	var compareAlike func(t *testing.T, what string, shown, resource map[string]schemaAttr)
	compareAlike = func(t *testing.T, what string, shown, resource map[string]schemaAttr) {
		for name, a := range shown {
			r, ok := resource[name]
			if !ok {
				continue // compare says so
			}
			p := what + "." + name
			if got, want := a.GetType(), r.GetType(); !got.Equal(want) {
				t.Errorf("%s is %s, but %s in the resource", p, got, want)
			}
			if !a.IsComputed() || a.IsOptional() || a.IsRequired() || !r.IsComputed() || r.IsOptional() || r.IsRequired() {
				continue // an argument in one of them
			}
			if got, want := a.GetMarkdownDescription(), r.GetMarkdownDescription(); got != want {
				t.Errorf("%s is described\n\t%q\nbut in the resource\n\t%q", p, got, want)
			}
			if a.IsSensitive() != r.IsSensitive() {
				t.Errorf("%s: sensitive %v, but %v in the resource", p, a.IsSensitive(), r.IsSensitive())
			}
			compareAlike(t, p, nestedAttrs(a), nestedAttrs(r))
		}
	}
	compare := func(t *testing.T, what string, shownAttrs map[string]dschema.Attribute, resource map[string]schemaAttr) {
		shown := schemaAttrs(shownAttrs)
		if len(shown) == 0 {
			t.Fatalf("%s shows nothing", what)
		}
		for name := range shown {
			if _, ok := resource[name]; !ok {
				t.Errorf("%s has %s, which the resource lacks", what, name)
			}
		}
		compareAlike(t, what, shown, resource)
	}

	t.Run("payment transaction", func(t *testing.T) {
		compare(t, "data.simpay_payment_transaction", dataSourceSchema(NewPaymentTransactionDataSource()).Attributes,
			resourceAttrs(NewPaymentTransactionResource()))
	})
	t.Run("payment transaction in SimPay's list", func(t *testing.T) {
		list, ok := dataSourceSchema(NewPaymentTransactionsDataSource()).Attributes["transactions"].(dschema.ListNestedAttribute)
		if !ok {
			t.Fatal("data.simpay_payment_transactions has no list of transactions")
		}
		compare(t, "data.simpay_payment_transactions.transactions[*]", list.NestedObject.Attributes,
			resourceAttrs(NewPaymentTransactionResource()))
	})
	t.Run("refund", func(t *testing.T) {
		list, ok := dataSourceSchema(NewPaymentRefundsDataSource()).Attributes["refunds"].(dschema.ListNestedAttribute)
		if !ok {
			t.Fatal("data.simpay_payment_refunds has no list of refunds")
		}
		compare(t, "data.simpay_payment_refunds.refunds[*]", list.NestedObject.Attributes, resourceAttrs(NewPaymentRefundResource()))
	})
	t.Run("DirectBilling transaction", func(t *testing.T) {
		want := resourceAttrs(NewDirectBillingTransactionResource())
		compare(t, "data.simpay_directbilling_transaction", dataSourceSchema(NewDirectBillingTransactionDataSource()).Attributes, want)
		list, ok := dataSourceSchema(NewDirectBillingTransactionsDataSource()).Attributes["transactions"].(dschema.ListNestedAttribute)
		if !ok {
			t.Fatal("data.simpay_directbilling_transactions has no list of transactions")
		}
		compare(t, "data.simpay_directbilling_transactions.transactions[*]", list.NestedObject.Attributes, want)
		// Everything SimPay reports of a transaction is shown by the data
		// sources, not only by the resource.
		one := dataSourceSchema(NewDirectBillingTransactionDataSource()).Attributes
		for _, model := range []reflect.Type{
			reflect.TypeFor[directBillingTransactionReturned](), reflect.TypeFor[directBillingTransactionReported](),
		} {
			for _, f := range fieldsOf(model) {
				if _, ok := one[f.name]; !ok {
					t.Errorf("%s has %s, which data.simpay_directbilling_transaction lacks", model.Name(), f.name)
				}
			}
		}
	})
	t.Run("SMS transaction", func(t *testing.T) {
		// No resource makes one: an item of the list is shown as the single
		// data source shows the one it reads.
		one := schemaAttrs(dataSourceSchema(NewSMSTransactionDataSource()).Attributes)
		list, ok := dataSourceSchema(NewSMSTransactionsDataSource()).Attributes["transactions"].(dschema.ListNestedAttribute)
		if !ok {
			t.Fatal("data.simpay_sms_transactions has no list of transactions")
		}
		compare(t, "data.simpay_sms_transactions.transactions[*]", list.NestedObject.Attributes, one)
		if got, want := len(one), len(list.NestedObject.Attributes)+1; got != want {
			t.Errorf("data.simpay_sms_transaction has %d attributes, want the %d of an item and service_id", got, want)
		}
	})
}

// schemaAttr is what a data source's and a resource's schema attributes
// have in common.
type schemaAttr interface {
	GetMarkdownDescription() string
	GetType() attr.Type
	IsComputed() bool
	IsOptional() bool
	IsRequired() bool
	IsSensitive() bool
}

func schemaAttrs[A schemaAttr](attrs map[string]A) map[string]schemaAttr {
	out := make(map[string]schemaAttr, len(attrs))
	for name, a := range attrs {
		out[name] = a
	}
	return out
}

// nestedAttrs are the attributes of a nested object, or of each item of a
// nested list; nil for any other attribute.
func nestedAttrs(a schemaAttr) map[string]schemaAttr {
	switch n := a.(type) {
	case dschema.SingleNestedAttribute:
		return schemaAttrs(n.Attributes)
	case dschema.ListNestedAttribute:
		return schemaAttrs(n.NestedObject.Attributes)
	case rschema.SingleNestedAttribute:
		return schemaAttrs(n.Attributes)
	case rschema.ListNestedAttribute:
		return schemaAttrs(n.NestedObject.Attributes)
	}
	return nil
}
