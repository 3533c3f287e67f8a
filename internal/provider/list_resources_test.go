package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// listCLIs skip the list tests where list resources are missing: list
// resources and terraform query need Terraform 1.14 or later. OpenTofu 1.12
// has neither, and its version numbers do not say when it might, so it is
// skipped by name as well.
var listCLIs = []tfversion.TerraformVersionCheck{
	tfversion.SkipBelow(tfversion.Version1_14_0),
	skipOnOpenTofu("it has no list resources or terraform query"),
}

// sameAs is a knownvalue check against a value known only when the check
// runs, such as the id of an object an earlier step created.
func sameAs(want func() string) knownvalue.Check {
	return knownvalue.StringFunc(func(got string) error {
		if w := want(); got != w || w == "" {
			return fmt.Errorf("%q, want %q", got, w)
		}
		return nil
	})
}

// TestAccPaymentTransactionListResource lists a service's transactions with
// terraform query: by control value (with each result's resource, as an
// import would record it), by status, and up to the list block's limit.
func TestAccPaymentTransactionListResource(t *testing.T) {
	t.Parallel()
	clock := newTestClock(t, "2025-06-02T10:00:00+02:00")
	mock := newTestMock(t, simpaymock.Options{Now: clock.now})
	const service = simpaymock.FixtureShopServiceID
	var second, third attrCapture
	// The provider block is the previous step's, which the query step
	// keeps beside its .tfquery.hcl file.
	queryConfig := testdataConfig("payment_transaction_list_queries", map[string]string{"service_id": service})
	byControl := queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
		"service_id": knownvalue.StringExact(service), "id": sameAs(second.get),
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   listCLIs,
		Steps: []resource.TestStep{
			{
				Config: mock.config(testdataConfig("payment_transaction_list_three", map[string]string{"service_id": service})),
				Check: resource.ComposeTestCheckFunc(
					second.capture("simpay_payment_transaction.second", "id"),
					third.capture("simpay_payment_transaction.third", "id"),
					func(*terraform.State) error {
						return mock.SetTransactionStatus(service, third.get(), "transaction_paid")
					},
				),
			},
			{
				Query:  true,
				Config: queryConfig,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("simpay_payment_transaction.by_control", 1),
					querycheck.ExpectIdentity("simpay_payment_transaction.by_control", map[string]knownvalue.Check{
						"service_id": knownvalue.StringExact(service), "id": sameAs(second.get),
					}),
					querycheck.ExpectResourceDisplayName("simpay_payment_transaction.by_control", byControl,
						knownvalue.StringExact("transaction_new, 24.99 PLN, control order-2, created 2025-06-02T10:00:00+02:00")),
					// What an import followed by a read records: the
					// arguments SimPay returns, and null for those it does
					// not (antifraud), so generated configuration plans
					// nothing for them.
					querycheck.ExpectResourceKnownValues("simpay_payment_transaction.by_control", byControl, []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("amount"), KnownValue: knownvalue.StringExact("24.99")},
						{Path: tfjsonpath.New("currency"), KnownValue: knownvalue.StringExact("PLN")},
						{Path: tfjsonpath.New("description"), KnownValue: knownvalue.StringExact("Order 2")},
						{Path: tfjsonpath.New("control"), KnownValue: knownvalue.StringExact("order-2")},
						{Path: tfjsonpath.New("customer").AtMapKey("email"), KnownValue: knownvalue.StringExact("anna@example.com")},
						{Path: tfjsonpath.New("antifraud"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("redirect_url"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("transaction_new")},
						{Path: tfjsonpath.New("billing"), KnownValue: knownvalue.Null()},
					}),
					querycheck.ExpectLength("simpay_payment_transaction.paid", 1),
					querycheck.ExpectIdentity("simpay_payment_transaction.paid", map[string]knownvalue.Check{
						"service_id": knownvalue.StringExact(service), "id": sameAs(third.get),
					}),
					// The currency is the transaction's own, read from its
					// detail: the list's entries have none.
					querycheck.ExpectResourceDisplayName("simpay_payment_transaction.paid",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
							"service_id": knownvalue.StringExact(service), "id": sameAs(third.get),
						}), knownvalue.StringRegexp(regexp.MustCompile(`^transaction_paid, 5 PLN, created `))),
					querycheck.ExpectLength("simpay_payment_transaction.newest", 2),
					querycheck.ExpectIdentity("simpay_payment_transaction.newest", map[string]knownvalue.Check{
						"service_id": knownvalue.StringExact(service), "id": sameAs(third.get),
					}),
					querycheck.ExpectIdentity("simpay_payment_transaction.newest", map[string]knownvalue.Check{
						"service_id": knownvalue.StringExact(service), "id": sameAs(second.get),
					}),
					querycheck.ExpectLength("simpay_payment_transaction.none", 0),
				},
			},
		},
	})
}

// TestAccPaymentRefundListResource lists a transaction's refunds with
// terraform query, with and without a status filter.
func TestAccPaymentRefundListResource(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	var refund attrCapture
	list := func(name, status string) string {
		filter := ""
		if status != "" {
			filter = fmt.Sprintf("\n    status         = %q", status)
		}
		return fmt.Sprintf(`
list "simpay_payment_refund" %q {
  provider         = simpay
  include_resource = true
  config {
    service_id     = %q
    transaction_id = %q%s
  }
}
`, name, simpaymock.FixtureServiceID, simpaymock.FixtureTxPaidWithRefund, filter)
	}
	refundID := func(want func() string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{
			"service_id":     knownvalue.StringExact(simpaymock.FixtureServiceID),
			"transaction_id": knownvalue.StringExact(simpaymock.FixtureTxPaidWithRefund),
			"id":             sameAs(want),
		}
	}
	fixtureRefund := func() string { return simpaymock.FixtureRefundID }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   listCLIs,
		Steps: []resource.TestStep{
			{
				Config: mock.config(fmt.Sprintf(`
resource "simpay_payment_refund" "test" {
  service_id     = %q
  transaction_id = %q
  amount         = "2.50"
}
`, simpaymock.FixtureServiceID, simpaymock.FixtureTxPaidWithRefund)),
				Check: refund.capture("simpay_payment_refund.test", "id"),
			},
			{
				Query:  true,
				Config: list("all", "") + list("waiting", "refund_new"),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("simpay_payment_refund.all", 2),
					querycheck.ExpectIdentity("simpay_payment_refund.all", refundID(fixtureRefund)),
					querycheck.ExpectIdentity("simpay_payment_refund.all", refundID(refund.get)),
					querycheck.ExpectLength("simpay_payment_refund.waiting", 1),
					querycheck.ExpectIdentity("simpay_payment_refund.waiting", refundID(refund.get)),
					querycheck.ExpectResourceKnownValues("simpay_payment_refund.waiting",
						queryfilter.ByResourceIdentity(refundID(refund.get)), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("amount"), KnownValue: knownvalue.StringExact("2.5")},
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("refund_new")},
							{Path: tfjsonpath.New("currency"), KnownValue: knownvalue.StringExact("PLN")},
						}),
				},
			},
		},
	})
}

// TestAccDirectBillingTransactionListResource lists a DirectBilling
// service's transactions with terraform query, filtered by SimPay by
// control value and by status, in both of the mock's dialects (the list and
// the detail differ between them).
func TestAccDirectBillingTransactionListResource(t *testing.T) {
	eachDialect(t, testDirectBillingTransactionListResource)
}

func testDirectBillingTransactionListResource(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	id := func(want string) map[string]knownvalue.Check {
		return map[string]knownvalue.Check{
			"service_id": knownvalue.StringExact(simpaymock.FixtureServiceID), "id": knownvalue.StringExact(want),
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   listCLIs,
		Steps: []resource.TestStep{
			{Config: mock.config(`data "simpay_directbilling_service" "test" { id = "d151e4f9" }`)},
			{
				Query: true,
				Config: `
list "simpay_directbilling_transaction" "by_control" {
  provider         = simpay
  include_resource = true
  config {
    service_id = "d151e4f9"
    control    = "order-2002"
  }
}

list "simpay_directbilling_transaction" "new" {
  provider = simpay
  config {
    service_id = "d151e4f9"
    status     = "transaction_db_new"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("simpay_directbilling_transaction.by_control", 1),
					querycheck.ExpectIdentity("simpay_directbilling_transaction.by_control", id(simpaymock.FixtureDirectBillingTxRejected)),
					querycheck.ExpectResourceKnownValues("simpay_directbilling_transaction.by_control",
						queryfilter.ByResourceIdentity(id(simpaymock.FixtureDirectBillingTxRejected)), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("control"), KnownValue: knownvalue.StringExact("order-2002")},
							{Path: tfjsonpath.New("phone_number"), KnownValue: knownvalue.StringExact("48500600700")},
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("transaction_db_rejected")},
							// SimPay does not return the amount a transaction
							// was created with: null, as after an import.
							{Path: tfjsonpath.New("amount"), KnownValue: knownvalue.Null()},
						}),
					querycheck.ExpectLength("simpay_directbilling_transaction.new", 1),
					querycheck.ExpectIdentity("simpay_directbilling_transaction.new", id(simpaymock.FixtureDirectBillingTxNew)),
					querycheck.ExpectResourceDisplayName("simpay_directbilling_transaction.new",
						queryfilter.ByResourceIdentity(id(simpaymock.FixtureDirectBillingTxNew)),
						knownvalue.StringRegexp(regexp.MustCompile(`^transaction_db_new, [0-9.]+ PLN, `))),
				},
			},
		},
	})
	// SimPay filtered: every list request carried the filter.
	lists := 0
	for _, r := range mock.apiRequests() {
		if strings.HasPrefix(r, "GET /directbilling/d151e4f9/transactions?") {
			lists++
			if !strings.Contains(r, "filter%5Bcontrol%5D=order-2002") && !strings.Contains(r, "filter%5Bstatus%5D=transaction_db_new") {
				t.Errorf("listed without SimPay's filter: %s", r)
			}
		}
	}
	if lists == 0 && !t.Skipped() {
		t.Errorf("no list request: %v", mock.apiRequests())
	}
}

// queryGenerate runs, with the real CLI in cli's directory, terraform query
// -generate-config-out for the list blocks in query, and returns what it
// wrote, with one import block for each of imports objects found.
func queryGenerate(t *testing.T, cli *terraformCLI, query string, imports int) string {
	t.Helper()
	if err := os.WriteFile(filepath.Join(cli.Dir, "found.tfquery.hcl"), []byte(query), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := cli.Run(context.Background(), "query", "-no-color", "-generate-config-out=found.tf")
	if err != nil {
		t.Fatalf("terraform query: %v\n%s\n%s", err, out, errOut)
	}
	generated, err := os.ReadFile(filepath.Join(cli.Dir, "found.tf"))
	if err != nil {
		t.Fatalf("terraform query wrote no configuration: %v\n%s", err, out)
	}
	if n := strings.Count(string(generated), "\nimport {"); n != imports {
		t.Fatalf("generated %d import blocks, want %d:\n%s", n, imports, generated)
	}
	return string(generated)
}

// applyGenerated applies the configuration in cli's directory, checks that
// the apply says summary ("Resources: 1 imported, 0 added, ..."), and that
// the plan after is empty.
func applyGenerated(t *testing.T, cli *terraformCLI, summary string) {
	t.Helper()
	ctx := context.Background()
	out, errOut, err := cli.Run(ctx, "apply", "-auto-approve", "-no-color")
	if err != nil {
		t.Fatalf("apply of the generated configuration: %v\n%s\n%s", err, out, errOut)
	}
	if want := "Apply complete! Resources: " + summary; !strings.Contains(out, want) {
		t.Fatalf("apply of the generated configuration did not say %q:\n%s", want, out)
	}
	out, errOut, err = cli.Run(ctx, "plan", "-detailed-exitcode", "-no-color")
	if err != nil {
		t.Fatalf("the plan after applying the generated configuration is not empty: %v\n%s\n%s", err, out, errOut)
	}
}

// queryThenImport is queryGenerate, then applyGenerated of what it wrote
// beside the configuration (which must no longer declare the objects found):
// every object found is imported, nothing is created or changed.
func queryThenImport(t *testing.T, cli *terraformCLI, query string, imports int) string {
	t.Helper()
	generated := queryGenerate(t, cli, query, imports)
	applyGenerated(t, cli, fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed.", imports))
	return generated
}

// TestAccPaymentTransactionRecoverWithQuery is the recovery the "may have
// been created" error describes, through the real CLI: the connection drops
// after SimPay made the transaction, the error shows the list block to
// query with, and terraform query -generate-config-out finds the one
// transaction by its control value among others. Applying what it wrote
// imports the transaction (nothing is created) and leaves an empty plan,
// both ways the error offers: with the generated resource block instead of
// the user's, or with the generated import block pointed at the user's.
func TestAccPaymentTransactionRecoverWithQuery(t *testing.T) {
	checkCLI(t, listCLIs...)
	t.Parallel()
	for _, keepYours := range []bool{false, true} {
		name := "replace your block"
		if keepYours {
			name = "keep your block"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			recoverWithQuery(t, keepYours)
		})
	}
}

func recoverWithQuery(t *testing.T, keepYours bool) {
	mock := newTestMock(t, simpaymock.Options{})
	provider := mock.config("")
	other := `
resource "simpay_payment_transaction" "other" {
  service_id = "d151e4f9"
  amount     = "10"
  control    = "order-1000"
}
`
	cli := newTerraformCLI(t, provider+other)
	ctx := context.Background()
	if out, errOut, err := cli.Run(ctx, "apply", "-auto-approve", "-no-color"); err != nil {
		t.Fatalf("apply: %v\n%s\n%s", err, out, errOut)
	}
	order := `
resource "simpay_payment_transaction" "order" {
  service_id  = "d151e4f9"
  amount      = "49.99"
  description = "Order 1001"
  control     = "order-1001"
  customer    = { email = "jan@example.com", country_code = "PL" }
  cart        = [{ name = "Keyboard", quantity = 1, price = "49.99" }]
}
`
	if err := os.WriteFile(filepath.Join(cli.Dir, "main.tf"), []byte(provider+other+order), 0o600); err != nil {
		t.Fatal(err)
	}
	mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/payment/*/transactions", Kind: simpaymock.FaultDropConnection,
		AfterHandler: true, Times: 1})
	out, errOut, err := cli.Run(ctx, "apply", "-auto-approve", "-no-color")
	if err == nil {
		t.Fatalf("apply with the dropped create succeeded:\n%s", out)
	}
	hint := regexp.MustCompile(`(?s)may have been created.*terraform query finds it.*list "simpay_payment_transaction" "found" \{\s+` +
		`provider\s+= simpay\s+include_resource = true\s+config \{\s+service_id = "d151e4f9"\s+control\s+= "order-1001"\s+\}\s+\}.*` +
		`terraform query -generate-config-out=found.tf`)
	if !hint.MatchString(errOut) {
		t.Fatalf("the error does not show how to query:\n%s", errOut)
	}
	if got := mock.PaymentTransactionsCreated(); got != 2 {
		t.Fatalf("mock created %d transactions, want 2", got)
	}

	query := `
list "simpay_payment_transaction" "found" {
  provider         = simpay
  include_resource = true
  config {
    service_id = "d151e4f9"
    control    = "order-1001"
  }
}
`
	if keepYours {
		generated := queryGenerate(t, cli, query, 1)
		block := regexp.MustCompile(`(?s)import \{.*?\n\}\n`).FindString(generated)
		block = strings.Replace(block, "simpay_payment_transaction.found_0", "simpay_payment_transaction.order", 1)
		block = regexp.MustCompile(`(?m)^\s+provider\s+= simpay\n`).ReplaceAllString(block, "")
		if err := os.WriteFile(filepath.Join(cli.Dir, "found.tf"), []byte(block), 0o600); err != nil {
			t.Fatal(err)
		}
		applyGenerated(t, cli, "1 imported, 0 added, 0 changed, 0 destroyed.")
	} else {
		if err := os.WriteFile(filepath.Join(cli.Dir, "main.tf"), []byte(provider+other), 0o600); err != nil {
			t.Fatal(err)
		}
		generated := queryThenImport(t, cli, query, 1)
		for _, want := range []string{`control\s+= "order-1001"`, `amount\s+= "49.99"`, `antifraud\s+= null`, `identity = \{`} {
			if !regexp.MustCompile(want).MatchString(generated) {
				t.Errorf("generated configuration has no %q:\n%s", want, generated)
			}
		}
	}
	if got := mock.PaymentTransactionsCreated(); got != 2 {
		t.Errorf("mock created %d transactions, want 2: the recovery created one", got)
	}
	if got := mock.CountRequests("POST", "/payment/*/transactions"); got != 2 {
		t.Errorf("mock received %d create requests, want 2", got)
	}
}

// TestAccPaymentRefundQueryThenImport writes, with terraform query, the
// configuration of a transaction's refunds, and applies it: both refunds are
// imported, none is made, and the plan after is empty.
func TestAccPaymentRefundQueryThenImport(t *testing.T) {
	checkCLI(t, listCLIs...)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, mock.config(fmt.Sprintf(`
resource "simpay_payment_refund" "partial" {
  service_id     = %q
  transaction_id = %q
  amount         = "3"
}
`, simpaymock.FixtureServiceID, simpaymock.FixtureTxPaidWithRefund)))
	if out, errOut, err := cli.Run(context.Background(), "apply", "-auto-approve", "-no-color"); err != nil {
		t.Fatalf("apply: %v\n%s\n%s", err, out, errOut)
	}
	if err := os.WriteFile(filepath.Join(cli.Dir, "main.tf"), []byte(mock.config("")), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, errOut, err := cli.Run(context.Background(), "state", "rm", "simpay_payment_refund.partial"); err != nil {
		t.Fatalf("state rm: %v\n%s\n%s", err, out, errOut)
	}
	generated := queryThenImport(t, cli, fmt.Sprintf(`
list "simpay_payment_refund" "found" {
  provider         = simpay
  include_resource = true
  config {
    service_id     = %q
    transaction_id = %q
  }
}
`, simpaymock.FixtureServiceID, simpaymock.FixtureTxPaidWithRefund), 2)
	if !regexp.MustCompile(`amount\s+= "3"`).MatchString(generated) {
		t.Errorf("generated configuration has no amount of 3:\n%s", generated)
	}
	if got := mock.RefundsCreated(); got != 1 {
		t.Errorf("mock created %d refunds, want 1: importing made one", got)
	}
}

// TestAccDirectBillingTransactionQueryThenImport writes, with terraform
// query, the configuration of a DirectBilling transaction found by its
// control value. SimPay does not return the amount a DirectBilling
// transaction was created with, so the generated amount is null, as after
// any import, and the required argument must be filled in: the apply then
// imports the transaction and records the amount in place (nothing is sent
// to SimPay), and the plan after is empty.
func TestAccDirectBillingTransactionQueryThenImport(t *testing.T) {
	checkCLI(t, listCLIs...)
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	cli := newTerraformCLI(t, mock.config(""))
	generated := queryGenerate(t, cli, `
list "simpay_directbilling_transaction" "found" {
  provider         = simpay
  include_resource = true
  config {
    service_id = "d151e4f9"
    control    = "order-2001"
  }
}
`, 1)
	nullAmount := regexp.MustCompile(`(?m)^(\s+amount\s+)= null$`)
	if !nullAmount.MatchString(generated) || !regexp.MustCompile(`control\s+= "order-2001"`).MatchString(generated) {
		t.Fatalf("generated configuration has no null amount or no control:\n%s", generated)
	}
	filled := nullAmount.ReplaceAllString(generated, `${1}= "19.99"`)
	if err := os.WriteFile(filepath.Join(cli.Dir, "found.tf"), []byte(filled), 0o600); err != nil {
		t.Fatal(err)
	}
	mock.ResetRequests()
	applyGenerated(t, cli, "1 imported, 0 added, 1 changed, 0 destroyed.")
	for _, r := range mock.apiRequests() {
		if !strings.HasPrefix(r, "GET ") {
			t.Errorf("importing sent %s", r)
		}
	}
	if got := mock.DirectBillingTransactionsCreated(); got != 0 {
		t.Errorf("mock created %d DirectBilling transactions, want 0", got)
	}
}

// TestAccPaymentTransactionListResourcePages lists a service of 250
// transactions: Terraform's default limit of 100 reads only the two pages it
// needs, and a control value is found on the last page, which a filter
// reads to the end.
func TestAccPaymentTransactionListResourcePages(t *testing.T) {
	t.Parallel()
	mock := newTestMock(t, simpaymock.Options{})
	const service = simpaymock.FixtureShopServiceID
	mock.AddPaymentTransactions(service, 250)
	pages := func() (n int) {
		for _, r := range mock.apiRequests() {
			if strings.HasPrefix(r, "GET /payment/"+service+"/transactions?") {
				n++
			}
		}
		return n
	}
	var defaultLimitPages int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		TerraformVersionChecks:   listCLIs,
		Steps: []resource.TestStep{
			{Config: mock.config(`data "simpay_payment_service" "shop" { id = "` + service + `" }`)},
			{
				PreConfig: mock.ResetRequests,
				Query:     true,
				Config: `
list "simpay_payment_transaction" "default_limit" {
  provider = simpay
  config {
    service_id = "` + service + `"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{querycheck.ExpectLength("simpay_payment_transaction.default_limit", 100)},
			},
			{
				PreConfig: func() { defaultLimitPages = pages(); mock.ResetRequests() },
				Query:     true,
				Config: `
list "simpay_payment_transaction" "oldest" {
  provider = simpay
  config {
    service_id = "` + service + `"
    control    = "order-00000"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("simpay_payment_transaction.oldest", 1),
					querycheck.ExpectResourceDisplayName("simpay_payment_transaction.oldest",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
							"service_id": knownvalue.StringExact(service), "id": knownvalue.NotNull(),
						}), knownvalue.StringRegexp(regexp.MustCompile(`, control order-00000, created 2024-01-01T08:00:00\+01:00$`))),
				},
			},
		},
	})
	if t.Skipped() {
		return
	}
	if defaultLimitPages != 2 {
		t.Errorf("the default limit read %d pages, want 2 (99 transactions a page)", defaultLimitPages)
	}
	if n := pages(); n != 3 {
		t.Errorf("the control filter read %d pages, want all 3", n)
	}
}
