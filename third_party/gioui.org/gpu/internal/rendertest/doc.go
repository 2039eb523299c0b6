// SPDX-License-Identifier: Unlicense OR MIT

// Package rendertest is intended for testing of drawing ops only.
package rendertest
