package provider

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// objectList converts rows into the list-of-objects value of the attribute at
// p, for the data sources that return long lists (thousands of transactions,
// and channels read by a hundred data sources in one plan) and keep the list
// in their model as a types.List. A model may instead hold the rows as a
// slice and go to the state through setState (model_values.go), which
// builds no attr.Value per row at all: the channel and transaction lists do.
//
// tfsdk.State.Set would do the same from []T, but the framework reflects over
// every row again, compiling a regular expression for each field of each row
// to check its tag: profiling a plan of 100 channel data sources showed that,
// with its garbage, as the largest part of the provider's CPU. Here the
// fields of T are looked up once per type. A field of T holds an attr.Value
// (types.String, DecimalValue, ...) or a slice of them, and carries the
// attribute's name in its tfsdk tag, as for State.Set; an embedded struct
// without a tag contributes its fields, so a row can embed the models a
// resource embeds.
func objectList[T any](ctx context.Context, schema interface {
	TypeAtPath(context.Context, path.Path) (attr.Type, diag.Diagnostics)
}, p path.Path, rows []T) (types.List, diag.Diagnostics) {
	t, diags := schema.TypeAtPath(ctx, p)
	if diags.HasError() {
		return types.ListNull(types.StringType), diags
	}
	lt, ok := t.(types.ListType)
	ot, ok2 := lt.ElemType.(types.ObjectType)
	if !ok || !ok2 {
		diags.AddError("Provider bug", fmt.Sprintf("%s is not a list of objects (%s); please report this", p, t))
		return types.ListNull(types.StringType), diags
	}
	fields := fieldsOf(reflect.TypeFor[T]())
	elems := make([]attr.Value, 0, len(rows))
	for i := range rows {
		rv := reflect.ValueOf(&rows[i]).Elem()
		attrs := make(map[string]attr.Value, len(fields))
		for _, f := range fields {
			v, d := attrValue(rv.FieldByIndex(f.index).Interface(), ot.AttrTypes[f.name])
			diags.Append(d...)
			attrs[f.name] = v
		}
		obj, d := types.ObjectValue(ot.AttrTypes, attrs)
		diags.Append(d...)
		if diags.HasError() {
			return types.ListNull(ot), diags
		}
		elems = append(elems, obj)
	}
	list, d := types.ListValue(ot, elems)
	diags.Append(d...)
	return list, diags
}

type fieldInfo struct {
	index []int // for reflect.Value.FieldByIndex
	name  string
}

var fieldCache sync.Map // reflect.Type -> []fieldInfo

func fieldsOf(t reflect.Type) []fieldInfo {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]fieldInfo)
	}
	var fields []fieldInfo
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("tfsdk")
		switch {
		case tag == "" && f.Anonymous && f.Type.Kind() == reflect.Struct:
			for _, inner := range fieldsOf(f.Type) {
				fields = append(fields, fieldInfo{index: append([]int{i}, inner.index...), name: inner.name})
			}
		case tag != "" && tag != "-":
			fields = append(fields, fieldInfo{index: []int{i}, name: tag})
		}
	}
	fieldCache.Store(t, fields)
	return fields
}

// attrValue returns v as an attr.Value of type want: v is one already, or a
// slice of them that becomes a list (null when the slice is nil).
func attrValue(v any, want attr.Type) (attr.Value, diag.Diagnostics) {
	if av, ok := v.(attr.Value); ok {
		return av, nil
	}
	var diags diag.Diagnostics
	lt, ok := want.(types.ListType)
	rv := reflect.ValueOf(v)
	if !ok || rv.Kind() != reflect.Slice {
		diags.AddError("Provider bug", fmt.Sprintf("cannot convert %T to %s; please report this", v, want))
		return nil, diags
	}
	if rv.IsNil() {
		return types.ListNull(lt.ElemType), nil
	}
	elems := make([]attr.Value, rv.Len())
	for i := range elems {
		e, ok := rv.Index(i).Interface().(attr.Value)
		if !ok {
			diags.AddError("Provider bug", fmt.Sprintf("cannot convert %T to %s; please report this", v, want))
			return nil, diags
		}
		elems[i] = e
	}
	return types.ListValue(lt.ElemType, elems)
}
