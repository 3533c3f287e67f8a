package createonly

import "testing"

func TestDescribeIDNamesTheObjectInnermostFirst(t *testing.T) {
	refund := []IDPart{servicePart, transactionPart, ownRefundPart}
	for _, tc := range []struct {
		parts  []IDPart
		values []string
		want   string
	}{
		{refund, []string{"d151e4f9", "tx", "rf"}, "refund rf of transaction tx of payment service d151e4f9"},
		{refund, []string{"d151e4f9", "tx", ""}, "refund <refund_id> of transaction tx of payment service d151e4f9"},
		{[]IDPart{dbServicePart, ownTransactionPart}, []string{"d151e4f9", "db"}, "transaction db of DirectBilling service d151e4f9"},
	} {
		if got := DescribeID(tc.parts, tc.values); got != tc.want {
			t.Errorf("DescribeID(%v) = %q, want %q", tc.values, got, tc.want)
		}
	}
	if got := IDFormat(refund); got != "service_id/transaction_id/refund_id" {
		t.Errorf("IDFormat = %q", got)
	}
}
