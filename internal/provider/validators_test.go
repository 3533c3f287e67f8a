package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestKnownValuesWarning: a value SimPay does not document is one warning
// (naming the value and the documented ones), never an error; a documented,
// null or unknown value says nothing. The data sources' filters on status
// and type rely on it.
func TestKnownValuesWarning(t *testing.T) {
	v := knownValuesWarning("service status", serviceStatuses...)
	run := func(value types.String) validator.StringResponse {
		var resp validator.StringResponse
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("status"), ConfigValue: value}, &resp)
		return resp
	}
	resp := run(types.StringValue("service_actve"))
	if resp.Diagnostics.WarningsCount() != 1 || resp.Diagnostics.ErrorsCount() != 0 {
		t.Fatalf("an undocumented status: %d warnings, %d errors, want 1 and 0: %v",
			resp.Diagnostics.WarningsCount(), resp.Diagnostics.ErrorsCount(), resp.Diagnostics)
	}
	d := resp.Diagnostics[0]
	if d.Summary() != "Unknown service status" || !strings.Contains(d.Detail(), `"service_actve"`) ||
		!strings.Contains(d.Detail(), "service_active") {
		t.Errorf("warning %q: %q", d.Summary(), d.Detail())
	}
	for _, ok := range []types.String{types.StringValue("service_active"), types.StringNull(), types.StringUnknown()} {
		if resp := run(ok); len(resp.Diagnostics) != 0 {
			t.Errorf("%v: %v, want no diagnostics", ok, resp.Diagnostics)
		}
	}
}
