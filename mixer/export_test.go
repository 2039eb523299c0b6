package mixer

// KeepsDefaults reports whether c, applied to a new engine's parameters,
// leaves them as they are: true when c sets a control to the engine's own
// default.
func KeepsDefaults(c Command) bool {
	p := defaultParams()
	p.apply(c, MaxChannels)
	return p == defaultParams()
}
