package client

import (
	"reflect"
	"sync"
)

// copyInto sets *out (out a pointer) to a deep copy of src, a value of the
// same type, as json.Unmarshal would set it from the text src was decoded
// from: a slice is written into out's own backing array when that has the
// room (the page walk relies on it), anything else is replaced. It reports
// false, and changes nothing, when src holds something it cannot copy
// without sharing (an unexported field holding a reference, a channel, a
// function); the caller then decodes afresh.
func copyInto(out any, src reflect.Value) bool {
	dst := reflect.ValueOf(out).Elem()
	t := dst.Type()
	if t != src.Type() || !copyable(t) {
		return false
	}
	if t.Kind() == reflect.Slice && !src.IsNil() {
		n := src.Len()
		s := dst.Slice(0, 0)
		if dst.IsNil() || s.Cap() < n {
			s = reflect.MakeSlice(t, n, n)
		} else {
			s = s.Slice(0, n)
		}
		for i := 0; i < n; i++ {
			s.Index(i).Set(deepCopy(src.Index(i)))
		}
		dst.Set(s)
		return true
	}
	dst.Set(deepCopy(src))
	return true
}

// deepCopy returns a copy of v sharing no slice, map or pointer with it;
// strings, being immutable, are shared. v's type passed copyable.
func deepCopy(v reflect.Value) reflect.Value {
	t := v.Type()
	if !holdsReferences(t) {
		return v
	}
	switch t.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(t)
		}
		s := reflect.MakeSlice(t, v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			s.Index(i).Set(deepCopy(v.Index(i)))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(t)
		}
		m := reflect.MakeMapWithSize(t, v.Len())
		for it := v.MapRange(); it.Next(); {
			m.SetMapIndex(deepCopy(it.Key()), deepCopy(it.Value()))
		}
		return m
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(t)
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(deepCopy(v.Elem()))
		return p
	case reflect.Interface:
		if v.IsNil() {
			return reflect.Zero(t)
		}
		i := reflect.New(t).Elem()
		i.Set(deepCopy(v.Elem()))
		return i
	case reflect.Array:
		a := reflect.New(t).Elem()
		for i := 0; i < v.Len(); i++ {
			a.Index(i).Set(deepCopy(v.Index(i)))
		}
		return a
	default: // reflect.Struct: copyable says every field holding a reference is exported
		s := reflect.New(t).Elem()
		s.Set(v)
		for i := 0; i < t.NumField(); i++ {
			if holdsReferences(t.Field(i).Type) {
				s.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return s
	}
}

var (
	referenceTypes sync.Map // reflect.Type -> bool
	copyableTypes  sync.Map // reflect.Type -> bool
)

// holdsReferences reports whether a value of t can share memory that a
// change through one copy would show in the other.
func holdsReferences(t reflect.Type) bool {
	if r, ok := referenceTypes.Load(t); ok {
		return r.(bool)
	}
	var r bool
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		r = true
	case reflect.Array:
		r = holdsReferences(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField() && !r; i++ {
			r = holdsReferences(t.Field(i).Type)
		}
	}
	referenceTypes.Store(t, r)
	return r
}

// copyable reports whether deepCopy can copy a value of t. An interface is
// copyable when what it holds is, which json.Unmarshal makes so (maps,
// slices, strings, numbers, booleans).
func copyable(t reflect.Type) bool {
	if c, ok := copyableTypes.Load(t); ok {
		return c.(bool)
	}
	copyableTypes.Store(t, true) // a recursive type is copyable unless a part says otherwise
	c := true
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		c = false
	case reflect.Slice, reflect.Array, reflect.Pointer:
		c = copyable(t.Elem())
	case reflect.Map:
		c = copyable(t.Key()) && copyable(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField() && c; i++ {
			f := t.Field(i)
			c = copyable(f.Type) && (f.IsExported() || !holdsReferences(f.Type))
		}
	}
	copyableTypes.Store(t, c)
	return c
}
