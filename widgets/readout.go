package widgets

// Readout is a number shown as text that is formatted (and allocated)
// only when its value changes: the cache behind every control's readout,
// for the application's own numbers. Round the value to what the format
// prints before passing it, so noise below the last digit costs nothing.
type Readout struct {
	c textCache
}

// Text returns f's text for v, reusing the last one while v is unchanged.
func (r *Readout) Text(v float64, f FormatFunc) string { return r.c.get(v, f) }

// String is the text Text last returned: what is on screen.
func (r *Readout) String() string { return r.c.s }
