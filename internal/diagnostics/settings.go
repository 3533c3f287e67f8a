// Package diagnostics words every error the provider shows about a call to
// SimPay, in one place: what went wrong, which setting or attribute is
// involved, and what to do. It is built on the client's error kinds
// (client.KindOf) and prints the status and error code of SimPay's own
// answer, never one written here, so nothing in the provider restates a
// transport fact the client decides by. It owns the names of the provider's
// settings and environment variables, which the provider's schema and these
// errors share.
package diagnostics

// The provider's settings, as its schema names them and errors print them.
const (
	SettingAPIToken              = "api_token"
	SettingBaseURL               = "base_url"
	SettingRequestTimeout        = "request_timeout"
	SettingMaxRetries            = "max_retries"
	SettingMaxConcurrentRequests = "max_concurrent_requests"
)

// The environment variables the provider reads when a setting is not set.
const (
	EnvAPIToken = "SIMPAY_API_TOKEN"
	EnvBaseURL  = "SIMPAY_BASE_URL"
)
