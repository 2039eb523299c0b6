module github.com/linuxdj/linuxdj

go 1.26.0

require (
	gioui.org v0.10.3 // indirect
	gioui.org/shader v1.0.9 // indirect
	github.com/BurntSushi/toml v1.5.0 // indirect
	github.com/adrg/xdg v0.5.3 // indirect
	github.com/gen2brain/alsa v0.6.0 // indirect
	github.com/go-text/typesetting v0.3.5 // indirect
	github.com/godbus/dbus/v5 v5.2.2 // indirect
	github.com/hypebeast/go-osc v0.0.0-20220308234300-cec5a8a1e5f5 // indirect
	github.com/icza/bitio v1.1.0 // indirect
	github.com/mewkiz/flac v1.0.14 // indirect
	github.com/mewkiz/pkg v0.0.0-20250417130911-3f050ff8c56d // indirect
	github.com/mewpkg/term v0.0.0-20241026122259-37a80af23985 // indirect
	github.com/xthexder/go-jack v0.0.0-20220805234212-bc8604043aba // indirect
	golang.org/x/exp/shiny v0.0.0-20250408133849-7e4ce0ab07d0 // indirect
	golang.org/x/image v0.26.0 // indirect
	golang.org/x/net v0.48.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.32.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace gioui.org => ./third_party/gioui.org
