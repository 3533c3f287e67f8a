package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

const dbTransactionsPath = "/directbilling/d151e4f9/transactions"

func dbConfig(name, body string) string {
	return fmt.Sprintf(`
resource "simpay_directbilling_transaction" %q {
%s}
`, name, body)
}

// dbFullBody sets every argument; control and the success URL vary.
func dbFullBody(amount, control, success, extra string) string {
	return fmt.Sprintf(`  service_id  = "d151e4f9"
  amount      = %q
  description = "Premium account, 30 days"
  control     = %q
  return_urls = {
    success = %q
    failure = "https://shop.example.com/failed"
  }
  phone_number = "48111222333"
  steamid      = "76561198000000000"
  email        = "jan@example.com"
%s`, amount, control, success, extra)
}

func notifyCheck(sent bool, lastSentAt knownvalue.Check, count int64) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"sent":         knownvalue.Bool(sent),
		"last_sent_at": lastSentAt,
		"count":        knownvalue.Int64Exact(count),
	})
}

// TestAccDirectBillingTransactionResource follows one DirectBilling
// transaction through its life: create with every argument, an equal amount
// written differently, a timeouts change, a refresh that sees the payment,
// imports, replacements and a transaction SimPay no longer returns.
func TestAccDirectBillingTransactionResource(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingTransactionResource)
}

func testAccDirectBillingTransactionResource(t *testing.T, dialect simpaymock.Dialect) {
	clock := newTestClock(t, "2025-06-02T10:00:00+02:00")
	mock := newTestMock(t, simpaymock.Options{Now: clock.now, Dialect: dialect})
	addr := "simpay_directbilling_transaction.test"
	var id, secondID attrCapture
	withTimeouts := `  timeouts = {
    create = "3m"
    read   = "1m"
  }
`
	full := mock.config(dbConfig("test", dbFullBody("12.30", "order-9", "https://shop.example.com/paid", "")))
	idIs := func(c *attrCapture) knownvalue.Check {
		return knownvalue.StringFunc(func(v string) error {
			if v != c.get() {
				return fmt.Errorf("id %s, want %s", v, c.get())
			}
			return nil
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: full,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringRegexp(uuidRegexp)),
					stateString(addr, "service_id", "d151e4f9"),
					stateString(addr, "amount", "12.30"),
					stateString(addr, "amount_type", "gross"),
					stateString(addr, "description", "Premium account, 30 days"),
					stateString(addr, "control", "order-9"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("return_urls"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"success": knownvalue.StringExact("https://shop.example.com/paid"),
						"failure": knownvalue.StringExact("https://shop.example.com/failed"),
					})),
					stateString(addr, "phone_number", "48111222333"),
					stateString(addr, "steamid", "76561198000000000"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("redirect_url"), knownvalue.StringRegexp(
						regexp.MustCompile(`^https://db\.simpay\.pl/[0-9a-f-]{36}$`))),
					stateString(addr, "status", "transaction_db_new"),
					// 12.30 with VAT is 10 without; the mock's reference share is 70%.
					// value_net is the same whether SimPay wrote value_net or
					// value_netto.
					stateString(addr, "value", "10"),
					stateString(addr, "value_net", "7"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("value_created"), sdkOnly(dialect, knownvalue.StringExact("12.3"))),
					// The SDK dialect writes it "GROSS".
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("value_created_type"), sdkOnly(dialect, knownvalue.StringExact("gross"))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("score"), knownvalue.Null()),
					stateString(addr, "email", "jan@example.com"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("operator"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("notify"), notifyCheck(false, knownvalue.Null(), 0)),
					stateString(addr, "created_at", "2025-06-02T10:00:00+02:00"),
					stateString(addr, "updated_at", "2025-06-02T10:00:00+02:00"),
				},
				Check: resource.ComposeTestCheckFunc(
					id.capture(addr, "id"),
					func(s *terraform.State) error {
						if got := s.RootModule().Resources[addr].Primary.Attributes["redirect_url"]; got != "https://db.simpay.pl/"+id.get() {
							return fmt.Errorf("redirect_url %s is not the transaction's", got)
						}
						want := `{"amount":12.30,"amountType":"gross","description":"Premium account, 30 days","control":"order-9",` +
							`"returns":{"success":"https://shop.example.com/paid","failure":"https://shop.example.com/failed"},` +
							`"phoneNumber":"48111222333","steamid":"76561198000000000","email":"jan@example.com"}`
						if bodies := postBodies(mock, dbTransactionsPath); len(bodies) != 1 || bodies[0] != want {
							return fmt.Errorf("sent %q, want [%q]", bodies, want)
						}
						return nil
					},
					checkCount("transactions created", mock.DirectBillingTransactionsCreated, 1),
				),
			},
			{
				// The same amount written differently plans nothing, and the
				// refresh before it, which reads value_created_type "GROSS" in
				// the SDK dialect after "gross" in state, changes nothing.
				Config: mock.config(dbConfig("test", dbFullBody("12.3", "order-9", "https://shop.example.com/paid", ""))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(), expectNoDrift{addr},
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(addr, "amount", "12.30"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("value_created_type"), sdkOnly(dialect, knownvalue.StringExact("gross"))),
				},
			},
			{
				// timeouts change in place and send nothing to SimPay.
				PreConfig: mock.ResetRequests,
				Config:    mock.config(dbConfig("test", dbFullBody("12.30", "order-9", "https://shop.example.com/paid", withTimeouts))),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("timeouts"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"create": knownvalue.StringExact("3m"),
						"read":   knownvalue.StringExact("1m"),
					})),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), idIs(&id)),
				},
				Check: checkCount("POSTs", func() int { return mock.CountRequests("POST", "") }, 0),
			},
			{
				// A refresh records the payment SimPay reports, and plans nothing.
				PreConfig: func() {
					clock.set(t, "2025-06-02T10:05:00+02:00")
					if err := mock.SetDirectBillingTransactionStatus("d151e4f9", id.get(), "transaction_db_payed"); err != nil {
						t.Fatal(err)
					}
				},
				Config:           mock.config(dbConfig("test", dbFullBody("12.30", "order-9", "https://shop.example.com/paid", withTimeouts))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(addr, "status", "transaction_db_payed"),
					stateString(addr, "operator", "orange"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("notify"),
						notifyCheck(true, knownvalue.StringExact("2025-06-02T10:05:00+02:00"), 1)),
					stateString(addr, "updated_at", "2025-06-02T10:05:00+02:00"),
					stateString(addr, "created_at", "2025-06-02T10:00:00+02:00"),
				},
			},
			{
				// SimPay returns neither redirect_url nor the arguments below.
				ResourceName:      addr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: importIDOf(addr, "service_id", "id"),
				ImportStateVerifyIgnore: []string{"amount", "amount_type", "description", "return_urls", "steamid",
					"email", "redirect_url"},
			},
			{
				// After an import, arguments SimPay does not return are recorded
				// by an update in place, not a replacement.
				ResourceName:       addr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithID,
				ImportStateIdFunc:  importIDOf(addr, "service_id", "id"),
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("id"), idIs(&id)),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("status"), knownvalue.StringExact("transaction_db_payed")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("control"), knownvalue.StringExact("order-9")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("phone_number"), knownvalue.StringExact("48111222333")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("value"), knownvalue.StringExact("10")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("amount"), knownvalue.StringExact("12.30")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("email"), knownvalue.StringExact("jan@example.com")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("value_net"), knownvalue.StringExact("7")),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("value_created_type"), sdkOnly(dialect, knownvalue.StringExact("gross"))),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("redirect_url"), knownvalue.Null()),
				}},
			},
			{
				ResourceName:  addr,
				ImportState:   true,
				ImportStateId: "d151e4f9",
				ExpectError: regexp.MustCompile(`(?s)Invalid import id for simpay_directbilling_transaction.*expected 2.*` +
					`must\s+be\s+service_id/transaction_id,\s+for\s+example`),
			},
			{
				// Another control replaces the transaction.
				Config: mock.config(dbConfig("test", dbFullBody("12.30", "order-10", "https://shop.example.com/paid", withTimeouts))),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionReplace)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(addr, "control", "order-10"),
					stateString(addr, "status", "transaction_db_new"),
				},
				Check: resource.ComposeTestCheckFunc(
					secondID.capture(addr, "id"),
					checkCount("transactions created", mock.DirectBillingTransactionsCreated, 2),
				),
			},
			{
				// So does a return URL.
				Config: mock.config(dbConfig("test", dbFullBody("12.30", "order-10", "https://shop.example.com/thanks", withTimeouts))),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionReplace)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("return_urls").AtMapKey("success"),
						knownvalue.StringExact("https://shop.example.com/thanks")),
				},
				Check: resource.ComposeTestCheckFunc(
					secondID.capture(addr, "id"),
					checkCount("transactions created", mock.DirectBillingTransactionsCreated, 3),
				),
			},
			{
				// A transaction SimPay no longer returns is planned again.
				PreConfig: func() {
					if err := mock.DeleteDirectBillingTransaction("d151e4f9", secondID.get()); err != nil {
						t.Fatal(err)
					}
				},
				Config: mock.config(dbConfig("test", dbFullBody("12.30", "order-10", "https://shop.example.com/thanks", withTimeouts))),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{stateString(addr, "status", "transaction_db_new")},
				Check:             checkCount("transactions created", mock.DirectBillingTransactionsCreated, 4),
			},
		},
	})
}

// TestAccDirectBillingTransactionResourceImportBlock adopts a transaction
// made outside Terraform: the configuration records the arguments SimPay does
// not return, and the payer's number SimPay reports is kept although the
// configuration does not set it.
func TestAccDirectBillingTransactionResourceImportBlock(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingTransactionResourceImportBlock)
}

func testAccDirectBillingTransactionResourceImportBlock(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	addr := "simpay_directbilling_transaction.order"
	cfg := func(amount string) string {
		return mock.config(`
import {
  to = simpay_directbilling_transaction.order
  id = "d151e4f9/4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30"
}
` + dbConfig("order", fmt.Sprintf(`  service_id  = "d151e4f9"
  amount      = %q
  amount_type = "net"
  control     = "order-2001"
  description = "Order 2001"
`, amount)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: cfg("8.13"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(addr, "id", "4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30"),
					stateString(addr, "amount", "8.13"),
					stateString(addr, "amount_type", "net"),
					stateString(addr, "description", "Order 2001"),
					stateString(addr, "control", "order-2001"),
					stateString(addr, "phone_number", "48123123123"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("steamid"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("return_urls"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("redirect_url"), knownvalue.Null()),
					stateString(addr, "status", "transaction_db_new"),
					stateString(addr, "value", "8.13"),
					stateString(addr, "value_net", "5.69"),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("value_created"), sdkOnly(dialect, knownvalue.StringExact("10"))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("value_created_type"), sdkOnly(dialect, knownvalue.StringExact("gross"))),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("score"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("email"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("operator"), knownvalue.Null()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("notify"), notifyCheck(false, knownvalue.Null(), 0)),
					stateString(addr, "created_at", "2023-03-01T12:00:00+01:00"),
				},
				Check: checkCount("transactions created", mock.DirectBillingTransactionsCreated, 0),
			},
			{
				// Once recorded, a changed argument replaces as usual.
				Config: cfg("9"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionReplace)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(addr, "amount", "9"),
					// A new transaction without a forced number: none known yet.
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("phone_number"), knownvalue.Null()),
				},
				Check: checkCount("transactions created", mock.DirectBillingTransactionsCreated, 1),
			},
		},
	})
}

// TestAccDirectBillingTransactionResourceFaults covers SimPay's 422, a 429
// that is retried, an answer that never came, and a transaction made but not
// read back.
func TestAccDirectBillingTransactionResourceFaults(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingTransactionResourceFaults)
}

func testAccDirectBillingTransactionResourceFaults(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	a := dbConfig("a", `  service_id = "d151e4f9"
  amount     = "5"
`)
	// c is in the other DirectBilling service, so that a fault on its reads
	// leaves the refresh of a alone.
	c := dbConfig("c", `  service_id = "7a6b5c4d"
  amount     = "7.50"
  control    = "order-c"
`)
	noRetries := `api_token = "` + simpaymock.DefaultToken + `"
  max_retries = 0`
	taintedID := func() string {
		for _, r := range mock.Requests() {
			if r.Method == "GET" && r.Status == 500 && strings.HasPrefix(r.Path, "/directbilling/7a6b5c4d/transactions/") {
				return r.Path[strings.LastIndex(r.Path, "/")+1:]
			}
		}
		return ""
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/directbilling/*/transactions", Kind: simpaymock.FaultStatus,
						Status: 422, Times: 1,
						Body: `{"success":false,"errorCode":"VALIDATION_ERROR","message":"The given data was invalid.",` +
							`"errors":{"amountType":["The selected amount type is invalid for this service."],` +
							`"returns.success":["The returns.success must be a valid URL."]}}`})
				},
				Config: mock.config(dbConfig("a", `  service_id  = "d151e4f9"
  amount      = "5"
  amount_type = "net"
  return_urls = {
    success = "https://shop.example.com/paid"
  }
`)),
				// Terraform prints diagnostics in no fixed order: one pattern each
				// would need several steps, so both are matched in either order.
				ExpectError: regexp.MustCompile(`(?s)(Invalid value rejected by SimPay.*amount_type\s+=\s+"net".*` +
					`Attribute\s+amount_type:.*amountType:\s+The\s+selected\s+amount\s+type\s+is\s+invalid.*` +
					`Attribute\s+return_urls.success:.*returns.success:\s+The\s+returns.success\s+must\s+be\s+a\s+valid\s+URL)|` +
					`(Attribute\s+return_urls.success:.*returns.success:\s+The\s+returns.success\s+must\s+be\s+a\s+valid\s+URL.*` +
					`amount_type\s+=\s+"net".*Attribute\s+amount_type:.*amountType:\s+The\s+selected\s+amount\s+type\s+is\s+invalid)`),
			},
			{
				// A 429 is retried (SimPay did not act on it): one transaction.
				PreConfig: func() {
					if n := mock.DirectBillingTransactionsCreated(); n != 0 {
						t.Errorf("transactions created after a 422: %d", n)
					}
					mock.ResetRequests()
					mock.AddFault(simpaymock.Fault{Method: "POST", Path: "/directbilling/*/transactions", Kind: simpaymock.FaultStatus,
						Status: 429, RetryAfter: "0", Times: 1})
				},
				Config: mock.config(a),
				ConfigStateChecks: []statecheck.StateCheck{
					// Only the amount is set: SimPay's defaults and nulls.
					stateString("simpay_directbilling_transaction.a", "amount", "5"),
					stateString("simpay_directbilling_transaction.a", "amount_type", "gross"),
					stateString("simpay_directbilling_transaction.a", "value", "4.07"),
					stateString("simpay_directbilling_transaction.a", "value_net", "2.85"),
					statecheck.ExpectKnownValue("simpay_directbilling_transaction.a", tfjsonpath.New("value_created"),
						sdkOnly(dialect, knownvalue.StringExact("5"))),
					statecheck.ExpectKnownValue("simpay_directbilling_transaction.a", tfjsonpath.New("phone_number"), knownvalue.Null()),
					statecheck.ExpectKnownValue("simpay_directbilling_transaction.a", tfjsonpath.New("control"), knownvalue.Null()),
					statecheck.ExpectKnownValue("simpay_directbilling_transaction.a", tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue("simpay_directbilling_transaction.a", tfjsonpath.New("return_urls"), knownvalue.Null()),
					statecheck.ExpectKnownValue("simpay_directbilling_transaction.a", tfjsonpath.New("steamid"), knownvalue.Null()),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(
					checkCount("transactions created", mock.DirectBillingTransactionsCreated, 1),
					checkCount("POSTs", func() int { return mock.CountRequests("POST", dbTransactionsPath) }, 2),
					func(*terraform.State) error {
						if b := postBodies(mock, dbTransactionsPath); len(b) != 2 || b[1] != `{"amount":5,"amountType":"gross"}` {
							return fmt.Errorf("sent %q", b)
						}
						return nil
					},
				),
			},
			{
				// A 404 about the service on refresh (e.g. a token of another
				// account) is an error, and the transaction stays in state.
				PreConfig: func() {
					mock.AddFault(simpaymock.Fault{Method: "GET", Path: dbTransactionsPath + "/*", Kind: simpaymock.FaultStatus,
						Status: 404, ErrorCode: "SERVICE_NOT_FOUND", Message: "Service not found.", Times: 1})
				},
				Config: mock.config(a),
				ExpectError: regexp.MustCompile(`(?s)DirectBilling service not found.*no\s+DirectBilling\s+service\s+d151e4f9.*` +
					`kept\s+in\s+state.*api_token`),
			},
			{
				// The connection drops after SimPay made the transaction: not re-sent.
				PreConfig: func() {
					mock.ResetRequests()
					mock.AddFault(simpaymock.Fault{Method: "POST", Path: dbTransactionsPath, Kind: simpaymock.FaultDropConnection,
						AfterHandler: true, Times: 1})
				},
				Config: mock.config(a + dbConfig("b", `  service_id = "d151e4f9"
  amount     = "6"
  control    = "order-b"
`)),
				ExpectError: regexp.MustCompile(`(?s)The SimPay DirectBilling transaction may have been created.*` +
					`did\s+not\s+send\s+it\s+again.*control\s+value\s+"order-b".*SimPay\s+panel.*` +
					`terraform\s+import\s+simpay_directbilling_transaction.<name>\s+d151e4f9/<transaction_id>.*` +
					`import\s+\{\s+to\s+=\s+simpay_directbilling_transaction.<name>\s+id\s+=\s+"d151e4f9/<transaction_id>"`),
			},
			{
				// SimPay makes the transaction but reading it back fails: the
				// id stays in state, tainted.
				PreConfig: func() {
					if n := mock.DirectBillingTransactionsCreated(); n != 2 {
						t.Errorf("transactions created after the dropped answer: %d, want 2", n)
					}
					if n := mock.CountRequests("POST", dbTransactionsPath); n != 1 {
						t.Errorf("POSTs of the dropped transaction: %d, want 1", n)
					}
					mock.ResetRequests()
					mock.AddFault(simpaymock.Fault{Method: "GET", Path: "/directbilling/7a6b5c4d/transactions/*", Kind: simpaymock.FaultStatus,
						Status: 500, Times: 1})
				},
				Config: mock.configWith(noRetries, a+c),
				ExpectError: regexp.MustCompile(`(?s)SimPay created the DirectBilling transaction but it could not be\s+read\s+back.*` +
					`kept\s+in\s+Terraform\s+state.*tainted.*terraform\s+untaint\s+simpay_directbilling_transaction.<name>`),
			},
			{
				Config: mock.configWith(noRetries, a+c),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("simpay_directbilling_transaction.c", plancheck.ResourceActionReplace),
						plancheck.ExpectResourceAction("simpay_directbilling_transaction.a", plancheck.ResourceActionNoop),
						expectPriorID{addr: "simpay_directbilling_transaction.c", want: taintedID},
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString("simpay_directbilling_transaction.c", "control", "order-c"),
					stateString("simpay_directbilling_transaction.c", "status", "transaction_db_new"),
				},
				Check: checkCount("transactions created", mock.DirectBillingTransactionsCreated, 4),
			},
		},
	})
}

// TestAccDirectBillingTransactionResourceValidation checks the arguments at
// plan time, before anything is sent.
func TestAccDirectBillingTransactionResourceValidation(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingTransactionResourceValidation)
}

func testAccDirectBillingTransactionResourceValidation(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	long := strings.Repeat("x", 129)
	var steps []resource.TestStep
	for _, c := range []struct{ arg, want string }{
		{`amount = "0"`, `amount\s+must\s+be\s+at\s+least\s+0.01`},
		{`amount = "1.999"`, `amount\s+must\s+have\s+at\s+most\s+2\s+decimal\s+places`},
		{`amount_type = "brutto"`, `amount_type\s+value\s+must\s+be\s+one\s+of`},
		{`description = "` + long + `"`, `description\s+UTF-8\s+character\s+count\s+must\s+be\s+between\s+1\s+and\s+128`},
		{`control = ""`, `control\s+UTF-8\s+character\s+count\s+must\s+be\s+between\s+1\s+and\s+128`},
		{`control = "` + long + `"`, `control\s+UTF-8\s+character\s+count\s+must\s+be\s+between\s+1\s+and\s+128`},
		{`phone_number = "+48 123 123 123"`, `phone_number\s+must\s+be\s+a\s+phone\s+number\s+written\s+as\s+9\s+to\s+15\s+digits`},
		{`phone_number = "12345"`, `phone_number\s+must\s+be\s+a\s+phone\s+number`},
		{`steamid = "STEAM_0:1:1234"`, `steamid\s+must\s+be\s+a\s+SteamID64:\s+17\s+digits`},
		{`return_urls = { success = "shop.example.com/paid" }`, `return_urls.success\s+must\s+be\s+an\s+absolute\s+http\(s\)\s+URL`},
		{`service_id = "D151E4F9"`, `service_id\s+must\s+be\s+a\s+SimPay\s+service\s+id`},
		{`email = "jan"`, `email\s+must\s+be\s+a\s+plain\s+email\s+address`},
		{`email = "Jan <jan@example.com>"`, `email\s+must\s+be\s+a\s+plain\s+email\s+address`},
	} {
		body := "  service_id = \"d151e4f9\"\n  amount     = \"5\"\n"
		if strings.HasPrefix(c.arg, "amount =") || strings.HasPrefix(c.arg, "service_id =") {
			body = "  service_id = \"d151e4f9\"\n"
			if strings.HasPrefix(c.arg, "service_id =") {
				body = "  amount = \"5\"\n"
			}
		}
		steps = append(steps, resource.TestStep{
			Config:      mock.config(dbConfig("v", body+"  "+c.arg+"\n")),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Attribute\s+` + c.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: steps})
	if reqs := mock.apiRequests(); len(reqs) != 0 {
		t.Errorf("invalid arguments reached SimPay: %v", reqs)
	}
}

// TestAccDirectBillingTransactionResourceDestroy checks, with the terraform
// CLI, that the destroy plan and the destroy warn and that nothing is sent.
func TestAccDirectBillingTransactionResourceDestroy(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingTransactionResourceDestroy)
}

func testAccDirectBillingTransactionResourceDestroy(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	checkDestroyWarns(t, mock, mock.config(dbConfig("test", `  service_id = "d151e4f9"
  amount     = "9.99"
`)), "DirectBilling transaction")
	if n := mock.DirectBillingTransactionsCreated(); n != 1 {
		t.Errorf("transactions created: %d, want 1", n)
	}
}
