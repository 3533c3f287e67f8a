package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/provider/amountattr"
)

// Attributes that several data sources or resources declare alike.

// Resources.

// optionalString is an optional argument of a create-only resource: it
// replaces the object when it changes. returned says whether SimPay returns
// it when the object is read (see replaceReturned).
func optionalString(desc string, returned bool, validators ...validator.String) rschema.StringAttribute {
	mods := replaceString()
	if returned {
		mods = replaceReturnedString()
	}
	return rschema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: validators, PlanModifiers: mods}
}

func optionalBool(desc string) rschema.BoolAttribute {
	return rschema.BoolAttribute{Optional: true, MarkdownDescription: desc, PlanModifiers: replaceBool()}
}

// computedString is what SimPay reports about a created object; it keeps its
// state value in plans, since only a refresh changes it.
func computedString(desc string) rschema.StringAttribute {
	return rschema.StringAttribute{
		Computed: true, MarkdownDescription: desc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// addressAttribute is the billing or shipping address of a new payment
// transaction.
func addressAttribute(kind string) rschema.SingleNestedAttribute {
	field := func(desc string, v ...validator.String) rschema.StringAttribute {
		return optionalString(desc, true, v...)
	}
	return rschema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "The payer's " + kind + " address, sent to SimPay as `" + kind + "`. Set at least one " +
			"attribute, or leave the whole object out.",
		Validators:    []validator.Object{notEmptyObject()},
		PlanModifiers: replaceReturnedObject(),
		Attributes: map[string]rschema.Attribute{
			"name": field("The payer's name, 5 to 64 characters, SimPay's limit: write the first name with the surname, "+
				"such as `Jan Kowalski`, since many first names alone (Jan, Ewa, Anna) are shorter than SimPay takes.", payerNameValidator()),
			"surname":     field("Surname, at most 64 characters.", stringvalidator.UTF8LengthBetween(1, 64)),
			"street":      field("Street, at most 64 characters.", stringvalidator.UTF8LengthBetween(1, 64)),
			"building":    field("Building number, at most 16 characters.", stringvalidator.UTF8LengthBetween(1, 16)),
			"flat":        field("Flat number, at most 16 characters.", stringvalidator.UTF8LengthBetween(1, 16)),
			"city":        field("City, at most 32 characters.", stringvalidator.UTF8LengthBetween(1, 32)),
			"region":      field("Region (voivodeship, state), at most 32 characters.", stringvalidator.UTF8LengthBetween(1, 32)),
			"postal_code": field("Postal code in the format of `country` (sent as `postalCode`).", stringvalidator.UTF8LengthAtLeast(1)),
			"country":     field("Country: an ISO 3166-1 alpha-2 code such as `PL`.", countryCodeValidator()),
			"company":     field("Company name.", stringvalidator.UTF8LengthAtLeast(1)),
		},
	}
}

// Data sources.

// serviceIDArgument is the required id of a service to look up.
func serviceIDArgument(kind string) dschema.StringAttribute {
	return dschema.StringAttribute{
		Required:            true,
		MarkdownDescription: "Id of the " + kind + " service: 8 lowercase hexadecimal characters, as shown in the SimPay panel.",
		Validators:          []validator.String{serviceIDValidator()},
	}
}

// transactionIDArgument is the required id of a transaction to look up.
func transactionIDArgument(desc string) dschema.StringAttribute {
	return dschema.StringAttribute{
		Required:            true,
		MarkdownDescription: desc + " Usually a lowercase UUID, such as `1d87a1b3-18f8-4146-bcb1-c0c9f293b04f`; any id SimPay returns is accepted.",
		Validators:          []validator.String{objectIDValidator("transaction")},
	}
}

// serviceStatusFilter is the optional status a list of services is filtered by.
func serviceStatusFilter(kind string) dschema.StringAttribute {
	return dschema.StringAttribute{
		Optional: true,
		MarkdownDescription: "Keep only " + kind + " services with this status, such as `service_active`. " +
			"SimPay documents " + codeList(serviceStatuses) + ".",
		Validators: []validator.String{knownValuesWarning("service status", serviceStatuses...)},
	}
}

// readString is what a data source reads from SimPay.
func readString(desc string) dschema.StringAttribute {
	return dschema.StringAttribute{Computed: true, MarkdownDescription: desc}
}

// Descriptions.

// codeList writes values as Markdown code, "`a`, `b` and `c`", for
// descriptions.
func codeList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}

// What SimPay reports.

// reportedAttr is an attribute SimPay reports about an object, in a form
// that is neither a data source's nor a resource's: its description, its
// type, the attributes of an object, and whether it is sensitive. The file
// of each SimPay object defines what SimPay reports of it once, as
// reportedAttrs; every data source and resource that shows the object builds
// its attributes from that, so they have one description and one type, and
// only the arguments around them differ.
type reportedAttr struct {
	desc      string
	kind      reportedKind
	attrs     reportedAttrs // of an object
	sensitive bool
}

type reportedKind int

const (
	reportedKindText reportedKind = iota
	reportedKindAmount
	reportedKindBool
	reportedKindInt64
	reportedKindObject
)

// reportedAttrs are the attributes SimPay reports about an object, by name.
type reportedAttrs map[string]reportedAttr

func textReported(desc string) reportedAttr { return reportedAttr{desc: desc, kind: reportedKindText} }
func amountReported(desc string) reportedAttr {
	return reportedAttr{desc: desc, kind: reportedKindAmount}
}
func boolReported(desc string) reportedAttr { return reportedAttr{desc: desc, kind: reportedKindBool} }
func int64Reported(desc string) reportedAttr {
	return reportedAttr{desc: desc, kind: reportedKindInt64}
}

// reportedObject is an object SimPay reports, with its attributes; its
// model holds it as a types.Object of attrTypes, so that a resource's plan
// can hold it unknown.
func objectReported(desc string, attrs reportedAttrs) reportedAttr {
	return reportedAttr{desc: desc, kind: reportedKindObject, attrs: attrs}
}

// dataSource is a as a data source reads it.
func (a reportedAttr) dataSource() dschema.Attribute {
	switch a.kind {
	case reportedKindAmount:
		d := amountattr.Read(a.desc)
		d.Sensitive = a.sensitive
		return d
	case reportedKindBool:
		return dschema.BoolAttribute{Computed: true, MarkdownDescription: a.desc, Sensitive: a.sensitive}
	case reportedKindInt64:
		return dschema.Int64Attribute{Computed: true, MarkdownDescription: a.desc, Sensitive: a.sensitive}
	case reportedKindObject:
		return dschema.SingleNestedAttribute{Computed: true, MarkdownDescription: a.desc, Sensitive: a.sensitive,
			Attributes: a.attrs.dataSource()}
	}
	return dschema.StringAttribute{Computed: true, MarkdownDescription: a.desc, Sensitive: a.sensitive}
}

// resource is a as a resource computes it. At the top level (top) it keeps
// its state value in plans, since only a refresh changes it; inside an
// object it follows the object.
func (a reportedAttr) resource(top bool) rschema.Attribute {
	switch a.kind {
	case reportedKindAmount:
		r := amountattr.Reported(a.desc)
		if top {
			r = amountattr.Computed(a.desc)
		}
		r.Sensitive = a.sensitive
		return r
	case reportedKindBool:
		r := rschema.BoolAttribute{Computed: true, MarkdownDescription: a.desc, Sensitive: a.sensitive}
		if top {
			r.PlanModifiers = []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}
		}
		return r
	case reportedKindInt64:
		r := rschema.Int64Attribute{Computed: true, MarkdownDescription: a.desc, Sensitive: a.sensitive}
		if top {
			r.PlanModifiers = []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
		}
		return r
	case reportedKindObject:
		r := rschema.SingleNestedAttribute{Computed: true, MarkdownDescription: a.desc, Sensitive: a.sensitive,
			Attributes: a.attrs.resource(false)}
		if top {
			r.PlanModifiers = []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}
		}
		return r
	}
	r := rschema.StringAttribute{Computed: true, MarkdownDescription: a.desc, Sensitive: a.sensitive}
	if top {
		r.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	}
	return r
}

// attrType is the type of a's value in a model.
func (a reportedAttr) attrType() attr.Type {
	switch a.kind {
	case reportedKindAmount:
		return DecimalType{}
	case reportedKindBool:
		return types.BoolType
	case reportedKindInt64:
		return types.Int64Type
	case reportedKindObject:
		return types.ObjectType{AttrTypes: a.attrs.attrTypes()}
	}
	return types.StringType
}

func (as reportedAttrs) dataSource() map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(as))
	for name, a := range as {
		out[name] = a.dataSource()
	}
	return out
}

func (as reportedAttrs) resource(top bool) map[string]rschema.Attribute {
	out := make(map[string]rschema.Attribute, len(as))
	for name, a := range as {
		out[name] = a.resource(top)
	}
	return out
}

// attrTypes are the attribute types of an object of as, for the
// types.Object a model holds it in.
func (as reportedAttrs) attrTypes() map[string]attr.Type {
	out := make(map[string]attr.Type, len(as))
	for name, a := range as {
		out[name] = a.attrType()
	}
	return out
}

// pick is the attributes of as named, for a data source that shows fewer
// of them, such as SimPay's list of an object.
func (as reportedAttrs) pick(names ...string) reportedAttrs {
	out := make(reportedAttrs, len(names))
	for _, name := range names {
		a, ok := as[name]
		if !ok {
			panic("no reported attribute " + name)
		}
		out[name] = a
	}
	return out
}

// dataSourceWith is what a data source shows of the object: as, beside the
// data source's own attributes (its arguments, and what SimPay returns of
// them).
func (as reportedAttrs) dataSourceWith(own map[string]dschema.Attribute) map[string]dschema.Attribute {
	out := as.dataSource()
	for name, a := range own {
		if _, dup := out[name]; dup {
			panic("attribute " + name + " is both reported and the data source's own")
		}
		out[name] = a
	}
	return out
}

// resourceWith is a resource's schema attributes: as at the top level,
// beside the resource's own (its arguments, and what only it shows).
func (as reportedAttrs) resourceWith(own map[string]rschema.Attribute) map[string]rschema.Attribute {
	out := as.resource(true)
	for name, a := range own {
		if _, dup := out[name]; dup {
			panic("attribute " + name + " is both reported and the resource's own")
		}
		out[name] = a
	}
	return out
}
