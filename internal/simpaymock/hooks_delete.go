package simpaymock

import "fmt"

// DeleteRefund removes a refund, so that the next read of it answers 404
// REFUND_NOT_FOUND (an object gone outside the client). What it had taken
// becomes refundable again: a transaction it had made transaction_refunded
// is paid again.
func (s *Server) DeleteRefund(serviceID, transactionID, refundID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, t, err := s.hookTx(serviceID, transactionID)
	if err != nil {
		return err
	}
	for i, r := range t.refunds {
		if r.id != refundID {
			continue
		}
		t.refunds = append(t.refunds[:i:i], t.refunds[i+1:]...)
		if t.status == "transaction_refunded" && t.refundable().Sign() > 0 {
			t.status, t.updatedAt = "transaction_paid", s.now()
		}
		return nil
	}
	return fmt.Errorf("refund %s of transaction %s: %w", refundID, transactionID, ErrNotFound)
}

// DeleteDirectBillingTransaction removes a DirectBilling transaction, so that
// the next read answers 404 TRANSACTION_NOT_FOUND.
func (s *Server) DeleteDirectBillingTransaction(serviceID, transactionID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.dbService(serviceID)
	if p == nil {
		return fmt.Errorf("directbilling service %s: %w", serviceID, ErrNotFound)
	}
	for i, t := range p.txs {
		if t.id == transactionID {
			p.txs = append(p.txs[:i:i], p.txs[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("directbilling transaction %s of service %s: %w", transactionID, serviceID, ErrNotFound)
}
