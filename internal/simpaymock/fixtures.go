package simpaymock

import (
	"encoding/json"
	"fmt"
	"time"
)

// The fixtures: the examples of SimPay's documentation (seeds 002 and 004,
// the OpenAPI file) plus a few more objects so that filters and error paths
// have something to work on. The package documentation lists them.

const fixtureServiceID = "d151e4f9"

func strPtr(s string) *string { return &s }

func timePtr(s string) *time.Time { t := mustTime(s); return &t }

func img(path string) string { return "https://img.simpay.pl/transfer/" + path }

func fixtureChannels() []channel {
	amount := func(min, max string) channelAmount {
		var a channelAmount
		if min != "" {
			a.Min = decPtr(mustDec(min))
		}
		if max != "" {
			a.Max = decPtr(mustDec(max))
		}
		return a
	}
	return []channel{
		{ID: "blik", Name: "BLIK", Type: "blik", Img: img("banks/blik.png"), Commission: mustDec("1.5"), Currencies: []string{"PLN"}, Amount: amount("1", "20000")},
		{ID: "mbank", Name: "mBank", Type: "transfer", Img: img("banks/mbank.png"), Commission: mustDec("1.5"), Currencies: []string{"PLN"}, Amount: amount("1", "20000")},
		{ID: "nest", Name: "Nest Bank", Type: "transfer", Img: img("banks/nest.png"), Commission: mustDec("1.5"), Currencies: []string{"PLN"}, Amount: amount("1", "20000")},
		{ID: "card", Name: "Payment card", Type: "cards", Img: img("cards/card.png"), Commission: mustDec("2.5"), Currencies: []string{"PLN", "EUR"}, Amount: amount("1", "50000")},
		{ID: "paysafecard", Name: "paysafecard", Type: "paysafe", Img: img("paysafe/paysafecard.png"), Commission: mustDec("12"), Currencies: []string{"PLN"}, Amount: amount("5", "1000")},
		{ID: "paypal", Name: "PayPal", Type: "paypal", Img: img("paypal/paypal.png"), Commission: mustDec("3.4"), Currencies: []string{"PLN", "EUR", "USD"}, Amount: amount("", "")},
		{ID: "pix", Name: "PIX", Type: "latam", Img: img("latam/pix.png"), Commission: mustDec("4.99"), Currencies: []string{"BRL"}, Amount: amount("0.5", "15000")},
	}
}

func seedCurrencies() []currency {
	updated := stamp(mustTime("2025-05-10T13:04:32+02:00"))
	return []currency{
		{ISO: "PLN", PLNRate: "1.0000000000", NBPTable: "A", Prefix: nil, Suffix: strPtr(" zł"), UpdatedAt: updated},
		{ISO: "EUR", PLNRate: "4.3238000000", NBPTable: "A", Prefix: strPtr("€"), Suffix: nil, UpdatedAt: updated},
		{ISO: "ARS", PLNRate: "0.0034150000", NBPTable: "B", Prefix: strPtr("ARS$"), Suffix: nil, UpdatedAt: updated},
	}
}

func (s *Server) loadFixtures() {
	chans := fixtureChannels()
	main := &paymentService{
		id: fixtureServiceID, name: "Test service", status: "service_active",
		createdAt: mustTime("2021-11-08T18:19:16+01:00"), channels: chans, currencies: seedCurrencies(),
	}
	pln := seedCurrencies()[:1]
	s.paymentServices = []*paymentService{
		main,
		{id: "e14f8074", name: "Online shop", status: "service_active", createdAt: mustTime("2022-03-14T10:02:11+01:00"),
			channels: chans[:2], currencies: pln},
		{id: "0f1e2d3c", name: "Blocked service", status: "service_blocked", createdAt: mustTime("2023-01-05T09:30:00+01:00"),
			channels: []channel{}, currencies: pln},
		{id: "a1b2c3d4", name: "New service", status: "service_new", createdAt: mustTime("2024-05-20T14:45:00+02:00"),
			channels: []channel{}, currencies: []currency{}},
	}

	paidPLN := func(id, channel, created, paid, commission string) *paymentTx {
		return &paymentTx{
			id: id, payerID: payerID(id), status: "transaction_paid",
			value: mustDec("24.99"), currency: "PLN",
			commission: decPtr(mustDec(commission)), commissionCurrency: "PLN",
			original: &txOriginal{Value: mustDec("24.99"), Currency: "PLN", PLNRate: mustDec("1")},
			channel:  strPtr(channel),
			customer: txCustomer{Name: strPtr("Jan Kowalski"), Email: strPtr("jan.kowalski@example.com"), IP: strPtr("192.168.0.1"), Country: strPtr("PL")},
			paidAt:   timePtr(paid), createdAt: mustTime(created), updatedAt: mustTime(paid),
		}
	}
	first := paidPLN("528bd43f-d08a-43f5-9462-861e54db37bf", "nest", "2023-12-07T05:20:30+01:00", "2023-12-07T05:21:50+01:00", "0.37")
	first.refunds = []*refund{{
		id: "019483a5-885e-70f7-9b5b-94387a6690da", status: "refund_completed",
		amount: mustDec("1"), currency: "PLN", walletAmount: mustDec("1"), walletCurrency: "PLN",
		createdAt: mustTime("2025-01-20T13:17:31+01:00"), updatedAt: mustTime("2025-01-20T13:17:59+01:00"),
	}}
	second := paidPLN("0238d92e-0dd9-469a-9aa9-0505974336a3", "blik", "2023-12-07T06:20:30+01:00", "2023-12-07T06:21:50+01:00", "0.37")
	second.customer = txCustomer{Email: strPtr("anna.nowak@example.com")}
	// The detail example of both seeds, field for field. Its id is not a
	// valid UUID (the last group has 11 digits); it is kept as SimPay
	// printed it.
	detail := &paymentTx{
		id: "328bd42d-d08b-43f6-9463-869e5bd32b4", payerID: "477YDX14", status: "transaction_paid",
		value: mustDec("7.55"), currency: "BRL", commission: decPtr(mustDec("0.12")), commissionCurrency: "EUR",
		original:  &txOriginal{Value: mustDec("5"), Currency: "PLN", PLNRate: mustDec("1")},
		channel:   strPtr("nest"),
		customer:  txCustomer{Email: strPtr("kontakt@simpay.pl"), IP: strPtr("192.168.0.1"), Country: strPtr("PL")},
		paidAt:    timePtr("2023-12-07T05:21:50+01:00"),
		createdAt: mustTime("2023-12-07T05:20:30+01:00"), updatedAt: mustTime("2023-12-07T05:21:50+01:00"),
	}
	unpaidID := "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"
	unpaid := &paymentTx{
		id: unpaidID, payerID: payerID(unpaidID), status: "transaction_new",
		value: mustDec("49"), currency: "PLN", commissionCurrency: "PLN",
		original:    &txOriginal{Value: mustDec("49"), Currency: "PLN", PLNRate: mustDec("1")},
		control:     strPtr("order-1002"),
		description: strPtr("Unpaid order"),
		redirect:    txRedirect{Success: strPtr("https://shop.example.com/success"), Failure: strPtr("https://shop.example.com/failure")},
		customer:    txCustomer{Name: strPtr("Piotr Wiśniewski"), Email: strPtr("piotr@example.com")},
		billing: txAddress{Name: strPtr("Piotr"), Surname: strPtr("Wiśniewski"), Street: strPtr("Marszałkowska"),
			Building: strPtr("10"), Flat: strPtr("5"), City: strPtr("Warszawa"), PostalCode: strPtr("00-001"), Country: strPtr("PL")},
		cart: []txCartItem{
			{Name: "T-shirt", Quantity: 2, Price: mustDec("19.5"), Producer: strPtr("ACME"), Category: strPtr("clothes"), Code: strPtr("TS-01")},
			{Name: "Sticker", Quantity: 1, Price: mustDec("10")},
		},
		expiresAt: timePtr("2023-12-08T07:00:00+01:00"),
		createdAt: mustTime("2023-12-07T07:00:00+01:00"), updatedAt: mustTime("2023-12-07T07:00:00+01:00"),
		// Mock data, sent in the SDK dialect only: no source says what
		// "additional" holds, so it is an object of mixed shapes that a
		// reader must keep as it is.
		additional: json.RawMessage(`{"mock":"SimPay documents no shape for additional","items":[1,"two",null],"amount":24.90}`),
	}
	main.txs = []*paymentTx{first, second, detail, unpaid}
	loadRecurringFixtures(main)

	s.smsServices = []*smsService{
		{id: fixtureServiceID, typ: "ONE_TIME_CODE", status: "service_active", name: "TEST", prefix: "SIM", suffix: "TESTSIMPAY",
			numbers: []int{7055, 7155, 7255}, createdAt: mustTime("2021-11-08T18:18:53+01:00"),
			txs: []*smsTx{
				{id: 1, from: 48123123123, code: "ABC1D6", test: true, sendNumber: 7055, value: mustDec("0.5"), sendAt: mustTime("2021-11-14T19:00:36+01:00")},
				{id: 2, from: 48500600700, code: "7XK2PQ", used: true, sendNumber: 7155, value: mustDec("1"),
					sendAt: mustTime("2021-11-15T10:04:58+01:00"), usedAt: timePtr("2021-11-15T10:05:12+01:00")},
				{id: 3, from: 48600700800, code: "Q9Z8Y7", sendNumber: 7255, value: mustDec("2"), sendAt: mustTime("2022-01-03T08:30:00+01:00")},
			}},
		{id: "8e1f5a2b", typ: "CODE_PACK", status: "service_active", name: "Premium access", prefix: "SIM", suffix: "PREMIUM",
			description: strPtr("Codes for premium access"), numbers: []int{7555, 91955}, createdAt: mustTime("2022-04-02T09:12:44+02:00"),
			txs: []*smsTx{}},
		{id: "3c9d7e10", typ: "API_URL", status: "service_blocked", name: "Adult content", prefix: "SIM", suffix: "XXL",
			adult: true, numbers: []int{92555}, createdAt: mustTime("2023-01-15T12:00:00+01:00"), txs: []*smsTx{}},
	}

	s.dbServices = []*dbService{
		{id: fixtureServiceID, name: "Usługa testowa", suffix: "Test1", status: "service_active", createdAt: mustTime("2021-11-08T18:19:16+01:00"),
			txs: []*dbTx{
				{id: "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a", status: "transaction_db_payed", control: strPtr("1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"),
					value: mustDec("16.67"), valueNetto: mustDec("10"), operator: strPtr("t-mobile"),
					valueCreated: mustDec("10"), valueCreatedType: "required", score: decPtr(mustDec("0.85")),
					notifyAt: timePtr("2023-02-16T14:52:11+01:00"), notifyCount: 1,
					createdAt: mustTime("2023-02-16T14:52:11+01:00"), updatedAt: mustTime("2023-02-16T14:52:11+01:00")},
				{id: "4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30", status: "transaction_db_new", phone: strPtr("48123123123"), control: strPtr("order-2001"),
					value: mustDec("8.13"), valueNetto: mustDec("5.69"), valueCreated: mustDec("10"), valueCreatedType: "gross",
					createdAt: mustTime("2023-03-01T12:00:00+01:00"), updatedAt: mustTime("2023-03-01T12:00:00+01:00")},
				{id: "b7a3e1f0-9c2d-4e8b-a5f6-0d1c2b3a4e5f", status: "transaction_db_rejected", phone: strPtr("48500600700"), control: strPtr("order-2002"),
					value: mustDec("20"), valueNetto: mustDec("14"), operator: strPtr("play"),
					valueCreated: mustDec("20"), valueCreatedType: "net", score: decPtr(mustDec("0.1")),
					notifySent: true, notifyAt: timePtr("2023-04-10T09:15:00+02:00"), notifyCount: 2,
					createdAt: mustTime("2023-04-10T09:10:00+02:00"), updatedAt: mustTime("2023-04-10T09:15:00+02:00")},
			}},
		{id: "7a6b5c4d", name: "Game shop", suffix: "Games", status: "service_verify", createdAt: mustTime("2023-03-01T11:00:00+01:00"), txs: []*dbTx{}},
	}
}

// paymentStatuses are the transaction statuses SimPay documents, in the order
// generated transactions cycle through them.
var paymentStatuses = []string{
	"transaction_new", "transaction_confirmed", "transaction_generated", "transaction_paid",
	"transaction_failure", "transaction_expired", "transaction_canceled", "transaction_refunded",
	"transaction_fraud", "transaction_fraud_possibility",
}

// generatedStart is when the first generated transaction was created; each
// next one is an hour later.
var generatedStart = mustTime("2024-01-01T08:00:00+01:00")

// AddPaymentTransactions appends n generated transactions to a payment
// service (nothing happens for an unknown service). The k-th generated
// transaction of a service always has the same id, amount, status and
// timestamps for a given Options.Seed.
func (s *Server) AddPaymentTransactions(serviceID string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	svc := s.paymentService(serviceID)
	if svc == nil {
		return
	}
	rotation := []string{"blik", "mbank", "nest", "card"}
	for range n {
		k := svc.generated
		svc.generated++
		id := uuidV4(s.seed, "generated/"+serviceID, uint64(k))
		status := paymentStatuses[k%len(paymentStatuses)]
		// Two non-zero decimals, so that "12.34" cannot be mistaken for
		// "12.3" by a careless comparison.
		amount := mustDec(fmt.Sprintf("%d.%d%d", 1+k%300, 1+k%9, 1+(k/9)%9))
		created := generatedStart.Add(time.Duration(k) * time.Hour)
		updated := created.Add(time.Minute)
		t := &paymentTx{
			id: id, payerID: payerID(id), status: status, value: amount, currency: "PLN",
			commissionCurrency: "PLN",
			original:           &txOriginal{Value: amount, Currency: "PLN", PLNRate: mustDec("1")},
			control:            strPtr(fmt.Sprintf("order-%05d", k)),
			description:        strPtr(fmt.Sprintf("Generated transaction %d", k)),
			customer:           txCustomer{Email: strPtr(fmt.Sprintf("payer%d@example.com", k))},
			createdAt:          created, updatedAt: updated,
		}
		if status != "transaction_new" {
			t.channel = strPtr(rotation[k%len(rotation)])
		}
		if status == "transaction_paid" || status == "transaction_refunded" {
			paid := created.Add(90 * time.Second)
			t.paidAt, t.updatedAt = &paid, paid
			t.commission = commissionFor(svc, t)
		} else {
			expires := created.Add(24 * time.Hour)
			t.expiresAt = &expires
		}
		if status == "transaction_refunded" {
			refunded := created.Add(2 * time.Hour)
			t.refunds = []*refund{{
				id: uuidV7(refunded, s.seed, "generated-refund/"+serviceID, uint64(k)), status: "refund_completed",
				amount: amount, currency: "PLN", walletAmount: amount, walletCurrency: "PLN",
				createdAt: refunded, updatedAt: refunded,
			}}
			t.updatedAt = refunded
		}
		svc.txs = append(svc.txs, t)
	}
}

// commissionFor is SimPay's cut of a paid transaction: the channel's
// commission percentage of the amount, at least 0.01.
func commissionFor(svc *paymentService, t *paymentTx) *dec {
	pct := mustDec("1.5").rat()
	if t.channel != nil {
		if c := svc.channel(*t.channel); c != nil {
			pct = c.Commission.rat()
		}
	}
	c := round2(ratQuo(ratMul(t.value.rat(), pct), hundred))
	if c.Cmp(mustDec("0.01").rat()) < 0 {
		c = mustDec("0.01").rat()
	}
	return decPtr(decOf(c))
}
