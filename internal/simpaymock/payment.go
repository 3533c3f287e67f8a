package simpaymock

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"time"
)

// Online payments: services, channels, currencies, transactions, refunds.

type paymentService struct {
	id, name, status string
	createdAt        time.Time
	channels         []channel
	currencies       []currency
	txs              []*paymentTx // insertion order: oldest first
	generated        int          // generated transactions so far, for their ids
	// subscriptions and aliases are the recurring payments (recurring.go).
	subscriptions []*subscription
	aliases       []*blikAlias
	generatedSubs int // generated subscriptions so far, for their ids
}

type paymentServiceView struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Status    string `json:"status"`
	CreatedAt stamp  `json:"created_at"`
}

func (p *paymentService) view() paymentServiceView {
	return paymentServiceView{ID: p.id, Name: p.name, Status: p.status, CreatedAt: stamp(p.createdAt)}
}

func (p *paymentService) channel(id string) *channel {
	for i := range p.channels {
		if p.channels[i].ID == id {
			return &p.channels[i]
		}
	}
	return nil
}

func (p *paymentService) tx(id string) *paymentTx {
	for _, t := range p.txs {
		if t.id == id {
			return t
		}
	}
	return nil
}

type channel struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Type       string        `json:"type"`
	Img        string        `json:"img"`
	Commission dec           `json:"commission"`
	Currencies []string      `json:"currencies"`
	Amount     channelAmount `json:"amount"`
}

type channelAmount struct {
	Min *dec `json:"min"`
	Max *dec `json:"max"`
}

type currency struct {
	ISO       string  `json:"iso"`
	PLNRate   string  `json:"pln_rate"`
	NBPTable  string  `json:"nbp_table"`
	Prefix    *string `json:"prefix"`
	Suffix    *string `json:"suffix"`
	UpdatedAt stamp   `json:"updated_at"`
}

type paymentTx struct {
	id, payerID, status string
	value               dec
	currency            string
	commission          *dec
	commissionCurrency  string
	original            *txOriginal
	channel             *string
	control             *string
	description         *string
	redirect            txRedirect
	customer            txCustomer
	billing, shipping   txAddress
	cart                []txCartItem
	paidAt, expiresAt   *time.Time
	createdAt           time.Time
	updatedAt           time.Time
	refunds             []*refund
	// additional is what the SDK dialect sends as "additional"; nil sends
	// sdkAdditional.
	additional json.RawMessage
}

type txOriginal struct {
	Value    dec    `json:"value"`
	Currency string `json:"currency"`
	PLNRate  dec    `json:"pln_rate"`
}

type txRedirect struct {
	Success *string `json:"success"`
	Failure *string `json:"failure"`
}

type txCustomer struct {
	Name    *string `json:"name"`
	Email   *string `json:"email"`
	IP      *string `json:"ip"`
	Country *string `json:"country"`
}

type txAddress struct {
	Name       *string `json:"name"`
	Surname    *string `json:"surname"`
	Street     *string `json:"street"`
	Building   *string `json:"building"`
	Flat       *string `json:"flat"`
	City       *string `json:"city"`
	Region     *string `json:"region"`
	PostalCode *string `json:"postalCode"`
	Country    *string `json:"country"`
	Company    *string `json:"company"`
}

type txCartItem struct {
	Name     string  `json:"name"`
	Quantity int64   `json:"quantity"`
	Price    dec     `json:"price"`
	Producer *string `json:"producer"`
	Category *string `json:"category"`
	Code     *string `json:"code"`
}

type txListView struct {
	ID        string  `json:"id"`
	Status    string  `json:"status"`
	Amount    dec     `json:"amount"`
	Control   *string `json:"control"`
	Channel   *string `json:"channel"`
	PaidAt    *stamp  `json:"paid_at"`
	CreatedAt stamp   `json:"created_at"`
	UpdatedAt stamp   `json:"updated_at"`
}

type txAmountView struct {
	Value              dec         `json:"value"`
	Currency           string      `json:"currency"`
	Commission         *dec        `json:"commission"`
	CommissionCurrency string      `json:"commission_currency"`
	Original           *txOriginal `json:"original,omitempty"`
}

type txDetailView struct {
	ID                 string       `json:"id"`
	PayerTransactionID string       `json:"payer_transaction_id"`
	Status             string       `json:"status"`
	Amount             txAmountView `json:"amount"`
	Channel            *string      `json:"channel"`
	Control            *string      `json:"control"`
	Description        *string      `json:"description"`
	Redirect           txRedirect   `json:"redirect"`
	Customer           txCustomer   `json:"customer"`
	Billing            txAddress    `json:"billing"`
	Shipping           txAddress    `json:"shipping"`
	Cart               []txCartItem `json:"cart"`
	PaidAt             *stamp       `json:"paid_at"`
	ExpiresAt          *stamp       `json:"expires_at"`
	CreatedAt          stamp        `json:"created_at"`
	UpdatedAt          stamp        `json:"updated_at"`
}

func (t *paymentTx) listView() txListView {
	return txListView{
		ID: t.id, Status: t.status, Amount: t.value, Control: t.control, Channel: t.channel,
		PaidAt: stampPtr(t.paidAt), CreatedAt: stamp(t.createdAt), UpdatedAt: stamp(t.updatedAt),
	}
}

// txDetailSDKView is the detail as simpay-laravel reads it
// (src/Responses/Payment/TransactionInfoResponse.php): with "additional".
type txDetailSDKView struct {
	txDetailView
	Additional json.RawMessage `json:"additional"`
}

func (s *Server) txDetailView(t *paymentTx) any {
	v := t.detailView()
	if !s.sdk() {
		return v
	}
	additional := t.additional
	if additional == nil {
		additional = sdkAdditional
	}
	return txDetailSDKView{txDetailView: v, Additional: additional}
}

func (t *paymentTx) detailView() txDetailView {
	return txDetailView{
		ID:                 t.id,
		PayerTransactionID: t.payerID,
		Status:             t.status,
		Amount: txAmountView{
			Value: t.value, Currency: t.currency, Commission: t.commission,
			CommissionCurrency: t.commissionCurrency, Original: t.original,
		},
		Channel: t.channel, Control: t.control, Description: t.description,
		Redirect: t.redirect, Customer: t.customer, Billing: t.billing, Shipping: t.shipping,
		Cart:      t.cart,
		PaidAt:    stampPtr(t.paidAt),
		ExpiresAt: stampPtr(t.expiresAt),
		CreatedAt: stamp(t.createdAt),
		UpdatedAt: stamp(t.updatedAt),
	}
}

// refundable is what remains to refund: the amount less every refund that has
// not been rejected or failed.
func (t *paymentTx) refundable() *big.Rat {
	left := t.value.rat()
	for _, r := range t.refunds {
		if r.counts() {
			left = ratSub(left, r.amount.rat())
		}
	}
	return left
}

type refund struct {
	id, status     string
	amount         dec
	currency       string
	walletAmount   dec
	walletCurrency string
	createdAt      time.Time
	updatedAt      time.Time
}

func (r *refund) counts() bool { return r.status != "refund_rejected" && r.status != "refund_failed" }

type refundView struct {
	ID             string `json:"id"`
	Status         string `json:"status"`
	Amount         dec    `json:"amount"`
	Currency       string `json:"currency"`
	WalletAmount   dec    `json:"wallet_amount"`
	WalletCurrency string `json:"wallet_currency"`
	CreatedAt      stamp  `json:"created_at"`
	UpdatedAt      stamp  `json:"updated_at"`
}

func (r *refund) view() refundView {
	return refundView{
		ID: r.id, Status: r.status, Amount: r.amount, Currency: r.currency,
		WalletAmount: r.walletAmount, WalletCurrency: r.walletCurrency,
		CreatedAt: stamp(r.createdAt), UpdatedAt: stamp(r.updatedAt),
	}
}

// paymentService looks a service up; callers hold s.mu.
func (s *Server) paymentService(id string) *paymentService {
	for _, p := range s.paymentServices {
		if p.id == id {
			return p
		}
	}
	return nil
}

func (s *Server) listPaymentServices(a *apiRequest) *response {
	s.mu.Lock()
	views := make([]paymentServiceView, 0, len(s.paymentServices))
	for _, p := range s.paymentServices {
		views = append(views, p.view())
	}
	s.mu.Unlock()
	return paginate(a, views)
}

func (s *Server) getPaymentService(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc := s.paymentService(a.param("serviceId"))
	if svc == nil {
		return serviceNotFound()
	}
	return ok(svc.view())
}

func (s *Server) listChannels(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc := s.paymentService(a.param("serviceId"))
	if svc == nil {
		return serviceNotFound()
	}
	return ok(svc.channels)
}

func (s *Server) listCurrencies(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc := s.paymentService(a.param("serviceId"))
	if svc == nil {
		return serviceNotFound()
	}
	return ok(svc.currencies)
}

func (s *Server) listPaymentTransactions(a *apiRequest) *response {
	s.mu.Lock()
	svc := s.paymentService(a.param("serviceId"))
	if svc == nil {
		s.mu.Unlock()
		return serviceNotFound()
	}
	views := make([]txListView, 0, len(svc.txs))
	for _, t := range slices.Backward(svc.txs) {
		views = append(views, t.listView())
	}
	s.mu.Unlock()
	return paginate(a, views)
}

func (s *Server) getPaymentTransaction(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc := s.paymentService(a.param("serviceId"))
	if svc == nil {
		return serviceNotFound()
	}
	t := svc.tx(a.param("transactionId"))
	if t == nil {
		return transactionNotFound()
	}
	return ok(s.txDetailView(t))
}

type createdTransaction struct {
	TransactionID string `json:"transactionId"`
	RedirectURL   string `json:"redirectUrl"`
}

func (s *Server) createPaymentTransaction(a *apiRequest) *response {
	s.mu.Lock()
	svc := s.paymentService(a.param("serviceId"))
	s.mu.Unlock()
	if svc == nil {
		return serviceNotFound()
	}
	body, bad := a.object()
	if bad != nil {
		return bad
	}
	in, errs := validatePaymentTransaction(body, svc)
	if !errs.empty() {
		return validationFailed(errs)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.idSeq++
	id := uuidV4(s.seed, "payment", s.idSeq)
	expires := now.Add(24 * time.Hour)
	rate := mustDec(currencyRates[in.currency])
	t := &paymentTx{
		id: id, payerID: payerID(id), status: "transaction_new",
		value: in.amount, currency: in.currency,
		commissionCurrency: commissionCurrency(in.currency),
		original:           &txOriginal{Value: in.amount, Currency: in.currency, PLNRate: rate},
		channel:            in.directChannel,
		control:            in.control, description: in.description,
		redirect: in.redirect, customer: in.customer, billing: in.billing, shipping: in.shipping,
		cart:      in.cart,
		expiresAt: &expires,
		createdAt: now, updatedAt: now,
	}
	svc.txs = append(svc.txs, t)
	s.paymentCreated(svc, t)
	s.paymentTxCreated++
	return ok(createdTransaction{TransactionID: id, RedirectURL: "https://pay.simpay.pl/" + id})
}

// commissionCurrency: SimPay settles commission in PLN for PLN payments and
// in EUR otherwise (the seed's BRL payment has an EUR commission).
func commissionCurrency(cur string) string {
	if cur == "PLN" {
		return "PLN"
	}
	return "EUR"
}

func (s *Server) lookupTx(a *apiRequest) (*paymentTx, *response) {
	svc := s.paymentService(a.param("serviceId"))
	if svc == nil {
		return nil, serviceNotFound()
	}
	t := svc.tx(a.param("transactionId"))
	if t == nil {
		return nil, transactionNotFound()
	}
	return t, nil
}

func (s *Server) listRefunds(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, bad := s.lookupTx(a)
	if bad != nil {
		return bad
	}
	views := make([]refundView, 0, len(t.refunds))
	for _, r := range t.refunds {
		views = append(views, r.view())
	}
	return ok(views)
}

func (s *Server) getRefund(a *apiRequest) *response {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, bad := s.lookupTx(a)
	if bad != nil {
		return bad
	}
	for _, r := range t.refunds {
		if r.id == a.param("refundId") {
			return ok(r.view())
		}
	}
	return apiError(http.StatusNotFound, "REFUND_NOT_FOUND", "Refund not found.")
}

type createdRefund struct {
	RefundID string `json:"refund_id"`
}

func (s *Server) createRefund(a *apiRequest) *response {
	s.mu.Lock()
	_, bad := s.lookupTx(a)
	s.mu.Unlock()
	if bad != nil {
		return bad
	}
	body, bad := a.object()
	if bad != nil {
		return bad
	}
	var v validator
	var asked *big.Rat
	if val, present := body["amount"]; present && val != nil {
		asked, _ = v.money("amount", val, big.NewRat(1, 100), false)
	}
	if !v.errs.empty() {
		return validationFailed(&v.errs)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	t, bad := s.lookupTx(a) // again: it may have gone while the body was checked
	if bad != nil {
		return bad
	}
	if t.status != "transaction_paid" {
		msg := "The transaction has not been paid, so it cannot be refunded."
		if t.status == "transaction_refunded" {
			msg = "The transaction has already been refunded in full."
		}
		return apiError(http.StatusConflict, "TRANSACTION_NOT_PAID", msg)
	}
	// SimPay's WooCommerce plugin (simpay-payment-woocommerce
	// src/Service/RefundsService.php) reads a 409 as "a previous refund
	// request is still waiting for confirmation". No source names the error
	// code of that answer: PREVIOUS_REFUND_PENDING is inferred.
	for _, r := range t.refunds {
		if r.status == "refund_new" || r.status == "refund_pending" {
			return apiError(http.StatusConflict, "PREVIOUS_REFUND_PENDING",
				fmt.Sprintf("A previous refund of this transaction (%s, %s) is still waiting for confirmation; try again when it is completed, rejected or failed.", r.id, r.status))
		}
	}
	left := t.refundable()
	amount := asked
	if amount == nil {
		amount = left
	}
	if amount.Cmp(left) > 0 || amount.Sign() <= 0 {
		return apiError(http.StatusBadRequest, "REFUND_AMOUNT_EXCEEDED",
			fmt.Sprintf("The refund amount exceeds the amount remaining to refund (%s %s).", decOf(left), t.currency))
	}
	recorded := decOf(amount)
	if len(s.refundAmounts) > 0 {
		// A test asked for SimPay to record another figure than asked.
		recorded, s.refundAmounts = s.refundAmounts[0], s.refundAmounts[1:]
	}
	now := s.now()
	s.idSeq++
	// A refund's amount is "in the payer's currency" (SimPay's refunds
	// page): t.value and t.currency are what the payer was charged, which
	// differ from the amount as created (t.original) when the payer paid in
	// another currency.
	r := &refund{
		id:     uuidV7(now, s.seed, "refund", s.idSeq),
		status: "refund_new", amount: recorded, currency: t.currency,
		walletAmount: walletAmount(recorded.rat(), t.currency), walletCurrency: "PLN",
		createdAt: now, updatedAt: now,
	}
	t.refunds = append(t.refunds, r)
	defer s.refundCreated(a.param("serviceId"), t, r, t.status)
	if t.refundable().Sign() <= 0 {
		t.status = "transaction_refunded"
		t.updatedAt = now
	}
	s.refundsCreated++
	return ok(createdRefund{RefundID: r.id})
}

// walletAmount is what a refund takes from the PLN wallet.
func walletAmount(amount *big.Rat, cur string) dec {
	return decOf(round2(ratMul(amount, mustDec(currencyRates[cur]).rat())))
}

// ipList is mock data: addresses from the documentation ranges of RFC 5737
// and RFC 3849, so that nobody allow-lists them in a real firewall by
// mistake. They are not SimPay's notification addresses.
var ipList = []string{"192.0.2.10", "192.0.2.11", "198.51.100.20", "203.0.113.30", "2001:db8:5150::10"}

func (s *Server) listIPs(a *apiRequest) *response {
	return ok(ipList)
}
