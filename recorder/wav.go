package recorder

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math"
)

// WAV header layout written by wavEncoder: RIFF (or RF64) WAVE, a JUNK
// chunk with room for a ds64 body (renamed ds64 on the switch to RF64), the
// fmt chunk (18 bytes: with cbSize = 0, which sox wants for float), then
// the data chunk header. 82 bytes in all.
const (
	ds64BodyBytes  = 28 // RIFF size, data size, sample count (u64 each), table length (u32)
	fmtBodyBytes   = 18
	wavHeaderBytes = 12 + 8 + ds64BodyBytes + 8 + fmtBodyBytes + 8
	maxUint32      = math.MaxUint32
)

// WAV format tags.
const (
	wavePCM   = 0x0001
	waveFloat = 0x0003
)

// pcm24Scale is the full scale of 24-bit PCM: ±1.0 maps to ±2^23.
const pcm24Scale = 1 << 23

// quantizePCM24 rounds x to the nearest 24-bit PCM value, clipping at full
// scale; NaN becomes 0.
func quantizePCM24(x float32) int32 {
	v := math.Round(float64(x) * pcm24Scale)
	switch {
	case v != v: // NaN
		return 0
	case v > pcm24Scale-1:
		return pcm24Scale - 1
	case v < -pcm24Scale:
		return -pcm24Scale
	}
	return int32(v)
}

// wavEncoder writes a RIFF/RF64 WAVE file of 32-bit float or 24-bit PCM.
type wavEncoder struct {
	file               File
	counted            *countingWriter // below the buffer: bytes the file took
	buf                *bufio.Writer
	channels           int
	sampleRateHz       int
	pcm24              bool
	bytesPerFrame      int
	dataBytes          int64 // handed to buf
	rf64               bool
	rf64ThresholdBytes int64
	scratch            []byte
}

func newWAVEncoder(f File, pcm24 bool, sampleRateHz, channels int, rf64ThresholdBytes int64) (*wavEncoder, error) {
	e := &wavEncoder{
		file:               f,
		counted:            &countingWriter{w: f},
		channels:           channels,
		sampleRateHz:       sampleRateHz,
		pcm24:              pcm24,
		rf64ThresholdBytes: rf64ThresholdBytes,
	}
	e.bytesPerFrame = 4 * channels
	if pcm24 {
		e.bytesPerFrame = 3 * channels
	}
	e.buf = bufio.NewWriterSize(e.counted, 256<<10)
	if _, err := e.buf.Write(e.header(0)); err != nil {
		return nil, fmt.Errorf("writing the WAV header: %w", err)
	}
	return e, nil
}

// header builds the header for dataBytes of audio, switching to
// RF64 (for good) once the RIFF size passes the threshold.
func (e *wavEncoder) header(dataBytes int64) []byte {
	h := make([]byte, wavHeaderBytes)
	le := binary.LittleEndian
	riffBytes := int64(wavHeaderBytes) - 8 + dataBytes
	if riffBytes > e.rf64ThresholdBytes || riffBytes > maxUint32 {
		e.rf64 = true
	}
	copy(h[0:], "RIFF")
	le.PutUint32(h[4:], uint32(riffBytes))
	copy(h[8:], "WAVEJUNK")
	le.PutUint32(h[16:], ds64BodyBytes)
	const fmtAt = 20 + ds64BodyBytes
	copy(h[fmtAt:], "fmt ")
	le.PutUint32(h[fmtAt+4:], fmtBodyBytes)
	tag, bits := uint16(waveFloat), 32
	if e.pcm24 {
		tag, bits = wavePCM, 24
	}
	le.PutUint16(h[fmtAt+8:], tag)
	le.PutUint16(h[fmtAt+10:], uint16(e.channels))
	le.PutUint32(h[fmtAt+12:], uint32(e.sampleRateHz))
	le.PutUint32(h[fmtAt+16:], uint32(e.sampleRateHz*e.bytesPerFrame))
	le.PutUint16(h[fmtAt+20:], uint16(e.bytesPerFrame))
	le.PutUint16(h[fmtAt+22:], uint16(bits))
	const dataAt = fmtAt + 8 + fmtBodyBytes // cbSize (fmtAt+24) stays 0
	copy(h[dataAt:], "data")
	le.PutUint32(h[dataAt+4:], uint32(dataBytes))
	if e.rf64 {
		copy(h[0:], "RF64")
		le.PutUint32(h[4:], maxUint32)
		copy(h[12:], "ds64")
		le.PutUint64(h[20:], uint64(riffBytes))
		le.PutUint64(h[28:], uint64(dataBytes))
		le.PutUint64(h[36:], uint64(dataBytes/int64(e.bytesPerFrame)))
		le.PutUint32(h[dataAt+4:], maxUint32)
	}
	return h
}

func (e *wavEncoder) write(interleaved []float32) error {
	need := len(interleaved) * e.bytesPerFrame / e.channels
	if cap(e.scratch) < need {
		e.scratch = make([]byte, need)
	}
	b := e.scratch[:need]
	if e.pcm24 {
		for i, x := range interleaved {
			v := uint32(quantizePCM24(x))
			b[3*i], b[3*i+1], b[3*i+2] = byte(v), byte(v>>8), byte(v>>16)
		}
	} else {
		for i, x := range interleaved {
			binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
		}
	}
	n, err := e.buf.Write(b)
	e.dataBytes += int64(n)
	if err != nil {
		return fmt.Errorf("writing audio: %w", err)
	}
	return nil
}

// checkpoint makes everything written so far durable and playable: flush,
// fsync the audio, rewrite the header for it, fsync again.
func (e *wavEncoder) checkpoint() error {
	if err := e.buf.Flush(); err != nil {
		return fmt.Errorf("writing audio: %w", err)
	}
	if err := e.file.Sync(); err != nil {
		return fmt.Errorf("fsync: %w", err)
	}
	if _, err := e.file.WriteAt(e.header(e.dataBytes), 0); err != nil {
		return fmt.Errorf("updating the WAV header: %w", err)
	}
	if err := e.file.Sync(); err != nil {
		return fmt.Errorf("fsync: %w", err)
	}
	return nil
}

func (e *wavEncoder) finish() error {
	err := e.checkpoint()
	if cerr := e.file.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("closing: %w", cerr)
	}
	return err
}

// abort finalises the file after a write error: the header is set to the
// whole frames that reached the file and any partial frame is cut off.
func (e *wavEncoder) abort() {
	good := max(e.counted.n-wavHeaderBytes, 0)
	good -= good % int64(e.bytesPerFrame)
	if _, err := e.file.WriteAt(e.header(good), 0); err == nil {
		if t, ok := e.file.(truncater); ok {
			_ = t.Truncate(wavHeaderBytes + good) // best effort: readers stop at the data size anyway
		}
	}
	_ = e.file.Sync()
	_ = e.file.Close()
}

func (e *wavEncoder) fileBytes() int64 { return wavHeaderBytes + e.dataBytes }
