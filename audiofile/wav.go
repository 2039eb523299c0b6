package audiofile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// WAV format tags (the fmt chunk's wFormatTag).
const (
	wavePCM        = 0x0001
	waveFloat      = 0x0003
	waveExtensible = 0xFFFE
)

// rf64Placeholder in a 32-bit size field says "see the ds64 chunk".
const rf64Placeholder = 0xFFFFFFFF

// Limits that reject nonsense headers before they size anything.
const (
	maxChannels     = 64
	maxSampleRateHz = 1 << 22
	maxHeaderChunk  = 1 << 16 // fmt and ds64 chunks are tens of bytes; larger ones are not WAV
)

// wav decodes the data chunk of a WAV file.
type wav struct {
	info          Info
	r             io.Reader
	bytesLeft     int64 // in the data chunk; -1 when unbounded (read to EOF)
	bytesPerFrame int
	decode        func(b []byte) float32
	bytesPerValue int
	buf           []byte
}

// newWAV parses the RIFF/RF64 header up to the data chunk.
func newWAV(r io.Reader) (*wav, error) {
	var hdr [12]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, fmt.Errorf("wav: reading the RIFF header: %w", err)
	}
	if string(hdr[8:12]) != "WAVE" {
		return nil, fmt.Errorf("%w: RIFF form %q is not WAVE", ErrUnsupported, hdr[8:12])
	}
	isRF64 := string(hdr[0:4]) != "RIFF"
	var ds64DataSize int64 = -1
	var haveFmt bool
	w := &wav{r: r}
	for {
		var ch [8]byte
		if _, err := io.ReadFull(r, ch[:]); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, errors.New("wav: no data chunk")
			}
			return nil, fmt.Errorf("wav: reading a chunk header: %w", err)
		}
		id := string(ch[0:4])
		size := int64(binary.LittleEndian.Uint32(ch[4:8]))
		switch id {
		case "ds64":
			if size < 24 || size > maxHeaderChunk {
				return nil, fmt.Errorf("wav: ds64 chunk of %d bytes", size)
			}
			body := make([]byte, size+size%2)
			if _, err := io.ReadFull(r, body); err != nil {
				return nil, fmt.Errorf("wav: reading the ds64 chunk: %w", err)
			}
			ds64DataSize = int64(binary.LittleEndian.Uint64(body[8:16]))
		case "fmt ":
			if size < 16 || size > maxHeaderChunk {
				return nil, fmt.Errorf("wav: fmt chunk of %d bytes", size)
			}
			body := make([]byte, size+size%2)
			if _, err := io.ReadFull(r, body); err != nil {
				return nil, fmt.Errorf("wav: reading the fmt chunk: %w", err)
			}
			if err := w.parseFmt(body[:size]); err != nil {
				return nil, err
			}
			haveFmt = true
		case "data":
			if !haveFmt {
				return nil, errors.New("wav: data chunk before the fmt chunk")
			}
			w.bytesLeft = size
			switch {
			case isRF64 && size == rf64Placeholder:
				if ds64DataSize < 0 {
					return nil, errors.New("wav: RF64 data size without a ds64 chunk")
				}
				w.bytesLeft = ds64DataSize
			case size == 0 || size == rf64Placeholder:
				// Written by a recorder that never came back to fill in
				// the size: the data runs to the end of the file.
				w.bytesLeft = -1
			}
			w.info.Frames = -1
			if w.bytesLeft >= 0 {
				w.info.Frames = w.bytesLeft / int64(w.bytesPerFrame)
			}
			w.buf = make([]byte, 4096*w.bytesPerFrame)
			return w, nil
		default:
			if _, err := io.CopyN(io.Discard, r, size+size%2); err != nil {
				return nil, fmt.Errorf("wav: skipping the %q chunk: %w", id, err)
			}
		}
	}
}

// parseFmt reads the fmt chunk and chooses the sample decoder.
func (w *wav) parseFmt(b []byte) error {
	tag := binary.LittleEndian.Uint16(b[0:2])
	channels := int(binary.LittleEndian.Uint16(b[2:4]))
	rate := int64(binary.LittleEndian.Uint32(b[4:8]))
	blockAlign := int(binary.LittleEndian.Uint16(b[12:14]))
	bits := int(binary.LittleEndian.Uint16(b[14:16]))
	if tag == waveExtensible {
		if len(b) < 40 {
			return fmt.Errorf("wav: WAVE_FORMAT_EXTENSIBLE fmt chunk of %d bytes, want 40", len(b))
		}
		// The sub-format GUID starts with the format tag it stands for.
		tag = binary.LittleEndian.Uint16(b[24:26])
	}
	if channels < 1 || channels > maxChannels {
		return fmt.Errorf("wav: %d channels", channels)
	}
	if rate < 1 || rate > maxSampleRateHz {
		return fmt.Errorf("wav: sample rate %d Hz", rate)
	}
	if bits%8 != 0 || blockAlign != channels*bits/8 {
		return fmt.Errorf("wav: %d bits per sample with %d bytes per frame of %d channels", bits, blockAlign, channels)
	}
	w.info = Info{SampleRateHz: int(rate), Channels: channels, BitsPerSample: bits}
	w.bytesPerFrame = blockAlign
	w.bytesPerValue = bits / 8
	switch {
	case tag == wavePCM && bits == 8:
		w.decode = func(b []byte) float32 { return (float32(b[0]) - 128) / 128 }
	case tag == wavePCM && bits == 16:
		w.decode = func(b []byte) float32 { return float32(int16(binary.LittleEndian.Uint16(b))) / (1 << 15) }
	case tag == wavePCM && bits == 24:
		w.decode = func(b []byte) float32 {
			v := int32(uint32(b[0])<<8|uint32(b[1])<<16|uint32(b[2])<<24) >> 8
			return float32(v) / (1 << 23)
		}
	case tag == wavePCM && bits == 32:
		w.decode = func(b []byte) float32 { return float32(float64(int32(binary.LittleEndian.Uint32(b))) / (1 << 31)) }
	case tag == waveFloat && bits == 32:
		w.decode = func(b []byte) float32 { return math.Float32frombits(binary.LittleEndian.Uint32(b)) }
	case tag == waveFloat && bits == 64:
		w.decode = func(b []byte) float32 { return float32(math.Float64frombits(binary.LittleEndian.Uint64(b))) }
	default:
		return fmt.Errorf("%w: WAV format tag %#04x with %d bits per sample", ErrUnsupported, tag, bits)
	}
	if tag == waveFloat {
		w.info.Format = WAVFloat
	} else {
		w.info.Format = WAVInteger
	}
	return nil
}

// read decodes up to len(dst[0]) frames.
func (w *wav) read(dst [][]float32) (int, error) {
	want := min(len(dst[0]), len(w.buf)/w.bytesPerFrame)
	if w.bytesLeft >= 0 {
		want = int(min(int64(want), w.bytesLeft/int64(w.bytesPerFrame)))
	}
	if want == 0 {
		return 0, io.EOF
	}
	b := w.buf[:want*w.bytesPerFrame]
	got, err := io.ReadFull(w.r, b)
	frames := got / w.bytesPerFrame
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return 0, fmt.Errorf("wav: reading samples: %w", err)
	}
	if frames == 0 {
		return 0, io.EOF
	}
	if err != nil {
		// The data ends early; what is there is still audio.
		w.bytesLeft = 0
	} else if w.bytesLeft >= 0 {
		w.bytesLeft -= int64(frames * w.bytesPerFrame)
	}
	for i := range frames {
		frame := b[i*w.bytesPerFrame:]
		for c := range dst {
			dst[c][i] = w.decode(frame[c*w.bytesPerValue:])
		}
	}
	return frames, nil
}
