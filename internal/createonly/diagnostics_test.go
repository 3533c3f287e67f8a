package createonly

import (
	"strings"
	"testing"
)

// TestOutcomeUnknownNamesTheImportID checks that the "may have been
// created" error shows the import id with every part the plan knows.
func TestOutcomeUnknownNamesTheImportID(t *testing.T) {
	d := outcomeUnknownDiagnostic(refundAbout, "creating a full refund", "look in the panel", "", []string{"d151e4f9", "tx", ""}, nil)
	for _, want := range []string{"The SimPay refund may have been created", "terraform import simpay_payment_refund.<name> d151e4f9/tx/<refund_id>",
		`id = "d151e4f9/tx/<refund_id>"`, "look in the panel"} {
		if !strings.Contains(d.Summary()+d.Detail(), want) {
			t.Errorf("no %q in:\n%s\n%s", want, d.Summary(), d.Detail())
		}
	}
}
