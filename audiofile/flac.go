package audiofile

import (
	"errors"
	"fmt"
	"io"

	"github.com/mewkiz/flac"
	"github.com/mewkiz/flac/frame"
)

// flacSource decodes a FLAC stream frame by frame.
type flacSource struct {
	info    Info
	stream  *flac.Stream
	scale   float32 // 1 / full scale of the stream's bit depth
	pending *frame.Frame
	offset  int // frames of pending already handed out
}

func newFLAC(r io.Reader) (*flacSource, error) {
	stream, err := flac.New(r)
	if err != nil {
		return nil, fmt.Errorf("flac: reading the stream header: %w", err)
	}
	si := stream.Info
	if si.NChannels < 1 || si.SampleRate < 1 || si.BitsPerSample < 4 || si.BitsPerSample > 32 {
		return nil, fmt.Errorf("flac: stream info: %d channels, %d Hz, %d bits", si.NChannels, si.SampleRate, si.BitsPerSample)
	}
	f := &flacSource{
		info: Info{
			Format:        FLAC,
			SampleRateHz:  int(si.SampleRate),
			Channels:      int(si.NChannels),
			BitsPerSample: int(si.BitsPerSample),
			Frames:        int64(si.NSamples),
		},
		stream: stream,
		scale:  float32(1 / float64(uint64(1)<<(si.BitsPerSample-1))),
	}
	if si.NSamples == 0 {
		f.info.Frames = -1
	}
	return f, nil
}

// read hands out the decoded samples of the current FLAC frame, decoding
// the next one when it is used up.
func (f *flacSource) read(dst [][]float32) (int, error) {
	for f.pending == nil || f.offset >= int(f.pending.BlockSize) {
		fr, err := f.stream.ParseNext()
		if errors.Is(err, io.EOF) {
			return 0, io.EOF
		}
		if err != nil {
			return 0, fmt.Errorf("flac: decoding a frame: %w", err)
		}
		if len(fr.Subframes) != f.info.Channels {
			return 0, fmt.Errorf("flac: frame with %d channels in a %d-channel stream", len(fr.Subframes), f.info.Channels)
		}
		f.pending, f.offset = fr, 0
	}
	n := min(len(dst[0]), int(f.pending.BlockSize)-f.offset)
	for c, sub := range f.pending.Subframes {
		if len(sub.Samples) < f.offset+n {
			return 0, fmt.Errorf("flac: subframe %d holds %d samples, the frame header says %d", c, len(sub.Samples), f.pending.BlockSize)
		}
		for i, v := range sub.Samples[f.offset : f.offset+n] {
			dst[c][i] = float32(v) * f.scale
		}
	}
	f.offset += n
	return n, nil
}
