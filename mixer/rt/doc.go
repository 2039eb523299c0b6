// Package rt holds the lock-free pieces that let the audio thread talk to
// the rest of the program without ever waiting: a single-producer,
// single-consumer ring of fixed-size values.
//
// Commands travel GUI → engine through one Ring per producer, meter frames
// travel engine → GUI through another. SampleRing carries the record tap's
// interleaved audio to the recorder's writer goroutine in bulk. Each side
// only ever calls the
// non-blocking TryPush or TryPop; a full ring drops the value and counts
// the drop, so the audio thread can never be held up by a slow reader.
package rt
