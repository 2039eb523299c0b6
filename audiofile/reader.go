package audiofile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// Format names the coding of a file's samples.
type Format string

// The formats a Reader decodes.
const (
	WAVInteger Format = "wav-pcm"
	WAVFloat   Format = "wav-float"
	FLAC       Format = "flac"
)

// Info describes an open file.
type Info struct {
	Format        Format
	SampleRateHz  int
	Channels      int
	BitsPerSample int   // bits per sample as stored (container size for WAV)
	Frames        int64 // frames the header announces; -1 when unknown
}

// ErrUnsupported is wrapped by errors for files that are not WAV or FLAC, or
// use a coding this package does not decode.
var ErrUnsupported = errors.New("unsupported audio file")

// source decodes frames of one file format.
type source interface {
	// read fills dst[c][:n] for every channel and returns n, or 0 and
	// io.EOF at the end.
	read(dst [][]float32) (int, error)
}

// Reader reads the frames of one audio file.
type Reader struct {
	info   Info
	src    source
	closer io.Closer
}

// Open opens the WAV or FLAC file at path.
func Open(path string) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("audiofile: %w", err)
	}
	r, err := NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("audiofile: %s: %w", path, err)
	}
	r.closer = f
	return r, nil
}

// NewReader reads a WAV or FLAC stream from r, recognised by its first
// bytes.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, err := br.Peek(4)
	if err != nil {
		return nil, fmt.Errorf("reading the file signature: %w", err)
	}
	switch {
	case bytes.Equal(magic, []byte("RIFF")), bytes.Equal(magic, []byte("RF64")), bytes.Equal(magic, []byte("BW64")):
		w, err := newWAV(br)
		if err != nil {
			return nil, err
		}
		return &Reader{info: w.info, src: w}, nil
	case bytes.Equal(magic, []byte("fLaC")), bytes.Equal(magic[:3], []byte("ID3")):
		f, err := newFLAC(br)
		if err != nil {
			return nil, err
		}
		return &Reader{info: f.info, src: f}, nil
	}
	return nil, fmt.Errorf("%w: signature %q is neither WAV nor FLAC", ErrUnsupported, magic)
}

// Info describes the file.
func (r *Reader) Info() Info { return r.info }

// Read fills dst, one slice per channel (len(dst) == Info().Channels, all
// the same length), with the next frames and returns how many it wrote. At
// the end of the file it returns 0 and io.EOF.
func (r *Reader) Read(dst [][]float32) (int, error) {
	if len(dst) != r.info.Channels {
		return 0, fmt.Errorf("audiofile: read into %d channels, the file has %d", len(dst), r.info.Channels)
	}
	if len(dst) == 0 || len(dst[0]) == 0 {
		return 0, nil
	}
	return r.src.read(dst)
}

// Close closes the file Open opened; it does nothing for NewReader.
func (r *Reader) Close() error {
	if r.closer == nil {
		return nil
	}
	return r.closer.Close()
}
