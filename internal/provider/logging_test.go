package provider

import (
	"os"
	"testing"
)

func TestQuietLogsUnlessAsked(t *testing.T) {
	quieted := []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", providerLogLevelEnv}
	clear := func(t *testing.T) {
		for _, name := range append([]string{"TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER"}, quieted...) {
			t.Setenv(name, "")
			_ = os.Unsetenv(name)
		}
	}
	t.Run("nobody asked: SDK and provider logs off, no client logger", func(t *testing.T) {
		clear(t)
		QuietLogsUnlessAsked()
		for _, name := range quieted {
			if got := os.Getenv(name); got != "off" {
				t.Errorf("%s = %q, want off", name, got)
			}
		}
		if newClientLogger("token") != nil {
			t.Error("the client got a logger while the provider's logs are off")
		}
	})
	for _, asked := range []string{"TF_LOG", "TF_LOG_PATH", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_SIMPAY"} {
		t.Run(asked+" set: nothing changed", func(t *testing.T) {
			clear(t)
			t.Setenv(asked, "DEBUG")
			QuietLogsUnlessAsked()
			for _, name := range quieted {
				if name != asked && os.Getenv(name) != "" {
					t.Errorf("%s = %q, want it left unset", name, os.Getenv(name))
				}
			}
			if newClientLogger("token") == nil {
				t.Error("the client has no logger although logs were asked for")
			}
		})
	}
	t.Run("a TF_LOG_SDK of the user's own is kept", func(t *testing.T) {
		clear(t)
		t.Setenv("TF_LOG_SDK", "TRACE")
		QuietLogsUnlessAsked()
		if got := os.Getenv("TF_LOG_SDK"); got != "TRACE" {
			t.Errorf("TF_LOG_SDK = %q, want TRACE", got)
		}
	})
}
