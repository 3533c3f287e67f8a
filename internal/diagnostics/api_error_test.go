package diagnostics

import (
	"strings"
	"testing"

	"github.com/simpay-tf/terraform-provider-simpay/internal/client"
)

// TestDescribeAPIErrorPrintsTheAnswersStatus: the status and error code in
// the wording come from SimPay's answer, never from a number written here,
// and read as they did when they were written out.
func TestDescribeAPIErrorPrintsTheAnswersStatus(t *testing.T) {
	for _, tc := range []struct {
		answer  client.APIError
		summary string
		want    string
	}{
		{client.APIError{StatusCode: 401, ErrorCode: "UNAUTHORIZED"}, "SimPay rejected the API token", "SimPay answered 401 UNAUTHORIZED while reading x."},
		{client.APIError{StatusCode: 401}, "SimPay rejected the API token", "SimPay answered 401 Unauthorized while reading x."},
		{client.APIError{StatusCode: 403, ErrorCode: "IP_ADDRESS_NOT_WHITELISTED"}, "SimPay refused this machine's IP address", "SimPay answered 403 IP_ADDRESS_NOT_WHITELISTED while reading x:"},
		{client.APIError{StatusCode: 403, ErrorCode: "INVALID_ABILITY_PROVIDED"}, "SimPay API token lacks an ability", "SimPay answered 403 while reading x:"},
		{client.APIError{StatusCode: 429}, "SimPay is rate limiting requests", "SimPay kept answering 429 Too Many Requests while reading x,"},
		{client.APIError{StatusCode: 503, ErrorCode: "INTERNAL_SERVER_ERROR"}, "SimPay API error", "SimPay answered 503 while reading x,"},
	} {
		answer := tc.answer
		summary, detail := DescribeAPIError("reading x", &answer)
		if summary != tc.summary || !strings.HasPrefix(detail, tc.want) {
			t.Errorf("%d %s: got %q / %q, want %q / %q...", answer.StatusCode, answer.ErrorCode, summary, detail, tc.summary, tc.want)
		}
	}
}
