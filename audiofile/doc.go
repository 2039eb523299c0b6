// Package audiofile reads audio files into float frames for the tools that
// measure or play them (linuxdj loudness, later the recorder's checks).
//
// Open recognises the file by its content, not its name: WAV (RIFF and
// RF64/BW64; integer PCM of 8, 16, 24 and 32 bits, IEEE float of 32 and 64
// bits, plain or WAVE_FORMAT_EXTENSIBLE) and FLAC (decoded with
// github.com/mewkiz/flac). A Reader hands out samples a block at a time as
// per-channel float32 slices scaled to ±1.0 full scale, so a file of any
// length is measured in constant memory. Malformed files give an error
// naming the file part that is wrong; a WAV whose data ends before its
// header says is read up to where it ends, as a recording cut short by a
// crash still deserves to be measured.
package audiofile
