package client

import (
	"strings"
	"testing"
)

// FuzzDecodeEnvelope feeds arbitrary bytes, with any status, to the decoding
// path behind every call: it may fail but must never panic, and an error must
// never carry the token. The seed corpus (every documented example plus some
// broken bodies) runs in every plain `go test`.
func FuzzDecodeEnvelope(f *testing.F) {
	for _, body := range allFixtures {
		f.Add(200, []byte(body))
		f.Add(422, []byte(body))
	}
	for _, body := range []string{
		``, `null`, `[]`, `"x"`, `{}`, `{"success":true}`, `{"success":"yes"}`,
		`{"success":true,"data":null,"pagination":null}`,
		`{"success":true,"data":[],"pagination":{"current_page":"1"}}`,
		`{"success":false,"errorCode":42,"message":{"a":1},"errors":["flat"]}`,
		`{"success":false,"errors":{"a":[1,null,"x"],"b":"y","c":{"d":1}}}`,
		`{"success":true,"data":{"amount":{"value":"not a number","commission":true}}}`,
		`{"success":true,"data":[{"amount":1e999999}]}`,
		`{"success":true,"data":{"number":1e999999,"numbers":["1e30",7055.5],"value_net":"x","value_netto":1}}`,
		`{"success":true,"data":{"orange":[],"netia":false,"x":{"net":{}}}}`,
		`{"success":true,"data":` + strings.Repeat("[", 10000) + `}`,
		"<html>\x00\xff" + testToken + "</html>",
		`{"success":false,"message":"` + testToken + `"}`,
	} {
		f.Add(200, []byte(body))
		f.Add(503, []byte(body))
	}
	c, err := New(Config{Token: testToken})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		targets := []any{
			new(PaymentService), new([]PaymentService), new(PaymentTransaction), new([]PaymentTransactionSummary),
			new([]PaymentChannel), new([]Currency), new([]Refund), new(CreatedTransaction), new([]string),
			new(SMSService), new([]SMSTransaction), new(SMSCodeCheck), new([]SMSNumber), new(SMSNumber),
			new(DirectBillingCalculation), new([]DirectBillingTransaction), new(DirectBillingTransaction),
			new(map[string]any), nil,
		}
		for _, out := range targets {
			_, err := c.decodeResponse("GET", "/fuzz", status, body, out)
			if err != nil && strings.Contains(err.Error(), testToken) {
				t.Fatalf("token in error: %v", err)
			}
		}
	})
}
