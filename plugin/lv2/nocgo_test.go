//go:build !cgo

package lv2_test

import (
	"errors"
	"testing"

	"github.com/linuxdj/linuxdj/plugin/lv2"
)

func TestNoCgoSaysWhy(t *testing.T) {
	if _, err := lv2.NewWorld(); !errors.Is(err, lv2.ErrUnavailable) {
		t.Fatalf("err %v; want ErrUnavailable", err)
	}
}
