package createonly

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// TestReportedChanged: a later change of SimPay's figure, seen on refresh,
// is a warning; the same figure written otherwise, or no figure before (a
// create, an import), is none.
func TestReportedChanged(t *testing.T) {
	ids := []string{"d151e4f9", "0238d92e-0dd9-469a-9aa9-0505974336a3", "01972fa7-9000-7bb9-bfac-5396ccfc5525"}
	model := func(amount, reported string) *testModel { return &testModel{Amount: amount, Reported: reported} }
	r := &createOnlyResource[testModel, testObject]{spec: newTestSpec(refundAbout)}
	if w := r.reportedChanged("10", model("10.00", "8"), ids); w == nil || w.Severity() != diag.SeverityWarning ||
		!strings.Contains(w.Detail(), "with the amount 8; it reported 10 before") {
		t.Errorf("a changed figure: %v", w)
	}
	if w := r.reportedChanged("8", model("10.00", "8.00"), ids); w != nil {
		t.Errorf("the same figure: %s", w.Detail())
	}
	if w := r.reportedChanged("", model("10.00", "8"), ids); w != nil {
		t.Errorf("no figure before (create, import): %s", w.Detail())
	}
}
