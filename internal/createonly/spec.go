// Package createonly is the one skeleton of SimPay's create-only objects:
// SimPay lets you create payment transactions, refunds and DirectBilling
// transactions and read them back, never change or delete them. One
// implementation serves every such resource, its list resource for
// terraform query and the refund action, so that they behave alike and a
// fix made here holds for all: the create-once sequence, the composite id
// and the resource identity, import, the timeouts attribute, what a plan
// warns of or refuses, and the diagnostics of each. Each object supplies
// only what is its own, as a Spec; the provider package keeps the specs.
package createonly

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// Spec is what one create-only object supplies. M is its model (what tfsdk
// reads the plan and state into), O the SimPay object the client returns
// when it reads one. The body of its create request is its own business,
// inside Request.
type Spec[M, O any] interface {
	// About names the object, what it creates and its composite id.
	About() About
	// Schema is the resource's own schema: a description of one or two
	// sentences, and every attribute but id and timeouts, which the
	// skeleton adds.
	Schema() schema.Schema
	// CreateAction says what the create request does, for errors, such as
	// "creating a full refund of transaction T of payment service S".
	CreateAction(plan *M) string
	// Request builds the create request from plan and returns what sends
	// it. A problem it finds goes to diags, and then nothing is sent.
	Request(plan *M, diags *diag.Diagnostics) Send
	// Get reads the object whose composite id is ids (the values of
	// About().ID, in order).
	Get(ctx context.Context, c *client.Client, ids []string) (O, error)
	// Set records what SimPay says of the object in m. imported is true on
	// the first read after an import, when arguments SimPay returns are
	// still null in state.
	Set(ctx context.Context, m *M, o O, imported bool) diag.Diagnostics
	// FindHint says how to find the object a create whose outcome is
	// unknown may have made, such as "by its control value ...".
	FindHint(plan *M) string
	// FieldPath maps a field of SimPay's answer refusing the request's
	// fields (client.KindValidation) to the attribute it is about.
	FieldPath(field string) (path.Path, bool)
}

// Send sends a create request Request built; the error is SimPay's answer,
// or the lack of one.
type Send func(ctx context.Context, c *client.Client) (Answer, error)

// Answer is what SimPay's answer to a create holds: the new object's id
// and, for a transaction, the payment page to send the payer to, which
// SimPay gives in that answer only.
type Answer struct {
	ID          string
	RedirectURL string // for the redirect_url attribute; "" when the object has none
}

// TransactionAnswer is the answer to creating a payment or DirectBilling
// transaction.
func TransactionAnswer(t *client.CreatedTransaction, err error) (Answer, error) {
	if err != nil {
		return Answer{}, err
	}
	return Answer{ID: t.TransactionID, RedirectURL: t.RedirectURL}, nil
}

// About names a create-only object and what it creates.
type About struct {
	Name    string // the type name without the provider's, e.g. "payment_refund"
	Kind    string // what it creates, in sentences, e.g. "refund"
	Service diagnostics.Service
	// ID is the composite id, outermost first: the import id's parts and
	// the attributes that hold them. The last part is the object's own id.
	// The resource identity holds the same parts, each under the name of
	// the attribute that holds it.
	ID []IDPart
}

// TypeName is the Terraform type name, e.g. "simpay_payment_refund".
func (a About) TypeName() string { return "simpay_" + a.Name }

// CreateErrorExplainer is implemented by a spec that explains some create
// errors itself, such as a refund SimPay refuses for the transaction's
// state. It returns nil for the errors it leaves to the skeleton.
type CreateErrorExplainer[M any] interface {
	ExplainCreateError(ctx context.Context, c *client.Client, plan *M, action string, err error) diag.Diagnostics
}

// ConfigValidator is implemented by a spec with rules that span attributes.
type ConfigValidator interface {
	ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse)
}

// ChangeRefuser is implemented by a spec that refuses some changes of an
// existing object at plan, such as those that would send a second refund.
// config and state are the request's; problems go to diags.
type ChangeRefuser interface {
	RefuseChange(ctx context.Context, config tfsdk.Config, state tfsdk.State, diags *diag.Diagnostics)
}

// CreateChecker is implemented by a spec that checks, against SimPay's
// catalogue, a plan that creates an object (a create or a replacement).
// Values unknown at plan are checked when they are known: Terraform plans
// again, with them known, just before the create is sent.
type CreateChecker interface {
	CheckCreate(ctx context.Context, c *client.Client, plan tfsdk.Plan, diags *diag.Diagnostics)
}

// ReplacementNoter is implemented by a spec that says what the object a
// replacement leaves behind still does at SimPay, from its state.
type ReplacementNoter interface {
	LeftBehind(ctx context.Context, state tfsdk.State) string
}

// AmountChecker is implemented by a spec whose object records what was
// asked for beside what SimPay reports of it.
type AmountChecker[M any] interface {
	// Mismatch returns the error when the two differ in value, nil when
	// they agree or one is not known.
	Mismatch(m *M, ids []string) diag.Diagnostic
	// ReportedAmount is SimPay's figure; "" when it is not known.
	ReportedAmount(m *M) string
}

// Lister is what a create-only object supplies to be listed, for terraform
// query. O is the SimPay object its Spec reads.
type Lister[O any] interface {
	// ListSchema is the list block's config: an attribute for each part of
	// the composite id but the object's own (required, named as in the
	// resource), and the filters. Every attribute is a string.
	ListSchema() listschema.Schema
	// List finds the objects under parents (the values of About().ID but
	// the last) that match filters (every config attribute that is set, by
	// name), at most limit of them (0: no limit), in SimPay's order. A list
	// sends no body.
	List(ctx context.Context, c *client.Client, parents []string, filters map[string]string, limit int) ([]Listed[O], error)
}

// ListableSpec is the spec of a create-only object that can also be listed.
type ListableSpec[M, O any] interface {
	Spec[M, O]
	Lister[O]
}

// Listed is an object a list found.
type Listed[O any] struct {
	ID          string // the object's own id, the last part of its composite id
	DisplayName string // how terraform query shows it
	// Named, when set, names the object from its full form instead, which
	// is read first: a payment transaction's list entry has no currency.
	Named func(O) string
	// Object is the object in full when the list gives it so (refunds), and
	// Whole says so; otherwise it is read with the spec's Get when the
	// resource is asked.
	Object O
	Whole  bool
}

// Provider is what the provider hands a create-only resource and its list
// in Configure.
type Provider interface {
	// Client returns the API client, or diagnostics saying why there is none.
	Client() (*client.Client, diag.Diagnostics)
	// TerraformVersion is the version the CLI reports, "" if it reports
	// none, for advice that only some CLIs can follow.
	TerraformVersion() string
}
