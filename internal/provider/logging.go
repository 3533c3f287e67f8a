package provider

import (
	"context"
	"os"
	"runtime/debug"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// providerLogLevelEnv sets the level of this provider's own logs:
// terraform-plugin-go reads TF_LOG_PROVIDER_ followed by the provider's type
// name, and logs at trace when it is not set.
const providerLogLevelEnv = "TF_LOG_PROVIDER_SIMPAY"

// QuietLogsUnlessAsked turns off the logs nobody asked for, in a provider
// process Terraform started. Terraform keeps a provider's logs only when
// TF_LOG, TF_LOG_PATH or TF_LOG_PROVIDER* is set, and it passes its
// environment on to the provider; without them every line the provider and
// the plugin SDK format, several per request, is written to Terraform and
// thrown away there. Profiling a plan of 100 data sources showed that
// formatting as a large part of the provider's CPU time. With any of those
// variables set, and for a TF_LOG_SDK* or TF_LOG_PROVIDER_SIMPAY of the
// user's own, every log is there as before.
func QuietLogsUnlessAsked() {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if value != "" && (name == "TF_LOG" || name == "TF_LOG_PATH" || strings.HasPrefix(name, "TF_LOG_PROVIDER")) {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", providerLogLevelEnv} {
		if os.Getenv(name) == "" {
			_ = os.Setenv(name, "off")
		}
	}
}

// TuneGC lets the heap of a provider process grow to three times what is
// live before the garbage collector runs (Go's default is twice). A provider
// process lives for one Terraform command and allocates far more than it
// keeps: measured on a plan of 100 channel lookups and on one listing 10,000
// transactions, this cuts the provider's CPU time by a tenth to a fifth, for
// a largest resident set of 107 MiB instead of 75 MiB in the 10,000 case. A
// GOGC of the user's own wins.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}

// newClientLogger is the client's logger, or nil when this provider's logs
// are off, so that the client does not even build the records.
func newClientLogger(token string) client.Logger {
	if strings.EqualFold(os.Getenv(providerLogLevelEnv), "off") {
		return nil
	}
	return newTFLogger(token)
}

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
