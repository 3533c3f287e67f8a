package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// PaymentService is an online-payments service (GET /payment).
type PaymentService struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Status is e.g. service_active; unknown values are kept as sent.
	Status    string `json:"status"`
	CreatedAt string `json:"created_at"`
}

// PaymentChannel is a payment channel of a service (BLIK, a bank, ...).
type PaymentChannel struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	Type       string      `json:"type"`
	Img        string      `json:"img"`
	Commission Decimal     `json:"commission"`
	Currencies []string    `json:"currencies"`
	Amount     AmountRange `json:"amount"`
}

// AmountRange is the smallest and largest amount a channel accepts; an empty
// bound means SimPay did not send it.
type AmountRange struct {
	Min Decimal `json:"min"`
	Max Decimal `json:"max"`
}

// Currency is a currency a service accepts, with its rate to PLN.
type Currency struct {
	ISO string `json:"iso"`
	// PLNRate is the NBP rate, sent by SimPay as a string such as "4.3238000000".
	PLNRate   Decimal `json:"pln_rate"`
	NBPTable  string  `json:"nbp_table"`
	Prefix    *string `json:"prefix"`
	Suffix    *string `json:"suffix"`
	UpdatedAt string  `json:"updated_at"`
}

// PaymentTransactionSummary is a transaction as the list endpoint shows it.
type PaymentTransactionSummary struct {
	ID        string  `json:"id"`
	Status    string  `json:"status"`
	Amount    Decimal `json:"amount"`
	Control   *string `json:"control"`
	Channel   *string `json:"channel"`
	PaidAt    *string `json:"paid_at"`
	CreatedAt string  `json:"created_at"`
	UpdatedAt string  `json:"updated_at"`
}

// PaymentTransaction is one transaction in full.
type PaymentTransaction struct {
	ID                 string            `json:"id"`
	PayerTransactionID string            `json:"payer_transaction_id"`
	Status             string            `json:"status"`
	Amount             TransactionAmount `json:"amount"`
	Channel            *string           `json:"channel"`
	Control            *string           `json:"control"`
	Description        *string           `json:"description"`
	// Redirect is "redirect" in the seeds and simpay-laravel, "redirects"
	// in the 2024 OpenAPI file and SimPay-API-TypeScript; either is read.
	Redirect Redirect `json:"redirect" alias:"redirects"`
	Customer Customer `json:"customer"`
	Billing  *Address `json:"billing"`
	Shipping *Address `json:"shipping"`
	// Cart is nil when SimPay sent null, and empty (not nil) for [].
	Cart []CartItem `json:"cart"`
	// Additional is SimPay's "additional", exactly as sent: simpay-laravel
	// (src/Responses/Payment/TransactionInfoResponse.php) reads it as an
	// array of unstated shape, and no document describes it. nil when SimPay
	// sent null or nothing.
	Additional RawJSON `json:"additional"`
	PaidAt     *string `json:"paid_at"`
	ExpiresAt  *string `json:"expires_at"`
	CreatedAt  string  `json:"created_at"`
	UpdatedAt  string  `json:"updated_at"`
}

// UnmarshalJSON reads the return URLs under either of their names.
func (t *PaymentTransaction) UnmarshalJSON(b []byte) error {
	type plain PaymentTransaction
	return decodeAliased(b, (*plain)(t))
}

// TransactionAmount is what the payer paid and what SimPay charged.
type TransactionAmount struct {
	Value    Decimal `json:"value"`
	Currency string  `json:"currency"`
	// Commission is "" when SimPay sent null.
	Commission         Decimal         `json:"commission"`
	CommissionCurrency string          `json:"commission_currency"`
	Original           *OriginalAmount `json:"original"`
}

// OriginalAmount is the amount declared when the transaction was created,
// before the payer switched currency.
type OriginalAmount struct {
	Value    Decimal `json:"value"`
	Currency string  `json:"currency"`
	PLNRate  Decimal `json:"pln_rate"`
}

// Redirect holds the return URLs given at creation; nil when not given.
type Redirect struct {
	Success *string `json:"success"`
	Failure *string `json:"failure"`
}

// Customer is the payer as SimPay recorded them; every field may be null.
type Customer struct {
	Name    *string `json:"name"`
	Email   *string `json:"email"`
	IP      *string `json:"ip"`
	Country *string `json:"country"`
}

// Address is a billing or shipping address; every field may be null.
type Address struct {
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

// CartItem is one product of a transaction's cart.
type CartItem struct {
	Name     string  `json:"name"`
	Quantity Integer `json:"quantity"`
	Price    Decimal `json:"price"`
	Producer *string `json:"producer"`
	Category *string `json:"category"`
	Code     *string `json:"code"`
}

// PaymentTransactionRequest is the body of POST /payment/{id}/transactions,
// field for field as SimPay names it. Unset fields are not sent. Amounts are
// decimal.Decimal, which goes out only as a JSON number with its digits as
// written ("10.00" as 10.00).
type PaymentTransactionRequest struct {
	Amount        decimal.Decimal `json:"amount,omitzero"`
	Currency      string          `json:"currency,omitempty"`
	Description   string          `json:"description,omitempty"`
	Control       string          `json:"control,omitempty"`
	Customer      *CustomerInput  `json:"customer,omitempty"`
	Antifraud     *AntifraudInput `json:"antifraud,omitempty"`
	Billing       *AddressInput   `json:"billing,omitempty"`
	Shipping      *AddressInput   `json:"shipping,omitempty"`
	Cart          []CartItemInput `json:"cart,omitempty"`
	Returns       *Returns        `json:"returns,omitempty"`
	DirectChannel string          `json:"directChannel,omitempty"`
	Channels      []string        `json:"channels,omitempty"`
	ChannelTypes  *ChannelTypes   `json:"channelTypes,omitempty"`
	Referer       string          `json:"referer,omitempty"`
	// CommissionMode says who pays SimPay's commission: CommissionModeMerchant
	// (SimPay's default) or CommissionModePayer. Sent by simpay-ecommerce
	// (src/TransactionBuilder.php); not in the seeds.
	CommissionMode string `json:"commissionMode,omitempty"`
	// Context is the payer's purchase history, for SimPay's fraud checks
	// (simpay-ecommerce src/TransactionBuilder.php); not in the seeds.
	Context *PurchaseContext `json:"context,omitempty"`
}

// The commission modes simpay-ecommerce sends.
const (
	CommissionModeMerchant = "merchant"
	CommissionModePayer    = "payer"
)

// PurchaseContext is what the shop knows of the payer's history, with
// simpay-ecommerce's names (src/TransactionBuilder.php setContext). Unset
// fields are not sent; amounts go out exactly as written, where that SDK
// rounds a float to 2 places.
type PurchaseContext struct {
	// AccountCreatedAt is when the payer's account was created, as the shop
	// writes a date (the SDK passes its string through).
	AccountCreatedAt string `json:"accountCreatedAt,omitempty"`
	// SalesTotalCount is how many purchases the payer made; a pointer, since
	// 0 is meaningful and must be sent.
	SalesTotalCount  *int64          `json:"salesTotalCount,omitempty"`
	SalesTotalAmount decimal.Decimal `json:"salesTotalAmount,omitzero"`
	SalesAvgAmount   decimal.Decimal `json:"salesAvgAmount,omitzero"`
	SalesMaxAmount   decimal.Decimal `json:"salesMaxAmount,omitzero"`
	// AccountSetCurrency is the currency of the payer's account, e.g. PLN.
	AccountSetCurrency string `json:"accountSetCurrency,omitempty"`
	// HasPreviousPurchases is a pointer, since false must be sent.
	HasPreviousPurchases *bool `json:"hasPreviousPurchases,omitempty"`
}

// CustomerInput is the payer sent with a new transaction.
type CustomerInput struct {
	Name        string `json:"name,omitempty"`
	Email       string `json:"email,omitempty"`
	IP          string `json:"ip,omitempty"`
	CountryCode string `json:"countryCode,omitempty"`
}

// SteamIDInteger is a SteamID64 kept as its decimal digits and sent as a
// JSON integer with exactly those digits. A SteamID64 (about 7.6e16) is
// beyond what a float64 holds exactly, so it never passes through one.
type SteamIDInteger string

// MarshalJSON writes the digits as a JSON number, after checking that they
// are one: 1 to 20 decimal digits without a leading zero (or "0").
func (s SteamIDInteger) MarshalJSON() ([]byte, error) {
	d := string(s)
	if d == "" || len(d) > 20 || (len(d) > 1 && d[0] == '0') {
		return nil, fmt.Errorf("steamid %q is not a SteamID64", d)
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return nil, fmt.Errorf("steamid %q is not a SteamID64", d)
		}
	}
	return []byte(d), nil
}

// AntifraudInput is what SimPay's fraud checks use.
type AntifraudInput struct {
	UserAgent string `json:"useragent,omitempty"`
	// SystemID is the shop's own identifier of the payer, sent by
	// simpay-ecommerce (src/TransactionBuilder.php) and simpay-laravel
	// (src/Dto/Payment/AntiFraudData.php); not in the seeds.
	SystemID string `json:"systemId,omitempty"`
	// SteamID is a SteamID64, sent as a JSON integer: SimPay's create page
	// says "antifraud.steamid (integer) Buyer's STEAMID64" and its example
	// sends "steamid": 0. It is written digit for digit (SteamIDInteger),
	// never through a float64, which would round its 17 digits.
	SteamID    SteamIDInteger `json:"steamid,omitempty"`
	MCUsername string         `json:"mcusername,omitempty"`
	MCID       string         `json:"mcid,omitempty"`
}

// AddressInput is a billing or shipping address sent with a new transaction.
type AddressInput struct {
	Name       string `json:"name,omitempty"`
	Surname    string `json:"surname,omitempty"`
	Street     string `json:"street,omitempty"`
	Building   string `json:"building,omitempty"`
	Flat       string `json:"flat,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postalCode,omitempty"`
	Country    string `json:"country,omitempty"`
	Company    string `json:"company,omitempty"`
}

// CartItemInput is one product sent with a new transaction.
type CartItemInput struct {
	Name     string          `json:"name,omitempty"`
	Quantity int             `json:"quantity,omitempty"`
	Price    decimal.Decimal `json:"price,omitzero"`
	Producer string          `json:"producer,omitempty"`
	Category string          `json:"category,omitempty"`
	Code     string          `json:"code,omitempty"`
}

// Returns holds the URLs the payer is sent to after paying or failing.
type Returns struct {
	Success string `json:"success,omitempty"`
	Failure string `json:"failure,omitempty"`
	// Pending is where the payer goes while the payment is not settled yet.
	// Online payments only: simpay-ecommerce (src/TransactionBuilder.php)
	// sends it; neither the seeds nor any DirectBilling source name it.
	Pending string `json:"pending,omitempty"`
}

// ChannelTypes selects which kinds of channel the gateway offers. The fields
// are pointers because false is meaningful (hide that kind) and must be sent.
type ChannelTypes struct {
	Blik     *bool `json:"blik,omitempty"`
	Transfer *bool `json:"transfer,omitempty"`
	Cards    *bool `json:"cards,omitempty"`
	Ewallets *bool `json:"ewallets,omitempty"`
	Paypal   *bool `json:"paypal,omitempty"`
	Paysafe  *bool `json:"paysafe,omitempty"`
	Latam    *bool `json:"latam,omitempty"`
	// Postponed is deferred payments (PayPo); simpay-laravel
	// (src/Dto/Payment/ChannelTypeData.php, 2025-11) sends it, the seeds do
	// not name it.
	Postponed *bool `json:"postponed,omitempty"`
}

// CreatedTransaction is SimPay's answer to a new transaction (online payment
// or DirectBilling): its id and the URL to send the payer to.
type CreatedTransaction struct {
	TransactionID string `json:"transactionId"`
	RedirectURL   string `json:"redirectUrl"`
}

// Refund is a refund of a transaction.
type Refund struct {
	ID string `json:"id"`
	// Status is e.g. refund_completed; unknown values are kept as sent.
	Status         string  `json:"status"`
	Amount         Decimal `json:"amount"`
	Currency       string  `json:"currency"`
	WalletAmount   Decimal `json:"wallet_amount"`
	WalletCurrency string  `json:"wallet_currency"`
	CreatedAt      string  `json:"created_at"`
	UpdatedAt      string  `json:"updated_at"`
}

// ListPaymentServices lists the account's online-payment services.
func (c *Client) ListPaymentServices(ctx context.Context, opts ListOptions) ([]PaymentService, error) {
	items, err := listAll[PaymentService](ctx, c, "payment", nil, true, true, opts)
	if err != nil {
		return nil, fmt.Errorf("listing payment services: %w", err)
	}
	return items, nil
}

// GetPaymentService reads one online-payment service.
func (c *Client) GetPaymentService(ctx context.Context, serviceID string) (*PaymentService, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("reading payment service: %w", err)
	}
	var s PaymentService
	if _, err := c.getShared(ctx, joinPath("payment", serviceID), nil, &s); err != nil {
		return nil, fmt.Errorf("reading payment service %s: %w", serviceID, err)
	}
	return &s, nil
}

// ListPaymentChannels lists the payment channels of a service.
func (c *Client) ListPaymentChannels(ctx context.Context, serviceID string) ([]PaymentChannel, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("listing payment channels: %w", err)
	}
	items, err := listAll[PaymentChannel](ctx, c, joinPath("payment", serviceID, "channels"), nil, false, true, ListOptions{})
	if err != nil {
		return nil, fmt.Errorf("listing channels of payment service %s: %w", serviceID, err)
	}
	return items, nil
}

// ListPaymentCurrencies lists the currencies a service accepts.
func (c *Client) ListPaymentCurrencies(ctx context.Context, serviceID string) ([]Currency, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("listing currencies: %w", err)
	}
	items, err := listAll[Currency](ctx, c, joinPath("payment", serviceID, "currencies"), nil, false, true, ListOptions{})
	if err != nil {
		return nil, fmt.Errorf("listing currencies of payment service %s: %w", serviceID, err)
	}
	return items, nil
}

// ListPaymentTransactions lists a service's transactions, newest first as
// SimPay orders them.
func (c *Client) ListPaymentTransactions(ctx context.Context, serviceID string, opts ListOptions) ([]PaymentTransactionSummary, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("listing payment transactions: %w", err)
	}
	items, err := listAll[PaymentTransactionSummary](ctx, c, joinPath("payment", serviceID, "transactions"), nil, true, false, opts)
	if err != nil {
		return nil, fmt.Errorf("listing transactions of payment service %s: %w", serviceID, err)
	}
	return items, nil
}

// CreatePaymentTransaction creates a transaction and returns its id and the
// payment URL. It is never re-sent after it may have reached SimPay; such a
// failure is an *OutcomeUnknownError (KindOutcomeUnknown).
func (c *Client) CreatePaymentTransaction(ctx context.Context, serviceID string, req PaymentTransactionRequest) (*CreatedTransaction, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("creating payment transaction: %w", err)
	}
	created, err := c.create(ctx, joinPath("payment", serviceID, "transactions"), req)
	if err != nil {
		return nil, fmt.Errorf("creating transaction in payment service %s: %w", serviceID, err)
	}
	return created, nil
}

// create POSTs a new transaction and insists on an id in the answer: a
// success without one means a transaction may exist that nobody can find.
func (c *Client) create(ctx context.Context, path string, body any) (*CreatedTransaction, error) {
	var created CreatedTransaction
	if _, err := c.do(ctx, http.MethodPost, path, nil, body, &created); err != nil {
		return nil, err
	}
	if created.TransactionID == "" {
		return nil, &OutcomeUnknownError{Method: http.MethodPost, Path: "/" + path,
			Err: errors.New("SimPay answered success without a transactionId")}
	}
	return &created, nil
}

// GetPaymentTransaction reads one transaction in full.
func (c *Client) GetPaymentTransaction(ctx context.Context, serviceID, transactionID string) (*PaymentTransaction, error) {
	if err := errors.Join(checkID("service ID", serviceID), checkID("transaction ID", transactionID)); err != nil {
		return nil, fmt.Errorf("reading payment transaction: %w", err)
	}
	var t PaymentTransaction
	if _, err := c.do(ctx, http.MethodGet, joinPath("payment", serviceID, "transactions", transactionID), nil, nil, &t); err != nil {
		return nil, fmt.Errorf("reading transaction %s of payment service %s: %w", transactionID, serviceID, err)
	}
	return &t, nil
}

// ListRefunds lists the refunds of a transaction.
func (c *Client) ListRefunds(ctx context.Context, serviceID, transactionID string) ([]Refund, error) {
	if err := errors.Join(checkID("service ID", serviceID), checkID("transaction ID", transactionID)); err != nil {
		return nil, fmt.Errorf("listing refunds: %w", err)
	}
	items, err := listAll[Refund](ctx, c, joinPath("payment", serviceID, "transactions", transactionID, "refunds"), nil, false, false, ListOptions{})
	if err != nil {
		return nil, fmt.Errorf("listing refunds of transaction %s of payment service %s: %w", transactionID, serviceID, err)
	}
	return items, nil
}

// CreateRefund refunds a transaction and returns the refund's id. The zero
// amount (decimal.Decimal{}) refunds it in full (no body is sent, as SimPay
// documents); otherwise amount is sent as a JSON number, as the body {"amount": x}, which
// SimPay's API reference does not list yet and only SimPay's own SDKs send. Like every POST it is never re-sent
// after it may have reached SimPay (see OutcomeUnknownError).
func (c *Client) CreateRefund(ctx context.Context, serviceID, transactionID string, amount decimal.Decimal) (string, error) {
	if err := errors.Join(checkID("service ID", serviceID), checkID("transaction ID", transactionID)); err != nil {
		return "", fmt.Errorf("creating refund: %w", err)
	}
	var body any
	if !amount.IsZero() {
		body = struct {
			Amount decimal.Decimal `json:"amount"`
		}{amount}
	}
	path := joinPath("payment", serviceID, "transactions", transactionID, "refunds")
	var created struct {
		RefundID string `json:"refund_id"`
	}
	_, err := c.do(ctx, http.MethodPost, path, nil, body, &created)
	if err == nil && created.RefundID == "" {
		err = &OutcomeUnknownError{Method: http.MethodPost, Path: "/" + path,
			Err: errors.New("SimPay answered success without a refund_id")}
	}
	if err != nil {
		return "", fmt.Errorf("refunding transaction %s of payment service %s: %w", transactionID, serviceID, err)
	}
	return created.RefundID, nil
}

// GetRefund reads one refund.
func (c *Client) GetRefund(ctx context.Context, serviceID, transactionID, refundID string) (*Refund, error) {
	if err := errors.Join(checkID("service ID", serviceID), checkID("transaction ID", transactionID), checkID("refund ID", refundID)); err != nil {
		return nil, fmt.Errorf("reading refund: %w", err)
	}
	var r Refund
	path := joinPath("payment", serviceID, "transactions", transactionID, "refunds", refundID)
	if _, err := c.do(ctx, http.MethodGet, path, nil, nil, &r); err != nil {
		return nil, fmt.Errorf("reading refund %s of transaction %s of payment service %s: %w", refundID, transactionID, serviceID, err)
	}
	return &r, nil
}

// ListNotificationIPs lists the IP addresses SimPay sends notifications
// from, for firewall allow-lists. It is the one call that works without a
// token: GET /ip is public (see publicEndpoint); a configured token is sent.
func (c *Client) ListNotificationIPs(ctx context.Context) ([]string, error) {
	items, err := listAll[string](ctx, c, "ip", url.Values(nil), false, true, ListOptions{})
	if err != nil {
		return nil, fmt.Errorf("listing SimPay notification IP addresses: %w", err)
	}
	return items, nil
}
