package render

import (
	"reflect"
	"testing"
	"time"
)

// fill gives every exported field under v a value other than its zero: a
// slice one element, a pointer a new value.
func fill(t *testing.T, v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i))
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(t, v.Index(0))
	case reflect.Pointer:
		if v.Type() == reflect.TypeFor[*Date]() {
			v.Set(reflect.ValueOf(&Date{time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)}))
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem())
	case reflect.String:
		v.SetString("甲")
	case reflect.Int:
		v.SetInt(3)
	default:
		t.Fatalf("writeDocLinks' test does not know %s: teach fill and change", v.Type())
	}
}

// change changes the value of a leaf field filled by fill.
func change(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "乙")
	case reflect.Int:
		v.SetInt(v.Int() + 1)
	case reflect.Pointer: // a Date
		v.Set(reflect.ValueOf(&Date{time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)}))
	}
}

// leaves lists the paths (as field index chains through the one-element
// slices and pointers) of every exported leaf field under v.
func leaves(v reflect.Value, path []int, out *[][]int) {
	switch {
	case v.Type() == reflect.TypeFor[*Date]():
		*out = append(*out, append([]int(nil), path...))
	case v.Kind() == reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				leaves(v.Field(i), append(path, i), out)
			}
		}
	case v.Kind() == reflect.Slice:
		leaves(v.Index(0), append(path, -1), out)
	case v.Kind() == reflect.Pointer:
		leaves(v.Elem(), append(path, -2), out)
	default:
		*out = append(*out, append([]int(nil), path...))
	}
}

func at(v reflect.Value, path []int) reflect.Value {
	for _, i := range path {
		switch i {
		case -1:
			v = v.Index(0)
		case -2:
			v = v.Elem()
		default:
			v = v.Field(i)
		}
	}
	return v
}

func docLinksDigest(c *Cache, d *DocLinksData) digest {
	h := c.newDigester()
	writeDocLinks(h, d)
	return h.sum()
}

// TestDocLinksDigestReadsEveryField: a page's key must change when any
// field of its cross-link block does, or a rebuild would serve the page
// as it was. Every exported field of DocLinksData and of the types in it
// is changed in turn; a field added to one of them and not to
// writeDocLinks fails here. Moving a string from one field to the next
// must change it too.
func TestDocLinksDigestReadsEveryField(t *testing.T) {
	c := NewCache()
	var base DocLinksData
	fill(t, reflect.ValueOf(&base).Elem())
	want := docLinksDigest(c, &base)
	var paths [][]int
	leaves(reflect.ValueOf(&base).Elem(), nil, &paths)
	if len(paths) < 30 {
		t.Fatalf("only %d fields found: the walk is broken", len(paths))
	}
	for _, p := range paths {
		var d DocLinksData
		fill(t, reflect.ValueOf(&d).Elem())
		change(at(reflect.ValueOf(&d).Elem(), p))
		if docLinksDigest(c, &d) == want {
			t.Errorf("changing field %v of DocLinksData leaves the page key as it was", p)
		}
	}
	moved := base
	moved.Terms = []TermRef{{Name: "甲甲", URL: ""}}
	shifted := base
	shifted.Terms = []TermRef{{Name: "甲", URL: "甲"}}
	if docLinksDigest(c, &moved) == docLinksDigest(c, &shifted) {
		t.Error("甲甲|\"\" and 甲|甲 give the same key")
	}
	if docLinksDigest(c, nil) == docLinksDigest(c, &DocLinksData{}) {
		t.Error("no block and an empty block give the same key")
	}
}
