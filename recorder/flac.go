package recorder

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/mewkiz/flac"
	"github.com/mewkiz/flac/frame"
	"github.com/mewkiz/flac/meta"
)

// flacBlockFrames is the block size of the FLAC frames written: the usual
// 4096 samples per channel.
const flacBlockFrames = 4096

// flacEncoder streams 24-bit FLAC frames through github.com/mewkiz/flac.
// Each encoded frame is collected in memory and handed to the file in one
// write, so the file always ends on a whole frame: FLAC frames are
// self-delimiting, and a file cut by a crash decodes up to its last frame.
// STREAMINFO says "length unknown" until finish, when the encoder seeks
// back to fill in the total and the MD5 (flacSink turns that into WriteAt).
type flacEncoder struct {
	file     File
	sink     *flacSink
	enc      *flac.Encoder
	channels int
	block    [][]int32
	filled   int
	frame    frame.Frame
}

func newFLACEncoder(f File, sampleRateHz, channels int) (*flacEncoder, error) {
	e := &flacEncoder{file: f, sink: &flacSink{file: f}, channels: channels}
	info := &meta.StreamInfo{
		BlockSizeMin:  flacBlockFrames,
		BlockSizeMax:  flacBlockFrames,
		SampleRate:    uint32(sampleRateHz),
		NChannels:     uint8(channels),
		BitsPerSample: 24,
	}
	enc, err := flac.NewEncoder(e.sink, info)
	if err != nil {
		return nil, fmt.Errorf("flac: writing the stream header: %w", err)
	}
	if err := e.sink.flush(); err != nil {
		return nil, fmt.Errorf("flac: writing the stream header: %w", err)
	}
	e.enc = enc
	e.block = make([][]int32, channels)
	e.frame.Subframes = make([]*frame.Subframe, channels)
	for c := range e.block {
		e.block[c] = make([]int32, flacBlockFrames)
		e.frame.Subframes[c] = &frame.Subframe{}
	}
	e.frame.HasFixedBlockSize = true
	e.frame.SampleRate = uint32(sampleRateHz)
	e.frame.BitsPerSample = 24
	e.frame.Channels = frame.ChannelsLR
	if channels == 1 {
		e.frame.Channels = frame.ChannelsMono
	}
	return e, nil
}

func (e *flacEncoder) write(interleaved []float32) error {
	for i := 0; i < len(interleaved); i += e.channels {
		for c := range e.channels {
			e.block[c][e.filled] = quantizePCM24(interleaved[i+c])
		}
		e.filled++
		if e.filled == flacBlockFrames {
			if err := e.writeFrame(); err != nil {
				return err
			}
		}
	}
	return nil
}

func (e *flacEncoder) writeFrame() error {
	if e.filled == 0 {
		return nil
	}
	e.frame.BlockSize = uint16(e.filled)
	for c, sf := range e.frame.Subframes {
		*sf = frame.Subframe{
			SubHeader: frame.SubHeader{Pred: frame.PredVerbatim},
			Samples:   e.block[c][:e.filled],
			NSamples:  e.filled,
		}
	}
	e.filled = 0
	if err := e.enc.WriteFrame(&e.frame); err != nil {
		return fmt.Errorf("flac: encoding a frame: %w", err)
	}
	if err := e.sink.flush(); err != nil {
		return fmt.Errorf("writing audio: %w", err)
	}
	return nil
}

// checkpoint makes the frames written so far durable.
func (e *flacEncoder) checkpoint() error {
	if err := e.file.Sync(); err != nil {
		return fmt.Errorf("fsync: %w", err)
	}
	return nil
}

func (e *flacEncoder) finish() error {
	if err := e.writeFrame(); err != nil {
		e.abort()
		return err
	}
	// Close seeks back, patches STREAMINFO and, as flacSink is no
	// io.Closer, leaves the file open.
	if err := e.enc.Close(); err != nil {
		e.abort()
		return fmt.Errorf("flac: finishing the stream header: %w", err)
	}
	err := e.file.Sync()
	if cerr := e.file.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("closing: %w", err)
	}
	return nil
}

// abort cuts off a frame the file took only part of.
func (e *flacEncoder) abort() {
	if t, ok := e.file.(truncater); ok && e.sink.diskBytes > e.sink.goodBytes {
		_ = t.Truncate(e.sink.goodBytes)
	}
	_ = e.file.Sync()
	_ = e.file.Close()
}

func (e *flacEncoder) fileBytes() int64 { return e.sink.goodBytes }

// flacSink is the io.WriteSeeker the FLAC encoder writes to. Appends
// collect in pending until flush hands them to the file in one write;
// after a Seek (only the encoder's Close seeks, to patch STREAMINFO) writes
// land in place with WriteAt.
type flacSink struct {
	file      File
	pending   bytes.Buffer
	diskBytes int64 // the file took this many bytes
	goodBytes int64 // of which this many end on a whole frame (or the header)
	patching  bool
	patchAt   int64
}

func (s *flacSink) Write(p []byte) (int, error) {
	if s.patching {
		n, err := s.file.WriteAt(p, s.patchAt)
		s.patchAt += int64(n)
		return n, err
	}
	return s.pending.Write(p)
}

// flush writes what is pending: one whole frame, or the stream header.
func (s *flacSink) flush() error {
	n, err := s.file.Write(s.pending.Bytes())
	s.diskBytes += int64(n)
	s.pending.Reset()
	if err != nil {
		return err
	}
	s.goodBytes = s.diskBytes
	return nil
}

func (s *flacSink) Seek(offset int64, whence int) (int64, error) {
	if whence != io.SeekStart {
		return 0, errors.New("flac sink: only absolute seeks")
	}
	if err := s.flush(); err != nil {
		return 0, err
	}
	s.patching, s.patchAt = true, offset
	return offset, nil
}
