package simpaymock

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The request log lets tests assert on what a client sent. It never holds a
// token: headers are not recorded, and any token value found in the path,
// query or body is replaced.

const redacted = "REDACTED"

// secretParams are query parameters whose values are masked whatever they
// hold, in case a client puts a credential in the URL.
var secretParams = []string{"token", "key", "secret", "password", "api_key", "apikey", "access_token", "authorization"}

// minSubstringSecret is the shortest token redacted wherever it appears.
// A shorter one (a test may well use "T") is redacted only where it stands
// alone: a whole path segment, a whole query value or a whole JSON string;
// otherwise "T-shirt" in a cart would be mangled.
const minSubstringSecret = 6

func (s *Server) redact(text string, auth authInfo) string {
	secrets := s.secrets
	if auth.value != "" {
		secrets = append(secrets[:len(secrets):len(secrets)], auth.value)
	}
	for _, sec := range secrets {
		if len(sec) >= minSubstringSecret {
			text = strings.ReplaceAll(text, sec, redacted)
			continue
		}
		text = strings.ReplaceAll(text, `"`+sec+`"`, `"`+redacted+`"`)
		segs := strings.Split(text, "/")
		for i, seg := range segs {
			if seg == sec {
				segs[i] = redacted
			}
		}
		text = strings.Join(segs, "/")
	}
	return text
}

func (s *Server) redactQuery(raw string, auth authInfo) string {
	if raw == "" {
		return ""
	}
	if q, err := url.ParseQuery(raw); err == nil {
		changed := false
		for k, vs := range q {
			for _, p := range secretParams {
				if strings.EqualFold(k, p) {
					q[k] = []string{redacted}
					changed = true
				}
			}
			for i, v := range vs {
				if v != "" && (v == auth.value || slices.Contains(s.secrets, v)) {
					vs[i] = redacted
					changed = true
				}
			}
		}
		if changed {
			raw = q.Encode()
		}
	}
	return s.redact(raw, auth)
}

func (s *Server) logStart(r *http.Request, body []byte, auth authInfo) *Request {
	e := &Request{
		Time:        time.Now(),
		Method:      r.Method,
		Path:        s.redact(r.URL.Path, auth),
		Query:       s.redactQuery(r.URL.RawQuery, auth),
		AuthPresent: auth.present,
		AuthValid:   auth.valid,
	}
	if len(body) > 0 && r.Method != http.MethodGet {
		e.Body = s.redact(string(body), auth)
	}
	s.lmu.Lock()
	s.log = append(s.log, e)
	s.lmu.Unlock()
	return e
}

func (s *Server) setStatus(e *Request, status int) {
	s.lmu.Lock()
	e.Status = status
	s.lmu.Unlock()
}

func (s *Server) setFault(e *Request, kind string) {
	s.lmu.Lock()
	e.Fault = kind
	s.lmu.Unlock()
}

func (s *Server) logFinish(e *Request) {
	if s.onRequest == nil {
		return
	}
	s.lmu.Lock()
	c := *e
	s.lmu.Unlock()
	s.onRequest(c)
}

// Requests returns a copy of the request log, oldest first. Requests to
// /__admin/ are not logged.
func (s *Server) Requests() []Request {
	s.lmu.Lock()
	defer s.lmu.Unlock()
	out := make([]Request, len(s.log))
	for i, e := range s.log {
		out[i] = *e
	}
	return out
}

// ResetRequests empties the request log.
func (s *Server) ResetRequests() {
	s.lmu.Lock()
	s.log = nil
	s.lmu.Unlock()
}

// CountRequests counts logged requests with the method ("" for any) whose
// path, without the Prefix, matches pattern as in Fault.Path ("" for any).
func (s *Server) CountRequests(method, pattern string) int {
	n := 0
	for _, e := range s.Requests() {
		p, _ := s.stripPrefix(e.Path)
		if (method == "" || strings.EqualFold(method, e.Method)) && PathMatches(pattern, p) {
			n++
		}
	}
	return n
}
