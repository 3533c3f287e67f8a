package createonly

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Defaults of the timeouts attribute. A create is one POST (never re-sent
// once it may have reached SimPay, but retried when SimPay says it did not
// take it) and one GET, each attempt bounded by the provider's
// request_timeout and retried up to max_retries times with backoff: with the
// provider's defaults (30s, 4 retries) either can take a few minutes before
// it gives up on its own. A read is one such GET. An action, which has no
// timeouts attribute, is bounded by CreateTimeout.
const (
	CreateTimeout = 10 * time.Minute
	ReadTimeout   = 5 * time.Minute
)

// timeoutsAttribute is the timeouts attribute (create, read) of a
// create-only resource; changing it updates state in place and sends nothing.
func timeoutsAttribute(ctx context.Context, kind string) schema.Attribute {
	a := timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true})
	nested, ok := a.(schema.SingleNestedAttribute)
	if !ok {
		return a
	}
	descriptions := map[string]string{
		"create": fmt.Sprintf("How long creating the %s may take in all (the request to SimPay, its retries and reading "+
			"the %s back), as a duration such as `\"30s\"` or `\"10m\"`. Defaults to `%s`.", kind, kind, formatDuration(CreateTimeout)),
		"read": fmt.Sprintf("How long reading the %s back during a refresh may take, as a duration such as `\"30s\"` or "+
			"`\"5m\"`. Defaults to `%s`.", kind, formatDuration(ReadTimeout)),
	}
	nested.MarkdownDescription = "Time limits of the operations that talk to SimPay. Changing them updates the " +
		"resource in place and sends nothing to SimPay."
	attrs := make(map[string]schema.Attribute, len(nested.Attributes))
	for name, inner := range nested.Attributes {
		if s, ok := inner.(schema.StringAttribute); ok {
			// The library's own check neither names the attribute nor refuses
			// zero and negative durations, which would fail every request.
			s.Validators = []validator.String{DurationValidator()}
			s.MarkdownDescription = descriptions[name]
			inner = s
		}
		attrs[name] = inner
	}
	nested.Attributes = attrs
	return nested
}

// formatDuration writes whole minutes as "10m" rather than Go's "10m0s".
func formatDuration(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// readTimeouts reads the timeouts attribute from a plan or state.
func readTimeouts(ctx context.Context, from attributeGetter, diags *diag.Diagnostics) timeouts.Value {
	var t timeouts.Value
	diags.Append(from.GetAttribute(ctx, path.Root("timeouts"), &t)...)
	return t
}

// withTimeout bounds ctx by the resource's timeouts value for an operation
// (limits.Create, limits.Read), or by def when none is set. A problem with
// the value is added to diags; the cancel function is always usable.
func withTimeout(ctx context.Context, limit func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, problems := limit(ctx, def)
	diags.Append(problems...)
	if problems.HasError() {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, d)
}

// DurationValidator refuses, naming the attribute, what is not a positive
// duration such as "30s": the timeouts attribute's values and the
// provider's request_timeout.
func DurationValidator() validator.String { return durationValidator{} }

type durationValidator struct{}

func (durationValidator) Description(context.Context) string         { return "duration" }
func (durationValidator) MarkdownDescription(context.Context) string { return "duration" }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	problem := ""
	if d, err := time.ParseDuration(s); err != nil {
		problem = fmt.Sprintf("must be a duration such as \"30s\" or \"2m\" (units ms, s, m, h), got %q", s)
	} else if d <= 0 {
		problem = fmt.Sprintf("must be a positive duration, got %q", s)
	}
	if problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration", fmt.Sprintf("Attribute %s %s", req.Path, problem))
	}
}
