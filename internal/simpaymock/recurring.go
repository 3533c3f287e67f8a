package simpaymock

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// SimPay's recurring payments: the subscription list, the BLIK alias list
// and unregistering an alias. The fields, filters and paging are those of
// SimPay's pages "Retrieve subscription list"
// (docs.simpay.pl/en/apis/payment/paymentsubscriptionindex), "Retrieve list
// of BLIK aliases" (docs.simpay.pl/en/apis/payment/paymentblikaliasesindex)
// and "Delete/Unregister alias" (DELETE /payment/{serviceId}/blik/aliases).

// The values SimPay's pages list for the filters (their enums).
var (
	subscriptionStatuses = []string{"subscription_pending", "subscription_active", "subscription_cancelled",
		"subscription_expired", "subscription_finished", "subscription_fraudulent"}
	subscriptionModes = []string{"BLIK", "CARD"}
	aliasStatuses     = []string{"alias_pending_registration", "alias_active", "alias_expired", "alias_unregistered"}
	aliasTypes        = []string{"PAYID", "UID"}
	recurringSorts    = []string{"-created_at", "created_at"}
)

// IPNBlikAliasStatusChanged is the notification SimPay sends once an alias
// changes status, after DELETE /payment/{serviceId}/blik/aliases among
// others ("The alias has been unregistered. An IPN blik:alias_status_changed
// will be sent"; the type name as in simpay-typescript
// src/types/notifications/notification-types.ts).
const IPNBlikAliasStatusChanged = "blik:alias_status_changed"

type blikAlias struct {
	id, typ, value string
	label, blikKey *string
	status         string
	expiresAt      *time.Time
	createdAt      time.Time
	updatedAt      time.Time
	sub            *subscription // nil for an alias registered without one
}

type subscription struct {
	id, status, mode string
	// model is the BLIK model ("O" in SimPay's examples); blik is null for a
	// subscription without one (a CARD subscription).
	model            string
	alias            *blikAlias
	frequency        *string
	initiationDate   *time.Time
	totalAmountLimit *dec
	totalTxLimit     *int
	cancelled        *bool
	createdAt        time.Time
	updatedAt        time.Time
}

type blikAliasView struct {
	ID        string  `json:"id"`
	Type      string  `json:"type"`
	Value     string  `json:"value"`
	Label     *string `json:"label"`
	BlikKey   *string `json:"blik_key"`
	Status    string  `json:"status"`
	ExpiresAt *stamp  `json:"expires_at"`
	CreatedAt stamp   `json:"created_at"`
	UpdatedAt stamp   `json:"updated_at"`
}

// blikAliasListView is an item of the alias list: the alias and its
// subscription, whose blik then holds the model alone (the page's example).
type blikAliasListView struct {
	blikAliasView
	Subscription *subscriptionView `json:"subscription"`
}

type subscriptionBlikView struct {
	Model string         `json:"model"`
	Alias *blikAliasView `json:"alias,omitempty"`
}

type subscriptionView struct {
	ID                     string                `json:"id"`
	Status                 string                `json:"status"`
	Mode                   string                `json:"mode"`
	Blik                   *subscriptionBlikView `json:"blik"`
	Frequency              *string               `json:"frequency"`
	InitiationDate         *stamp                `json:"initiation_date"`
	TotalAmountLimit       *dec                  `json:"total_amount_limit"`
	TotalTransactionsLimit *int                  `json:"total_transactions_limit"`
	Cancelled              *bool                 `json:"cancelled"`
	CreatedAt              stamp                 `json:"created_at"`
	UpdatedAt              stamp                 `json:"updated_at"`
}

func (a *blikAlias) view() blikAliasView {
	return blikAliasView{ID: a.id, Type: a.typ, Value: a.value, Label: a.label, BlikKey: a.blikKey, Status: a.status,
		ExpiresAt: stampPtr(a.expiresAt), CreatedAt: stamp(a.createdAt), UpdatedAt: stamp(a.updatedAt)}
}

// view is the subscription as a list shows it; withAlias puts its alias
// under blik, as the subscription list does.
func (sub *subscription) view(withAlias bool) subscriptionView {
	v := subscriptionView{ID: sub.id, Status: sub.status, Mode: sub.mode, Frequency: sub.frequency,
		InitiationDate: stampPtr(sub.initiationDate), TotalAmountLimit: sub.totalAmountLimit,
		TotalTransactionsLimit: sub.totalTxLimit, Cancelled: sub.cancelled,
		CreatedAt: stamp(sub.createdAt), UpdatedAt: stamp(sub.updatedAt)}
	if sub.model != "" {
		v.Blik = &subscriptionBlikView{Model: sub.model}
		if withAlias && sub.alias != nil {
			av := sub.alias.view()
			v.Blik.Alias = &av
		}
	}
	return v
}

// loadRecurringFixtures gives service d151e4f9 the two subscriptions and
// aliases of the examples on SimPay's pages "Retrieve subscription list" and
// "Retrieve list of BLIK aliases" (English pages; the Polish ones differ
// only in the labels). The stored rendering of the pages is cut after the
// second subscription's total_amount_limit: its total_transactions_limit,
// cancelled, created_at and updated_at are the mock's own (null, true, and
// the alias's timestamps a second apart).
func loadRecurringFixtures(svc *paymentService) {
	premium := &blikAlias{id: "019970c6-3ce8-71e7-8214-20fd635532fb", typ: "PAYID", value: "AABBCC",
		label: strPtr("Payment for premium package"), status: "alias_active", expiresAt: timePtr("2035-07-15T00:00:00+02:00"),
		createdAt: mustTime("2025-09-22T11:34:23+02:00"), updatedAt: mustTime("2025-09-22T11:34:32+02:00")}
	premiumSub := &subscription{id: "019970c6-3d3e-708c-9313-5f89e251e2c0", status: "subscription_active", mode: "BLIK",
		model: "O", alias: premium,
		createdAt: mustTime("2025-09-22T11:34:24+02:00"), updatedAt: mustTime("2025-09-22T11:34:32+02:00")}
	premium.sub = premiumSub
	music := &blikAlias{id: "0198a54d-05d9-7177-9ac6-5d9831bc988d", typ: "PAYID", value: "CCBBAA",
		label: strPtr("Music subscription"), status: "alias_unregistered",
		createdAt: mustTime("2025-08-13T23:19:05+02:00"), updatedAt: mustTime("2025-08-13T23:19:16+02:00")}
	cancelled := true
	musicSub := &subscription{id: "0198a54d-05e1-72b8-b835-f2258609bb52", status: "subscription_cancelled", mode: "BLIK",
		model: "O", alias: music, frequency: strPtr("1M"), initiationDate: timePtr("2025-08-13T23:15:13+02:00"),
		cancelled: &cancelled, createdAt: mustTime("2025-08-13T23:19:06+02:00"), updatedAt: mustTime("2025-08-13T23:19:16+02:00")}
	music.sub = musicSub
	// Newest first, as the pages print them.
	svc.subscriptions = []*subscription{premiumSub, musicSub}
	svc.aliases = []*blikAlias{premium, music}
}

// recurringStart is when the first generated subscription was created; each
// next one is an hour later, so all are older than the pages' examples.
var recurringStart = mustTime("2024-03-01T09:00:00+01:00")

// AddSubscriptions appends n generated subscriptions to a payment service,
// for paging tests (nothing happens for an unknown service). Every fifth is
// a CARD subscription (blik null) and comes with a UID alias registered
// without a subscription (a BLIK OneClick alias, subscription null); the
// others are BLIK subscriptions with a PAYID alias. So n subscriptions come
// with n aliases. Limits alternate between null and set, the amount limit
// written with its trailing zero ("120.50") as SimPay might write it. The
// k-th generated subscription always has the same ids for a given
// Options.Seed. None of this data is SimPay's: it follows the pages'
// example's shape.
func (s *Server) AddSubscriptions(serviceID string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc := s.paymentService(serviceID)
	if svc == nil {
		return
	}
	for range n {
		k := svc.generatedSubs
		svc.generatedSubs++
		created := recurringStart.Add(time.Duration(k) * time.Hour)
		updated := created.Add(time.Minute)
		sub := &subscription{
			id:     uuidV7(created, s.seed, "subscription/"+serviceID, uint64(k)),
			status: subscriptionStatuses[k%len(subscriptionStatuses)], mode: "BLIK", model: "O",
			createdAt: created, updatedAt: updated,
		}
		if k%2 == 1 {
			limit := dec(fmt.Sprintf("%d.50", 100+k))
			txLimit, cancelled := 12, sub.status == "subscription_cancelled"
			sub.frequency, sub.initiationDate = strPtr("1M"), &created
			sub.totalAmountLimit, sub.totalTxLimit, sub.cancelled = &limit, &txLimit, &cancelled
		}
		alias := &blikAlias{
			id: uuidV7(created, s.seed, "blik-alias/"+serviceID, uint64(k)), typ: "PAYID",
			value: fmt.Sprintf("SUB%05d", k), label: strPtr(fmt.Sprintf("Generated subscription %d", k)),
			status: aliasStatuses[k%len(aliasStatuses)], createdAt: created.Add(-time.Second), updatedAt: updated,
		}
		if alias.status == "alias_active" {
			expires := created.AddDate(10, 0, 0)
			alias.expiresAt = &expires
		}
		if k%5 == 4 {
			sub.mode, sub.model = "CARD", ""
			alias.typ, alias.value, alias.label = "UID", fmt.Sprintf("customer-%d", k), nil
		} else {
			sub.alias, alias.sub = alias, sub
		}
		svc.subscriptions = append(svc.subscriptions, sub)
		svc.aliases = append(svc.aliases, alias)
	}
}

// recurringFilters checks the filters and sort both lists share; an unknown
// value of an enum is a 422, as SimPay's Laravel validation answers a value
// outside a documented enum (and as the mock's DirectBilling list answers
// an unknown filter[status]). filter[uuid] and filter[value] are compared as
// written: a value that matches nothing gives an empty list.
func recurringFilters(a *apiRequest, v *validator, enums map[string][]string) (newestFirst bool) {
	for _, key := range []string{"status", "mode", "type"} {
		allowed, ok := enums[key]
		if !ok {
			continue
		}
		if val := a.query.Get("filter[" + key + "]"); val != "" {
			v.in("filter."+key, &val, allowed...)
		}
	}
	sortBy := a.query.Get("sort")
	if sortBy != "" {
		v.in("sort", &sortBy, recurringSorts...)
	}
	// SimPay's pages do not say the default order; their examples list the
	// newest first, so the mock does too.
	return sortBy != "created_at"
}

// byCreated orders items by creation, newest first or oldest first.
func byCreated[T any](items []T, created func(T) time.Time, newestFirst bool) {
	slices.SortStableFunc(items, func(x, y T) int {
		c := created(x).Compare(created(y))
		if newestFirst {
			return -c
		}
		return c
	})
}

func (s *Server) listSubscriptions(a *apiRequest) *response {
	var v validator
	newestFirst := recurringFilters(a, &v, map[string][]string{"status": subscriptionStatuses, "mode": subscriptionModes})
	if !v.errs.empty() {
		return validationFailed(&v.errs)
	}
	status, mode, uuid := a.query.Get("filter[status]"), a.query.Get("filter[mode]"), a.query.Get("filter[uuid]")
	s.mu.Lock()
	svc := s.paymentService(a.param("serviceId"))
	if svc == nil {
		s.mu.Unlock()
		return serviceNotFound()
	}
	var subs []*subscription
	for _, sub := range svc.subscriptions {
		if (status == "" || sub.status == status) && (mode == "" || sub.mode == mode) && (uuid == "" || sub.id == uuid) {
			subs = append(subs, sub)
		}
	}
	byCreated(subs, func(x *subscription) time.Time { return x.createdAt }, newestFirst)
	views := make([]subscriptionView, 0, len(subs))
	for _, sub := range subs {
		views = append(views, sub.view(true))
	}
	s.mu.Unlock()
	return paginateBy(a, views, byPerPage)
}

func (s *Server) listBlikAliases(a *apiRequest) *response {
	var v validator
	newestFirst := recurringFilters(a, &v, map[string][]string{"status": aliasStatuses, "type": aliasTypes})
	if !v.errs.empty() {
		return validationFailed(&v.errs)
	}
	status, typ := a.query.Get("filter[status]"), a.query.Get("filter[type]")
	uuid, value := a.query.Get("filter[uuid]"), a.query.Get("filter[value]")
	s.mu.Lock()
	svc := s.paymentService(a.param("serviceId"))
	if svc == nil {
		s.mu.Unlock()
		return serviceNotFound()
	}
	var aliases []*blikAlias
	for _, al := range svc.aliases {
		if (status == "" || al.status == status) && (typ == "" || al.typ == typ) && (uuid == "" || al.id == uuid) &&
			(value == "" || al.value == value) {
			aliases = append(aliases, al)
		}
	}
	byCreated(aliases, func(x *blikAlias) time.Time { return x.createdAt }, newestFirst)
	views := make([]blikAliasListView, 0, len(aliases))
	for _, al := range aliases {
		item := blikAliasListView{blikAliasView: al.view()}
		if al.sub != nil {
			sv := al.sub.view(false)
			item.Subscription = &sv
		}
		views = append(views, item)
	}
	s.mu.Unlock()
	return paginateBy(a, views, byPerPage)
}

// aliasNotFound is the mock's own answer to an unknown alias: SimPay's page
// documents only the 204. Clients read it by its 404 status, not its code.
func aliasNotFound() *response {
	return apiError(http.StatusNotFound, "ALIAS_NOT_FOUND", "Alias not found.")
}

// unregisterBlikAlias is DELETE /payment/{serviceId}/blik/aliases: the body
// {"uuid": ..., "reason": ... (string or null, at most 20 characters)}. The
// alias becomes alias_unregistered, SimPay answers 204 with no body, and
// sends blik:alias_status_changed. Unregistering an alias that is
// unregistered already is the mock's own choice, found in no SimPay source:
// 204 again, with no change and no notification.
func (s *Server) unregisterBlikAlias(a *apiRequest) *response {
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
	var v validator
	uuid, present := body["uuid"]
	var id *string
	if v.required("uuid", uuid, present) {
		id = v.str("uuid", uuid, present, 0, 0)
	}
	reason, present := body["reason"]
	v.str("reason", reason, present, 0, 20)
	if !v.errs.empty() {
		return validationFailed(&v.errs)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.IndexFunc(svc.aliases, func(al *blikAlias) bool { return al.id == *id })
	if i < 0 {
		return aliasNotFound()
	}
	al := svc.aliases[i]
	if al.status != "alias_unregistered" {
		al.status, al.updatedAt = "alias_unregistered", s.now()
		if s.notify.url(svc.id) != "" {
			_, _ = s.notify.send(svc.id, IPNBlikAliasStatusChanged, al.updatedAt, blikAliasData(svc, al))
		}
	}
	return &response{status: http.StatusNoContent, header: http.Header{}}
}

// blikAliasData is the data of blik:alias_status_changed, in the order of
// simpay-typescript's BlikAliasStatusChangedData
// (src/types/notifications/notification-types.ts): id, service_id, type,
// value, label, status, created_at, updated_at. A null label is left out, as
// transactionData leaves out what it has no value for.
func blikAliasData(svc *paymentService, al *blikAlias) jsonObject {
	data := jsonObject{{"id", al.id}, {"service_id", svc.id}, {"type", al.typ}, {"value", al.value}}
	if al.label != nil {
		data = append(data, jsonField{"label", *al.label})
	}
	return append(data, jsonField{"status", al.status}, jsonField{"created_at", formatTime(al.createdAt)},
		jsonField{"updated_at", formatTime(al.updatedAt)})
}

// BlikAliasStatus is the status of a payment service's BLIK alias, "" when
// there is no such alias: for tests.
func (s *Server) BlikAliasStatus(serviceID, aliasID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if svc := s.paymentService(serviceID); svc != nil {
		for _, al := range svc.aliases {
			if al.id == aliasID {
				return al.status
			}
		}
	}
	return ""
}
