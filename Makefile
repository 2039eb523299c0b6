# Linux DJ. `make run` and `make test` are the two commands a newcomer needs;
# both install what is missing first.

GO      ?= go
BUILD   ?= build
BIN     := $(BUILD)/linuxdj
export PATH := $(PATH):/usr/local/go/bin

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.7.0

.PHONY: run test build deps-run deps-test lint unit cgo-free

run: deps-run build
	./$(BIN) $(ARGS)

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

build:
	$(GO) build -ldflags "-X github.com/linuxdj/linuxdj/app.Version=$(VERSION)" -o $(BIN) .

deps-run:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test

test: deps-test lint cgo-free unit

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags ebur128 ./mixer/meter/...
	$(GO) run $(STATICCHECK) ./...
	$(GO) run $(STATICCHECK) -tags ebur128 ./mixer/meter/...

# The engine, the null backend and the whole audio path (internal/audiopath)
# build and pass their tests with no cgo; so do the LV2 host's pure-Go parts
# (plugin/lv2 says there that lilv needs cgo).
cgo-free:
	CGO_ENABLED=0 $(GO) build ./...
	CGO_ENABLED=0 $(GO) test -count=1 ./mixer/... ./backend/null/... ./internal/audiopath/... ./plugin/...

# One package at a time (-p 1): the suite starts real servers, a VM and an X
# display, and its timing checks should not compete with each other for two cores.
unit: build
	EGL_PLATFORM=surfaceless $(GO) test -count=1 -p 1 -timeout 40m ./...
	# The lock-free rings under the race detector, millions of values each way.
	$(GO) test -count=1 -race ./mixer/rt/
	# The meters against libebur128, the reference the Linux audio world uses (cgo, test-only).
	$(GO) test -count=1 -tags ebur128 ./mixer/meter/...

# Installation into the standard desktop paths; DESTDIR for staging.
PREFIX  ?= /usr/local
APPID   := io.github.linuxdj.LinuxDJ
ICONS   := 64 128 256
INSTALLED := $(PREFIX)/bin/linuxdj \
	$(PREFIX)/share/applications/$(APPID).desktop \
	$(PREFIX)/share/metainfo/$(APPID).metainfo.xml \
	$(PREFIX)/share/icons/hicolor/scalable/apps/$(APPID).svg \
	$(foreach s,$(ICONS),$(PREFIX)/share/icons/hicolor/$(s)x$(s)/apps/$(APPID).png)

.PHONY: install uninstall vendor

install: build
	install -Dm755 $(BIN) $(DESTDIR)$(PREFIX)/bin/linuxdj
	install -Dm644 packaging/$(APPID).desktop $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop
	install -Dm644 packaging/$(APPID).metainfo.xml $(DESTDIR)$(PREFIX)/share/metainfo/$(APPID).metainfo.xml
	install -Dm644 packaging/icons/$(APPID).svg $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/$(APPID).svg
	$(foreach s,$(ICONS),install -Dm644 packaging/icons/$(s)x$(s)/$(APPID).png $(DESTDIR)$(PREFIX)/share/icons/hicolor/$(s)x$(s)/apps/$(APPID).png;)

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

# vendor/ is what the offline Flatpak build compiles from; it is not committed.
vendor:
	$(GO) mod vendor
