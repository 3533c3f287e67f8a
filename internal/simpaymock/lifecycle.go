package simpaymock

import (
	"strings"
	"time"
)

// The payment lifecycle plays the payer's and SimPay's side: with
// Options.Autopay set, a payment transaction created through the API gets
// its outcome that long after its creation, and a refund is completed that
// long after its own. Every status change, whoever makes it, is notified
// (see ipn.go).

// Control prefixes choose a created transaction's outcome under Autopay.
// The prefix is the start of the "control" field, case-sensitive; any other
// control (or none) means the payer pays.
var controlOutcomes = []struct {
	prefix, status string
}{
	{"fail:", "transaction_failure"},
	{"expire:", "transaction_expired"},
	{"cancel:", "transaction_canceled"},
	{"hold:", ""}, // stays transaction_new, for testing a payment nobody pays
}

// controlOutcome is the status Autopay gives a transaction created with
// this control, or "" when it leaves the transaction as it is.
func controlOutcome(control string) string {
	for _, o := range controlOutcomes {
		if strings.HasPrefix(control, o.prefix) {
			return o.status
		}
	}
	return "transaction_paid"
}

// paymentCreated schedules a new transaction's outcome. Callers hold s.mu.
func (s *Server) paymentCreated(svc *paymentService, t *paymentTx) {
	control := ""
	if t.control != nil {
		control = *t.control
	}
	status := controlOutcome(control)
	if s.notify.autopay <= 0 || status == "" {
		return
	}
	serviceID, id := svc.id, t.id
	s.notify.after(s.notify.autopay, func() {
		if s.transactionStatus(serviceID, id) == "transaction_new" {
			_ = s.SetTransactionStatus(serviceID, id, status)
		}
	})
}

// refundCreated schedules a refund's completion and notifies the
// transaction's change when the refund left nothing to refund. It runs
// deferred inside createRefund, with s.mu held and old the transaction's
// status before the refund.
func (s *Server) refundCreated(serviceID string, t *paymentTx, r *refund, old string) {
	svc := s.paymentService(serviceID)
	if svc == nil {
		return
	}
	s.transactionChanged(svc, t, old)
	if s.notify.autopay <= 0 {
		return
	}
	txID, refundID := t.id, r.id
	s.notify.after(s.notify.autopay, func() {
		if s.refundStatus(serviceID, txID, refundID) == "refund_new" {
			_ = s.SetRefundStatus(serviceID, txID, refundID, "refund_completed")
		}
	})
}

// transactionChanged notifies a transaction's new status if it has one. It
// runs deferred inside status changes, with s.mu held and old the status
// before.
func (s *Server) transactionChanged(svc *paymentService, t *paymentTx, old string) {
	if t.status == old || s.notify.url(svc.id) == "" {
		return
	}
	_, _ = s.notify.send(svc.id, IPNTransactionStatusChanged, t.updatedAt, transactionData(svc, t))
}

// refundChanged notifies a refund's new status, and the transaction's if
// the refund changed it too. It runs deferred inside SetRefundStatus with
// s.mu held.
func (s *Server) refundChanged(svc *paymentService, t *paymentTx, r *refund, oldRefund, oldTx string) {
	if r.status != oldRefund && s.notify.url(svc.id) != "" {
		_, _ = s.notify.send(svc.id, IPNRefundStatusChanged, r.updatedAt, refundData(svc, t, r))
	}
	s.transactionChanged(svc, t, oldTx)
}

func (s *Server) transactionStatus(serviceID, id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if svc := s.paymentService(serviceID); svc != nil {
		if t := svc.tx(id); t != nil {
			return t.status
		}
	}
	return ""
}

func (s *Server) refundStatus(serviceID, txID, refundID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if svc := s.paymentService(serviceID); svc != nil {
		if t := svc.tx(txID); t != nil {
			for _, r := range t.refunds {
				if r.id == refundID {
					return r.status
				}
			}
		}
	}
	return ""
}

// after runs f once d has passed, unless the mock is closed first; Settle
// waits for it.
func (n *notifier) after(d time.Duration, f func()) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.closed {
		return
	}
	n.busy.add()
	var t *time.Timer
	t = time.AfterFunc(d, func() {
		n.mu.Lock()
		live, closed := n.timers[t], n.closed
		delete(n.timers, t)
		n.mu.Unlock()
		if !live { // Close stopped it, and counted it done
			return
		}
		defer n.busy.done()
		if !closed {
			f()
		}
	})
	n.timers[t] = true
}

// transactionData is the data of transaction:status_changed, in the order
// of SimPay's TypeScript SDK (SimPaypl/simpay-typescript,
// src/types/notifications/notification-types.ts,
// TransactionStatusChangedData; ZaliczTo-PL/simpay-java-sdk has the same).
// Amounts are decimal strings there (no example shows their form); the
// mock writes two decimals. A
// field the mock has no value for is left out rather than sent as null:
// SimPay's page says absent fields are skipped, and a null would sign as ""
// in PHP's validator but as "null" in the TypeScript one. commission_partner
// is always left out, as no SimPay source says what it holds.
func transactionData(svc *paymentService, t *paymentTx) jsonObject {
	amount := jsonObject{
		{"final_currency", t.currency},
		{"final_value", money2(t.value)},
	}
	if t.original != nil {
		amount = append(amount, jsonField{"original_currency", t.original.Currency}, jsonField{"original_value", money2(t.original.Value)})
	} else {
		amount = append(amount, jsonField{"original_currency", t.currency}, jsonField{"original_value", money2(t.value)})
	}
	if t.commission != nil {
		amount = append(amount, jsonField{"commission_system", money2(*t.commission)}, jsonField{"commission_currency", t.commissionCurrency})
	}
	data := jsonObject{
		{"id", t.id},
		{"payer_transaction_id", t.payerID},
		{"service_id", svc.id},
		{"status", t.status},
		{"amount", amount},
	}
	if t.control != nil {
		data = append(data, jsonField{"control", *t.control})
	}
	if t.channel != nil {
		payment := jsonObject{{"channel", *t.channel}}
		if c := svc.channel(*t.channel); c != nil {
			payment = append(payment, jsonField{"type", c.Type})
		}
		data = append(data, jsonField{"payment", payment})
	}
	if t.customer.Country != nil {
		data = append(data, jsonField{"customer", jsonObject{{"country_code", *t.customer.Country}}})
	}
	if t.paidAt != nil {
		data = append(data, jsonField{"paid_at", formatTime(*t.paidAt)})
	}
	return append(data, jsonField{"created_at", formatTime(t.createdAt)})
}

// refundData is the data of transaction_refund:status_changed, in the
// order of the same TypeScript SDK (TransactionRefundStatusChangedData).
func refundData(svc *paymentService, t *paymentTx, r *refund) jsonObject {
	tx := jsonObject{{"id", t.id}}
	if t.channel != nil {
		tx = append(tx, jsonField{"payment_channel", *t.channel})
		if c := svc.channel(*t.channel); c != nil {
			tx = append(tx, jsonField{"payment_type", c.Type})
		}
	}
	return jsonObject{
		{"id", r.id},
		{"service_id", svc.id},
		{"status", r.status},
		{"amount", jsonObject{
			{"currency", r.currency},
			{"value", money2(r.amount)},
			{"wallet_currency", r.walletCurrency},
			{"wallet_value", money2(r.walletAmount)},
		}},
		{"transaction", tx},
	}
}

// money2 writes an amount with two decimals ("24.90").
func money2(d dec) string { return d.rat().FloatString(2) }
