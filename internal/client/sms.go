package client

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
)

// SMSService is an SMS premium service. Numbers is only filled by
// GetSMSService.
type SMSService struct {
	ID string `json:"id"`
	// Type is ONE_TIME_CODE, CODE_PACK or API_URL; unknown values are kept.
	Type        string  `json:"type"`
	Status      string  `json:"status"`
	Name        string  `json:"name"`
	Prefix      string  `json:"prefix"`
	Suffix      string  `json:"suffix"`
	Description *string `json:"description"`
	Adult       Boolean `json:"adult"`
	// Numbers are JSON integers in SimPay's 2024 file and strings in its
	// TypeScript SDK (src/models/sms/service/sms.service.ts); both decode.
	Numbers   []Integer `json:"numbers"`
	CreatedAt string    `json:"created_at"`
}

// SMSNumber is a premium number and what an SMS to it costs.
type SMSNumber struct {
	Number Integer `json:"number"`
	// Value is the price without VAT. amxx-simpay-lib (simpay.inc) reads it
	// as a string, the other SDKs as a number; both decode.
	Value Decimal `json:"value"`
	// ValueGross is the price with VAT, what the sender pays. SimPay's newer
	// SDKs read it as value_gross (SimPay-API-TypeScript
	// src/models/sms/service/sms.number.ts, simpay-laravel
	// src/Responses/Sms/SmsNumberResponse.php); the 2024 OpenAPI file names
	// the same price value_net, its example having value_net (2.46) above
	// value (2). Either name is read; value_gross wins when both are sent.
	ValueGross Decimal `json:"value_gross" alias:"value_net"`
	Adult      Boolean `json:"adult"`
}

// UnmarshalJSON reads the gross price under either of its names.
func (n *SMSNumber) UnmarshalJSON(b []byte) error {
	type plain SMSNumber
	return decodeAliased(b, (*plain)(n))
}

// SMSTransaction is an SMS received by a service.
type SMSTransaction struct {
	ID         Integer     `json:"id"`
	From       PhoneNumber `json:"from"`
	Code       string      `json:"code"`
	Used       Boolean     `json:"used"`
	SendNumber Integer     `json:"send_number"`
	Value      Decimal     `json:"value"`
	SendAt     string      `json:"send_at"`
}

// SMSCodeCheck is SimPay's verdict on an SMS code.
type SMSCodeCheck struct {
	Used   Boolean     `json:"used"`
	Code   string      `json:"code"`
	Test   Boolean     `json:"test"`
	From   PhoneNumber `json:"from"`
	Number Integer     `json:"number"`
	Value  Decimal     `json:"value"`
	// UsedAt is when the code was used; SimPay's schema names it used_at and
	// its example send_at, so both are read. nil when absent.
	UsedAt *string `json:"used_at"`
	SendAt *string `json:"send_at"`
}

// ListSMSServices lists the account's SMS services.
func (c *Client) ListSMSServices(ctx context.Context, opts ListOptions) ([]SMSService, error) {
	items, err := listAll[SMSService](ctx, c, "sms", nil, true, true, opts)
	if err != nil {
		return nil, fmt.Errorf("listing SMS services: %w", err)
	}
	return items, nil
}

// GetSMSService reads one SMS service, with its numbers.
func (c *Client) GetSMSService(ctx context.Context, serviceID string) (*SMSService, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("reading SMS service: %w", err)
	}
	var s SMSService
	if _, err := c.getShared(ctx, joinPath("sms", serviceID), nil, &s); err != nil {
		return nil, fmt.Errorf("reading SMS service %s: %w", serviceID, err)
	}
	return &s, nil
}

// ListSMSTransactions lists the SMS a service received.
func (c *Client) ListSMSTransactions(ctx context.Context, serviceID string, opts ListOptions) ([]SMSTransaction, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("listing SMS transactions: %w", err)
	}
	items, err := listAll[SMSTransaction](ctx, c, joinPath("sms", serviceID, "transactions"), nil, true, false, opts)
	if err != nil {
		return nil, fmt.Errorf("listing transactions of SMS service %s: %w", serviceID, err)
	}
	return items, nil
}

// GetSMSTransaction reads one SMS transaction.
func (c *Client) GetSMSTransaction(ctx context.Context, serviceID string, transactionID int64) (*SMSTransaction, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("reading SMS transaction: %w", err)
	}
	var t SMSTransaction
	path := joinPath("sms", serviceID, "transactions", strconv.FormatInt(transactionID, 10))
	if _, err := c.do(ctx, http.MethodGet, path, nil, nil, &t); err != nil {
		return nil, fmt.Errorf("reading transaction %d of SMS service %s: %w", transactionID, serviceID, err)
	}
	return &t, nil
}

// ListSMSServiceNumbers lists the numbers an SMS service can be used with.
func (c *Client) ListSMSServiceNumbers(ctx context.Context, serviceID string, opts ListOptions) ([]SMSNumber, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("listing SMS service numbers: %w", err)
	}
	items, err := listAll[SMSNumber](ctx, c, joinPath("sms", serviceID, "numbers"), nil, true, true, opts)
	if err != nil {
		return nil, fmt.Errorf("listing numbers of SMS service %s: %w", serviceID, err)
	}
	return items, nil
}

// GetSMSServiceNumber reads one number of an SMS service.
func (c *Client) GetSMSServiceNumber(ctx context.Context, serviceID string, number int) (*SMSNumber, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("reading SMS service number: %w", err)
	}
	var n SMSNumber
	path := joinPath("sms", serviceID, "numbers", strconv.Itoa(number))
	if _, err := c.getShared(ctx, path, nil, &n); err != nil {
		return nil, fmt.Errorf("reading number %d of SMS service %s: %w", number, serviceID, err)
	}
	return &n, nil
}

// ListSMSNumbers lists every SMS premium number SimPay offers.
func (c *Client) ListSMSNumbers(ctx context.Context, opts ListOptions) ([]SMSNumber, error) {
	items, err := listAll[SMSNumber](ctx, c, "sms/numbers", nil, true, true, opts)
	if err != nil {
		return nil, fmt.Errorf("listing SMS numbers: %w", err)
	}
	return items, nil
}

// GetSMSNumber reads one SMS premium number.
func (c *Client) GetSMSNumber(ctx context.Context, number int) (*SMSNumber, error) {
	var n SMSNumber
	if _, err := c.getShared(ctx, joinPath("sms", "numbers", strconv.Itoa(number)), nil, &n); err != nil {
		return nil, fmt.Errorf("reading SMS number %d: %w", number, err)
	}
	return &n, nil
}

// CheckSMSCode asks SimPay whether an SMS code is valid; number, when not 0,
// restricts the check to codes sent to that number. It creates nothing, but
// as a POST it follows the POST retry rules: it is not re-sent after it may
// have reached SimPay.
func (c *Client) CheckSMSCode(ctx context.Context, serviceID, code string, number int) (*SMSCodeCheck, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("checking SMS code: %w", err)
	}
	if code == "" {
		return nil, fmt.Errorf("checking SMS code for service %s: code is empty", serviceID)
	}
	body := struct {
		Code   string `json:"code"`
		Number int    `json:"number,omitempty"`
	}{code, number}
	var check SMSCodeCheck
	if _, err := c.do(ctx, http.MethodPost, joinPath("sms", serviceID), nil, body, &check); err != nil {
		return nil, fmt.Errorf("checking SMS code for service %s: %w", serviceID, err)
	}
	return &check, nil
}
