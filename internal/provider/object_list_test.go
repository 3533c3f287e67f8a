package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TestObjectListBuildsWhatListValueFromBuilds checks that objectList builds
// the value the framework's own conversion builds from the same rows.
func TestObjectListBuildsWhatListValueFromBuilds(t *testing.T) {
	ctx := context.Background()
	s := dataSourceSchema(t, NewPaymentChannelsDataSource())
	got, diags := objectList(ctx, s, path.Root("channels"), channelRows())
	if diags.HasError() {
		t.Fatal(diags)
	}
	at, diags := s.TypeAtPath(ctx, path.Root("channels"))
	if diags.HasError() {
		t.Fatal(diags)
	}
	want, diags := types.ListValueFrom(ctx, at.(types.ListType).ElemType, channelRows())
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !got.Equal(want) {
		t.Fatalf("objectList built\n%s\nListValueFrom builds\n%s", got, want)
	}
}
