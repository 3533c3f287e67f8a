package client

// Response bodies exactly as SimPay documents them. The online-payment ones are
// the examples printed in seeds 002 (English) and 004 (Polish); the SMS and
// DirectBilling ones are the examples of openapi-2024.json, re-serialised
// compactly. They feed the decoding tests and seed FuzzDecodeEnvelope.
const (
	// fixturePaymentServices: seed 002: Retrieving a list of services.
	fixturePaymentServices = `{"success":true,"data":[{"id":"d151e4f9","name":"Test service","status":"service_active","created_at":"2021-11-08T18:19:16+01:00"}],"pagination":{"total":1,"count":1,"per_page":15,"current_page":1,"total_pages":1,"links":{"next_page":null,"prev_page":null}}}`
	// fixturePaymentService: seed 002: Retrieving service details.
	fixturePaymentService = `{"success":true,"data":{"id":"d151e4f9","name":"Test service","status":"service_active","created_at":"2021-11-08T18:19:16+01:00"}}`
	// fixturePaymentChannels: seed 002: Retrieving a list of channels for the service.
	fixturePaymentChannels = `{"success":true,"data":[{"id":"blik","name":"BLIK","type":"blik","img":"https://img.simpay.pl/transfer/banks/blik.png","commission":1.5,"currencies":["PLN"],"amount":{"min":1,"max":20000}},{"id":"mbank","name":"mBank","type":"transfer","img":"https://img.simpay.pl/transfer/banks/mbank.png","commission":1.5,"currencies":["PLN"],"amount":{"min":1,"max":20000}}]}`
	// fixturePaymentTransactions: seed 002: Retrieving a list of transactions.
	fixturePaymentTransactions = `{"success":true,"data":[{"id":"528bd43f-d08a-43f5-9462-861e54db37bf","status":"transaction_paid","amount":24.99,"control":null,"channel":"nest","paid_at":"2023-12-07T05:21:50+01:00","created_at":"2023-12-07T05:20:30+01:00","updated_at":"2023-12-07T05:21:50+01:00"},{"id":"0238d92e-0dd9-469a-9aa9-0505974336a3","status":"transaction_paid","amount":24.99,"control":null,"channel":"blik","paid_at":"2023-12-07T06:21:50+01:00","created_at":"2023-12-07T06:20:30+01:00","updated_at":"2023-12-07T06:21:50+01:00"}],"pagination":{"total":2,"count":2,"per_page":15,"current_page":1,"total_pages":1,"links":{"next_page":null,"prev_page":null}}}`
	// fixturePaymentTransactionCreated: seed 002: Generating a transaction.
	fixturePaymentTransactionCreated = `{"success":true,"data":{"transactionId":"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f","redirectUrl":"https://pay.simpay.pl/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"}}`
	// fixturePaymentTransaction: seeds 002 and 004: Retrieving transaction details.
	fixturePaymentTransaction = `{"success":true,"data":{"id":"328bd42d-d08b-43f6-9463-869e5bd32b4","payer_transaction_id":"477YDX14","status":"transaction_paid","amount":{"value":7.55,"currency":"BRL","commission":0.12,"commission_currency":"EUR","original":{"value":5,"currency":"PLN","pln_rate":1}},"channel":"nest","control":null,"description":null,"redirect":{"success":null,"failure":null},"customer":{"name":null,"email":"kontakt@simpay.pl","ip":"192.168.0.1","country":"PL"},"billing":{"name":null,"surname":null,"street":null,"building":null,"flat":null,"city":null,"region":null,"postalCode":null,"country":null,"company":null},"shipping":{"name":null,"surname":null,"street":null,"building":null,"flat":null,"city":null,"region":null,"postalCode":null,"country":null,"company":null},"cart":null,"paid_at":"2023-12-07T05:21:50+01:00","expires_at":null,"created_at":"2023-12-07T05:20:30+01:00","updated_at":"2023-12-07T05:21:50+01:00"}}`
	// fixturePaymentCurrencies: seed 002: Retrieving a list of currencies for the service.
	fixturePaymentCurrencies = `{"success":true,"data":[{"iso":"PLN","pln_rate":"1.0000000000","nbp_table":"A","prefix":null,"suffix":" zł","updated_at":"2025-05-10T13:04:32+02:00"},{"iso":"EUR","pln_rate":"4.3238000000","nbp_table":"A","prefix":"€","suffix":null,"updated_at":"2025-05-10T13:04:32+02:00"},{"iso":"ARS","pln_rate":"0.0034150000","nbp_table":"B","prefix":"ARS$","suffix":null,"updated_at":"2025-05-10T13:04:32+02:00"}]}`
	// fixtureRefunds: seed 004: Pobieranie listy zwrotów dla transakcji.
	fixtureRefunds = `{"success":true,"data":[{"id":"019483a5-885e-70f7-9b5b-94387a6690da","status":"refund_completed","amount":1,"currency":"PLN","wallet_amount":1,"wallet_currency":"PLN","created_at":"2025-01-20T13:17:31+01:00","updated_at":"2025-01-20T13:17:59+01:00"}]}`
	// fixtureRefundCreated: seed 004: refund create.
	fixtureRefundCreated = `{"success":true,"data":{"refund_id":"019483a5-885e-70f7-9b5b-94387a6690da"}}`
	// fixtureSmsServices: openapi-2024.json, components.schemas.smsGetServices.example.
	fixtureSmsServices = `{"success":true,"data":[{"id":"d151e4f9","type":"ONE_TIME_CODE","status":"service_active","name":"TEST","prefix":"SIM","suffix":"TESTSIMPAY","adult":false,"created_at":"2021-11-08T18:18:53+01:00"}],"pagination":{"total":1,"count":1,"per_page":15,"current_page":1,"total_pages":1,"links":{"next_page":null,"prev_page":null}}}`
	// fixtureSmsService: openapi-2024.json, components.schemas.smsGetService.example.
	fixtureSmsService = `{"success":true,"data":{"id":"d151e4f9","type":"ONE_TIME_CODE","status":"service_active","name":"TEST","prefix":"SIM","suffix":"TESTSIMPAY","adult":false,"numbers":[7055,7155,7255],"created_at":"2021-11-08T18:18:53+01:00"}}`
	// fixtureSmsCodeUsed: openapi-2024.json, components.schemas.smsServiceCheckCodeUsed.example.
	fixtureSmsCodeUsed = `{"success":true,"data":{"used":true,"code":"ABC1D6","test":true,"from":"48123123123","number":7055,"value":0.5,"send_at":"2021-11-14T19:00:36+01:00"}}`
	// fixtureSmsCodeNotUsed: openapi-2024.json, components.schemas.smsServiceCheckCodeNotUsed.example.
	fixtureSmsCodeNotUsed = `{"success":true,"data":{"used":false,"code":"ABC1D6","test":true,"from":"48123123123","number":7055,"value":0.5}}`
	// fixtureSmsTransactions: openapi-2024.json, components.schemas.smsGetServiceTransactions.example.
	fixtureSmsTransactions = `{"success":true,"data":[{"id":1,"from":48123123123,"code":"ABC1D6","used":false,"send_number":7055,"value":0.5,"send_at":"2021-11-14T19:00:36+01:00"}],"pagination":{"total":1,"count":1,"per_page":15,"current_page":1,"total_pages":1,"links":{"next_page":null,"prev_page":null}}}`
	// fixtureSmsTransaction: openapi-2024.json, components.schemas.smsGetServiceTransaction.example.
	fixtureSmsTransaction = `{"success":true,"data":{"id":1,"from":48123123123,"code":"ABC1D6","used":false,"send_number":7055,"value":0.5,"send_at":"2021-11-14T19:00:36+01:00"}}`
	// fixtureSmsNumbers: openapi-2024.json, components.schemas.smsServiceNumbers.example.
	fixtureSmsNumbers = `{"success":true,"data":[{"number":7055,"value":2,"value_net":2.46,"adult":false}],"pagination":{"total":1,"count":1,"per_page":15,"current_page":1,"total_pages":1,"links":{"next_page":null,"prev_page":null}}}`
	// fixtureSmsNumber: openapi-2024.json, components.schemas.smsServiceNumber.example.
	fixtureSmsNumber = `{"success":true,"data":{"number":7055,"value":2,"value_net":2.46,"adult":false}}`
	// fixtureDbServices: openapi-2024.json, components.schemas.directbillingGetServicesResponse.example.
	fixtureDbServices = `{"success":true,"data":[{"id":"d151e4f9","name":"Usługa testowa","suffix":"Test1","status":"service_active","created_at":"2021-11-08T18:19:16+01:00"}],"pagination":{"total":1,"count":1,"per_page":15,"current_page":1,"total_pages":1,"links":{"next_page":null,"prev_page":null}}}`
	// fixtureDbService: openapi-2024.json, components.schemas.directbillingGetServiceResponse.example.
	fixtureDbService = `{"success":true,"data":{"id":"d151e4f9","name":"Usługa testowa","suffix":"Test1","status":"service_active","created_at":"2021-11-08T18:19:16+01:00"}}`
	// fixtureDbCalculation: openapi-2024.json, components.schemas.directbillingServiceCalculateResponse.example.
	fixtureDbCalculation = `{"success":true,"data":{"orange":{"net":285.72,"gross":351.44},"play":{"net":285.72,"gross":351.44},"t-mobile":null,"plus":null}}`
	// fixtureDbTransactions: openapi-2024.json, components.schemas.directbillingGetTransactionsResponse.example.
	fixtureDbTransactions = `{"success":true,"data":[{"id":"dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a","status":"transaction_db_payed","value":0.34,"value_netto":0.24,"created_at":"2023-02-16T14:52:11+01:00","updated_at":"2023-02-16T14:52:11+01:00"}],"pagination":{"total":1,"count":1,"per_page":15,"current_page":1,"total_pages":1,"links":{"next_page":null,"prev_page":null}}}`
	// fixtureDbTransactionCreated: openapi-2024.json, components.schemas.directbillingTransactionCreateResponse.example.
	fixtureDbTransactionCreated = `{"success":true,"data":{"transactionId":"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f","redirectUrl":"https://db.simpay.pl/1d87a1b3-18f8-4146-bcb1-c0c9f293b04f"}}`
	// fixtureDbTransaction: openapi-2024.json, components.schemas.directbillingGetTransactionResponse.example.
	fixtureDbTransaction = `{"success":true,"data":{"id":"dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a","status":"transaction_db_payed","phoneNumber":null,"control":"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f","value":16.67,"value_netto":10,"operator":"t-mobile","notify":{"is_send":false,"last_send_at":"2023-02-16T14:52:11+01:00","count":1},"created_at":"2023-02-16T14:52:11+01:00","updated_at":"2023-02-16T14:52:11+01:00"}}`
	// fixtureValidationError: openapi-2024.json, components.schemas.ErrorUnprocessableContent.example.
	fixtureValidationError = `{"success":false,"errorCode":"VALIDATION_ERROR","errors":{"amount":["The amount field is required."],"currency":["The selected currency is invalid."]}}`
)

// Bodies in the shapes SimPay's newer SDKs read (CONTRACT.md, "Read every
// variant"). No captured live answer exists: each is the documented example
// rewritten the way the named SDK file reads it.
const (
	// fixtureSDKSmsNumber: value_gross as in simpay-laravel
	// src/Responses/Sms/SmsNumberResponse.php, value as a string as in
	// amxx-simpay-lib simpay.inc.
	fixtureSDKSmsNumber = `{"success":true,"data":{"number":7055,"value":"2","value_gross":2.46,"adult":false}}`
	// fixtureSDKSmsService: numbers as strings, SimPay-API-TypeScript
	// src/models/sms/service/sms.service.ts.
	fixtureSDKSmsService = `{"success":true,"data":{"id":"d151e4f9","type":"ONE_TIME_CODE","status":"service_active","name":"TEST","prefix":"SIM","suffix":"TESTSIMPAY","adult":false,"numbers":["7055","7155","7255"],"created_at":"2021-11-08T18:18:53+01:00"}}`
	// fixtureSDKDbTransaction: simpay-laravel
	// src/Responses/DirectBilling/TransactionInfoResponse.php.
	fixtureSDKDbTransaction = `{"success":true,"data":{"id":"dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a","status":"transaction_db_canceled","phoneNumber":"48123123123","control":null,"value":16.67,"value_net":10,"value_created":10,"value_created_type":"REQUIRED","operator":"netia","notify":{"is_send":true,"last_send_at":"2023-02-16T14:52:11+01:00","count":2},"score":0.85,"created_at":"2023-02-16T14:52:11+01:00","updated_at":"2023-02-16T14:52:11+01:00"}}`
	// fixtureSDKDbCalculation: netia as in simpay-laravel
	// src/Responses/DirectBilling/AmountCalculatorResponse.php.
	fixtureSDKDbCalculation = `{"success":true,"data":{"orange":{"net":285.72,"gross":351.44},"play":{"net":285.72,"gross":351.44},"t-mobile":null,"plus":null,"netia":{"net":285.72,"gross":351.44}}}`
	// fixtureSDKPaymentTransaction: additional as simpay-laravel
	// src/Responses/Payment/TransactionInfoResponse.php reads it.
	fixtureSDKPaymentTransaction = `{"success":true,"data":{"id":"328bd42d-d08b-43f6-9463-869e5bd32b4","payer_transaction_id":"477YDX14","status":"transaction_paid","amount":{"value":7.55,"currency":"BRL","commission":0.12,"commission_currency":"EUR"},"redirect":{"success":null,"failure":null},"customer":{"name":null,"email":"kontakt@simpay.pl","ip":"192.168.0.1","country":"PL"},"billing":null,"shipping":null,"cart":null,"additional":{"key":["value",1]},"paid_at":null,"expires_at":null,"created_at":"2023-12-07T05:20:30+01:00","updated_at":"2023-12-07T05:21:50+01:00"}}`
	// fixtureSDKError: the code under "code", as simpay-ecommerce
	// src/SimPayClient.php reads it.
	fixtureSDKError = `{"success":false,"code":"ROUTE_NOT_FOUND","message":"The route payment/x could not be found."}`
)

// allFixtures lists every documented body, for the fuzz seed corpus.
var allFixtures = []string{
	fixturePaymentServices,
	fixturePaymentService,
	fixturePaymentChannels,
	fixturePaymentTransactions,
	fixturePaymentTransactionCreated,
	fixturePaymentTransaction,
	fixturePaymentCurrencies,
	fixtureRefunds,
	fixtureRefundCreated,
	fixtureSmsServices,
	fixtureSmsService,
	fixtureSmsCodeUsed,
	fixtureSmsCodeNotUsed,
	fixtureSmsTransactions,
	fixtureSmsTransaction,
	fixtureSmsNumbers,
	fixtureSmsNumber,
	fixtureDbServices,
	fixtureDbService,
	fixtureDbCalculation,
	fixtureDbTransactions,
	fixtureDbTransactionCreated,
	fixtureDbTransaction,
	fixtureValidationError,
	fixtureSDKSmsNumber,
	fixtureSDKSmsService,
	fixtureSDKDbTransaction,
	fixtureSDKDbCalculation,
	fixtureSDKPaymentTransaction,
	fixtureSDKError,
}
