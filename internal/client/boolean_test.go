package client

import (
	"encoding/json"
	"testing"
)

// TestBooleanTolerant: a Boolean reads true/false, 0/1 and "0"/"1" alike,
// through the same number-or-string rule as Integer, and refuses anything
// else rather than reading it as false.
func TestBooleanTolerant(t *testing.T) {
	for in, want := range map[string]bool{
		`true`: true, `false`: false, `1`: true, `0`: false, `"1"`: true, `"0"`: false,
		`"true"`: true, `"false"`: false, `1.0`: true, `null`: false, `""`: false, ` 1 `: true,
	} {
		b := !Boolean(want) // a stale value must be overwritten
		if in == `null` || in == `""` {
			b = false
		}
		if err := json.Unmarshal([]byte(in), &b); err != nil || bool(b) != want {
			t.Errorf("Boolean(%s) = %v, %v; want %v", in, b, err, want)
		}
	}
	for _, in := range []string{`2`, `-1`, `"2"`, `"yes"`, `0.5`, `[]`, `{}`, `"TRUE "`} {
		var b Boolean
		if err := json.Unmarshal([]byte(in), &b); err == nil {
			t.Errorf("Boolean(%s) = %v, want an error", in, b)
		}
	}
}

// TestSimPayFlagsReadAsZeroOne: the flags SimPay's SDKs cast (adult, used,
// test, notify.is_send) read the same from 0/1, "0"/"1" and true/false.
func TestSimPayFlagsReadAsZeroOne(t *testing.T) {
	for _, form := range [][2]string{{`true`, `false`}, {`1`, `0`}, {`"1"`, `"0"`}} {
		yes, no := form[0], form[1]
		var svc SMSService
		if err := json.Unmarshal([]byte(`{"id":"d151e4f9","adult":`+yes+`}`), &svc); err != nil || !bool(svc.Adult) {
			t.Errorf("adult %s: %v, %v", yes, svc.Adult, err)
		}
		var tx SMSTransaction
		if err := json.Unmarshal([]byte(`{"id":1,"used":`+no+`}`), &tx); err != nil || bool(tx.Used) {
			t.Errorf("used %s: %v, %v", no, tx.Used, err)
		}
		var check SMSCodeCheck
		if err := json.Unmarshal([]byte(`{"used":`+yes+`,"test":`+no+`}`), &check); err != nil || !bool(check.Used) || bool(check.Test) {
			t.Errorf("used %s, test %s: %+v, %v", yes, no, check, err)
		}
		var db DirectBillingTransaction
		if err := json.Unmarshal([]byte(`{"id":"x","notify":{"is_send":`+yes+`,"count":1}}`), &db); err != nil || db.Notify == nil || !bool(db.Notify.IsSend) {
			t.Errorf("notify.is_send %s: %+v, %v", yes, db.Notify, err)
		}
	}
}
