package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"unicode/utf8"
)

// SimPay's recurring payments (BLIK subscriptions and aliases): the two read
// endpoints and the one that unregisters an alias. Creating a subscription
// or charging one needs the payer's one-time BLIK code, so it is not here.
// Field names and shapes are those of SimPay's pages "Retrieve subscription
// list" (docs.simpay.pl/en/apis/payment/paymentsubscriptionindex), "Retrieve
// list of BLIK aliases" (.../paymentblikaliasesindex) and "Delete/Unregister
// alias", whose examples are the mock's fixtures.

// PaymentSubscription is a recurring-payment subscription (GET
// /payment/{serviceId}/subscriptions). Nullable fields are nil (or "" for a
// Decimal) when SimPay sent null: SimPay's own example sends null for every
// limit of a subscription without limits.
type PaymentSubscription struct {
	ID string `json:"id"`
	// Status is e.g. subscription_active; unknown values are kept as sent.
	Status string `json:"status"`
	// Mode is BLIK or CARD; unknown values are kept as sent.
	Mode string            `json:"mode"`
	Blik *SubscriptionBlik `json:"blik"`
	// Frequency is how often the subscription charges, such as "1M".
	Frequency      *string `json:"frequency"`
	InitiationDate *string `json:"initiation_date"`
	// TotalAmountLimit is the most the subscription may charge in all, read
	// exactly as SimPay wrote it; "" when SimPay sent null.
	TotalAmountLimit       Decimal  `json:"total_amount_limit"`
	TotalTransactionsLimit *Integer `json:"total_transactions_limit"`
	Cancelled              *Boolean `json:"cancelled"`
	CreatedAt              string   `json:"created_at"`
	UpdatedAt              string   `json:"updated_at"`
}

// SubscriptionBlik is the BLIK side of a subscription: its model (SimPay's
// example "O"; simpay-typescript names A, O and M) and, in the
// subscription list, its alias. The alias list nests the subscription in the
// alias, and then sends the model alone: Alias is nil.
type SubscriptionBlik struct {
	Model string            `json:"model"`
	Alias *BlikAliasDetails `json:"alias"`
}

// BlikAliasDetails is a BLIK alias as both lists show it.
type BlikAliasDetails struct {
	ID string `json:"id"`
	// Type is PAYID or UID; unknown values are kept as sent.
	Type  string  `json:"type"`
	Value string  `json:"value"`
	Label *string `json:"label"`
	// BlikKey is null in every example SimPay prints.
	BlikKey *string `json:"blik_key"`
	// Status is e.g. alias_active; unknown values are kept as sent.
	Status    string  `json:"status"`
	ExpiresAt *string `json:"expires_at"`
	CreatedAt string  `json:"created_at"`
	UpdatedAt string  `json:"updated_at"`
}

// BlikAlias is an item of GET /payment/{serviceId}/blik/aliases: the alias
// and the subscription it belongs to (nil when SimPay sent null).
type BlikAlias struct {
	BlikAliasDetails
	Subscription *PaymentSubscription `json:"subscription"`
}

// The sort orders SimPay documents for the recurring-payment lists.
const (
	SortNewestFirst = "-created_at"
	SortOldestFirst = "created_at"
)

// PaymentSubscriptionFilter narrows ListPaymentSubscriptions; empty fields do
// not filter. Values are sent as written (filter[status], filter[mode],
// filter[uuid], sort): SimPay decides what it accepts.
type PaymentSubscriptionFilter struct {
	Status string
	Mode   string
	UUID   string
	Sort   string
}

// BlikAliasFilter narrows ListBlikAliases; empty fields do not filter.
// Values are sent as written (filter[status], filter[type], filter[uuid],
// filter[value], sort).
type BlikAliasFilter struct {
	Status string
	Type   string
	UUID   string
	Value  string
	Sort   string
}

// MaxUnregisterReasonLength is the longest reason SimPay takes when an alias
// is unregistered, in characters ("reason ... <= 20 characters").
const MaxUnregisterReasonLength = 20

// ListPaymentSubscriptions lists a service's recurring-payment
// subscriptions, every page (page and perPage=50), in SimPay's order.
func (c *Client) ListPaymentSubscriptions(ctx context.Context, serviceID string, filter PaymentSubscriptionFilter) ([]PaymentSubscription, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("listing payment subscriptions: %w", err)
	}
	q := filterQuery(map[string]string{
		"filter[status]": filter.Status,
		"filter[mode]":   filter.Mode,
		"filter[uuid]":   filter.UUID,
		"sort":           filter.Sort,
	})
	items, err := listPages[PaymentSubscription](ctx, c, joinPath("payment", serviceID, "subscriptions"), q, pagedByPerPage, false, ListOptions{})
	if err != nil {
		return nil, fmt.Errorf("listing subscriptions of payment service %s: %w", serviceID, err)
	}
	return items, nil
}

// ListBlikAliases lists a service's BLIK aliases, every page (page and
// perPage=50), in SimPay's order.
func (c *Client) ListBlikAliases(ctx context.Context, serviceID string, filter BlikAliasFilter) ([]BlikAlias, error) {
	if err := checkID("service ID", serviceID); err != nil {
		return nil, fmt.Errorf("listing BLIK aliases: %w", err)
	}
	q := filterQuery(map[string]string{
		"filter[status]": filter.Status,
		"filter[type]":   filter.Type,
		"filter[uuid]":   filter.UUID,
		"filter[value]":  filter.Value,
		"sort":           filter.Sort,
	})
	items, err := listPages[BlikAlias](ctx, c, joinPath("payment", serviceID, "blik", "aliases"), q, pagedByPerPage, false, ListOptions{})
	if err != nil {
		return nil, fmt.Errorf("listing BLIK aliases of payment service %s: %w", serviceID, err)
	}
	return items, nil
}

// UnregisterBlikAlias unregisters a BLIK alias (DELETE
// /payment/{serviceId}/blik/aliases with the body {"uuid": ..., "reason":
// ...}); SimPay answers 204 and then sends the IPN blik:alias_status_changed.
// reason, at most MaxUnregisterReasonLength characters, is passed on to BLIK
// and the payer; "" sends none. Like a create, it is never re-sent after it
// may have reached SimPay (see OutcomeUnknownError).
func (c *Client) UnregisterBlikAlias(ctx context.Context, serviceID, aliasID, reason string) error {
	err := errors.Join(checkID("service ID", serviceID), checkID("alias ID", aliasID))
	if n := utf8.RuneCountInString(reason); n > MaxUnregisterReasonLength {
		err = errors.Join(err, fmt.Errorf("reason has %d characters, more than the %d SimPay takes", n, MaxUnregisterReasonLength))
	}
	if err != nil {
		return fmt.Errorf("unregistering BLIK alias: %w", err)
	}
	body := struct {
		UUID   string  `json:"uuid"`
		Reason *string `json:"reason,omitempty"`
	}{UUID: aliasID}
	if reason != "" {
		body.Reason = &reason
	}
	if _, err := c.do(ctx, http.MethodDelete, joinPath("payment", serviceID, "blik", "aliases"), nil, body, nil); err != nil {
		return fmt.Errorf("unregistering BLIK alias %s of payment service %s: %w", aliasID, serviceID, err)
	}
	return nil
}

// filterQuery is the query of a list's filters, without the empty ones.
func filterQuery(filters map[string]string) url.Values {
	q := url.Values{}
	for k, v := range filters {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}
