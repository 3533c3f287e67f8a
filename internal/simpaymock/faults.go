package simpaymock

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// FaultKind is what an injected fault does to a response.
type FaultKind int

const (
	// FaultStatus answers with Fault.Status and a SimPay-style error body.
	FaultStatus FaultKind = iota
	// FaultDropConnection closes the connection without writing a response.
	FaultDropConnection
	// FaultMalformedJSON answers 200 with a body that is not valid JSON.
	FaultMalformedJSON
	// FaultTruncatedBody sends the headers with the full Content-Length but
	// only half of the body, then closes the connection.
	FaultTruncatedBody
	// FaultSuccessFalse answers 200 with {"success": false, ...}.
	FaultSuccessFalse
	// FaultDelay waits Fault.Delay (or until the client goes away), then
	// answers normally.
	FaultDelay
)

var faultKindNames = []string{"status", "drop", "malformed", "truncated", "success_false", "delay"}

// String is the kind's name as used by the admin API, the -fault flag and
// Request.Fault.
func (k FaultKind) String() string {
	if int(k) >= 0 && int(k) < len(faultKindNames) {
		return faultKindNames[k]
	}
	return "FaultKind(" + strconv.Itoa(int(k)) + ")"
}

// ParseFaultKind reads a kind name ("status", "drop", "malformed",
// "truncated", "success_false", "delay").
func ParseFaultKind(s string) (FaultKind, error) {
	for i, n := range faultKindNames {
		if strings.EqualFold(s, n) {
			return FaultKind(i), nil
		}
	}
	return 0, fmt.Errorf("unknown fault kind %q (want one of %s)", s, strings.Join(faultKindNames, ", "))
}

// Fault describes a failure to inject into matching requests.
type Fault struct {
	// Method to match, "" for any.
	Method string
	// Path to match without the Prefix, "" for any; "*" matches one
	// segment, e.g. "/payment/*/transactions".
	Path string
	Kind FaultKind
	// Status for FaultStatus; default 500.
	Status int
	// ErrorCode and Message of the body for FaultStatus and
	// FaultSuccessFalse; the defaults depend on the status (401
	// UNAUTHORIZED, 403 INVALID_ABILITY_PROVIDED, 404 ROUTE_NOT_FOUND, 429
	// TOO_MANY_REQUESTS, 5xx INTERNAL_SERVER_ERROR, ...); FaultSuccessFalse
	// defaults to those of a 500.
	ErrorCode, Message string
	// Body, if set, replaces the body written by FaultStatus or
	// FaultMalformedJSON (e.g. an HTML 502 page from a proxy).
	Body string
	// RetryAfter is sent as the Retry-After header when set.
	RetryAfter string
	// Delay for FaultDelay.
	Delay time.Duration
	// AfterHandler runs the real handler first, so its state change happens
	// (the transaction IS created), then answers with the fault: "created,
	// but the answer never came". With FaultDelay the real answer is sent
	// after the delay.
	AfterHandler bool
	// Times limits the fault to the next N matching requests; 0 is every
	// matching request.
	Times int
	// Fraction, when above 0, applies the fault to that fraction of matching
	// requests, decided by a PRNG seeded from Options.Seed.
	Fraction float64
}

type activeFault struct {
	f    Fault
	left int // remaining applications; -1 for unlimited
}

// AddFault queues a fault. The first queued fault that matches a request and
// is still active applies.
func (s *Server) AddFault(f Fault) {
	left := -1
	if f.Times > 0 {
		left = f.Times
	}
	s.fmu.Lock()
	s.faults = append(s.faults, &activeFault{f: f, left: left})
	s.fmu.Unlock()
}

// ClearFaults removes every queued fault.
func (s *Server) ClearFaults() {
	s.fmu.Lock()
	s.faults = nil
	s.fmu.Unlock()
}

// Faults returns the queued faults that can still apply, with Times set to
// what is left of them.
func (s *Server) Faults() []Fault {
	s.fmu.Lock()
	defer s.fmu.Unlock()
	var out []Fault
	for _, a := range s.faults {
		if a.left == 0 {
			continue
		}
		f := a.f
		if a.left > 0 {
			f.Times = a.left
		}
		out = append(out, f)
	}
	return out
}

func (s *Server) nextFault(method, path string) (Fault, bool) {
	s.fmu.Lock()
	defer s.fmu.Unlock()
	for _, a := range s.faults {
		if a.left == 0 {
			continue
		}
		if a.f.Method != "" && !strings.EqualFold(a.f.Method, method) {
			continue
		}
		if !PathMatches(a.f.Path, path) {
			continue
		}
		if a.f.Fraction > 0 && s.rng.Float64() >= a.f.Fraction {
			continue
		}
		if a.left > 0 {
			a.left--
		}
		return a.f, true
	}
	return Fault{}, false
}

func defaultErrorCode(status int) string {
	switch {
	case status == 400:
		return "BAD_REQUEST"
	case status == 401:
		return "UNAUTHORIZED"
	case status == 403:
		return "INVALID_ABILITY_PROVIDED"
	case status == 404:
		return "ROUTE_NOT_FOUND"
	case status == 405:
		return "METHOD_NOT_ALLOWED"
	case status == 409:
		return "CONFLICT"
	case status == 422:
		return "VALIDATION_ERROR"
	case status == 429:
		return "TOO_MANY_REQUESTS"
	case status >= 500:
		return "INTERNAL_SERVER_ERROR"
	}
	return "ERROR"
}

func defaultMessage(status int) string {
	switch {
	case status == 401:
		return "Unauthenticated."
	case status == 403:
		return "The provided token does not have the required ability."
	case status == 429:
		return "Too Many Attempts."
	case status >= 500:
		return "Server Error"
	}
	if t := http.StatusText(status); t != "" {
		return t + "."
	}
	return "Error."
}

// faultResponse builds the body of a FaultStatus or FaultSuccessFalse.
func faultResponse(f Fault, status int) *response {
	code, msg := f.ErrorCode, f.Message
	if code == "" {
		code = defaultErrorCode(status)
	}
	if msg == "" {
		msg = defaultMessage(status)
	}
	body := errorBody{ErrorCode: code, Message: msg}
	if code == "VALIDATION_ERROR" {
		body.Errors = &fieldErrors{}
	}
	resp := errorResponse(status, body)
	if f.Body != "" {
		resp.body, resp.errBody = []byte(f.Body), nil
		if strings.HasPrefix(strings.TrimSpace(f.Body), "<") {
			resp.header.Set("Content-Type", "text/html; charset=UTF-8")
		}
	}
	return resp
}

const defaultMalformedBody = `{"success": true, "data": [`

func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, f Fault, handle func() *response, entry *Request) {
	var real *response
	if f.AfterHandler {
		real = handle()
	}
	withRetryAfter := func(resp *response) *response {
		if f.RetryAfter != "" {
			resp.header.Set("Retry-After", f.RetryAfter)
		}
		return resp
	}
	switch f.Kind {
	case FaultDelay:
		if !sleep(r.Context(), f.Delay) {
			return
		}
		if real == nil {
			real = handle()
		}
		s.write(w, withRetryAfter(real), entry)
	case FaultDropConnection:
		dropConnection(w)
	case FaultTruncatedBody:
		// A GET has no side effect, so its real answer is what gets cut; a
		// mutation is not run unless AfterHandler asks for it.
		if real == nil && r.Method == http.MethodGet {
			real = handle()
		}
		if real == nil {
			real = ok(map[string]any{"message": "This body is cut short by the mock's truncated-body fault."})
		}
		s.setStatus(entry, real.status)
		truncate(w, withRetryAfter(s.inDialect(real)))
	case FaultMalformedJSON:
		body := f.Body
		if body == "" {
			body = defaultMalformedBody
		}
		resp := jsonResponse(http.StatusOK, nil)
		resp.body = []byte(body)
		s.write(w, withRetryAfter(resp), entry)
	case FaultSuccessFalse:
		// A 200 that says it failed: the code and message of a 500.
		if f.ErrorCode == "" {
			f.ErrorCode = defaultErrorCode(http.StatusInternalServerError)
		}
		if f.Message == "" {
			f.Message = defaultMessage(http.StatusInternalServerError)
		}
		f.Body = ""
		s.write(w, withRetryAfter(faultResponse(f, http.StatusOK)), entry)
	default: // FaultStatus
		status := f.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		s.write(w, withRetryAfter(faultResponse(f, status)), entry)
	}
}

// dropConnection closes the connection without a byte of response. Where the
// connection cannot be taken over (HTTP/2), aborting the handler resets the
// stream instead.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// truncate writes valid headers announcing the full body, half the body, and
// closes the connection.
func truncate(w http.ResponseWriter, resp *response) {
	half := resp.body[:len(resp.body)/2]
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		for k, v := range resp.header {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(resp.body)))
		w.WriteHeader(resp.status)
		_, _ = w.Write(half)
		_ = http.NewResponseController(w).Flush()
		panic(http.ErrAbortHandler)
	}
	defer conn.Close()
	writeRawHead(buf.Writer, resp, len(resp.body))
	_, _ = buf.Write(half)
	_ = buf.Flush()
}

func writeRawHead(bw *bufio.Writer, resp *response, contentLength int) {
	fmt.Fprintf(bw, "HTTP/1.1 %d %s\r\n", resp.status, http.StatusText(resp.status))
	h := resp.header.Clone()
	h.Set("Content-Length", strconv.Itoa(contentLength))
	h.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	h.Set("Connection", "close")
	_ = h.Write(bw)
	_, _ = bw.WriteString("\r\n")
}

// faultJSON is a Fault as the admin API reads and writes it.
type faultJSON struct {
	Method       string  `json:"method,omitempty"`
	Path         string  `json:"path,omitempty"`
	Kind         string  `json:"kind"`
	Status       int     `json:"status,omitempty"`
	ErrorCode    string  `json:"errorCode,omitempty"`
	Message      string  `json:"message,omitempty"`
	Body         string  `json:"body,omitempty"`
	RetryAfter   string  `json:"retryAfter,omitempty"`
	Delay        string  `json:"delay,omitempty"`
	AfterHandler bool    `json:"afterHandler,omitempty"`
	Times        int     `json:"times,omitempty"`
	Fraction     float64 `json:"fraction,omitempty"`
}

// MarshalJSON writes the fault with its kind as a name and Delay as a Go
// duration string.
func (f Fault) MarshalJSON() ([]byte, error) {
	j := faultJSON{
		Method: f.Method, Path: f.Path, Kind: f.Kind.String(), Status: f.Status,
		ErrorCode: f.ErrorCode, Message: f.Message, Body: f.Body, RetryAfter: f.RetryAfter,
		AfterHandler: f.AfterHandler, Times: f.Times, Fraction: f.Fraction,
	}
	if f.Delay != 0 {
		j.Delay = f.Delay.String()
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a fault as the admin API takes it: kind as a name
// ("status", "drop", "malformed", "truncated", "success_false", "delay"),
// delay as a Go duration string ("1.5s"). snake_case spellings of the
// camelCase keys (retry_after, after_handler, error_code) are accepted too.
func (f *Fault) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	aliases := map[string]string{"retry_after": "retryAfter", "after_handler": "afterHandler", "error_code": "errorCode"}
	for from, to := range aliases {
		if v, ok := raw[from]; ok {
			raw[to] = v
			delete(raw, from)
		}
	}
	norm, _ := json.Marshal(raw)
	var j faultJSON
	if err := json.Unmarshal(norm, &j); err != nil {
		return err
	}
	out := Fault{
		Method: strings.ToUpper(j.Method), Path: j.Path, Status: j.Status,
		ErrorCode: j.ErrorCode, Message: j.Message, Body: j.Body, RetryAfter: j.RetryAfter,
		AfterHandler: j.AfterHandler, Times: j.Times, Fraction: j.Fraction,
	}
	switch {
	case j.Kind != "":
		k, err := ParseFaultKind(j.Kind)
		if err != nil {
			return err
		}
		out.Kind = k
	case j.Delay != "":
		out.Kind = FaultDelay
	}
	if j.Delay != "" {
		d, err := time.ParseDuration(j.Delay)
		if err != nil {
			return fmt.Errorf("fault delay: %w", err)
		}
		out.Delay = d
	}
	if err := out.check(); err != nil {
		return err
	}
	*f = out
	return nil
}

func (f Fault) check() error {
	if f.Kind < FaultStatus || f.Kind > FaultDelay {
		return fmt.Errorf("unknown fault kind %d", f.Kind)
	}
	if f.Kind == FaultStatus && f.Status != 0 && (f.Status < 100 || f.Status > 599) {
		return fmt.Errorf("fault status %d is not an HTTP status", f.Status)
	}
	if f.Kind == FaultDelay && f.Delay <= 0 {
		return errors.New("a delay fault needs a positive delay")
	}
	if f.Times < 0 {
		return errors.New("fault times must not be negative")
	}
	if f.Fraction < 0 || f.Fraction > 1 {
		return errors.New("fault fraction must be between 0 and 1")
	}
	return nil
}

// ParseFault reads the one-line fault syntax of the simpay-mock command:
//
//	[METHOD] [PATH] key=value ...
//
// e.g. `GET /payment/*/channels status=503 times=2 retry_after=1` or
// `POST /payment/*/transactions kind=drop after_handler`. Keys: kind, status,
// error_code, message, body, retry_after, delay, after_handler, times,
// fraction. A bare kind name ("drop") stands for kind=drop; status=N implies
// kind=status and delay=D kind=delay. Values may be double-quoted.
func ParseFault(spec string) (Fault, error) {
	words, err := splitWords(spec)
	if err != nil {
		return Fault{}, err
	}
	var f Fault
	kindSet := false
	for i, w := range words {
		key, value, hasValue := strings.Cut(w, "=")
		switch {
		case !hasValue && i == 0 && isMethod(w):
			f.Method = strings.ToUpper(w)
			continue
		case !hasValue && strings.HasPrefix(w, "/"):
			f.Path = w
			continue
		case !hasValue && (w == "after_handler" || w == "afterHandler"):
			f.AfterHandler = true
			continue
		case !hasValue:
			k, err := ParseFaultKind(w)
			if err != nil {
				return Fault{}, fmt.Errorf("fault %q: %w", spec, err)
			}
			f.Kind, kindSet = k, true
			continue
		}
		var perr error
		switch strings.ToLower(key) {
		case "kind":
			f.Kind, perr = ParseFaultKind(value)
			kindSet = true
		case "method":
			f.Method = strings.ToUpper(value)
		case "path":
			f.Path = value
		case "status":
			f.Status, perr = strconv.Atoi(value)
			if !kindSet {
				f.Kind = FaultStatus
			}
		case "error_code", "errorcode":
			f.ErrorCode = value
		case "message":
			f.Message = value
		case "body":
			f.Body = value
		case "retry_after", "retryafter":
			f.RetryAfter = value
		case "delay":
			f.Delay, perr = time.ParseDuration(value)
			if !kindSet {
				f.Kind, kindSet = FaultDelay, true
			}
		case "after_handler", "afterhandler":
			f.AfterHandler, perr = strconv.ParseBool(value)
		case "times":
			f.Times, perr = strconv.Atoi(value)
		case "fraction":
			f.Fraction, perr = strconv.ParseFloat(value, 64)
		default:
			perr = fmt.Errorf("unknown key %q", key)
		}
		if perr != nil {
			return Fault{}, fmt.Errorf("fault %q: %s: %w", spec, key, perr)
		}
	}
	if f.Kind == FaultStatus && f.Status == 0 && !kindSet && f.ErrorCode == "" {
		return Fault{}, fmt.Errorf("fault %q: say what to do (status=N, delay=D or a kind such as drop)", spec)
	}
	if err := f.check(); err != nil {
		return Fault{}, fmt.Errorf("fault %q: %w", spec, err)
	}
	return f, nil
}

func isMethod(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	switch w {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}

// splitWords splits on spaces, keeping double-quoted runs together
// (message="Try again later").
func splitWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inQuote, inWord := false, false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote = !inQuote
			inWord = true
		case unicode.IsSpace(r) && !inQuote:
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inQuote {
		return nil, fmt.Errorf("fault %q: unterminated quote", s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
