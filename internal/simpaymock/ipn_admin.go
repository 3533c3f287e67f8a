package simpaymock

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// maxSettleWait bounds ?wait= on GET /__admin/ipn, so that a typo cannot
// hold a CI job for hours.
const maxSettleWait = 10 * time.Minute

func (s *Server) ipnAdminRoutes(mux *http.ServeMux) {
	// A readiness check for scripts that start the mock in the background.
	mux.HandleFunc("GET /__admin/health", func(w http.ResponseWriter, r *http.Request) {
		adminJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /__admin/ipn", func(w http.ResponseWriter, r *http.Request) {
		settled := s.Settle(closedContext) == nil
		if raw := r.URL.Query().Get("wait"); raw != "" {
			d, err := time.ParseDuration(raw)
			if err != nil || d < 0 || d > maxSettleWait {
				adminFail(w, http.StatusBadRequest, fmt.Errorf("wait %q is not a Go duration between 0s and %s, e.g. 30s", raw, maxSettleWait))
				return
			}
			ctx, cancel := context.WithTimeout(r.Context(), d)
			settled = s.Settle(ctx) == nil
			cancel()
		}
		adminJSON(w, http.StatusOK, struct {
			Settled    bool          `json:"settled"`
			Deliveries []IPNDelivery `json:"deliveries"`
		}{settled, s.IPNDeliveries()})
	})
	mux.HandleFunc("DELETE /__admin/ipn", func(w http.ResponseWriter, r *http.Request) {
		s.ResetIPNDeliveries()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /__admin/ipn/test", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			ServiceID string `json:"service_id"`
		}
		if err := decodeAdmin(r, &body); err != nil || body.ServiceID == "" {
			adminFail(w, http.StatusBadRequest, errors.New(`body must be {"service_id": "..."}, a payment service id`))
			return
		}
		d, err := s.SendTestIPN(body.ServiceID)
		switch {
		case errors.Is(err, ErrNotFound):
			adminFail(w, http.StatusNotFound, err)
		case err != nil:
			adminFail(w, http.StatusConflict, err)
		default:
			adminJSON(w, http.StatusAccepted, d)
		}
	})
}

// closedContext has already ended: waiting with it only looks.
var closedContext = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()
