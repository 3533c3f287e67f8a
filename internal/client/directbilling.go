package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/simpay-tf/terraform-provider-simpay/internal/decimal"
)

// DirectBillingService is a DirectBilling (carrier billing) service.
type DirectBillingService struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Suffix is the title shown in SimPay's reports.
	Suffix    string `json:"suffix"`
	Status    string `json:"status"`
	CreatedAt string `json:"created_at"`
}

// DirectBillingCalculation is SimPay's commission calculation for an amount,
// keyed by SimPay's name of each mobile operator (see the Operator
// constants): the net (without VAT) and gross (with VAT, what the payer is
// charged) amounts, nil for an operator SimPay does not serve for that
// amount. Every operator SimPay sends is kept, so one it adds later is not
// lost: the 2024 OpenAPI file names orange, play, t-mobile and plus, and
// simpay-laravel (src/Responses/DirectBilling/AmountCalculatorResponse.php)
// also netia.
type DirectBillingCalculation map[string]*OperatorAmount

// SimPay's names of the mobile operators DirectBilling works with, as its
// calculation keys them and a transaction's Operator names them
// (simpay-laravel src/Enums/DirectBilling/MobileCarrier.php). SimPay may add
// others; they are kept as sent.
const (
	OperatorOrange  = "orange"
	OperatorPlay    = "play"
	OperatorTMobile = "t-mobile"
	OperatorPlus    = "plus"
	OperatorNetia   = "netia"
)

// UnmarshalJSON reads every operator. An operator that is null, false, an
// empty list or an empty object is nil: simpay-laravel tests each one for
// PHP truthiness, and PHP's json_encode writes an empty array as [].
func (calc *DirectBillingCalculation) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("decoding a DirectBilling calculation: %w", err)
	}
	out := make(DirectBillingCalculation, len(raw))
	for name, v := range raw {
		switch string(bytes.TrimSpace(v)) {
		case "null", "false", "[]", "{}", "0", `""`:
			out[name] = nil
			continue
		}
		var a OperatorAmount
		if err := json.Unmarshal(v, &a); err != nil {
			return fmt.Errorf("decoding the DirectBilling calculation for %q: %w", name, err)
		}
		out[name] = &a
	}
	*calc = out
	return nil
}

// OperatorAmount is one operator's net and gross amount.
type OperatorAmount struct {
	Net   Decimal `json:"net"`
	Gross Decimal `json:"gross"`
}

// AmountType is how a DirectBilling amount was given: required (what the
// partner wants to receive), net or gross. simpay-laravel lower-cases the
// value_created_type SimPay sends before reading it, so the case SimPay
// uses is not settled: the value is kept as sent, and Is compares it
// without regard to case.
type AmountType string

// The amount types SimPay documents.
const (
	AmountTypeRequired AmountType = "required"
	AmountTypeNet      AmountType = "net"
	AmountTypeGross    AmountType = "gross"
)

// DirectBillingTransaction is a DirectBilling transaction. The list endpoint
// omits some fields (Notify is then nil). Fields SimPay's newer code reads
// but its 2024 file does not name (simpay-laravel
// src/Responses/DirectBilling/TransactionInfoResponse.php) are empty when
// SimPay does not send them.
type DirectBillingTransaction struct {
	ID string `json:"id"`
	// Status is e.g. transaction_db_payed; unknown values are kept. SimPay
	// documents transaction_db_new, _confirmed, _payed, _rejected, _canceled
	// and _generate_error.
	Status string `json:"status"`
	// PhoneNumber is "" when SimPay sent null.
	PhoneNumber PhoneNumber `json:"phoneNumber"`
	Control     *string     `json:"control"`
	Value       Decimal     `json:"value"`
	// ValueNet is the partner's share: value_netto in the 2024 OpenAPI file
	// and SimPay-API-TypeScript, value_net in simpay-laravel. Either name is
	// read; value_net wins when both are sent.
	ValueNet Decimal `json:"value_net" alias:"value_netto"`
	// ValueCreated is the amount given when the transaction was created, and
	// ValueCreatedType how it was given; "" when not sent.
	ValueCreated     Decimal    `json:"value_created"`
	ValueCreatedType AmountType `json:"value_created_type"`
	// Operator is e.g. orange or t-mobile (see the Operator constants); nil
	// while unknown. Unknown values are kept.
	Operator *string `json:"operator"`
	// Score is SimPay's score of the transaction, "" when not sent.
	Score     Decimal              `json:"score"`
	Notify    *DirectBillingNotify `json:"notify"`
	CreatedAt string               `json:"created_at"`
	UpdatedAt string               `json:"updated_at"`
}

// UnmarshalJSON reads the net value under either of its names.
func (t *DirectBillingTransaction) UnmarshalJSON(b []byte) error {
	type plain DirectBillingTransaction
	return decodeAliased(b, (*plain)(t))
}

// DirectBillingNotify is whether, when and how often SimPay notified the
// partner of the transaction.
type DirectBillingNotify struct {
	IsSend     Boolean `json:"is_send"`
	LastSendAt *string `json:"last_send_at"`
	Count      Integer `json:"count"`
}

// DirectBillingTransactionFilter narrows ListDirectBillingTransactions; empty
// fields do not filter.
type DirectBillingTransactionFilter struct {
	Status      string
	PhoneNumber string
	Control     string
}

// DirectBillingTransactionRequest is the body of POST
// /directbilling/{id}/transactions. Unset fields are not sent.
type DirectBillingTransactionRequest struct {
	Amount decimal.Decimal `json:"amount,omitzero"`
	// AmountType is required, net or gross (SimPay's default).
	AmountType  string   `json:"amountType,omitempty"`
	Description string   `json:"description,omitempty"`
	Control     string   `json:"control,omitempty"`
	Returns     *Returns `json:"returns,omitempty"`
	PhoneNumber string   `json:"phoneNumber,omitempty"`
	// SteamID is a SteamID64, sent as a string (SimPay's schema says string).
	SteamID string `json:"steamid,omitempty"`
	// Email is the payer's e-mail address; simpay-laravel
	// (src/Services/DirectBilling/GenerateTransaction.php) sends it, the
	// 2024 OpenAPI file does not name it.
	Email string `json:"email,omitempty"`
}

// ListDirectBillingServices lists the account's DirectBilling services.
func (c *Client) ListDirectBillingServices(ctx context.Context, opts ListOptions) ([]DirectBillingService, error) {
	items, err := listAll[DirectBillingService](ctx, c, "directbilling", nil, true, true, opts)
	if err != nil {
		return nil, fmt.Errorf("listing DirectBilling services: %w", err)
	}
	return items, nil
}

// GetDirectBillingService reads one DirectBilling service.
func (c *Client) GetDirectBillingService(ctx context.Context, serviceID string) (*DirectBillingService, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("reading DirectBilling service: %w", err)
	}
	var s DirectBillingService
	if _, err := c.getShared(ctx, joinPath("directbilling", serviceID), nil, &s); err != nil {
		return nil, fmt.Errorf("reading DirectBilling service %s: %w", serviceID, err)
	}
	return &s, nil
}

// CalculateDirectBilling asks what each operator charges for amount (the net
// amount the partner wants), sent as the JSON number it is.
func (c *Client) CalculateDirectBilling(ctx context.Context, serviceID string, amount decimal.Decimal) (*DirectBillingCalculation, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("calculating DirectBilling amounts: %w", err)
	}
	if amount.IsZero() {
		return nil, fmt.Errorf("calculating DirectBilling amounts for service %s: amount is empty", serviceID)
	}
	var calc DirectBillingCalculation
	q := url.Values{"amount": {string(amount.JSONNumber())}}
	if _, err := c.getShared(ctx, joinPath("directbilling", serviceID, "calculate"), q, &calc); err != nil {
		return nil, fmt.Errorf("calculating DirectBilling amounts of %s for service %s: %w", amount.JSONNumber(), serviceID, err)
	}
	return &calc, nil
}

// ListDirectBillingTransactions lists a service's transactions, optionally
// filtered (sent as filter[status], filter[phoneNumber], filter[control]).
func (c *Client) ListDirectBillingTransactions(ctx context.Context, serviceID string, filter DirectBillingTransactionFilter, opts ListOptions) ([]DirectBillingTransaction, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("listing DirectBilling transactions: %w", err)
	}
	q := url.Values{}
	for k, v := range map[string]string{
		"filter[status]":      filter.Status,
		"filter[phoneNumber]": filter.PhoneNumber,
		"filter[control]":     filter.Control,
	} {
		if v != "" {
			q.Set(k, v)
		}
	}
	items, err := listAll[DirectBillingTransaction](ctx, c, joinPath("directbilling", serviceID, "transactions"), q, true, false, opts)
	if err != nil {
		return nil, fmt.Errorf("listing transactions of DirectBilling service %s: %w", serviceID, err)
	}
	return items, nil
}

// CreateDirectBillingTransaction creates a transaction and returns its id and
// the payment URL. It is never re-sent after it may have reached SimPay; such
// a failure is an *OutcomeUnknownError.
func (c *Client) CreateDirectBillingTransaction(ctx context.Context, serviceID string, req DirectBillingTransactionRequest) (*CreatedTransaction, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("creating DirectBilling transaction: %w", err)
	}
	created, err := c.create(ctx, joinPath("directbilling", serviceID, "transactions"), req)
	if err != nil {
		return nil, fmt.Errorf("creating transaction in DirectBilling service %s: %w", serviceID, err)
	}
	return created, nil
}

// GetDirectBillingTransaction reads one DirectBilling transaction.
func (c *Client) GetDirectBillingTransaction(ctx context.Context, serviceID, transactionID string) (*DirectBillingTransaction, error) {
	if err := errors.Join(checkID("service ID", serviceID), checkID("transaction ID", transactionID)); err != nil {
		return nil, fmt.Errorf("reading DirectBilling transaction: %w", err)
	}
	var t DirectBillingTransaction
	path := joinPath("directbilling", serviceID, "transactions", transactionID)
	if _, err := c.do(ctx, http.MethodGet, path, nil, nil, &t); err != nil {
		return nil, fmt.Errorf("reading transaction %s of DirectBilling service %s: %w", transactionID, serviceID, err)
	}
	return &t, nil
}
