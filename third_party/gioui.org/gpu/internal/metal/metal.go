// SPDX-License-Identifier: Unlicense OR MIT

// This file exists so this package builds on non-Darwin platforms.

package metal
