package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// directBillingListItem is a fixture as an item of
// data.simpay_directbilling_transactions shows it: SimPay's list sends no
// control, phoneNumber, notify, value_created, value_created_type or score
// (directbillingTransactionItem in the 2024 file), so they are null.
func directBillingListItem(dialect simpaymock.Dialect, id string) knownvalue.Check {
	item := directBillingFixture(dialect, id)
	for _, attr := range []string{"control", "phone_number", "notify", "value_created", "value_created_type", "score"} {
		item[attr] = knownvalue.Null()
	}
	return knownvalue.ObjectExact(item)
}

func TestAccDirectBillingTransactionsDataSource(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingTransactionsDataSource)
}

func testAccDirectBillingTransactionsDataSource(t *testing.T, dialect simpaymock.Dialect) {
	mock := newTestMock(t, simpaymock.Options{Dialect: dialect})
	list := tfjsonpath.New("transactions")
	item := func(id string) knownvalue.Check { return directBillingListItem(dialect, id) }
	ds := func(name string, lines ...string) string {
		return hclBlock(`data "simpay_directbilling_transactions" "`+name+`"`, []string{validServiceID}, lines...)
	}
	expectList := func(name string, ids ...string) statecheck.StateCheck {
		checks := []knownvalue.Check{}
		for _, id := range ids {
			checks = append(checks, item(id))
		}
		return statecheck.ExpectKnownValue("data.simpay_directbilling_transactions."+name, list, knownvalue.ListExact(checks))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: mock.config(ds("gone", `service_id = "deadbeef"`)),
				ExpectError: regexp.MustCompile(`(?s)DirectBilling service not found.*\d+:\s+service_id\s+=\s+"deadbeef".*` +
					`no\s+DirectBilling\s+service\s+deadbeef.*simpay_directbilling_services`),
			},
			{
				// A filter value SimPay refuses is reported against the
				// argument it came from.
				PreConfig: func() {
					mock.AddFault(simpaymock.Fault{Method: "GET", Path: dbTransactionsPath, Kind: simpaymock.FaultStatus, Status: 422, Times: 1,
						Body: `{"success":false,"errorCode":"VALIDATION_ERROR","errors":{"filter.phoneNumber":["The filter.phone number format is invalid."]}}`})
				},
				Config: mock.config(ds("refused", `phone_number = "48123123123"`)),
				ExpectError: regexp.MustCompile(`(?s)Invalid value rejected by SimPay.*\d+:\s+phone_number\s+=\s+"48123123123".*` +
					`listing\s+the\s+transactions\s+of\s+DirectBilling\s+service\s+d151e4f9:\s+filter.phoneNumber:\s+The\s+filter.phone\s+number\s+format\s+is\s+invalid`),
			},
			{
				// Newest first, as SimPay lists them; the filters are SimPay's.
				PreConfig: mock.ResetRequests,
				Config: mock.config(ds("all") + ds("new", `status = "transaction_db_new"`) +
					ds("phone", `phone_number = "48500600700"`) + ds("control", `control = "order-2001"`) +
					ds("none", `status = "transaction_db_payed"`, `control = "order-2001"`) +
					ds("first_two", `max_items = 2`) +
					ds("empty", `service_id = "7a6b5c4d"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectList("all", simpaymock.FixtureDirectBillingTxRejected, simpaymock.FixtureDirectBillingTxNew, simpaymock.FixtureDirectBillingTxPaid),
					expectList("new", simpaymock.FixtureDirectBillingTxNew),
					expectList("phone", simpaymock.FixtureDirectBillingTxRejected),
					expectList("control", simpaymock.FixtureDirectBillingTxNew),
					expectList("none"),
					expectList("first_two", simpaymock.FixtureDirectBillingTxRejected, simpaymock.FixtureDirectBillingTxNew),
					expectList("empty"),
					statecheck.ExpectKnownValue("data.simpay_directbilling_transactions.all", tfjsonpath.New("status"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.simpay_directbilling_transactions.all", tfjsonpath.New("max_items"), knownvalue.Null()),
					stateString("data.simpay_directbilling_transactions.none", "control", "order-2001"),
				},
				Check: expectOnlyRequests(mock,
					"GET /directbilling/d151e4f9/transactions?limit=99&page=1",
					"GET /directbilling/d151e4f9/transactions?filter%5Bstatus%5D=transaction_db_new&limit=99&page=1",
					"GET /directbilling/d151e4f9/transactions?filter%5BphoneNumber%5D=48500600700&limit=99&page=1",
					"GET /directbilling/d151e4f9/transactions?filter%5Bcontrol%5D=order-2001&limit=99&page=1",
					"GET /directbilling/d151e4f9/transactions?filter%5Bcontrol%5D=order-2001&filter%5Bstatus%5D=transaction_db_payed&limit=99&page=1",
					"GET /directbilling/7a6b5c4d/transactions?limit=99&page=1",
				),
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// createDirectBillingTransactions makes n transactions in a DirectBilling
// service through the mock's API, oldest first, and returns their ids.
func createDirectBillingTransactions(mock *testMock, serviceID string, n int) ([]string, error) {
	ids := make([]string, 0, n)
	for i := range n {
		body := fmt.Sprintf(`{"amount":%d.50,"control":"bulk-%03d"}`, 1+i%50, i)
		req := httptest.NewRequest(http.MethodPost, "/directbilling/"+serviceID+"/transactions", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+simpaymock.DefaultToken)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		mock.ServeHTTP(rec, req)
		var answer struct {
			Data struct {
				TransactionID string `json:"transactionId"`
			} `json:"data"`
		}
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("creating transaction %d: %d %s", i, rec.Code, rec.Body)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil {
			return nil, fmt.Errorf("creating transaction %d: %w", i, err)
		}
		if answer.Data.TransactionID == "" {
			return nil, fmt.Errorf("creating transaction %d: no transactionId in %s", i, rec.Body)
		}
		ids = append(ids, answer.Data.TransactionID)
	}
	return ids, nil
}

// TestAccDirectBillingTransactionsDataSourceChangingList reads a list of
// two pages while a transaction is created between them: SimPay lists newest
// first, so the new one pushes every item one place down and page 2 starts
// with the item page 1 ended with. The list shows each transaction once.
func TestAccDirectBillingTransactionsDataSourceChangingList(t *testing.T) {
	t.Parallel()
	eachDialect(t, testAccDirectBillingTransactionsDataSourceChangingList)
}

func testAccDirectBillingTransactionsDataSourceChangingList(t *testing.T, dialect simpaymock.Dialect) {
	var (
		armed atomic.Bool
		mock  *testMock
		// late and lateErr are written by the mock's handler goroutine.
		mu      sync.Mutex
		late    []string
		lateErr error
	)
	mock = newTestMock(t, simpaymock.Options{Dialect: dialect, OnRequest: func(r simpaymock.Request) {
		// Once page 1 is answered, before the provider asks for page 2.
		if r.Method == http.MethodGet && strings.Contains(r.Query, "page=1") && armed.CompareAndSwap(true, false) {
			ids, err := createDirectBillingTransactions(mock, simpaymock.FixtureVerifyDirectBillingServiceID, 1)
			mu.Lock()
			late, lateErr = ids, err
			mu.Unlock()
		}
	}})
	ids, err := createDirectBillingTransactions(mock, simpaymock.FixtureVerifyDirectBillingServiceID, 150)
	if err != nil {
		t.Fatal(err)
	}
	addr := "data.simpay_directbilling_transactions.bulk"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				mock.ResetRequests()
				armed.Store(true)
			},
			Config: mock.config(`
data "simpay_directbilling_transactions" "bulk" {
  service_id = "7a6b5c4d"
}`),
			Check: func(s *terraform.State) error {
				attrs := s.RootModule().Resources[addr].Primary.Attributes
				if got := attrs["transactions.#"]; got != "150" {
					return fmt.Errorf("%s transactions, want the 150 there were when the read began", got)
				}
				// Newest first: the i-th item is the (150-i)-th created.
				for i := range 150 {
					if got, want := attrs[fmt.Sprintf("transactions.%d.id", i)], ids[149-i]; got != want {
						return fmt.Errorf("transactions[%d] is %s, want %s", i, got, want)
					}
				}
				mu.Lock()
				defer mu.Unlock()
				if lateErr != nil {
					return fmt.Errorf("creating a transaction during the read: %w", lateErr)
				}
				if len(late) != 1 {
					return fmt.Errorf("no transaction was created during the read")
				}
				if n := mock.CountRequests("GET", "/directbilling/7a6b5c4d/transactions"); n != 2 {
					return fmt.Errorf("%d page requests, want 2", n)
				}
				return nil
			},
		}},
	})
}
