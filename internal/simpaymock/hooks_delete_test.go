package simpaymock

import (
	"errors"
	"net/http"
	"testing"
)

func TestDeleteRefund(t *testing.T) {
	s, ts := start(t, Options{})
	refunds := "/payment/d151e4f9/transactions/0238d92e-0dd9-469a-9aa9-0505974336a3/refunds"
	id := post(t, ts, refunds, "").str(t, "data.refund_id") // refunds all 24.99
	if st := get(t, ts, "/payment/d151e4f9/transactions/0238d92e-0dd9-469a-9aa9-0505974336a3").str(t, "data.status"); st != "transaction_refunded" {
		t.Fatalf("status after a full refund %s", st)
	}
	if err := s.DeleteRefund("d151e4f9", "0238d92e-0dd9-469a-9aa9-0505974336a3", id); err != nil {
		t.Fatal(err)
	}
	get(t, ts, refunds+"/"+id).want(t, http.StatusNotFound, "REFUND_NOT_FOUND")
	// What the refund had taken can be refunded again.
	if st := get(t, ts, "/payment/d151e4f9/transactions/0238d92e-0dd9-469a-9aa9-0505974336a3").str(t, "data.status"); st != "transaction_paid" {
		t.Errorf("status after the refund was deleted %s", st)
	}
	post(t, ts, refunds, `{"amount": 24.99}`).want(t, http.StatusOK, "")
	// The seed refund of another transaction is untouched.
	get(t, ts, "/payment/d151e4f9/transactions/"+paidTxDetailID+"/refunds/"+seedRefundID).want(t, http.StatusOK, "")

	for _, c := range []struct{ svc, tx, refund string }{
		{"d151e4f9", "0238d92e-0dd9-469a-9aa9-0505974336a3", id}, // already gone
		{"ffffffff", paidTxDetailID, seedRefundID},
		{"d151e4f9", "00000000-0000-4000-8000-000000000000", seedRefundID},
	} {
		if err := s.DeleteRefund(c.svc, c.tx, c.refund); !errors.Is(err, ErrNotFound) {
			t.Errorf("DeleteRefund(%s, %s, %s) = %v, want ErrNotFound", c.svc, c.tx, c.refund, err)
		}
	}
}

func TestDeleteDirectBillingTransaction(t *testing.T) {
	s, ts := start(t, Options{})
	id := post(t, ts, "/directbilling/d151e4f9/transactions", `{"amount": 5}`).str(t, "data.transactionId")
	if err := s.DeleteDirectBillingTransaction("d151e4f9", id); err != nil {
		t.Fatal(err)
	}
	get(t, ts, "/directbilling/d151e4f9/transactions/"+id).want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
	get(t, ts, "/directbilling/d151e4f9/transactions/dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a").want(t, http.StatusOK, "")
	if err := s.DeleteDirectBillingTransaction("d151e4f9", id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if err := s.DeleteDirectBillingTransaction("ffffffff", id); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown service: %v", err)
	}
}
