package provider

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TestDataSourcesShowObjectsAsTheirResources checks that a SimPay object has
// the same attribute names and types in a data source as in its resource,
// nested attributes included, so that moving from one to the other changes
// the block type, not the attribute paths.
func TestDataSourcesShowObjectsAsTheirResources(t *testing.T) {
	ctx := context.Background()
	resourceAttrs := func(r resource.Resource) map[string]attr.Type {
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		out := map[string]attr.Type{}
		for name, a := range resp.Schema.Attributes {
			out[name] = a.GetType()
		}
		return out
	}
	dataSourceSchema := func(d datasource.DataSource) dschema.Schema {
		var resp datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &resp)
		return resp.Schema
	}
	compare := func(t *testing.T, what string, shown map[string]dschema.Attribute, resource map[string]attr.Type) {
		if len(shown) == 0 {
			t.Fatalf("%s shows nothing", what)
		}
		for name, a := range shown {
			want, ok := resource[name]
			if !ok {
				t.Errorf("%s has %s, which the resource lacks", what, name)
				continue
			}
			if got := a.GetType(); !got.Equal(want) {
				t.Errorf("%s.%s is %s, but %s in the resource", what, name, got, want)
			}
		}
	}

	t.Run("payment transaction", func(t *testing.T) {
		compare(t, "data.simpay_payment_transaction", dataSourceSchema(NewPaymentTransactionDataSource()).Attributes,
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
		one := map[string]attr.Type{}
		for name, a := range dataSourceSchema(NewSMSTransactionDataSource()).Attributes {
			one[name] = a.GetType()
		}
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
