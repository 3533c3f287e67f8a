package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// tfLogger hands the client's records to tflog, so they appear under
// TF_LOG_PROVIDER with the rest of the provider's logs. The client never puts
// the token in a record; masking it here as well means a future change to the
// client cannot leak it into a TF_LOG file.
type tfLogger struct {
	token string
}

func newTFLogger(token string) tfLogger { return tfLogger{token: token} }

func (l tfLogger) mask(ctx context.Context) context.Context {
	if l.token == "" {
		return ctx
	}
	ctx = tflog.MaskMessageStrings(ctx, l.token)
	return tflog.MaskAllFieldValuesStrings(ctx, l.token)
}

func (l tfLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(l.mask(ctx), msg, fields)
}

func (l tfLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(l.mask(ctx), msg, fields)
}
