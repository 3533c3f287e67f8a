package simpaymock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// response is an answer held in memory until it is written, so that a fault
// can replace, truncate or delay it after the handler has run.
type response struct {
	status int
	header http.Header
	body   []byte
	// errBody is the error envelope body was written from, when the mock
	// built it, so that a dialect can write it its own way.
	errBody *errorBody
}

// envelope is SimPay's success wrapper.
type envelope struct {
	Success    bool        `json:"success"`
	Data       any         `json:"data"`
	Pagination *pagination `json:"pagination,omitempty"`
}

// errorBody is SimPay's error wrapper.
type errorBody struct {
	Success   bool         `json:"success"`
	ErrorCode string       `json:"errorCode"`
	Message   string       `json:"message,omitempty"`
	Errors    *fieldErrors `json:"errors,omitempty"`
}

type pagination struct {
	Total       int             `json:"total"`
	Count       int             `json:"count"`
	PerPage     int             `json:"per_page"`
	CurrentPage int             `json:"current_page"`
	TotalPages  int             `json:"total_pages"`
	Links       paginationLinks `json:"links"`
}

type paginationLinks struct {
	NextPage *string `json:"next_page"`
	PrevPage *string `json:"prev_page"`
}

func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("simpaymock: encoding a response: %v", err))
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

func jsonResponse(status int, v any) *response {
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	return &response{status: status, header: h, body: marshal(v)}
}

func ok(data any) *response {
	return jsonResponse(http.StatusOK, envelope{Success: true, Data: data})
}

func apiError(status int, code, message string) *response {
	return errorResponse(status, errorBody{ErrorCode: code, Message: message})
}

func errorResponse(status int, e errorBody) *response {
	resp := jsonResponse(status, e)
	resp.errBody = &e
	return resp
}

func validationFailed(errs *fieldErrors) *response {
	return errorResponse(http.StatusUnprocessableEntity, errorBody{
		ErrorCode: "VALIDATION_ERROR",
		Message:   errs.summary(),
		Errors:    errs,
	})
}

func serviceNotFound() *response {
	return apiError(http.StatusNotFound, "SERVICE_NOT_FOUND", "Service not found.")
}

func transactionNotFound() *response {
	return apiError(http.StatusNotFound, "TRANSACTION_NOT_FOUND", "Transaction not found.")
}

const (
	defaultPerPage = 15
	maxPerPage     = 99
)

// pageSize is how a list endpoint takes its page size: the query parameter
// and its default and largest value.
type pageSize struct {
	param        string
	def, largest int
}

// byLimit is the page size of most of SimPay's lists: limit, default 15,
// at most 99 (CONTRACT.md, Envelope).
var byLimit = pageSize{param: "limit", def: defaultPerPage, largest: maxPerPage}

// byPerPage is the page size of the recurring-payment lists: perPage,
// default 20, 1 to 50 (pages "Retrieve subscription list" and "Retrieve list
// of BLIK aliases": "perPage integer [ 1 .. 50 ] ... Default 20"). They
// ignore limit, as a Laravel controller ignores a parameter it does not read.
var byPerPage = pageSize{param: "perPage", def: 20, largest: 50}

// pageRequestBy reads page and the page size named by size, answering a
// value out of range as SimPay's validation does (a 422).
func pageRequestBy(q url.Values, size pageSize) (page, limit int, errs *fieldErrors) {
	errs = &fieldErrors{}
	page, limit = 1, size.def
	if s := q.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			errs.add("page", "The page must be an integer.")
		case n < 1:
			errs.add("page", "The page must be at least 1.")
		default:
			page = n
		}
	}
	if s := q.Get(size.param); s != "" {
		name := attr(size.param)
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			errs.addf(size.param, "The %s must be an integer.", name)
		case n < 1:
			errs.addf(size.param, "The %s must be at least 1.", name)
		case n > size.largest:
			errs.addf(size.param, "The %s may not be greater than %d.", name, size.largest)
		default:
			limit = n
		}
	}
	return page, limit, errs
}

// paginate answers a list endpoint with one page of items and SimPay's
// pagination block. A page past the end is an empty list, not an error.
func paginate[T any](a *apiRequest, items []T) *response {
	return paginateBy(a, items, byLimit)
}

// paginateBy is paginate with the page size taken as size says.
func paginateBy[T any](a *apiRequest, items []T, size pageSize) *response {
	page, limit, errs := pageRequestBy(a.query, size)
	if !errs.empty() {
		return validationFailed(errs)
	}
	total := len(items)
	totalPages := max((total+limit-1)/limit, 1)
	start := min((page-1)*limit, total)
	end := min(start+limit, total)
	data := items[start:end]
	if data == nil {
		data = []T{}
	}
	p := &pagination{
		Total:       total,
		Count:       len(data),
		PerPage:     limit,
		CurrentPage: page,
		TotalPages:  totalPages,
	}
	if page < totalPages {
		u := a.pageURL(page + 1)
		p.Links.NextPage = &u
	}
	if page > 1 {
		u := a.pageURL(page - 1)
		p.Links.PrevPage = &u
	}
	return jsonResponse(http.StatusOK, envelope{Success: true, Data: data, Pagination: p})
}
