package state_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/linuxdj/linuxdj/state"
)

// FuzzDecode checks that no file text panics the loader, and that whatever
// it accepts is repaired for good: encoding and decoding it again gives the
// same state with no further warnings.
func FuzzDecode(f *testing.F) {
	good, err := state.Encode(ptr(full(1)))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte("version = 2\n[[channels]]\nname = \"x\"\n"))
	f.Add([]byte("version = 2\n[[channels]]\n[controls.global]\ncrossfader = 9e99\n"))
	if v1, err := os.ReadFile("testdata/v1.toml"); err == nil {
		f.Add(v1)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _, err := state.Decode(data)
		if err != nil {
			return
		}
		again, err := state.Encode(&m)
		if err != nil {
			t.Fatalf("accepted state does not encode: %v", err)
		}
		m2, warnings, err := state.Decode(again)
		if err != nil || len(warnings) != 0 {
			t.Fatalf("re-decode: %v, warnings %q", err, warnings)
		}
		if !reflect.DeepEqual(m, m2) {
			t.Fatalf("re-decode changed the state")
		}
	})
}
