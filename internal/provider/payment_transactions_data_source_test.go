package provider

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// lastGeneratedTx is the newest transaction of service d151e4f9 when the
// mock adds 250 generated ones (Options.Seed 0); the oldest of all is
// simpaymock.FixtureTxPaidWithRefund. The mock lists them newest first, as
// SimPay does.
const lastGeneratedTx = "f07f786b-e5e1-457e-8820-24ee19a54bd9"

func txSummary(id, status, amount, control, channel, paidAt, createdAt, updatedAt string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id":         knownvalue.StringExact(id),
		"status":     knownvalue.StringExact(status),
		"amount":     knownvalue.StringExact(amount),
		"control":    stringOrNullCheck(control),
		"channel":    stringOrNullCheck(channel),
		"paid_at":    stringOrNullCheck(paidAt),
		"created_at": knownvalue.StringExact(createdAt),
		"updated_at": knownvalue.StringExact(updatedAt),
	})
}

func txIDs(ids ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, 0, len(ids))
	for _, id := range ids {
		checks = append(checks, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}))
	}
	return knownvalue.ListExact(checks)
}

func TestAccPaymentTransactionsDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
		txs := tfjsonpath.New("transactions")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(`
data "simpay_payment_transactions" "test" {
  service_id = "deadbeef"
}`),
					ExpectError: regexp.MustCompile(`(?s)Payment service not found.*SimPay has no online-payment service\s+deadbeef`),
				},
				{
					Config: mock.config(`
data "simpay_payment_transactions" "test" {
  service_id = "d151e4f9"
  max_items  = 0
}`),
					ExpectError: regexp.MustCompile(`(?s)Attribute max_items value must be at least 1`),
				},
				{
					Config: mock.config(testdataConfig("payment_transactions_filters", nil)),
					ConfigStateChecks: []statecheck.StateCheck{
						// Newest first, in SimPay's order.
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.all", txs, knownvalue.ListExact([]knownvalue.Check{
							// Unpaid: channel and paid_at null.
							txSummary("7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b", "transaction_new", "49", "order-1002", "",
								"", "2023-12-07T07:00:00+01:00", "2023-12-07T07:00:00+01:00"),
							// Ids read back are not re-validated: this one is not a UUID.
							txSummary("328bd42d-d08b-43f6-9463-869e5bd32b4", "transaction_paid", "7.55", "", "nest",
								"2023-12-07T05:21:50+01:00", "2023-12-07T05:20:30+01:00", "2023-12-07T05:21:50+01:00"),
							txSummary("0238d92e-0dd9-469a-9aa9-0505974336a3", "transaction_paid", "24.99", "", "blik",
								"2023-12-07T06:21:50+01:00", "2023-12-07T06:20:30+01:00", "2023-12-07T06:21:50+01:00"),
							// control is null where SimPay sends null; amounts keep SimPay's text.
							txSummary(simpaymock.FixtureTxPaidWithRefund, "transaction_paid", "24.99", "", "nest",
								"2023-12-07T05:21:50+01:00", "2023-12-07T05:20:30+01:00", "2023-12-07T05:21:50+01:00"),
						})),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.new", txs, txIDs("7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b")),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.paid_first_two", txs,
							txIDs("328bd42d-d08b-43f6-9463-869e5bd32b4", "0238d92e-0dd9-469a-9aa9-0505974336a3")),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.first_three", txs,
							txIDs("7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b", "328bd42d-d08b-43f6-9463-869e5bd32b4", "0238d92e-0dd9-469a-9aa9-0505974336a3")),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.more_than_there_are", txs, knownvalue.ListSizeExact(4)),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.typo", txs, knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.empty_service", txs, knownvalue.ListExact([]knownvalue.Check{})),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
		// The warning itself, as the CLI prints it: state checks cannot see it.
		if dialect == simpaymock.DialectDocumented {
			checkPlanWarns(t, mock.config(`
data "simpay_payment_transactions" "typo" {
  service_id = "d151e4f9"
  status     = "transaction_payed"
}`), "Unknown payment transaction status", "transaction_payed")
		}
	})
}

// TestAccPaymentTransactionsDataSourceManyPages reads 254 transactions, three
// pages of 99, and filters them by status across the pages.
func TestAccPaymentTransactionsDataSourceManyPages(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Transactions: 250})
		txs := tfjsonpath.New("transactions")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProviders,
			Steps: []resource.TestStep{
				{
					Config: mock.config(testdataConfig("payment_transactions_pages", nil)),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.all", txs, knownvalue.ListSizeExact(254)),
						statecheck.ExpectKnownOutputValue("first_id", knownvalue.StringExact(lastGeneratedTx)),
						statecheck.ExpectKnownOutputValue("last", txSummary(simpaymock.FixtureTxPaidWithRefund, "transaction_paid", "24.99", "", "nest",
							"2023-12-07T05:21:50+01:00", "2023-12-07T05:20:30+01:00", "2023-12-07T05:21:50+01:00")),
						// Every tenth generated one (k = 243, 233, ..., 3) and 3 fixtures.
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.paid", txs, knownvalue.ListSizeExact(28)),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.paid", tfjsonpath.New("transactions").AtSliceIndex(0),
							txSummary("8110b591-abb1-4858-b65d-0890df18b2ae", "transaction_paid", "244.11", "order-00243", "card",
								"2024-01-11T11:01:30+01:00", "2024-01-11T11:00:00+01:00", "2024-01-11T11:01:30+01:00")),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.paid", tfjsonpath.New("transactions").AtSliceIndex(27),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(simpaymock.FixtureTxPaidWithRefund)})),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.refunded", txs, knownvalue.ListSizeExact(25)),
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.refunded", tfjsonpath.New("transactions").AtSliceIndex(0),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("9378380e-5b6f-492d-b82c-3b3174952f66")})),
						// The oldest refunded one, generated k = 7, is on page 3.
						statecheck.ExpectKnownValue("data.simpay_payment_transactions.refunded", tfjsonpath.New("transactions").AtSliceIndex(24),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("5c701e86-9d88-4c24-881c-42a6484a1490")})),
					},
					ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
			},
		})
	})
}

// planOnce runs exactly one terraform plan over config and returns the
// planned outputs.
func planOnce(t *testing.T, config string) map[string]any {
	t.Helper()
	cli := newTerraformCLI(t, config)
	if stdout, stderr, err := cli.Run(t.Context(), "plan", "-input=false", "-no-color", "-out=tfplan"); err != nil {
		t.Fatalf("terraform plan: %v\n%s\n%s", err, stdout, stderr)
	}
	// show reads the saved plan; it asks the provider for its schema only.
	stdout, stderr, err := cli.Run(t.Context(), "show", "-json", "tfplan")
	if err != nil {
		t.Fatalf("terraform show: %v\n%s", err, stderr)
	}
	var plan struct {
		PlannedValues struct {
			Outputs map[string]struct {
				Value any `json:"value"`
			} `json:"outputs"`
		} `json:"planned_values"`
	}
	if err := json.Unmarshal([]byte(stdout), &plan); err != nil {
		t.Fatalf("decoding the plan: %v", err)
	}
	out := make(map[string]any, len(plan.PlannedValues.Outputs))
	for k, v := range plan.PlannedValues.Outputs {
		out[k] = v.Value
	}
	return out
}

// transactionPages returns the pages of /payment/d151e4f9/transactions the
// mock was asked for, sorted, and fails on any other request or a page size
// other than 99.
func transactionPages(t *testing.T, mock *testMock) []string {
	t.Helper()
	var pages []string
	for _, r := range mock.Requests() {
		if r.Method != "GET" || r.Path != "/payment/d151e4f9/transactions" {
			t.Errorf("unexpected request %s %s?%s", r.Method, r.Path, r.Query)
			continue
		}
		q, err := url.ParseQuery(r.Query)
		if err != nil || q.Get("limit") != "99" || len(q) != 2 {
			t.Errorf("request %s?%s: want exactly page=N and limit=99", r.Path, r.Query)
		}
		pages = append(pages, q.Get("page"))
	}
	slices.Sort(pages)
	return pages
}

// TestAccPaymentTransactionsDataSourcePageRequests runs one terraform plan at
// a time and checks, from the mock's log, which pages that one read fetched:
// each page once with limit=99, and no page that max_items makes unneeded.
func TestAccPaymentTransactionsDataSourcePageRequests(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		mock := newTestMock(t, simpaymock.Options{Dialect: dialect, Transactions: 250})

		// Newest first: generated k = 249 (lastGeneratedTx) down to k = 0, then
		// the fixtures, the oldest (simpaymock.FixtureTxPaidWithRefund) last.
		cases := []struct {
			name, args          string
			wantPages           []string
			wantCount           float64
			wantFirst, wantLast string
		}{
			{"all pages", ``, []string{"1", "2", "3"}, 254, lastGeneratedTx, simpaymock.FixtureTxPaidWithRefund},
			// 100 items need the first two pages of 99, not the third.
			{"max_items stops after page 2", `max_items = 100`, []string{"1", "2"}, 100, lastGeneratedTx, "6057a517-9b56-4fef-a24f-10c18f5cfe79"},
			{"max_items within page 1", `max_items = 5`, []string{"1"}, 5, lastGeneratedTx, "f1438cd1-1158-483b-a755-bbeaa6ab72fb"},
			// With a status every page is read whatever max_items says: the two
			// newest paid ones, generated k = 243 and 233.
			{"status reads every page", "status = \"transaction_paid\"\n  max_items = 2", []string{"1", "2", "3"}, 2,
				"8110b591-abb1-4858-b65d-0890df18b2ae", "91493bbd-5e0b-4d9f-a168-6261b7f9a720"},
		}
		for _, tc := range cases {
			mock.ResetRequests()
			outputs := planOnce(t, cliProviderConfig(mock, fmt.Sprintf(`
data "simpay_payment_transactions" "test" {
  service_id = "d151e4f9"
  %s
}

output "count" {
  value = length(data.simpay_payment_transactions.test.transactions)
}
output "first_id" {
  value = data.simpay_payment_transactions.test.transactions[0].id
}
output "last_id" {
  value = data.simpay_payment_transactions.test.transactions[length(data.simpay_payment_transactions.test.transactions) - 1].id
}`, tc.args)))
			if got := transactionPages(t, mock); !slices.Equal(got, tc.wantPages) {
				t.Errorf("%s: pages fetched during one plan = %v, want %v (each exactly once)", tc.name, got, tc.wantPages)
			}
			if outputs["count"] != tc.wantCount {
				t.Errorf("%s: count = %v, want %v", tc.name, outputs["count"], tc.wantCount)
			}
			if outputs["first_id"] != tc.wantFirst {
				t.Errorf("%s: first id = %v, want %s", tc.name, outputs["first_id"], tc.wantFirst)
			}
			if outputs["last_id"] != tc.wantLast {
				t.Errorf("%s: last id = %v, want %s", tc.name, outputs["last_id"], tc.wantLast)
			}
		}
	})
}

// TestAccPaymentTransactionsDataSourceWhileTransactionsAreCreated runs one
// terraform plan while the mock, which lists transactions newest first as
// SimPay does, gains new ones between page requests: after page 1 (pages 2
// and 3 then start three places further down, and repeat items already
// read), and, with pages read one at a time, after page 2 as well. The data
// source shows every transaction that was there before the read exactly
// once, in SimPay's order; the ones created during the read come after
// page 1 was read, so they are not in it.
func TestAccPaymentTransactionsDataSourceWhileTransactionsAreCreated(t *testing.T) {
	t.Parallel()
	eachDialect(t, func(t *testing.T, dialect simpaymock.Dialect) {
		for _, tc := range []struct {
			name, settings string
			createAfter    map[string]int // page -> transactions created once it is served
		}{
			{"pages read at once", "", map[string]int{"1": 3}},
			{"pages read one at a time", "max_concurrent_requests = 1", map[string]int{"1": 3, "2": 2}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var (
					mock  *testMock
					armed atomic.Bool
					mu    sync.Mutex
					fired = map[string]bool{}
				)
				mock = newTestMock(t, simpaymock.Options{Dialect: dialect, Transactions: 250, OnRequest: func(r simpaymock.Request) {
					if !armed.Load() || r.Method != "GET" || r.Path != "/payment/d151e4f9/transactions" {
						return
					}
					page, _ := url.ParseQuery(r.Query)
					mu.Lock()
					defer mu.Unlock()
					if n := tc.createAfter[page.Get("page")]; n > 0 && !fired[page.Get("page")] {
						fired[page.Get("page")] = true
						mock.AddPaymentTransactions("d151e4f9", n)
					}
				}})
				// The list as it stands before the read under test.
				c, err := client.New(client.Config{BaseURL: mock.URL, Token: simpaymock.DefaultToken})
				if err != nil {
					t.Fatal(err)
				}
				before, err := c.ListPaymentTransactions(t.Context(), "d151e4f9", client.ListOptions{})
				if err != nil || len(before) != 254 {
					t.Fatalf("before the read: %d transactions (%v), want 254", len(before), err)
				}

				armed.Store(true)
				outputs := planOnce(t, mock.configWith(`api_token = "`+simpaymock.DefaultToken+`"
  `+tc.settings, `
data "simpay_payment_transactions" "all" {
  service_id = "d151e4f9"
}

output "ids" {
  value = data.simpay_payment_transactions.all.transactions[*].id
}`))
				armed.Store(false)

				mu.Lock()
				for page := range tc.createAfter {
					if !fired[page] {
						t.Errorf("page %s was never served: nothing was created after it", page)
					}
				}
				mu.Unlock()
				ids, _ := outputs["ids"].([]any)
				seen := map[any]bool{}
				for i, id := range ids {
					if seen[id] {
						t.Errorf("transaction %v shown twice (again at %d)", id, i)
					}
					seen[id] = true
				}
				if len(ids) != len(before) {
					t.Fatalf("the data source shows %d transactions, want the %d there were before the read", len(ids), len(before))
				}
				for i := range before {
					if ids[i] != before[i].ID {
						t.Fatalf("transaction %d is %v, want %s: not SimPay's order", i, ids[i], before[i].ID)
					}
				}
				// Read again, the list holds the new ones on top.
				after, err := c.ListPaymentTransactions(t.Context(), "d151e4f9", client.ListOptions{})
				created := 0
				for _, n := range tc.createAfter {
					created += n
				}
				if err != nil || len(after) != 254+created || after[created].ID != before[0].ID {
					t.Errorf("after the read SimPay lists %d transactions (%v), want %d with the old newest at %d", len(after), err,
						254+created, created)
				}
			})
		}
	})
}
