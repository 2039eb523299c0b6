// SPDX-License-Identifier: Unlicense OR MIT

package vulkan

// Empty file to avoid the build error for platforms without Vulkan support.
