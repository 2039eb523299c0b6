package mixer

// KeepsDefaults reports whether c, applied to a new engine's parameters,
// leaves them as they are: true when c sets a control to the engine's own
// default.
func KeepsDefaults(c Command) bool {
	p := defaultParams()
	p.apply(c, MaxChannels)
	return p == defaultParams()
}

// SameTarget reports whether a and b, each applied to a new engine's
// parameters, leave the same targets.
func SameTarget(a, b Command) bool {
	pa, pb := defaultParams(), defaultParams()
	pa.apply(a, MaxChannels)
	pb.apply(b, MaxChannels)
	return pa == pb
}
