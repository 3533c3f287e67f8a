package client_test

import (
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// TestListAgainstTheMockWhileTransactionsAreCreated lists a service's
// transactions while the mock, which lists them newest first as SimPay
// does, gains new ones after the first page was served: every transaction
// that was there before the walk comes back exactly once, in the mock's
// order.
func TestListAgainstTheMockWhileTransactionsAreCreated(t *testing.T) {
	for _, d := range simpaymock.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			var mock *simpaymock.Server
			var grown atomic.Bool
			mock = simpaymock.New(simpaymock.Options{Transactions: 250, Dialect: d, OnRequest: func(r simpaymock.Request) {
				q, _ := url.ParseQuery(r.Query)
				if r.Path == "/payment/d151e4f9/transactions" && q.Get("page") == "1" && grown.CompareAndSwap(false, true) {
					mock.AddPaymentTransactions("d151e4f9", 3)
				}
			}})
			srv := httptest.NewServer(mock)
			t.Cleanup(srv.Close)
			c, err := client.New(client.Config{BaseURL: srv.URL, Token: simpaymock.DefaultToken})
			if err != nil {
				t.Fatal(err)
			}
			// What the list holds before anything is created: the hook is
			// armed only for the walk under test.
			grown.Store(true)
			want, err := c.ListPaymentTransactions(t.Context(), "d151e4f9", client.ListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			grown.Store(false)

			got, err := c.ListPaymentTransactions(t.Context(), "d151e4f9", client.ListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !grown.Load() {
				t.Fatal("the hook never ran: nothing was created during the walk")
			}
			if len(got) != len(want) || len(want) != 254 {
				t.Fatalf("listed %d transactions during the change, %d before; want 254 both times", len(got), len(want))
			}
			seen := map[string]bool{}
			for i := range got {
				if seen[got[i].ID] {
					t.Fatalf("transaction %s listed twice", got[i].ID)
				}
				seen[got[i].ID] = true
				if got[i].ID != want[i].ID {
					t.Fatalf("item %d is %s, want %s: the order changed", i, got[i].ID, want[i].ID)
				}
			}
			// Read again, the list has the three new ones on top.
			after, err := c.ListPaymentTransactions(t.Context(), "d151e4f9", client.ListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(after) != 257 || after[3].ID != want[0].ID {
				t.Errorf("after the walk: %d transactions, item 3 %s", len(after), after[3].ID)
			}
		})
	}
}
