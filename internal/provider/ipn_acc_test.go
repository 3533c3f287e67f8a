package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/simpay-tf/terraform-provider-simpay/internal/simpaymock"
)

// The payment flow a shop tests offline: Terraform creates the payment
// link or the refund on simpay-mock, the mock's lifecycle pays it or
// completes it, and the shop's endpoint receives SimPay's signed
// notification.

const shopIPNKey = "shop-ipn-key"

// shopEndpoint is a shop's IPN endpoint: it answers each POST with the next
// status of answers (200 means "OK"; the last one repeats) and keeps every
// body.
type shopEndpoint struct {
	srv     *httptest.Server
	mu      sync.Mutex
	bodies  [][]byte
	answers []int
}

func newShopEndpoint(t *testing.T, answers ...int) *shopEndpoint {
	t.Helper()
	if len(answers) == 0 {
		answers = []int{http.StatusOK}
	}
	e := &shopEndpoint{answers: answers}
	e.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		e.mu.Lock()
		e.bodies = append(e.bodies, b)
		status := e.answers[min(len(e.bodies), len(e.answers))-1]
		e.mu.Unlock()
		w.WriteHeader(status)
		if status == http.StatusOK {
			_, _ = io.WriteString(w, "OK")
		}
	}))
	t.Cleanup(e.srv.Close)
	return e
}

func (e *shopEndpoint) received() [][]byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([][]byte(nil), e.bodies...)
}

// ipnMock is a mock that notifies e and pays created payments after
// autopay.
func ipnMock(t *testing.T, e *shopEndpoint, autopay time.Duration) *testMock {
	t.Helper()
	m := newTestMock(t, simpaymock.Options{
		Autopay: autopay,
		IPN:     simpaymock.IPNOptions{URL: e.srv.URL, Key: shopIPNKey, Backoff: 20 * time.Millisecond, Attempts: 5},
	})
	t.Cleanup(m.Close)
	return m
}

type notification struct {
	Type string `json:"type"`
	Data struct {
		ID          string `json:"id"`
		Status      string `json:"status"`
		Transaction struct {
			ID string `json:"id"`
		} `json:"transaction"`
	} `json:"data"`
}

// checkNotified waits for the mock's lifecycle and deliveries to settle and
// checks that the shop received exactly the notifications want describes
// ("type id status"), each with a valid signature. Notifications about
// different objects are delivered independently, as SimPay's are, so the
// order they arrive in is not compared.
func checkNotified(m *testMock, e *shopEndpoint, want func() []string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := m.Settle(ctx); err != nil {
			return err
		}
		var got []string
		for _, b := range e.received() {
			if err := simpaymock.VerifyIPNSignature(b, shopIPNKey); err != nil {
				return fmt.Errorf("notification %s: %w", b, err)
			}
			var n notification
			if err := json.Unmarshal(b, &n); err != nil {
				return err
			}
			got = append(got, n.Type+" "+n.Data.ID+" "+n.Data.Status)
		}
		expected := want()
		slices.Sort(got)
		slices.Sort(expected)
		if !slices.Equal(got, expected) {
			return fmt.Errorf("the shop received %q, want %q (in any order)", got, expected)
		}
		return nil
	}
}

// TestAccIPNPaymentPaidByLifecycle: a payment created by Terraform is paid
// by the mock's lifecycle, the shop gets exactly one signed
// transaction:status_changed for it, and the next refresh sees it paid.
func TestAccIPNPaymentPaidByLifecycle(t *testing.T) {
	t.Parallel()
	shop := newShopEndpoint(t)
	mock := ipnMock(t, shop, 300*time.Millisecond)
	addr := "simpay_payment_transaction.order"
	config := mock.config(`
resource "simpay_payment_transaction" "order" {
  service_id = "d151e4f9"
  amount     = "149.99"
  control    = "order-1001"
}
`)
	var id attrCapture
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					id.capture(addr, "id"),
					checkNotified(mock, shop, func() []string {
						return []string{"transaction:status_changed " + id.get() + " transaction_paid"}
					}),
				),
			},
			{
				// The refresh reads the status the lifecycle set; nothing
				// to change, and no further notification.
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(addr, "status", "transaction_paid"),
				},
				Check: checkNotified(mock, shop, func() []string {
					return []string{"transaction:status_changed " + id.get() + " transaction_paid"}
				}),
			},
		},
	})
}

// TestAccIPNRetriedUntilOK: an endpoint that answers 500 twice and then OK
// gets three attempts of the one notification, and no more.
func TestAccIPNRetriedUntilOK(t *testing.T) {
	t.Parallel()
	shop := newShopEndpoint(t, http.StatusInternalServerError, http.StatusInternalServerError, http.StatusOK)
	mock := ipnMock(t, shop, 100*time.Millisecond)
	addr := "simpay_payment_transaction.order"
	var id attrCapture
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: mock.config(`
resource "simpay_payment_transaction" "order" {
  service_id = "d151e4f9"
  amount     = "20"
}
`),
			Check: resource.ComposeTestCheckFunc(
				id.capture(addr, "id"),
				checkNotified(mock, shop, func() []string {
					paid := "transaction:status_changed " + id.get() + " transaction_paid"
					return []string{paid, paid, paid}
				}),
				func(*terraform.State) error {
					// Long enough for a fourth attempt, were there one.
					time.Sleep(200 * time.Millisecond)
					d := mock.IPNDeliveries()
					if n := len(shop.received()); n != 3 || len(d) != 1 || d[0].State != "delivered" || len(d[0].Attempts) != 3 {
						return fmt.Errorf("%d attempts reached the shop; deliveries %+v", n, d)
					}
					if a := d[0].Attempts; a[0].Status != 500 || a[1].Status != 500 || a[2].Status != 200 {
						return fmt.Errorf("attempts %+v", a)
					}
					return nil
				},
			),
		}},
	})
}

// TestAccIPNRefundCompletedByLifecycle: a full refund made by Terraform
// makes the payment transaction_refunded at once and is completed by the
// lifecycle: the shop gets one signed notification of each, and the next
// refresh sees refund_completed.
func TestAccIPNRefundCompletedByLifecycle(t *testing.T) {
	t.Parallel()
	shop := newShopEndpoint(t)
	mock := ipnMock(t, shop, 300*time.Millisecond)
	addr := "simpay_payment_refund.full"
	config := mock.config(refundConfig("full", simpaymock.FixtureTxPaid, ""))
	var id attrCapture
	want := func() []string {
		return []string{
			"transaction:status_changed " + simpaymock.FixtureTxPaid + " transaction_refunded",
			"transaction_refund:status_changed " + id.get() + " refund_completed",
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  resource.ComposeTestCheckFunc(id.capture(addr, "id"), checkNotified(mock, shop, want)),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateString(addr, "status", "refund_completed"),
				},
				Check: checkNotified(mock, shop, want),
			},
		},
	})
}
