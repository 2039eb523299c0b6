// Package assets holds the files Linux DJ embeds in its binary: the theme
// (colours and sizes as data, so a look can change without touching code).
package assets

import _ "embed"

// ThemeJSON is the default dark theme, parsed by widgets.ParseTheme.
//
//go:embed theme.json
var ThemeJSON []byte
