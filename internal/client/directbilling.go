package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
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

// DirectBillingCalculation is SimPay's commission calculation for an amount:
// per mobile operator, the net (without VAT) and gross (with VAT, what the
// payer is charged) amounts; nil for an operator SimPay does not serve for
// that amount.
type DirectBillingCalculation struct {
	Orange  *OperatorAmount `json:"orange"`
	Play    *OperatorAmount `json:"play"`
	TMobile *OperatorAmount `json:"t-mobile"`
	Plus    *OperatorAmount `json:"plus"`
}

// OperatorAmount is one operator's net and gross amount.
type OperatorAmount struct {
	Net   Decimal `json:"net"`
	Gross Decimal `json:"gross"`
}

// DirectBillingTransaction is a DirectBilling transaction. The list endpoint
// omits some fields (Notify is then nil).
type DirectBillingTransaction struct {
	ID string `json:"id"`
	// Status is e.g. transaction_db_payed; unknown values are kept.
	Status string `json:"status"`
	// PhoneNumber is "" when SimPay sent null.
	PhoneNumber PhoneNumber `json:"phoneNumber"`
	Control     *string     `json:"control"`
	Value       Decimal     `json:"value"`
	ValueNetto  Decimal     `json:"value_netto"`
	// Operator is orange, plus, play or t-mobile; nil when unknown yet.
	Operator  *string              `json:"operator"`
	Notify    *DirectBillingNotify `json:"notify"`
	CreatedAt string               `json:"created_at"`
	UpdatedAt string               `json:"updated_at"`
}

// DirectBillingNotify is the state of SimPay's notifications to the partner.
type DirectBillingNotify struct {
	IsSend     bool    `json:"is_send"`
	LastSendAt *string `json:"last_send_at"`
	Count      int     `json:"count"`
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
	Amount json.Number `json:"amount,omitempty"`
	// AmountType is required, net or gross (SimPay's default).
	AmountType  string   `json:"amountType,omitempty"`
	Description string   `json:"description,omitempty"`
	Control     string   `json:"control,omitempty"`
	Returns     *Returns `json:"returns,omitempty"`
	PhoneNumber string   `json:"phoneNumber,omitempty"`
	// SteamID is a SteamID64, sent as a string (SimPay's schema says string).
	SteamID string `json:"steamid,omitempty"`
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
// amount the partner wants), sent exactly as written.
func (c *Client) CalculateDirectBilling(ctx context.Context, serviceID string, amount json.Number) (*DirectBillingCalculation, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("calculating DirectBilling amounts: %w", err)
	}
	if amount == "" {
		return nil, fmt.Errorf("calculating DirectBilling amounts for service %s: amount is empty", serviceID)
	}
	var calc DirectBillingCalculation
	q := url.Values{"amount": {amount.String()}}
	if _, err := c.getShared(ctx, joinPath("directbilling", serviceID, "calculate"), q, &calc); err != nil {
		return nil, fmt.Errorf("calculating DirectBilling amounts of %s for service %s: %w", amount, serviceID, err)
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
