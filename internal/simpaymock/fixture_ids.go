package simpaymock

// Ids of the fixtures (see the package documentation), for tests that ask
// the mock for them by name rather than by a copied literal.
const (
	// FixtureServiceID is the seeds' example service: an online-payment, an
	// SMS and a DirectBilling service share it.
	FixtureServiceID = "d151e4f9"
	// FixtureShopServiceID is the second active online-payment service
	// ("Online shop", blik and mbank, PLN).
	FixtureShopServiceID = "e14f8074"
	// FixtureBlockedServiceID is an online-payment service in
	// service_blocked.
	FixtureBlockedServiceID = "0f1e2d3c"
	// FixtureVerifyDirectBillingServiceID is a DirectBilling service in
	// service_verify, with no transactions.
	FixtureVerifyDirectBillingServiceID = "7a6b5c4d"

	// FixtureTxPaidWithRefund is paid, 24.99 PLN through nest, with a
	// customer and the refund FixtureRefundID (1 PLN).
	FixtureTxPaidWithRefund = "528bd43f-d08a-43f5-9462-861e54db37bf"
	// FixtureRefundID is the completed 1 PLN refund of
	// FixtureTxPaidWithRefund.
	FixtureRefundID = "019483a5-885e-70f7-9b5b-94387a6690da"
	// FixtureTxPaid is paid, 24.99 PLN through blik, without refunds.
	FixtureTxPaid = "0238d92e-0dd9-469a-9aa9-0505974336a3"
	// FixtureTxSeedDetail is the seeds' detail example, 7.55 BRL (5 PLN as
	// created). It is not a valid UUID, as SimPay printed it.
	FixtureTxSeedDetail = "328bd42d-d08b-43f6-9463-869e5bd32b4"
	// FixtureTxUnpaid is transaction_new, 49 PLN, with billing, cart and
	// return URLs.
	FixtureTxUnpaid = "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"

	// FixtureDirectBillingTxPaid is the OpenAPI example, transaction_db_payed.
	FixtureDirectBillingTxPaid = "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a"
	// FixtureDirectBillingTxNew is transaction_db_new, phone 48123123123,
	// control order-2001.
	FixtureDirectBillingTxNew = "4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30"
	// FixtureDirectBillingTxRejected is transaction_db_rejected, phone
	// 48500600700, control order-2002.
	FixtureDirectBillingTxRejected = "b7a3e1f0-9c2d-4e8b-a5f6-0d1c2b3a4e5f"
)
