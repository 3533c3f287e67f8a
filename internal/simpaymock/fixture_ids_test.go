package simpaymock

import (
	"testing"
)

// TestFixtureIDsNameFixtures checks that every exported fixture id is an
// object the mock serves, with the status its documentation gives.
func TestFixtureIDsNameFixtures(t *testing.T) {
	t.Parallel()
	_, ts := start(t, Options{})
	for path, status := range map[string]string{
		"/payment/" + FixtureServiceID:                                                                              "service_active",
		"/payment/" + FixtureShopServiceID:                                                                          "service_active",
		"/payment/" + FixtureBlockedServiceID:                                                                       "service_blocked",
		"/directbilling/" + FixtureVerifyDirectBillingServiceID:                                                     "service_verify",
		"/payment/" + FixtureServiceID + "/transactions/" + FixtureTxPaidWithRefund:                                 "transaction_paid",
		"/payment/" + FixtureServiceID + "/transactions/" + FixtureTxPaid:                                           "transaction_paid",
		"/payment/" + FixtureServiceID + "/transactions/" + FixtureTxSeedDetail:                                     "transaction_paid",
		"/payment/" + FixtureServiceID + "/transactions/" + FixtureTxUnpaid:                                         "transaction_new",
		"/payment/" + FixtureServiceID + "/transactions/" + FixtureTxPaidWithRefund + "/refunds/" + FixtureRefundID: "refund_completed",
		"/directbilling/" + FixtureServiceID + "/transactions/" + FixtureDirectBillingTxPaid:                        "transaction_db_payed",
		"/directbilling/" + FixtureServiceID + "/transactions/" + FixtureDirectBillingTxNew:                         "transaction_db_new",
		"/directbilling/" + FixtureServiceID + "/transactions/" + FixtureDirectBillingTxRejected:                    "transaction_db_rejected",
	} {
		r := call(t, ts, "GET", path, testToken, "")
		data, _ := r.body["data"].(map[string]any)
		if r.status != 200 || data["status"] != status {
			t.Errorf("GET %s: %d, status %v, want 200 and %s", path, r.status, data["status"], status)
		}
	}
	refunds := call(t, ts, "GET", "/payment/"+FixtureServiceID+"/transactions/"+FixtureTxPaid+"/refunds", testToken, "")
	if list, _ := refunds.body["data"].([]any); refunds.status != 200 || len(list) != 0 {
		t.Errorf("refunds of FixtureTxPaid: %d, %v, want none", refunds.status, refunds.body["data"])
	}
}
