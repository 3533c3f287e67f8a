package createonly

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
	"github.com/simpay-tf/terraform-provider-simpay/internal/diagnostics"
)

// The composite ids of the tests, in the provider's shapes: a payment
// transaction (service/transaction) and a refund (service/transaction/refund).
var (
	hexID   = regexp.MustCompile(`^[0-9a-f]{8}$`).MatchString
	uuidish = regexp.MustCompile(`^[0-9a-f-]{1,64}$`).MatchString

	servicePart        = IDPart{Name: "service_id", Attr: "service_id", Noun: "payment service", Example: "d151e4f9", Valid: hexID}
	dbServicePart      = IDPart{Name: "service_id", Attr: "service_id", Noun: "DirectBilling service", Example: "d151e4f9", Valid: hexID}
	transactionPart    = IDPart{Name: "transaction_id", Attr: "transaction_id", Noun: "transaction", Example: "1d87a1b3", Valid: uuidish}
	ownTransactionPart = IDPart{Name: "transaction_id", Attr: "id", Noun: "transaction", Example: "1d87a1b3", Valid: uuidish}
	ownRefundPart      = IDPart{Name: "refund_id", Attr: "id", Noun: "refund", Example: "019483a5", Valid: uuidish}

	payments = diagnostics.Service{Name: "online-payment", Title: "Payment service", List: "simpay_payment_services"}

	transactionAbout = About{Name: "payment_transaction", Kind: "payment transaction", Service: payments,
		ID: []IDPart{servicePart, ownTransactionPart}}
	refundAbout = About{Name: "payment_refund", Kind: "refund", Service: payments,
		ID: []IDPart{servicePart, transactionPart, ownRefundPart}}
)

// testModel is the model of testSpec: an amount asked for and SimPay's.
type testModel struct {
	Amount, Reported string
}

// testObject is what testSpec's Get reads.
type testObject struct {
	Reported string
}

// testSpec is a create-only object whose create and read are scripted:
// its Send answers answer and sendErr and counts the calls, its Get answers
// object and getErr.
type testSpec struct {
	about     About
	listAttrs []string // the list block's config attributes

	requestProblem string // when set, Request refuses the plan with it
	answer         Answer
	sendErr        error
	object         testObject
	getErr         error

	sent, read *int
}

var (
	_ ListableSpec[testModel, testObject] = testSpec{}
	_ AmountChecker[testModel]            = testSpec{}
)

func (s testSpec) About() About             { return s.about }
func (testSpec) Schema() schema.Schema      { return schema.Schema{MarkdownDescription: "A test object."} }
func (testSpec) FindHint(*testModel) string { return "look in the panel" }

func (s testSpec) CreateAction(plan *testModel) string {
	return "creating a " + s.about.Kind + " of " + plan.Amount
}

func (testSpec) FieldPath(field string) (path.Path, bool) {
	if field == "amount" {
		return path.Root("amount"), true
	}
	return path.Empty(), false
}

func (s testSpec) Request(_ *testModel, diags *diag.Diagnostics) Send {
	if s.requestProblem != "" {
		diags.AddAttributeError(path.Root("amount"), "Invalid amount", s.requestProblem)
	}
	return func(context.Context, *client.Client) (Answer, error) {
		*s.sent++
		return s.answer, s.sendErr
	}
}

func (s testSpec) Get(context.Context, *client.Client, []string) (testObject, error) {
	*s.read++
	return s.object, s.getErr
}

func (testSpec) Set(_ context.Context, m *testModel, o testObject, _ bool) diag.Diagnostics {
	m.Reported = o.Reported
	return nil
}

func (s testSpec) ListSchema() listschema.Schema {
	attrs := map[string]listschema.Attribute{}
	for _, name := range s.listAttrs {
		attrs[name] = listschema.StringAttribute{Optional: true}
	}
	return listschema.Schema{Attributes: attrs}
}

func (testSpec) List(context.Context, *client.Client, []string, map[string]string, int) ([]Listed[testObject], error) {
	return nil, nil
}

func (testSpec) ReportedAmount(m *testModel) string { return m.Reported }

func (s testSpec) Mismatch(m *testModel, ids []string) diag.Diagnostic {
	if m.Amount == "" || m.Reported == "" || decimal.Equal(m.Amount, m.Reported) {
		return nil
	}
	return diag.NewErrorDiagnostic("another amount", ids[len(ids)-1])
}

// newTestSpec is a testSpec of a with its counters.
func newTestSpec(a About) testSpec {
	return testSpec{about: a, sent: new(int), read: new(int)}
}

// planValues is a plan of string attributes, for the hints built from a plan.
type planValues map[string]string

func (p planValues) GetAttribute(_ context.Context, at path.Path, target any) diag.Diagnostics {
	v, ok := p[at.String()]
	s := types.StringNull()
	if ok {
		s = types.StringValue(v)
	}
	*(target.(*types.String)) = s
	return nil
}

// testProvider is a configured provider of the CLI version given.
type testProvider string

func (testProvider) Client() (*client.Client, diag.Diagnostics) { return nil, nil }
func (p testProvider) TerraformVersion() string                 { return string(p) }
