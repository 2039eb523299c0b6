// Package vmtest boots Debian's own kernel under qemu with the ALSA test
// drivers snd-aloop and snd-dummy, runs a Go test binary as the guest's
// init program and returns what the guest reported on its serial console.
//
// The host has no sound hardware and no ALSA in its kernel, so this is how
// the ALSA backend meets a real kernel: the kernel image and the sound
// modules come from the linux-image package that linux-image-amd64 depends
// on (downloaded with apt-get download, never installed), the initramfs
// holds busybox-static, the modules and the static test binary.
package vmtest
