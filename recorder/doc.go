// Package recorder records the record tap (what master sends out) to a WAV
// (32-bit float or 24-bit PCM) or FLAC (24-bit) file without ever making the
// audio thread wait for the disk.
//
// The audio thread calls Recorder.Tap once per period with the master
// output; Tap interleaves it into a lock-free rt.SampleRing sized for
// several seconds and returns. A writer goroutine drains the ring, meters
// the feed (EBU R128 integrated loudness, true peak) and encodes it to the
// file through a buffer. Frames the ring cannot take are counted in
// Status.DroppedFrames, never silently lost; a 1 s disk stall fits in the
// ring with room to spare.
//
// Crash safety: every Options.HeaderInterval (at most 2 s) the writer
// flushes and fsyncs the audio, rewrites the WAV header's RIFF and data
// sizes in place and fsyncs again, so a crash or power cut leaves a
// playable file holding everything up to that checkpoint. The header starts
// with a JUNK chunk the size of an RF64 ds64 chunk, so a recording that
// grows past 4 GiB is turned into RF64 in place. FLAC frames are
// self-delimiting, so a cut FLAC file decodes up to its last whole frame.
//
// A write error (disk full) stops the recording with an error wrapping the
// cause (errors.Is(err, syscall.ENOSPC)), shown by Status; the header is
// finalised to the last audio that reached the file, and Tap goes on
// returning at once, so mixing never stops. AddCue marks the current
// position; the marks are kept in a .cue sheet beside the file.
package recorder
