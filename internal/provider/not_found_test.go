package provider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// expectOnlyRequests checks that the mock saw each of want at least once
// since its log was last reset, and nothing else.
func expectOnlyRequests(mock *testMock, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := mock.apiRequests()
		var problems []string
		for _, r := range got {
			if !slices.Contains(want, r) {
				problems = append(problems, "unexpected request "+r)
			}
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				problems = append(problems, "missing request "+w)
			}
		}
		if len(problems) > 0 {
			return fmt.Errorf("%s\nrequests seen:\n  %s", strings.Join(problems, "\n"), strings.Join(got, "\n  "))
		}
		return nil
	}
}
