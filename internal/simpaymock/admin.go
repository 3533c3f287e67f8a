package simpaymock

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// The admin API is the test hooks over HTTP, for the simpay-mock command and
// scripts. It is not part of SimPay's API: it needs no token, its requests
// are not logged, and no latency or fault applies to it.
func (s *Server) adminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /__admin/faults", func(w http.ResponseWriter, r *http.Request) {
		faults := s.Faults()
		if faults == nil {
			faults = []Fault{}
		}
		adminJSON(w, http.StatusOK, faults)
	})
	mux.HandleFunc("POST /__admin/faults", func(w http.ResponseWriter, r *http.Request) {
		var f Fault
		if err := decodeAdmin(r, &f); err != nil {
			adminFail(w, http.StatusBadRequest, err)
			return
		}
		s.AddFault(f)
		adminJSON(w, http.StatusCreated, f)
	})
	mux.HandleFunc("DELETE /__admin/faults", func(w http.ResponseWriter, r *http.Request) {
		s.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /__admin/requests", func(w http.ResponseWriter, r *http.Request) {
		adminJSON(w, http.StatusOK, s.Requests())
	})
	mux.HandleFunc("DELETE /__admin/requests", func(w http.ResponseWriter, r *http.Request) {
		s.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /__admin/counters", func(w http.ResponseWriter, r *http.Request) {
		adminJSON(w, http.StatusOK, map[string]int{
			"payment_transactions_created":       s.PaymentTransactionsCreated(),
			"refunds_created":                    s.RefundsCreated(),
			"directbilling_transactions_created": s.DirectBillingTransactionsCreated(),
		})
	})
	mux.HandleFunc("POST /__admin/latency", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Latency string `json:"latency"`
		}
		if err := decodeAdmin(r, &body); err != nil {
			adminFail(w, http.StatusBadRequest, err)
			return
		}
		d, err := time.ParseDuration(body.Latency)
		if err != nil || d < 0 {
			adminFail(w, http.StatusBadRequest, fmt.Errorf("latency %q is not a non-negative Go duration", body.Latency))
			return
		}
		s.SetLatency(d)
		adminJSON(w, http.StatusOK, map[string]string{"latency": d.String()})
	})
	mux.HandleFunc("POST /__admin/payment/{serviceId}/transactions/{transactionId}/status", func(w http.ResponseWriter, r *http.Request) {
		adminSetStatus(w, r, func(status string) error {
			return s.SetTransactionStatus(r.PathValue("serviceId"), r.PathValue("transactionId"), status)
		})
	})
	mux.HandleFunc("POST /__admin/payment/{serviceId}/transactions/{transactionId}/refunds/{refundId}/status", func(w http.ResponseWriter, r *http.Request) {
		adminSetStatus(w, r, func(status string) error {
			return s.SetRefundStatus(r.PathValue("serviceId"), r.PathValue("transactionId"), r.PathValue("refundId"), status)
		})
	})
	mux.HandleFunc("POST /__admin/directbilling/{serviceId}/transactions/{transactionId}/status", func(w http.ResponseWriter, r *http.Request) {
		adminSetStatus(w, r, func(status string) error {
			return s.SetDirectBillingTransactionStatus(r.PathValue("serviceId"), r.PathValue("transactionId"), status)
		})
	})
	mux.HandleFunc("POST /__admin/refunds/next-amount", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Amount string `json:"amount"`
		}
		if err := decodeAdmin(r, &body); err != nil {
			adminFail(w, http.StatusBadRequest, err)
			return
		}
		if err := s.RecordNextRefundAs(body.Amount); err != nil {
			adminFail(w, http.StatusBadRequest, err)
			return
		}
		adminJSON(w, http.StatusOK, body)
	})
	mux.HandleFunc("DELETE /__admin/payment/{serviceId}/transactions/{transactionId}", func(w http.ResponseWriter, r *http.Request) {
		if err := s.DeleteTransaction(r.PathValue("serviceId"), r.PathValue("transactionId")); err != nil {
			adminFail(w, http.StatusNotFound, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /__admin/payment/{serviceId}/generate", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Count int `json:"count"`
		}
		if err := decodeAdmin(r, &body); err != nil || body.Count < 1 {
			adminFail(w, http.StatusBadRequest, errors.New(`body must be {"count": n} with n >= 1`))
			return
		}
		s.mu.Lock()
		known := s.paymentService(r.PathValue("serviceId")) != nil
		s.mu.Unlock()
		if !known {
			adminFail(w, http.StatusNotFound, fmt.Errorf("payment service %s: %w", r.PathValue("serviceId"), ErrNotFound))
			return
		}
		s.AddPaymentTransactions(r.PathValue("serviceId"), body.Count)
		adminJSON(w, http.StatusOK, map[string]int{"added": body.Count})
	})
	s.ipnAdminRoutes(mux)
	mux.HandleFunc("/__admin/", func(w http.ResponseWriter, r *http.Request) {
		adminFail(w, http.StatusNotFound, fmt.Errorf("no admin route %s %s", r.Method, r.URL.Path))
	})
	return mux
}

func decodeAdmin(r *http.Request, v any) error {
	d := json.NewDecoder(io.LimitReader(r.Body, maxBody))
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("reading the JSON body: %w", err)
	}
	return nil
}

func adminSetStatus(w http.ResponseWriter, r *http.Request, set func(string) error) {
	var body struct {
		Status string `json:"status"`
	}
	if err := decodeAdmin(r, &body); err != nil || body.Status == "" {
		adminFail(w, http.StatusBadRequest, errors.New(`body must be {"status": "..."}`))
		return
	}
	if err := set(body.Status); err != nil {
		code := http.StatusBadRequest
		if errors.Is(err, ErrNotFound) {
			code = http.StatusNotFound
		}
		adminFail(w, code, err)
		return
	}
	adminJSON(w, http.StatusOK, body)
}

func adminJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(marshal(v))
}

func adminFail(w http.ResponseWriter, status int, err error) {
	adminJSON(w, status, map[string]string{"error": err.Error()})
}
