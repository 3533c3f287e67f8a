package provider

import (
	"time"
	// Embedded zone data: Windows and slim containers have none, and the
	// Warsaw zone must load everywhere.
	_ "time/tzdata"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Conversions from what the client decoded to Terraform values. SimPay's
// nulls stay null: never "" or 0 in state.

func stringOrNull(s *string) types.String {
	if s == nil {
		return types.StringNull()
	}
	return types.StringValue(*s)
}

// nonEmptyOrNull is for fields the client decodes as plain strings where
// SimPay's null or absence arrives as "".
func nonEmptyOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// warsaw is where SimPay's clock is; a timestamp sent without an offset is
// read as Warsaw time.
var warsaw = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/Warsaw"); err == nil {
		return loc
	}
	return time.FixedZone("CET", 3600)
}()

// timestamp returns SimPay's timestamp as RFC 3339. SimPay writes ISO 8601
// with an offset ("2021-11-08T18:19:16+01:00"), which is RFC 3339 already
// and is kept as written so nothing changes between reads; the rarer
// "2006-01-02 15:04:05" and date-only forms are converted. Text in no known
// form is kept rather than lost.
func timestamp(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return types.StringValue(s)
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, warsaw); err == nil {
			return types.StringValue(t.Format(time.RFC3339))
		}
	}
	return types.StringValue(s)
}

func timestampOrNull(s *string) types.String {
	if s == nil {
		return types.StringNull()
	}
	return timestamp(*s)
}
