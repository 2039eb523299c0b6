module github.com/linuxdj/linuxdj

go 1.26

require (
	gioui.org v0.10.3 // indirect
	github.com/adrg/xdg v0.5.3 // indirect
	github.com/gen2brain/alsa v0.6.0 // indirect
	github.com/icza/bitio v1.1.0 // indirect
	github.com/mewkiz/flac v1.0.14 // indirect
	github.com/mewkiz/pkg v0.0.0-20250417130911-3f050ff8c56d // indirect
	github.com/mewpkg/term v0.0.0-20241026122259-37a80af23985 // indirect
	github.com/xthexder/go-jack v0.0.0-20220805234212-bc8604043aba // indirect
	golang.org/x/sys v0.49.0 // indirect
)
