package simpaymock

import (
	"math/big"
	"slices"
	"strings"
	"time"
)

// DirectBilling (carrier billing), from SimPay's OpenAPI file.

type dbService struct {
	id, name, suffix, status string
	createdAt                time.Time
	txs                      []*dbTx
}

type dbServiceView struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Suffix    string `json:"suffix"`
	Status    string `json:"status"`
	CreatedAt stamp  `json:"created_at"`
}

func (p *dbService) view() dbServiceView {
	return dbServiceView{ID: p.id, Name: p.name, Suffix: p.suffix, Status: p.status, CreatedAt: stamp(p.createdAt)}
}

func (p *dbService) tx(id string) *dbTx {
	for _, t := range p.txs {
		if t.id == id {
			return t
		}
	}
	return nil
}

type dbTx struct {
	id, status  string
	phone       *string
	control     *string
	description *string
	email       *string
	redirect    txRedirect
	value       dec // price without VAT
	valueNetto  dec // the partner's share
	// valueCreated and valueCreatedType are the amount and amountType the
	// transaction was created with.
	valueCreated     dec
	valueCreatedType string
	// score is mock data: SimPay sends a score (simpay-laravel reads it as
	// ?float) without saying what it measures.
	score       *dec
	operator    *string
	notifySent  bool
	notifyAt    *time.Time
	notifyCount int
	createdAt   time.Time
	updatedAt   time.Time
}

type dbTxListView struct {
	ID         string  `json:"id"`
	Status     string  `json:"status"`
	Value      dec     `json:"value"`
	ValueNetto dec     `json:"value_netto"`
	Operator   *string `json:"operator"`
	CreatedAt  stamp   `json:"created_at"`
	UpdatedAt  stamp   `json:"updated_at"`
}

type dbNotify struct {
	IsSend     bool   `json:"is_send"`
	LastSendAt *stamp `json:"last_send_at"`
	Count      int    `json:"count"`
}

type dbTxDetailView struct {
	ID          string   `json:"id"`
	Status      string   `json:"status"`
	PhoneNumber *string  `json:"phoneNumber"`
	Control     *string  `json:"control"`
	Value       dec      `json:"value"`
	ValueNetto  dec      `json:"value_netto"`
	Operator    *string  `json:"operator"`
	Notify      dbNotify `json:"notify"`
	CreatedAt   stamp    `json:"created_at"`
	UpdatedAt   stamp    `json:"updated_at"`
}

// dbTxSDKListView is a list item in the SDK dialect: the partner's share
// under value_net, the name simpay-laravel reads in a transaction
// (src/Responses/DirectBilling/TransactionInfoResponse.php). That SDK reads
// no list; the same name in the list is inferred.
type dbTxSDKListView struct {
	ID        string  `json:"id"`
	Status    string  `json:"status"`
	Value     dec     `json:"value"`
	ValueNet  dec     `json:"value_net"`
	Operator  *string `json:"operator"`
	CreatedAt stamp   `json:"created_at"`
	UpdatedAt stamp   `json:"updated_at"`
}

// dbTxSDKDetailView is a transaction as simpay-laravel reads it
// (src/Responses/DirectBilling/TransactionInfoResponse.php): value_net for
// the partner's share, plus value_created, value_created_type, score and
// notify. That SDK lower-cases value_created_type before reading it, so
// SimPay may well send it in capitals; the SDK dialect does, to exercise a
// reader's tolerance (inferred, not documented).
type dbTxSDKDetailView struct {
	ID               string   `json:"id"`
	Status           string   `json:"status"`
	PhoneNumber      *string  `json:"phoneNumber"`
	Control          *string  `json:"control"`
	Value            dec      `json:"value"`
	ValueNet         dec      `json:"value_net"`
	ValueCreated     dec      `json:"value_created"`
	ValueCreatedType string   `json:"value_created_type"`
	Operator         *string  `json:"operator"`
	Notify           dbNotify `json:"notify"`
	Score            *dec     `json:"score"`
	CreatedAt        stamp    `json:"created_at"`
	UpdatedAt        stamp    `json:"updated_at"`
}

func (s *Server) dbTxListView(t *dbTx) any {
	if s.sdk() {
		return dbTxSDKListView{ID: t.id, Status: t.status, Value: t.value, ValueNet: t.valueNetto, Operator: t.operator,
			CreatedAt: stamp(t.createdAt), UpdatedAt: stamp(t.updatedAt)}
	}
	return dbTxListView{ID: t.id, Status: t.status, Value: t.value, ValueNetto: t.valueNetto, Operator: t.operator,
		CreatedAt: stamp(t.createdAt), UpdatedAt: stamp(t.updatedAt)}
}

func (s *Server) dbTxDetailView(t *dbTx) any {
	notify := dbNotify{IsSend: t.notifySent, LastSendAt: stampPtr(t.notifyAt), Count: t.notifyCount}
	if s.sdk() {
		return dbTxSDKDetailView{
			ID: t.id, Status: t.status, PhoneNumber: t.phone, Control: t.control,
			Value: t.value, ValueNet: t.valueNetto, ValueCreated: t.valueCreated,
			ValueCreatedType: strings.ToUpper(t.valueCreatedType), Operator: t.operator,
			Notify: notify, Score: t.score, CreatedAt: stamp(t.createdAt), UpdatedAt: stamp(t.updatedAt),
		}
	}
	return dbTxDetailView{
		ID: t.id, Status: t.status, PhoneNumber: t.phone, Control: t.control,
		Value: t.value, ValueNetto: t.valueNetto, Operator: t.operator,
		Notify:    notify,
		CreatedAt: stamp(t.createdAt), UpdatedAt: stamp(t.updatedAt),
	}
}

// dbOperators is the mock's carrier table: the partner's share of the price
// without VAT and the highest price (without VAT) a carrier accepts. With
// amount=200 it reproduces SimPay's example calculation (orange and play
// 285.72/351.44, t-mobile and plus null). netia, answered only in the SDK
// dialect (simpay-laravel src/Responses/DirectBilling/
// AmountCalculatorResponse.php), has mock terms of its own.
var dbOperators = []struct {
	name     string
	share    string
	min, max string
}{
	{"orange", "0.70", "1", "500"},
	{"play", "0.70", "1", "500"},
	{"t-mobile", "0.60", "1", "300"},
	{"plus", "0.65", "1", "300"},
	{"netia", "0.75", "1", "400"},
}

var vatRate = big.NewRat(123, 100)

// referenceShare prices a DirectBilling transaction before its carrier is
// known.
var referenceShare = big.NewRat(70, 100)

type dbCalcItem struct {
	Net   dec `json:"net"`
	Gross dec `json:"gross"`
}

// dbCalcView is the calculation of the 2024 OpenAPI file: four operators,
// each an amount or null.
type dbCalcView struct {
	Orange  *dbCalcItem `json:"orange"`
	Play    *dbCalcItem `json:"play"`
	TMobile *dbCalcItem `json:"t-mobile"`
	Plus    *dbCalcItem `json:"plus"`
}

// dbCalcSDKView adds netia, as simpay-laravel reads it.
type dbCalcSDKView struct {
	dbCalcView
	Netia *dbCalcItem `json:"netia"`
}

func (s *Server) calculate(amount *big.Rat) any {
	var out dbCalcSDKView
	slots := map[string]**dbCalcItem{"orange": &out.Orange, "play": &out.Play, "t-mobile": &out.TMobile, "plus": &out.Plus, "netia": &out.Netia}
	for _, op := range dbOperators {
		net := ceil2(ratQuo(amount, mustDec(op.share).rat()))
		if net.Cmp(mustDec(op.min).rat()) < 0 || net.Cmp(mustDec(op.max).rat()) > 0 {
			continue
		}
		*slots[op.name] = &dbCalcItem{Net: decOf(net), Gross: decOf(round2(ratMul(net, vatRate)))}
	}
	if s.sdk() {
		return out
	}
	return out.dbCalcView
}

func (s *Server) dbService(id string) *dbService {
	for _, p := range s.dbServices {
		if p.id == id {
			return p
		}
	}
	return nil
}

func (s *Server) listDBServices(a *apiRequest) *response {
	s.mu.Lock()
	views := make([]dbServiceView, 0, len(s.dbServices))
	for _, p := range s.dbServices {
		views = append(views, p.view())
	}
	s.mu.Unlock()
	return paginate(a, views)
}

func (s *Server) getDBService(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.dbService(a.param("serviceId"))
	if p == nil {
		return serviceNotFound()
	}
	return ok(p.view())
}

func (s *Server) calculateDB(a *apiRequest) *response {
	s.mu.Lock()
	p := s.dbService(a.param("serviceId"))
	s.mu.Unlock()
	if p == nil {
		return serviceNotFound()
	}
	var v validator
	var amount *big.Rat
	raw, present := a.query["amount"]
	var val any
	if present {
		val = raw[0]
	}
	if v.required("amount", val, present) {
		amount, _ = v.money("amount", val, new(big.Rat), true)
	}
	if !v.errs.empty() {
		return validationFailed(&v.errs)
	}
	return ok(s.calculate(amount))
}

// dbStatuses are the DirectBilling statuses: the 2024 OpenAPI file's four,
// and transaction_db_canceled and transaction_db_generate_error from
// simpay-laravel src/Enums/DirectBilling/TransactionStatus.php and
// SimPay-API-TypeScript db.transaction.status.ts.
var dbStatuses = []string{
	"transaction_db_new", "transaction_db_confirmed", "transaction_db_payed", "transaction_db_rejected",
	"transaction_db_canceled", "transaction_db_generate_error",
}

func (s *Server) listDBTransactions(a *apiRequest) *response {
	s.mu.Lock()
	p := s.dbService(a.param("serviceId"))
	if p == nil {
		s.mu.Unlock()
		return serviceNotFound()
	}
	var v validator
	status := a.query.Get("filter[status]")
	if status != "" {
		v.in("filter.status", &status, dbStatuses...)
	}
	phone, control := a.query.Get("filter[phoneNumber]"), a.query.Get("filter[control]")
	views := []any{}
	for _, t := range slices.Backward(p.txs) {
		if status != "" && t.status != status {
			continue
		}
		if phone != "" && (t.phone == nil || *t.phone != phone) {
			continue
		}
		if control != "" && (t.control == nil || *t.control != control) {
			continue
		}
		views = append(views, s.dbTxListView(t))
	}
	s.mu.Unlock()
	if !v.errs.empty() {
		return validationFailed(&v.errs)
	}
	return paginate(a, views)
}

func (s *Server) getDBTransaction(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.dbService(a.param("serviceId"))
	if p == nil {
		return serviceNotFound()
	}
	t := p.tx(a.param("transactionId"))
	if t == nil {
		return transactionNotFound()
	}
	return ok(s.dbTxDetailView(t))
}

func (s *Server) createDBTransaction(a *apiRequest) *response {
	s.mu.Lock()
	p := s.dbService(a.param("serviceId"))
	s.mu.Unlock()
	if p == nil {
		return serviceNotFound()
	}
	body, bad := a.object()
	if bad != nil {
		return bad
	}
	in, errs := validateDBTransaction(body)
	if !errs.empty() {
		return validationFailed(errs)
	}
	value, netto := dbValues(in.amount, in.amountType)
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.idSeq++
	id := uuidV4(s.seed, "directbilling", s.idSeq)
	p.txs = append(p.txs, &dbTx{
		id: id, status: "transaction_db_new", phone: in.phone, control: in.control,
		description: in.description, email: in.email, redirect: in.redirect,
		value: value, valueNetto: netto, valueCreated: decOf(in.amount), valueCreatedType: in.amountType,
		createdAt: now, updatedAt: now,
	})
	s.dbTxCreated++
	return ok(createdTransaction{TransactionID: id, RedirectURL: "https://db.simpay.pl/" + id})
}

// dbValues prices a new DirectBilling transaction with the reference share,
// since the carrier is not known until the payer pays:
// gross = price with VAT, net = price without VAT, required = what the
// partner wants to receive.
func dbValues(amount *big.Rat, amountType string) (value, netto dec) {
	switch amountType {
	case "net":
		return decOf(amount), decOf(round2(ratMul(amount, referenceShare)))
	case "required":
		return decOf(ceil2(ratQuo(amount, referenceShare))), decOf(amount)
	default:
		net := round2(ratQuo(amount, vatRate))
		return decOf(net), decOf(round2(ratMul(net, referenceShare)))
	}
}
