// Package packaging holds Linux DJ's desktop integration: the desktop
// entry, the AppStream metainfo, the icons, and (at the top level) the
// Flatpak manifest. It has no code of its own; its tests check those files
// with the desktop's own validators, check the manifest against the tree,
// and install into a scratch DESTDIR to see every file land where a desktop
// looks for it.
package packaging
