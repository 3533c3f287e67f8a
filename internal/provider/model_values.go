package provider

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// setState and getConfig do what tfsdk.State.Set and tfsdk.Config.Get do
// with a model struct (fields tagged tfsdk, holding attr.Values, slices of
// them or of nested models, nested models, pointers to nested models), for
// the data sources a plan calls many times or that return long lists.
//
// The framework reflects over the model on every call: it reads every
// struct tag again, compiles a regular expression per field to check the
// tag, and goes through an attr.Value for each list and object before it
// reaches the wire's tftypes.Value. Profiling a plan of 100 channel lookups
// showed that as the largest part of what the provider itself spends per
// lookup. Here the walk over a model type is worked out once, and a call
// only moves values between the model and tftypes.Value.
//
// The rules are the framework's: a tagged field must match an attribute and
// every attribute a field; a nil slice or pointer is null; a value that
// validates itself (xattr.ValidateableAttribute, such as DecimalValue) is
// validated on the way in and out; null reads into a nil slice or
// pointer, and unknown into anything but an attr.Value is an error. A model
// these functions do not know how to walk (sets, maps, Go primitives)
// goes through the framework's own State.Set
// and Config.Get, and so does any call that meets a problem: the framework
// then reports it with the attribute path and wording it always has, and
// the fast path never builds paths it does not need.

// setState replaces st's value with model, a pointer to a model struct.
func setState(ctx context.Context, st *tfsdk.State, model any) diag.Diagnostics {
	if plan := planFor(ctx, st.Schema.Type(), reflect.TypeOf(model)); plan != nil {
		if v, ok := plan.toTF(ctx, reflect.ValueOf(model).Elem()); ok {
			st.Raw = v
			return nil
		}
	}
	return st.Set(ctx, model)
}

// getConfig reads cfg into model, a pointer to a model struct.
func getConfig(ctx context.Context, cfg tfsdk.Config, model any) diag.Diagnostics {
	if plan := planFor(ctx, cfg.Schema.Type(), reflect.TypeOf(model)); plan != nil {
		if plan.fromTF(ctx, cfg.Raw, reflect.ValueOf(model).Elem()) {
			return nil
		}
	}
	return cfg.Get(ctx, model)
}

// valuePlan moves one Go type to and from values of one attr.Type.
type valuePlan struct {
	typ    attr.Type
	tfType tftypes.Type
	kind   planKind
	// checkType (planAttrValue): the Go type does not fix its attr.Type
	// (a types.List carries its element type), so each value is checked.
	checkType bool
	validates bool // planAttrValue: the value validates itself
	// typeValidates (planAttrValue): the type validates the value the
	// deprecated way (xattr.TypeWithValidate), as basetypes.ListType does.
	typeValidates bool
	elem          *valuePlan  // planList, planPointer
	fields        []planField // planObject
}

type planKind int

const (
	planAttrValue planKind = iota
	planList
	planObject
	planPointer
)

type planField struct {
	name  string
	index []int
	plan  *valuePlan
}

// planEntry is the plan of a model type under one schema type; plan is nil
// when the model holds something the plans do not cover.
type planEntry struct {
	typ  attr.Type
	plan *valuePlan
}

var (
	attrValueType    = reflect.TypeFor[attr.Value]()
	validatorType    = reflect.TypeFor[xattr.ValidateableAttribute]()
	typeValidateType = reflect.TypeFor[xattr.TypeWithValidate]() //nolint:staticcheck // the framework still honours it
	// plans holds, per model pointer type, its plans; a model type is
	// normally used with one schema. attr.Type.Equal allocates nothing.
	plansMu sync.RWMutex
	plans   = map[reflect.Type][]planEntry{}
)

// planFor returns the plan for ptr, a pointer to a model struct, under the
// schema type typ, building it the first time; nil when there is none.
func planFor(ctx context.Context, typ attr.Type, ptr reflect.Type) *valuePlan {
	plansMu.RLock()
	entries := plans[ptr]
	plansMu.RUnlock()
	for _, e := range entries {
		if e.typ.Equal(typ) {
			return e.plan
		}
	}
	var p *valuePlan
	if ptr.Kind() == reflect.Pointer && ptr.Elem().Kind() == reflect.Struct {
		p, _ = buildPlan(ctx, typ, ptr.Elem())
	}
	plansMu.Lock()
	plans[ptr] = append(plans[ptr][:len(plans[ptr]):len(plans[ptr])], planEntry{typ: typ, plan: p})
	plansMu.Unlock()
	return p
}

func buildPlan(ctx context.Context, typ attr.Type, goType reflect.Type) (*valuePlan, error) {
	p := &valuePlan{typ: typ, tfType: typ.TerraformType(ctx)}
	switch {
	case goType.Implements(attrValueType):
		if reflect.TypeOf(typ.ValueType(ctx)) != goType {
			return nil, fmt.Errorf("%s holds %T, not %s", typ, typ.ValueType(ctx), goType)
		}
		zero, _ := reflect.Zero(goType).Interface().(attr.Value)
		p.kind = planAttrValue
		p.checkType = zero == nil || !zero.Type(ctx).TerraformType(ctx).Equal(p.tfType)
		p.validates = goType.Implements(validatorType)
		// The framework validates through the type only a value that does
		// not validate itself. (A list's type validates nothing the plans
		// of its elements do not.)
		p.typeValidates = !p.validates && reflect.TypeOf(typ).Implements(typeValidateType)
	case goType.Kind() == reflect.Slice:
		et, ok := typ.(attr.TypeWithElementType)
		if !ok || !p.tfType.Is(tftypes.List{}) {
			return nil, fmt.Errorf("%s is not a list", typ)
		}
		elem, err := buildPlan(ctx, et.ElementType(), goType.Elem())
		if err != nil {
			return nil, err
		}
		p.kind, p.elem = planList, elem
	case goType.Kind() == reflect.Pointer && goType.Elem().Kind() == reflect.Struct:
		elem, err := buildPlan(ctx, typ, goType.Elem())
		if err != nil {
			return nil, err
		}
		p.kind, p.elem = planPointer, elem
	case goType.Kind() == reflect.Struct:
		ot, ok := typ.(attr.TypeWithAttributeTypes)
		if !ok {
			return nil, fmt.Errorf("%s is not an object", typ)
		}
		attrTypes := ot.AttributeTypes()
		fields, err := taggedFields(goType, nil)
		if err != nil {
			return nil, err
		}
		if len(fields) != len(attrTypes) {
			return nil, fmt.Errorf("%s has %d tagged fields for %d attributes", goType, len(fields), len(attrTypes))
		}
		for i := range fields {
			at, ok := attrTypes[fields[i].name]
			if !ok {
				return nil, fmt.Errorf("%s: no attribute %q", goType, fields[i].name)
			}
			if fields[i].plan, err = buildPlan(ctx, at, goType.FieldByIndex(fields[i].index).Type); err != nil {
				return nil, err
			}
		}
		p.kind, p.fields = planObject, fields
	default:
		return nil, fmt.Errorf("%s cannot hold %s", goType, typ)
	}
	return p, nil
}

// taggedFields lists the fields named by tfsdk tags, those of embedded
// structs included, as the framework reads them.
func taggedFields(t reflect.Type, prefix []int) ([]planField, error) {
	var fields []planField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		index := append(append([]int(nil), prefix...), i)
		tag, tagged := f.Tag.Lookup("tfsdk")
		switch {
		case tag == "-":
		case f.Anonymous && !tagged && f.Type.Kind() == reflect.Struct:
			inner, err := taggedFields(f.Type, index)
			if err != nil {
				return nil, err
			}
			fields = append(fields, inner...)
		case !f.IsExported():
		case !tagged:
			return nil, fmt.Errorf("%s.%s has no tfsdk tag", t, f.Name)
		default:
			fields = append(fields, planField{name: tag, index: index})
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if seen[f.name] {
			return nil, fmt.Errorf("%s: tfsdk tag %q twice", t, f.name)
		}
		seen[f.name] = true
	}
	return fields, nil
}

// toTF converts rv; false when anything had to be reported, which the
// caller leaves to the framework.
func (p *valuePlan) toTF(ctx context.Context, rv reflect.Value) (tftypes.Value, bool) {
	switch p.kind {
	case planAttrValue:
		v := rv.Interface().(attr.Value)
		if p.checkType && !v.Type(ctx).TerraformType(ctx).Equal(p.tfType) {
			return tftypes.Value{}, false
		}
		if p.validates {
			resp := xattr.ValidateAttributeResponse{}
			v.(xattr.ValidateableAttribute).ValidateAttribute(ctx, xattr.ValidateAttributeRequest{}, &resp)
			if len(resp.Diagnostics) > 0 {
				return tftypes.Value{}, false
			}
		}
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			return tftypes.Value{}, false
		}
		if p.typeValidates && len(p.typ.(xattr.TypeWithValidate).Validate(ctx, tv, path.Empty())) > 0 { //nolint:staticcheck // as the framework does
			return tftypes.Value{}, false
		}
		return tv, true
	case planList:
		if rv.IsNil() {
			return tftypes.NewValue(p.tfType, nil), true
		}
		elems := make([]tftypes.Value, rv.Len())
		for i := range elems {
			ev, ok := p.elem.toTF(ctx, rv.Index(i))
			if !ok {
				return tftypes.Value{}, false
			}
			elems[i] = ev
		}
		return tftypes.NewValue(p.tfType, elems), true
	case planPointer:
		if rv.IsNil() {
			return tftypes.NewValue(p.tfType, nil), true
		}
		return p.elem.toTF(ctx, rv.Elem())
	default: // planObject
		attrs := make(map[string]tftypes.Value, len(p.fields))
		for _, f := range p.fields {
			fv, ok := f.plan.toTF(ctx, rv.FieldByIndex(f.index))
			if !ok {
				return tftypes.Value{}, false
			}
			attrs[f.name] = fv
		}
		return tftypes.NewValue(p.tfType, attrs), true
	}
}

// fromTF reads tv into rv; false when anything had to be reported, which
// the caller leaves to the framework.
func (p *valuePlan) fromTF(ctx context.Context, tv tftypes.Value, rv reflect.Value) bool {
	if p.kind == planAttrValue {
		v, err := p.typ.ValueFromTerraform(ctx, tv)
		if err != nil {
			return false
		}
		if p.validates {
			resp := xattr.ValidateAttributeResponse{}
			v.(xattr.ValidateableAttribute).ValidateAttribute(ctx, xattr.ValidateAttributeRequest{}, &resp)
			if len(resp.Diagnostics) > 0 {
				return false
			}
		}
		if p.typeValidates && len(p.typ.(xattr.TypeWithValidate).Validate(ctx, tv, path.Empty())) > 0 { //nolint:staticcheck // as the framework does
			return false
		}
		got := reflect.ValueOf(v)
		if got.Type() != rv.Type() {
			return false
		}
		rv.Set(got)
		return true
	}
	if !tv.IsKnown() {
		return false
	}
	if tv.IsNull() {
		if p.kind == planObject {
			return false
		}
		rv.SetZero()
		return true
	}
	switch p.kind {
	case planList:
		var elems []tftypes.Value
		if err := tv.As(&elems); err != nil {
			return false
		}
		s := reflect.MakeSlice(rv.Type(), len(elems), len(elems))
		for i, e := range elems {
			if !p.elem.fromTF(ctx, e, s.Index(i)) {
				return false
			}
		}
		rv.Set(s)
	case planPointer:
		n := reflect.New(rv.Type().Elem())
		if !p.elem.fromTF(ctx, tv, n.Elem()) {
			return false
		}
		rv.Set(n)
	default: // planObject
		var attrs map[string]tftypes.Value
		if err := tv.As(&attrs); err != nil {
			return false
		}
		for _, f := range p.fields {
			if !f.plan.fromTF(ctx, attrs[f.name], rv.FieldByIndex(f.index)) {
				return false
			}
		}
	}
	return true
}
