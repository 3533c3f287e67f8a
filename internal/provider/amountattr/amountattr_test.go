package amountattr

import "testing"

func TestValidatorChecksGrammarPlacesAndMinimum(t *testing.T) {
	v := Validator("0.01").(amountValidator)
	for in, wantOK := range map[string]bool{
		"0.01": true, "10": true, "10.500": true, "24.99": true,
		"0": false, "0.001": false, "1e3": false, "10,00": false, "": false,
	} {
		if got := v.check(in) == ""; got != wantOK {
			t.Errorf("check(%q) = %q, want ok=%v", in, v.check(in), wantOK)
		}
	}
	if p := Validator("").(amountValidator).check("-5"); p != "" {
		t.Errorf("no minimum, -5: %q", p)
	}
}

func TestBuildersSetTheAmountType(t *testing.T) {
	if _, ok := DataSourceArgument(Required, "1", "d").CustomType.(Type); !ok {
		t.Error("data source argument")
	}
	if a := ResourceArgument(Optional, "0", "d", nil); !a.Optional || a.Required {
		t.Error("optional resource argument")
	}
	if a := Computed("d"); !a.Computed || len(a.PlanModifiers) != 1 {
		t.Error("computed keeps its state value")
	}
}
