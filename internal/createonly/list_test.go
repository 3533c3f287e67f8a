package createonly

import (
	"context"
	"regexp"
	"testing"
)

// TestQueryHint checks that the "may have been created" error shows the
// list block to query with, holding what the plan knows, only to CLIs that
// have terraform query.
func TestQueryHint(t *testing.T) {
	plan := planValues{"service_id": "d151e4f9", "control": "order-1001", "amount": "10"}
	transactions := newTestSpec(transactionAbout)
	transactions.listAttrs = []string{"service_id", "status", "control"}
	for v, want := range map[string]bool{"1.11.4": false, "1.12.6": false, "1.14.0": true, "1.15.9": true, "": true} {
		r := &createOnlyResource[testModel, testObject]{base: base{provider: testProvider(v)}, spec: transactions}
		hint := r.queryHint(context.Background(), plan)
		block := regexp.MustCompile(`list "simpay_payment_transaction" "found" \{\s+provider\s+= simpay\s+include_resource = true\s+` +
			`config \{\s+service_id = "d151e4f9"\n\s+control\s+= "order-1001"\n\s+\}`)
		if got := block.MatchString(hint); got != want {
			t.Errorf("Terraform %q: hint shown %v, want %v:\n%s", v, got, want, hint)
		}
	}
	refunds := newTestSpec(refundAbout)
	refunds.listAttrs = []string{"service_id", "transaction_id", "status"}
	refund := &createOnlyResource[testModel, testObject]{base: base{provider: testProvider("1.15.9")}, spec: refunds}
	hint := refund.queryHint(context.Background(), planValues{"service_id": "d151e4f9", "transaction_id": "tx"})
	if !regexp.MustCompile(`config \{\s+service_id\s+= "d151e4f9"\n\s+transaction_id = "tx"\n\s+\}`).MatchString(hint) {
		t.Errorf("refund hint:\n%s", hint)
	}
}
