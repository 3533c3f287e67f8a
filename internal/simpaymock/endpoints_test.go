package simpaymock

import (
	"net/http"
	"testing"
)

// The seeds' examples, as SimPay documents them; the mock must answer them
// exactly.
const (
	seedService = `{"id":"d151e4f9","name":"Test service","status":"service_active","created_at":"2021-11-08T18:19:16+01:00"}`

	seedChannelBlik  = `{"id":"blik","name":"BLIK","type":"blik","img":"https://img.simpay.pl/transfer/banks/blik.png","commission":1.5,"currencies":["PLN"],"amount":{"min":1,"max":20000}}`
	seedChannelMbank = `{"id":"mbank","name":"mBank","type":"transfer","img":"https://img.simpay.pl/transfer/banks/mbank.png","commission":1.5,"currencies":["PLN"],"amount":{"min":1,"max":20000}}`

	seedCurrencyList = `[{"iso":"PLN","pln_rate":"1.0000000000","nbp_table":"A","prefix":null,"suffix":" zł","updated_at":"2025-05-10T13:04:32+02:00"},{"iso":"EUR","pln_rate":"4.3238000000","nbp_table":"A","prefix":"€","suffix":null,"updated_at":"2025-05-10T13:04:32+02:00"},{"iso":"ARS","pln_rate":"0.0034150000","nbp_table":"B","prefix":"ARS$","suffix":null,"updated_at":"2025-05-10T13:04:32+02:00"}]`

	seedTxList0 = `{"id":"528bd43f-d08a-43f5-9462-861e54db37bf","status":"transaction_paid","amount":24.99,"control":null,"channel":"nest","paid_at":"2023-12-07T05:21:50+01:00","created_at":"2023-12-07T05:20:30+01:00","updated_at":"2023-12-07T05:21:50+01:00"}`
	seedTxList1 = `{"id":"0238d92e-0dd9-469a-9aa9-0505974336a3","status":"transaction_paid","amount":24.99,"control":null,"channel":"blik","paid_at":"2023-12-07T06:21:50+01:00","created_at":"2023-12-07T06:20:30+01:00","updated_at":"2023-12-07T06:21:50+01:00"}`

	seedTxDetail = `{"id":"328bd42d-d08b-43f6-9463-869e5bd32b4","payer_transaction_id":"477YDX14","status":"transaction_paid","amount":{"value":7.55,"currency":"BRL","commission":0.12,"commission_currency":"EUR","original":{"value":5,"currency":"PLN","pln_rate":1}},"channel":"nest","control":null,"description":null,"redirect":{"success":null,"failure":null},"customer":{"name":null,"email":"kontakt@simpay.pl","ip":"192.168.0.1","country":"PL"},"billing":{"name":null,"surname":null,"street":null,"building":null,"flat":null,"city":null,"region":null,"postalCode":null,"country":null,"company":null},"shipping":{"name":null,"surname":null,"street":null,"building":null,"flat":null,"city":null,"region":null,"postalCode":null,"country":null,"company":null},"cart":null,"paid_at":"2023-12-07T05:21:50+01:00","expires_at":null,"created_at":"2023-12-07T05:20:30+01:00","updated_at":"2023-12-07T05:21:50+01:00"}`

	seedRefund = `{"id":"019483a5-885e-70f7-9b5b-94387a6690da","status":"refund_completed","amount":1,"currency":"PLN","wallet_amount":1,"wallet_currency":"PLN","created_at":"2025-01-20T13:17:31+01:00","updated_at":"2025-01-20T13:17:59+01:00"}`

	seedSMSService       = `{"id":"d151e4f9","type":"ONE_TIME_CODE","status":"service_active","name":"TEST","prefix":"SIM","suffix":"TESTSIMPAY","description":null,"adult":false,"created_at":"2021-11-08T18:18:53+01:00"}`
	seedSMSServiceDetail = `{"id":"d151e4f9","type":"ONE_TIME_CODE","status":"service_active","name":"TEST","prefix":"SIM","suffix":"TESTSIMPAY","description":null,"adult":false,"numbers":[7055,7155,7255],"created_at":"2021-11-08T18:18:53+01:00"}`
	seedSMSTx            = `{"id":1,"from":48123123123,"code":"ABC1D6","used":false,"send_number":7055,"value":0.5,"send_at":"2021-11-14T19:00:36+01:00"}`

	seedDBService  = `{"id":"d151e4f9","name":"Usługa testowa","suffix":"Test1","status":"service_active","created_at":"2021-11-08T18:19:16+01:00"}`
	seedDBTx       = `{"id":"dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a","status":"transaction_db_payed","phoneNumber":null,"control":"1d87a1b3-18f8-4146-bcb1-c0c9f293b04f","value":16.67,"value_netto":10,"operator":"t-mobile","notify":{"is_send":false,"last_send_at":"2023-02-16T14:52:11+01:00","count":1},"created_at":"2023-02-16T14:52:11+01:00","updated_at":"2023-02-16T14:52:11+01:00"}`
	seedDBCalc200  = `{"orange":{"net":285.72,"gross":351.44},"play":{"net":285.72,"gross":351.44},"t-mobile":null,"plus":null}`
	onePagePaging  = `{"total":%d,"count":%d,"per_page":15,"current_page":1,"total_pages":1,"links":{"next_page":null,"prev_page":null}}`
	paidTxDetailID = "528bd43f-d08a-43f5-9462-861e54db37bf"
	seedDetailID   = "328bd42d-d08b-43f6-9463-869e5bd32b4"
	unpaidTxID     = "7c1e9a52-3b4d-4f6e-8a9b-0c1d2e3f4a5b"
	seedRefundID   = "019483a5-885e-70f7-9b5b-94387a6690da"
	seedDBTxID     = "dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a"
)

func TestPaymentServices(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/payment")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "first service", r.field(t, "data.0"), seedService)
	jsonEqual(t, "pagination", r.field(t, "pagination"), sprintf(onePagePaging, 4, 4))
	statuses := map[string]string{}
	for i := range 4 {
		statuses[r.str(t, "data."+itoa(i)+".id")] = r.str(t, "data."+itoa(i)+".status")
	}
	if statuses["0f1e2d3c"] != "service_blocked" || statuses["a1b2c3d4"] != "service_new" || statuses["e14f8074"] != "service_active" {
		t.Errorf("services: %v", statuses)
	}

	r = get(t, ts, "/payment/d151e4f9")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "service", r.field(t, "data"), seedService)
	if _, ok := r.body["pagination"]; ok {
		t.Error("a single service has no pagination")
	}
	get(t, ts, "/payment/ffffffff").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
}

func TestChannels(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/payment/d151e4f9/channels")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "blik", r.field(t, "data.0"), seedChannelBlik)
	jsonEqual(t, "mbank", r.field(t, "data.1"), seedChannelMbank)
	jsonEqual(t, "paypal", r.field(t, "data.5"), `{"id":"paypal","name":"PayPal","type":"paypal","img":"https://img.simpay.pl/transfer/paypal/paypal.png","commission":3.4,"currencies":["PLN","EUR","USD"],"amount":{"min":null,"max":null}}`)
	jsonEqual(t, "card currencies", r.field(t, "data.3.currencies"), `["PLN","EUR"]`)
	jsonEqual(t, "paysafecard amount", r.field(t, "data.4.amount"), `{"min":5,"max":1000}`)
	if _, ok := r.body["pagination"]; ok {
		t.Error("channels are not paginated")
	}
	r = get(t, ts, "/payment/e14f8074/channels")
	jsonEqual(t, "e14f8074 channels", r.field(t, "data"), "["+seedChannelBlik+","+seedChannelMbank+"]")
	r = get(t, ts, "/payment/0f1e2d3c/channels")
	jsonEqual(t, "no channels", r.field(t, "data"), `[]`)
	get(t, ts, "/payment/ffffffff/channels").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
}

func TestCurrencies(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/payment/d151e4f9/currencies")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "currencies", r.field(t, "data"), seedCurrencyList)
	// pln_rate must be a JSON string, not a number.
	if got := r.num(t, "data.1.pln_rate"); got != `"4.3238000000"` {
		t.Errorf("pln_rate raw = %s", got)
	}
	get(t, ts, "/payment/ffffffff/currencies").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
}

func TestPaymentTransactions(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/payment/d151e4f9/transactions")
	r.want(t, http.StatusOK, "")
	// Newest first: the seeds' first example is the oldest, and last.
	jsonEqual(t, "first", r.field(t, "data.3"), seedTxList0)
	jsonEqual(t, "second", r.field(t, "data.2"), seedTxList1)
	if got := r.str(t, "data.0.id"); got != unpaidTxID {
		t.Errorf("newest is %s, want %s", got, unpaidTxID)
	}
	jsonEqual(t, "pagination", r.field(t, "pagination"), sprintf(onePagePaging, 4, 4))
	if got := r.num(t, "data.3.amount"); got != "24.99" {
		t.Errorf("amount written as %s", got)
	}

	r = get(t, ts, "/payment/d151e4f9/transactions/"+seedDetailID)
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "seed detail", r.field(t, "data"), seedTxDetail)

	r = get(t, ts, "/payment/d151e4f9/transactions/"+unpaidTxID)
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "unpaid cart", r.field(t, "data.cart"), `[{"name":"T-shirt","quantity":2,"price":19.5,"producer":"ACME","category":"clothes","code":"TS-01"},{"name":"Sticker","quantity":1,"price":10,"producer":null,"category":null,"code":null}]`)
	jsonEqual(t, "unpaid amount", r.field(t, "data.amount"), `{"value":49,"currency":"PLN","commission":null,"commission_currency":"PLN","original":{"value":49,"currency":"PLN","pln_rate":1}}`)
	jsonEqual(t, "unpaid redirect", r.field(t, "data.redirect"), `{"success":"https://shop.example.com/success","failure":"https://shop.example.com/failure"}`)

	get(t, ts, "/payment/d151e4f9/transactions/00000000-0000-4000-8000-000000000000").want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
	get(t, ts, "/payment/ffffffff/transactions").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
	get(t, ts, "/payment/ffffffff/transactions/"+seedDetailID).want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
	// The OpenAPI file's singular path is a documented mistake; the live
	// API does not serve it.
	get(t, ts, "/payment/d151e4f9/transaction/"+seedDetailID).want(t, http.StatusNotFound, "ROUTE_NOT_FOUND")
}

func TestRefundFixtures(t *testing.T) {
	_, ts := start(t, Options{})
	base := "/payment/d151e4f9/transactions/" + paidTxDetailID + "/refunds"
	r := get(t, ts, base)
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "refunds", r.field(t, "data"), "["+seedRefund+"]")
	if _, ok := r.body["pagination"]; ok {
		t.Error("refunds are not paginated")
	}
	r = get(t, ts, base+"/"+seedRefundID)
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "refund", r.field(t, "data"), seedRefund)
	get(t, ts, base+"/00000000-0000-7000-8000-000000000000").want(t, http.StatusNotFound, "REFUND_NOT_FOUND")
	get(t, ts, "/payment/d151e4f9/transactions/"+unpaidTxID+"/refunds/"+seedRefundID).want(t, http.StatusNotFound, "REFUND_NOT_FOUND")
	r = get(t, ts, "/payment/d151e4f9/transactions/"+unpaidTxID+"/refunds")
	jsonEqual(t, "no refunds", r.field(t, "data"), `[]`)
	get(t, ts, "/payment/d151e4f9/transactions/nope/refunds").want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
}

func TestIPs(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/ip")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "ips", r.field(t, "data"), `["192.0.2.10","192.0.2.11","198.51.100.20","203.0.113.30","2001:db8:5150::10"]`)
}

func TestSMS(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/sms")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "sms service", r.field(t, "data.0"), seedSMSService)
	jsonEqual(t, "pagination", r.field(t, "pagination"), sprintf(onePagePaging, 3, 3))

	r = get(t, ts, "/sms/d151e4f9")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "sms detail", r.field(t, "data"), seedSMSServiceDetail)
	get(t, ts, "/sms/ffffffff").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")

	r = get(t, ts, "/sms/d151e4f9/transactions")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "sms tx", r.field(t, "data.2"), seedSMSTx) // newest first
	jsonEqual(t, "pagination", r.field(t, "pagination"), sprintf(onePagePaging, 3, 3))
	r = get(t, ts, "/sms/d151e4f9/transactions/1")
	jsonEqual(t, "sms tx 1", r.field(t, "data"), seedSMSTx)
	get(t, ts, "/sms/d151e4f9/transactions/99").want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
	get(t, ts, "/sms/d151e4f9/transactions/abc").want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
	get(t, ts, "/sms/ffffffff/transactions").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")

	r = get(t, ts, "/sms/d151e4f9/numbers")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "service numbers", r.field(t, "data"), `[{"number":7055,"value":0.5,"value_net":0.62,"adult":false},{"number":7155,"value":1,"value_net":1.23,"adult":false},{"number":7255,"value":2,"value_net":2.46,"adult":false}]`)
	r = get(t, ts, "/sms/d151e4f9/numbers/7255")
	jsonEqual(t, "service number", r.field(t, "data"), `{"number":7255,"value":2,"value_net":2.46,"adult":false}`)
	get(t, ts, "/sms/d151e4f9/numbers/92555").want(t, http.StatusNotFound, "NUMBER_NOT_FOUND")
	get(t, ts, "/sms/ffffffff/numbers").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")

	// /sms/numbers is its own route, not the service "numbers".
	r = get(t, ts, "/sms/numbers")
	r.want(t, http.StatusOK, "")
	if got := r.num(t, "pagination.total"); got != "17" {
		t.Errorf("numbers total = %s", got)
	}
	if got := r.num(t, "pagination.count"); got != "15" {
		t.Errorf("numbers on the first page = %s", got)
	}
	r = get(t, ts, "/sms/numbers?limit=99")
	jsonEqual(t, "92555", r.field(t, "data.16"), `{"number":92555,"value":25,"value_net":30.75,"adult":true}`)
	r = get(t, ts, "/sms/numbers/7055")
	jsonEqual(t, "7055", r.field(t, "data"), `{"number":7055,"value":0.5,"value_net":0.62,"adult":false}`)
	get(t, ts, "/sms/numbers/1234").want(t, http.StatusNotFound, "NUMBER_NOT_FOUND")
}

func TestSMSCodeCheck(t *testing.T) {
	s, ts := start(t, Options{})
	r := post(t, ts, "/sms/d151e4f9", `{"code":"ABC1D6","number":7055}`)
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "first check", r.field(t, "data"), `{"used":false,"code":"ABC1D6","test":true,"from":"48123123123","number":7055,"value":0.5}`)
	r = post(t, ts, "/sms/d151e4f9", `{"code":"ABC1D6"}`)
	r.want(t, http.StatusOK, "")
	if r.field(t, "data.used")[0] != 't' || r.str(t, "data.send_at") != "2021-11-14T19:00:36+01:00" {
		t.Errorf("second check: %s", r.raw)
	}
	// The default clock's first reading marked it used.
	if got := r.str(t, "data.used_at"); got != "2025-06-02T10:00:00+02:00" {
		t.Errorf("used_at = %s", got)
	}
	if get(t, ts, "/sms/d151e4f9/transactions/1").field(t, "data.used")[0] != 't' {
		t.Error("the transaction is not marked used")
	}
	post(t, ts, "/sms/d151e4f9", `{"code":"ZZZZZZ"}`).want(t, http.StatusNotFound, "CODE_NOT_FOUND")
	post(t, ts, "/sms/d151e4f9", `{"code":"Q9Z8Y7","number":7055}`).want(t, http.StatusNotFound, "CODE_NOT_FOUND")
	post(t, ts, "/sms/ffffffff", `{"code":"ABC1D6"}`).want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
	// POST /sms/numbers is the code check of a service called "numbers".
	post(t, ts, "/sms/numbers", `{"code":"ABC1D6"}`).want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
	_ = s
}

func TestDirectBilling(t *testing.T) {
	_, ts := start(t, Options{})
	r := get(t, ts, "/directbilling")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "db service", r.field(t, "data.0"), seedDBService)
	jsonEqual(t, "pagination", r.field(t, "pagination"), sprintf(onePagePaging, 2, 2))
	r = get(t, ts, "/directbilling/d151e4f9")
	jsonEqual(t, "db service detail", r.field(t, "data"), seedDBService)
	get(t, ts, "/directbilling/ffffffff").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")

	r = get(t, ts, "/directbilling/d151e4f9/calculate?amount=200")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "calculation", r.field(t, "data"), seedDBCalc200)
	r = get(t, ts, "/directbilling/d151e4f9/calculate?amount=10")
	jsonEqual(t, "calculation 10", r.field(t, "data"), `{"orange":{"net":14.29,"gross":17.58},"play":{"net":14.29,"gross":17.58},"t-mobile":{"net":16.67,"gross":20.5},"plus":{"net":15.39,"gross":18.93}}`)
	get(t, ts, "/directbilling/ffffffff/calculate?amount=1").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")

	r = get(t, ts, "/directbilling/d151e4f9/transactions")
	r.want(t, http.StatusOK, "")
	jsonEqual(t, "db tx list item", r.field(t, "data.2"), `{"id":"dc261d4f-31ef-4728-bfd6-97bbe2a5ef0a","status":"transaction_db_payed","value":16.67,"value_netto":10,"operator":"t-mobile","created_at":"2023-02-16T14:52:11+01:00","updated_at":"2023-02-16T14:52:11+01:00"}`)
	jsonEqual(t, "pagination", r.field(t, "pagination"), sprintf(onePagePaging, 3, 3))
	r = get(t, ts, "/directbilling/d151e4f9/transactions/"+seedDBTxID)
	jsonEqual(t, "db tx detail", r.field(t, "data"), seedDBTx)
	get(t, ts, "/directbilling/d151e4f9/transactions/00000000-0000-4000-8000-000000000000").want(t, http.StatusNotFound, "TRANSACTION_NOT_FOUND")
	get(t, ts, "/directbilling/ffffffff/transactions").want(t, http.StatusNotFound, "SERVICE_NOT_FOUND")
}

func TestDirectBillingFilters(t *testing.T) {
	_, ts := start(t, Options{})
	ids := func(query string) []string {
		t.Helper()
		r := get(t, ts, "/directbilling/d151e4f9/transactions?"+query)
		r.want(t, http.StatusOK, "")
		var out []string
		n := int(r.body["pagination"].(map[string]any)["count"].(float64))
		for i := range n {
			out = append(out, r.str(t, "data."+itoa(i)+".id"))
		}
		return out
	}
	cases := map[string][]string{
		"filter[status]=transaction_db_new":                                 {"4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30"},
		"filter[status]=transaction_db_payed":                               {seedDBTxID},
		"filter[phoneNumber]=48500600700":                                   {"b7a3e1f0-9c2d-4e8b-a5f6-0d1c2b3a4e5f"},
		"filter[control]=order-2001":                                        {"4e0d8c7b-2a91-4f3e-8b6d-5c1a9e7f2d30"},
		"filter[control]=none":                                              nil,
		"filter[status]=transaction_db_new&filter[phoneNumber]=48500600700": nil,
	}
	for q, want := range cases {
		if got := ids(q); !equalStrings(got, want) {
			t.Errorf("%s: got %v, want %v", q, got, want)
		}
	}
	r := get(t, ts, "/directbilling/d151e4f9/transactions?filter[status]=paid")
	r.want(t, http.StatusUnprocessableEntity, "VALIDATION_ERROR")
	if e := r.errors(t); e["filter.status"][0] != "The selected filter.status is invalid." {
		t.Errorf("errors: %v", e)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
