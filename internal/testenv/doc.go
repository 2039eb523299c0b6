// Package testenv lets a test demand the outside programs and services it
// drives: an X server and the tools that look at it, Mesa's headless GPU,
// sox, aubio, the VM the ALSA backend is tested in, and the LV2 plugins the
// plugin host is tested with. `make test` installs all of them first
// (scripts/deps.sh test), so on its machine a missing one is a broken
// set-up, not a reason to pass quietly: the test fails and says which
// Debian package to install.
//
// A machine that cannot have one of them (a container with no qemu, a
// build host with no GPU) opts out of that kind alone with its variable,
// LINUXDJ_SKIP_X, LINUXDJ_SKIP_GPU, LINUXDJ_SKIP_SOX, LINUXDJ_SKIP_AUBIO,
// LINUXDJ_SKIP_VM, LINUXDJ_SKIP_LV2 or LINUXDJ_SKIP_JACK_MIXER set to 1;
// the tests of that kind then skip and say why. The real sound servers have the same rule in internal/jacktest
// (LINUXDJ_SKIP_SERVERS).
package testenv
