package app

// Version is what --version prints. The Makefile's build sets it with
// -ldflags "-X github.com/linuxdj/linuxdj/app.Version=…"; a plain go build
// says "dev".
var Version = "dev"
