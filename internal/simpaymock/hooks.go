package simpaymock

import (
	"errors"
	"fmt"
	"math/big"
)

// ErrNotFound is returned by the test hooks for an unknown service,
// transaction or refund.
var ErrNotFound = errors.New("not found")

// hookTx finds a payment transaction for a test hook; s.mu is held.
func (s *Server) hookTx(serviceID, transactionID string) (*paymentService, *paymentTx, error) {
	svc := s.paymentService(serviceID)
	if svc == nil {
		return nil, nil, fmt.Errorf("payment service %s: %w", serviceID, ErrNotFound)
	}
	t := svc.tx(transactionID)
	if t == nil {
		return nil, nil, fmt.Errorf("transaction %s of service %s: %w", transactionID, serviceID, ErrNotFound)
	}
	return svc, t, nil
}

// SetTransactionStatus moves a payment transaction to any status, as
// SimPay's side would. transaction_paid also sets paid_at, the channel (the
// service's first channel if the payer had not chosen one) and the
// commission, as a paid transaction has them.
func (s *Server) SetTransactionStatus(serviceID, transactionID, status string) error {
	if status == "" {
		return errors.New("status must not be empty")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	svc, t, err := s.hookTx(serviceID, transactionID)
	if err != nil {
		return err
	}
	defer s.transactionChanged(svc, t, t.status)
	now := s.now()
	t.status, t.updatedAt = status, now
	if status == "transaction_paid" {
		if t.paidAt == nil {
			t.paidAt = &now
		}
		if t.channel == nil && len(svc.channels) > 0 {
			t.channel = strPtr(svc.channels[0].ID)
		}
		if t.commission == nil {
			t.commission = commissionFor(svc, t)
		}
	}
	return nil
}

// SetRefundStatus moves a refund to any status. A rejected or failed refund
// gives its amount back: a transaction it had made transaction_refunded is
// paid again.
func (s *Server) SetRefundStatus(serviceID, transactionID, refundID, status string) error {
	if status == "" {
		return errors.New("status must not be empty")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	svc, t, err := s.hookTx(serviceID, transactionID)
	if err != nil {
		return err
	}
	for _, r := range t.refunds {
		if r.id != refundID {
			continue
		}
		defer s.refundChanged(svc, t, r, r.status, t.status)
		now := s.now()
		r.status, r.updatedAt = status, now
		left := t.refundable().Sign()
		switch {
		case t.status == "transaction_refunded" && left > 0:
			t.status, t.updatedAt = "transaction_paid", now
		case t.status == "transaction_paid" && left == 0:
			t.status, t.updatedAt = "transaction_refunded", now
		}
		return nil
	}
	return fmt.Errorf("refund %s of transaction %s: %w", refundID, transactionID, ErrNotFound)
}

// SetDirectBillingTransactionStatus moves a DirectBilling transaction to any
// status. Each change counts as a notification sent; transaction_db_payed
// also sets the carrier (orange) if none was known.
func (s *Server) SetDirectBillingTransactionStatus(serviceID, transactionID, status string) error {
	if status == "" {
		return errors.New("status must not be empty")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.dbService(serviceID)
	if p == nil {
		return fmt.Errorf("directbilling service %s: %w", serviceID, ErrNotFound)
	}
	t := p.tx(transactionID)
	if t == nil {
		return fmt.Errorf("directbilling transaction %s of service %s: %w", transactionID, serviceID, ErrNotFound)
	}
	now := s.now()
	t.status, t.updatedAt = status, now
	if status == "transaction_db_payed" && t.operator == nil {
		t.operator = strPtr("orange")
	}
	t.notifySent, t.notifyAt = true, &now
	t.notifyCount++
	return nil
}

// DeleteTransaction removes a payment transaction, so that the next read
// answers 404 TRANSACTION_NOT_FOUND (an object removed outside the client).
func (s *Server) DeleteTransaction(serviceID, transactionID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc := s.paymentService(serviceID)
	if svc == nil {
		return fmt.Errorf("payment service %s: %w", serviceID, ErrNotFound)
	}
	for i, t := range svc.txs {
		if t.id == transactionID {
			svc.txs = append(svc.txs[:i:i], svc.txs[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("transaction %s of service %s: %w", transactionID, serviceID, ErrNotFound)
}

// PaymentTransactionsCreated counts payment transactions created through the
// API.
func (s *Server) PaymentTransactionsCreated() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.paymentTxCreated
}

// RefundsCreated counts refunds created through the API.
func (s *Server) RefundsCreated() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refundsCreated
}

// DirectBillingTransactionsCreated counts DirectBilling transactions created
// through the API.
func (s *Server) DirectBillingTransactionsCreated() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dbTxCreated
}

// SettleRefunds moves every refund of a transaction that still waits for
// confirmation (refund_new or refund_pending) to refund_completed, as SimPay
// confirming them would; until then SimPay refuses another refund of the
// transaction with 409 PREVIOUS_REFUND_PENDING.
func (s *Server) SettleRefunds(serviceID, transactionID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc, t, err := s.hookTx(serviceID, transactionID)
	if err != nil {
		return err
	}
	now := s.now()
	for _, r := range t.refunds {
		if r.status == "refund_new" || r.status == "refund_pending" {
			// Notified like every other refund status change.
			defer s.refundChanged(svc, t, r, r.status, t.status)
			r.status, r.updatedAt = "refund_completed", now
		}
	}
	return nil
}

// RecordNextRefundAs makes the next refund created through the API record
// amount (a decimal such as "8.00") instead of the amount asked for, as a
// SimPay that ignores the request's amount (its reference documents the
// refund POST without a body) or refunds another figure would. Each call
// applies to one refund, in order.
func (s *Server) RecordNextRefundAs(amount string) error {
	r, ok := new(big.Rat).SetString(amount)
	if !ok || r.Sign() <= 0 || !numericText.MatchString(amount) {
		return fmt.Errorf("refund amount %q is not a positive decimal", amount)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refundAmounts = append(s.refundAmounts, decOf(r))
	return nil
}
