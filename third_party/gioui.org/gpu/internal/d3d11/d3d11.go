// SPDX-License-Identifier: Unlicense OR MIT

// This file exists so this package builds on non-Windows platforms.

package d3d11
