package simpaymock

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const testToken = DefaultToken

// start serves a mock on a local port for the length of the test.
func start(t *testing.T, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	s := New(opts)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

type result struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// call sends one request; token "" sends no Authorization header.
func call(t *testing.T, ts *httptest.Server, method, path, token, body string) result {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, path, err)
	}
	r := result{status: resp.StatusCode, header: resp.Header, raw: raw}
	if len(raw) > 0 && raw[0] == '{' && strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, &r.body); err != nil {
			t.Fatalf("%s %s: body is not a JSON object: %v\n%s", method, path, err, raw)
		}
	}
	return r
}

func get(t *testing.T, ts *httptest.Server, path string) result {
	t.Helper()
	return call(t, ts, http.MethodGet, path, testToken, "")
}

func post(t *testing.T, ts *httptest.Server, path, body string) result {
	t.Helper()
	return call(t, ts, http.MethodPost, path, testToken, body)
}

// field returns the raw JSON at a dotted path of the body ("data.amount.value",
// "data.0.id").
func (r result) field(t *testing.T, path string) json.RawMessage {
	t.Helper()
	var cur json.RawMessage = r.raw
	for _, key := range strings.Split(path, ".") {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(cur, &obj); err == nil {
			v, ok := obj[key]
			if !ok {
				t.Fatalf("no %q in %s (looking for %s)", key, cur, path)
			}
			cur = v
			continue
		}
		var arr []json.RawMessage
		if err := json.Unmarshal(cur, &arr); err != nil {
			t.Fatalf("cannot descend into %s at %q", cur, key)
		}
		i, err := strconv.Atoi(key)
		if err != nil {
			t.Fatalf("bad index %q in %s", key, path)
		}
		if i < 0 || i >= len(arr) {
			t.Fatalf("index %s out of range in %s", key, path)
		}
		cur = arr[i]
	}
	return cur
}

// str returns a string field.
func (r result) str(t *testing.T, path string) string {
	t.Helper()
	var s string
	if err := json.Unmarshal(r.field(t, path), &s); err != nil {
		t.Fatalf("%s is not a string: %s", path, r.field(t, path))
	}
	return s
}

// num returns a number field as its exact JSON text.
func (r result) num(t *testing.T, path string) string {
	t.Helper()
	return string(r.field(t, path))
}

// wantStatus fails unless the answer has the status (and, for errors, the
// SimPay error code).
func (r result) want(t *testing.T, status int, errorCode string) {
	t.Helper()
	r.wantUnder(t, status, "errorCode", errorCode)
}

// wantUnder is want with the error code read from key, "errorCode" as SimPay
// documents it or "code" as the SDK dialect sends it; the other key must
// then be absent.
func (r result) wantUnder(t *testing.T, status int, key, errorCode string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.raw)
	}
	if errorCode == "" {
		if r.body["success"] != true {
			t.Fatalf("success is not true: %s", r.raw)
		}
		return
	}
	other := map[string]string{"errorCode": "code", "code": "errorCode"}[key]
	if _, has := r.body[other]; has || r.body["success"] != false || r.body[key] != errorCode {
		t.Fatalf("want success=false %s=%s and no %s, got %s", key, errorCode, other, r.raw)
	}
}

// jsonEqual fails unless got and want are the same JSON value.
func jsonEqual(t *testing.T, what string, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: got is not JSON: %v", what, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("%s: want is not JSON: %v", what, err)
	}
	if !reflect.DeepEqual(g, w) {
		var gb, wb bytes.Buffer
		_ = json.Indent(&gb, got, "", "  ")
		_ = json.Indent(&wb, []byte(want), "", "  ")
		t.Fatalf("%s differs\ngot:  %s\nwant: %s", what, gb.String(), wb.String())
	}
}

// errors returns the errors object of a 422 answer.
func (r result) errors(t *testing.T) map[string][]string {
	t.Helper()
	var e map[string][]string
	if err := json.Unmarshal(r.field(t, "errors"), &e); err != nil {
		t.Fatalf("errors: %v", err)
	}
	return e
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// startHandler serves an existing mock.
func startHandler(t *testing.T, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

func httptestRequest(ctx context.Context, method, path string) *http.Request {
	req := httptest.NewRequestWithContext(ctx, method, path, nil)
	req.Header.Set("Authorization", "Bearer "+testToken)
	return req
}

// discardWriter is a ResponseWriter for handlers whose answer is not read.
type discardWriter struct{}

func (discardWriter) Header() http.Header         { return http.Header{} }
func (discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (discardWriter) WriteHeader(int)             {}
