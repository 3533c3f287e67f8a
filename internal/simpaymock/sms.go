package simpaymock

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// SMS premium services (from SimPay's OpenAPI file).

type smsService struct {
	id, typ, status, name, prefix, suffix string
	description                           *string
	adult                                 bool
	numbers                               []int
	createdAt                             time.Time
	txs                                   []*smsTx
}

type smsServiceView struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"`
	Status      string  `json:"status"`
	Name        string  `json:"name"`
	Prefix      string  `json:"prefix"`
	Suffix      string  `json:"suffix"`
	Description *string `json:"description"`
	Adult       bool    `json:"adult"`
	// Numbers is []int in the documented dialect and []string in the SDK
	// dialect, as SimPay-API-TypeScript types it
	// (src/models/sms/service/sms.service.ts: numbers?: string[]).
	Numbers   any   `json:"numbers,omitempty"`
	CreatedAt stamp `json:"created_at"`
}

func (s *Server) smsServiceView(p *smsService, withNumbers bool) smsServiceView {
	v := smsServiceView{
		ID: p.id, Type: p.typ, Status: p.status, Name: p.name, Prefix: p.prefix, Suffix: p.suffix,
		Description: p.description, Adult: p.adult, CreatedAt: stamp(p.createdAt),
	}
	switch {
	case !withNumbers:
	case s.sdk():
		numbers := make([]string, len(p.numbers))
		for i, n := range p.numbers {
			numbers[i] = strconv.Itoa(n)
		}
		v.Numbers = numbers
	default:
		v.Numbers = p.numbers
	}
	return v
}

// smsTx is a received SMS and the code SimPay answered it with.
type smsTx struct {
	id         int
	from       int64
	code       string
	used       bool
	test       bool
	sendNumber int
	value      dec
	sendAt     time.Time
	usedAt     *time.Time
}

type smsTxView struct {
	ID         int    `json:"id"`
	From       int64  `json:"from"`
	Code       string `json:"code"`
	Used       bool   `json:"used"`
	SendNumber int    `json:"send_number"`
	Value      dec    `json:"value"`
	SendAt     stamp  `json:"send_at"`
}

func (t *smsTx) view() smsTxView {
	return smsTxView{ID: t.id, From: t.from, Code: t.code, Used: t.used, SendNumber: t.sendNumber, Value: t.value, SendAt: stamp(t.sendAt)}
}

// smsNumber is a premium number and its price without VAT (value) and with
// 23% VAT (gross); the prices follow the number (7055 costs 0.50 net, as in
// the example SMS transaction).
type smsNumber struct {
	number       int
	value, gross dec
	adult        bool
}

// smsNumberView is a number as the 2024 OpenAPI file shows it: value the net
// price and value_net the price with VAT, the way round its example has them
// (7055 -> 2 / 2.46).
type smsNumberView struct {
	Number   int  `json:"number"`
	Value    dec  `json:"value"`
	ValueNet dec  `json:"value_net"`
	Adult    bool `json:"adult"`
}

// smsNumberSDKView is a number as the newer SDKs read it: the gross price
// under value_gross (simpay-laravel src/Responses/Sms/SmsNumberResponse.php,
// SimPay-API-TypeScript src/models/sms/service/sms.number.ts) and value as a
// string (amxx-simpay-lib simpay.inc reads it with json_str_to_float).
type smsNumberSDKView struct {
	Number     int    `json:"number"`
	Value      string `json:"value"`
	ValueGross dec    `json:"value_gross"`
	Adult      bool   `json:"adult"`
}

func (s *Server) smsNumberView(n *smsNumber) any {
	if s.sdk() {
		return smsNumberSDKView{Number: n.number, Value: string(n.value), ValueGross: n.gross, Adult: n.adult}
	}
	return smsNumberView{Number: n.number, Value: n.value, ValueNet: n.gross, Adult: n.adult}
}

func (s *Server) smsNumberViews(numbers []smsNumber) []any {
	out := make([]any, 0, len(numbers))
	for i := range numbers {
		out = append(out, s.smsNumberView(&numbers[i]))
	}
	return out
}

var smsNumbers = func() []smsNumber {
	table := []struct {
		number int
		net    string
		adult  bool
	}{
		{7055, "0.5", false}, {7155, "1", false}, {7255, "2", false}, {7355, "3", false},
		{7455, "4", false}, {7555, "5", false}, {7636, "6", false}, {77464, "7", false},
		{78464, "8", false}, {7936, "9", false}, {91055, "10", false}, {91155, "11", false},
		{91455, "14", false}, {91664, "16", false}, {91955, "19", true}, {92055, "20", true},
		{92555, "25", true},
	}
	vat := mustDec("1.23").rat()
	out := make([]smsNumber, 0, len(table))
	for _, t := range table {
		net := mustDec(t.net)
		out = append(out, smsNumber{number: t.number, value: net, gross: decOf(round2(ratMul(net.rat(), vat))), adult: t.adult})
	}
	return out
}()

func findSMSNumber(n int) *smsNumber {
	for i := range smsNumbers {
		if smsNumbers[i].number == n {
			return &smsNumbers[i]
		}
	}
	return nil
}

func numberNotFound() *response {
	return apiError(http.StatusNotFound, "NUMBER_NOT_FOUND", "Number not found.")
}

func (s *Server) smsService(id string) *smsService {
	for _, p := range s.smsServices {
		if p.id == id {
			return p
		}
	}
	return nil
}

func (s *Server) listSMSServices(a *apiRequest) *response {
	s.mu.Lock()
	views := make([]smsServiceView, 0, len(s.smsServices))
	for _, p := range s.smsServices {
		views = append(views, s.smsServiceView(p, false))
	}
	s.mu.Unlock()
	return paginate(a, views)
}

func (s *Server) getSMSService(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.smsService(a.param("serviceId"))
	if p == nil {
		return serviceNotFound()
	}
	return ok(s.smsServiceView(p, true))
}

func (s *Server) listSMSTransactions(a *apiRequest) *response {
	s.mu.Lock()
	p := s.smsService(a.param("serviceId"))
	if p == nil {
		s.mu.Unlock()
		return serviceNotFound()
	}
	views := make([]smsTxView, 0, len(p.txs))
	for _, t := range slices.Backward(p.txs) {
		views = append(views, t.view())
	}
	s.mu.Unlock()
	return paginate(a, views)
}

func (s *Server) getSMSTransaction(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.smsService(a.param("serviceId"))
	if p == nil {
		return serviceNotFound()
	}
	id, err := strconv.Atoi(a.param("transactionId"))
	if err == nil {
		for _, t := range p.txs {
			if t.id == id {
				return ok(t.view())
			}
		}
	}
	return transactionNotFound()
}

func (s *Server) listSMSServiceNumbers(a *apiRequest) *response {
	s.mu.Lock()
	p := s.smsService(a.param("serviceId"))
	s.mu.Unlock()
	if p == nil {
		return serviceNotFound()
	}
	out := make([]smsNumber, 0, len(p.numbers))
	for _, n := range p.numbers {
		out = append(out, *findSMSNumber(n))
	}
	return paginate(a, s.smsNumberViews(out))
}

func (s *Server) getSMSServiceNumber(a *apiRequest) *response {
	s.mu.Lock()
	p := s.smsService(a.param("serviceId"))
	s.mu.Unlock()
	if p == nil {
		return serviceNotFound()
	}
	n, err := strconv.Atoi(a.param("number"))
	if err != nil || !slices.Contains(p.numbers, n) {
		return numberNotFound()
	}
	return ok(s.smsNumberView(findSMSNumber(n)))
}

func (s *Server) listSMSNumbers(a *apiRequest) *response {
	return paginate(a, s.smsNumberViews(smsNumbers))
}

func (s *Server) getSMSNumber(a *apiRequest) *response {
	n, err := strconv.Atoi(a.param("number"))
	if err != nil || findSMSNumber(n) == nil {
		return numberNotFound()
	}
	return ok(s.smsNumberView(findSMSNumber(n)))
}

// codeCheckView is the answer to a code check. As in SimPay's examples and
// SDK, "from" is a string here though it is a number in the transaction
// list, and a used code carries send_at (used_at is added too: the OpenAPI
// schema names that field).
type codeCheckView struct {
	Used   bool   `json:"used"`
	Code   string `json:"code"`
	Test   bool   `json:"test"`
	From   string `json:"from"`
	Number int    `json:"number"`
	Value  dec    `json:"value"`
	SendAt *stamp `json:"send_at,omitempty"`
	UsedAt *stamp `json:"used_at,omitempty"`
}

// checkSMSCode verifies a code. The first check of a valid code answers
// used=false and marks the code used; later checks answer used=true, so a
// shop that grants access only on used=false grants it once.
func (s *Server) checkSMSCode(a *apiRequest) *response {
	s.mu.Lock()
	p := s.smsService(a.param("serviceId"))
	s.mu.Unlock()
	if p == nil {
		return serviceNotFound()
	}
	body, bad := a.object()
	if bad != nil {
		return bad
	}
	var v validator
	var code *string
	if val, present := body["code"]; v.required("code", val, present) {
		code = v.regex("code", v.str("code", val, present, 0, 0), smsCodePattern)
	}
	number := 0
	if val, present := body["number"]; present && val != nil {
		if n, ok := v.integer("number", val, 0); ok {
			if findSMSNumber(int(n)) == nil {
				v.errs.add("number", "The selected number is invalid.")
			} else {
				number = int(n)
			}
		}
	}
	if !v.errs.empty() {
		return validationFailed(&v.errs)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range p.txs {
		if t.code != *code || (number != 0 && t.sendNumber != number) {
			continue
		}
		out := codeCheckView{Used: t.used, Code: t.code, Test: t.test, From: strconv.FormatInt(t.from, 10), Number: t.sendNumber, Value: t.value}
		if t.used {
			sent := stamp(t.sendAt)
			out.SendAt, out.UsedAt = &sent, stampPtr(t.usedAt)
		} else {
			now := s.now()
			t.used, t.usedAt = true, &now
		}
		return ok(out)
	}
	return apiError(http.StatusNotFound, "CODE_NOT_FOUND", "The code was not found.")
}
