package recorder

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/xdg"

	"github.com/linuxdj/linuxdj/mixer/meter"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

// Format is a recording file format.
type Format string

// The formats a Recorder writes.
const (
	WAVFloat32 Format = "wav-float32" // WAV, IEEE float 32-bit: bit-exact
	WAVPCM24   Format = "wav-pcm24"   // WAV, 24-bit integer PCM
	FLAC24     Format = "flac24"      // FLAC, 24-bit, lossless
)

// Extension is the file name extension of f, with the dot.
func (f Format) Extension() string {
	if f == FLAC24 {
		return ".flac"
	}
	return ".wav"
}

// State is where a Recorder is in its life.
type State int

// The states of a Recorder.
const (
	Idle      State = iota // not recording (never started, or stopped cleanly)
	Recording              // writing to the file
	Failed                 // stopped by an error; Status.Err says which
)

func (s State) String() string {
	switch s {
	case Recording:
		return "recording"
	case Failed:
		return "failed"
	}
	return "idle"
}

// Defaults and limits of Options.
const (
	DefaultRingSeconds    = 8
	MinRingFrames         = 4 * 96000 // 4 s at 96 kHz, whatever the rate
	DefaultHeaderInterval = time.Second
	MaxHeaderInterval     = 2 * time.Second
	// DefaultRF64ThresholdBytes is the RIFF size past which a WAV header
	// turns into RF64: the most a 32-bit size field holds.
	DefaultRF64ThresholdBytes = maxUint32
	defaultPollInterval       = 10 * time.Millisecond
	tapChunkFrames            = 1024 // Tap interleaves at most this many frames at a time
	writeChunkFrames          = 4096 // the writer goroutine's read size
	meterReadInterval         = 100 * time.Millisecond
)

// File is what a recording is written to; *os.File is one. Tests inject
// slow or failing files through Options.CreateFile.
type File interface {
	io.Writer
	io.WriterAt
	Sync() error
	Close() error
}

// truncater is the optional part of File used to cut a partial frame off
// after a write error.
type truncater interface {
	Truncate(sizeBytes int64) error
}

// Options configure a Recorder. Zero values take the defaults.
type Options struct {
	// Dir is where Start puts files when it is given no path; default
	// $XDG_MUSIC_DIR/Linux DJ.
	Dir string
	// RingSeconds sizes the sample ring: this many seconds at the
	// recording's rate, and never less than MinRingFrames.
	RingSeconds float64
	// HeaderInterval is how often the audio is made durable and the WAV
	// header rewritten; default 1 s, at most MaxHeaderInterval.
	HeaderInterval time.Duration
	// RF64ThresholdBytes is the RIFF size past which the header switches
	// to RF64; default (and at most) 4 GiB − 1. Tests set it small.
	RF64ThresholdBytes int64
	// CreateFile creates the file at path; default os.OpenFile with
	// O_RDWR|O_CREATE|O_EXCL, 0644.
	CreateFile func(path string) (File, error)
	// Now is the clock for file names; default time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.RingSeconds <= 0 {
		o.RingSeconds = DefaultRingSeconds
	}
	if o.HeaderInterval <= 0 {
		o.HeaderInterval = DefaultHeaderInterval
	}
	o.HeaderInterval = min(o.HeaderInterval, MaxHeaderInterval)
	if o.RF64ThresholdBytes <= 0 || o.RF64ThresholdBytes > DefaultRF64ThresholdBytes {
		o.RF64ThresholdBytes = DefaultRF64ThresholdBytes
	}
	if o.CreateFile == nil {
		o.CreateFile = func(path string) (File, error) {
			return os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// DefaultDir is $XDG_MUSIC_DIR/Linux DJ.
func DefaultDir() string { return filepath.Join(xdg.UserDirs.Music, "Linux DJ") }

// Status is a snapshot of a recording for the GUI.
type Status struct {
	State              State
	Err                error // why the recording failed; nil otherwise
	Path               string
	CuePath            string
	Format             Format
	SampleRateHz       int
	Channels           int
	Elapsed            time.Duration // audio handed to the file
	FramesWritten      int64
	FileBytes          int64
	DroppedFrames      uint64 // frames the ring could not take; should be 0
	RingCapacityFrames int
	IntegratedLUFS     float64 // record feed, EBU R128 gated; -Inf before the first gate block
	ShortTermLUFS      float64
	TruePeakDBTP       float64 // highest true peak of any channel since Start; -Inf in silence
	Cues               int
}

// encoder is one file format's writer.
type encoder interface {
	write(interleaved []float32) error
	checkpoint() error // make everything so far durable and playable
	finish() error     // finalise and close
	abort()            // finalise what reached the file after an error, close
	fileBytes() int64
}

// Recorder records the record tap. Tap is for the audio thread; every
// other method is safe from any goroutine.
type Recorder struct {
	opts    Options
	mu      sync.Mutex              // serialises Start and Stop; never taken by Tap
	active  atomic.Pointer[session] // the session Tap feeds; nil when not recording
	current atomic.Pointer[session] // the latest session, for Status and AddCue
}

// New returns an idle Recorder.
func New(opts Options) *Recorder {
	return &Recorder{opts: opts.withDefaults()}
}

// session is one recording.
type session struct {
	path, cuePath string
	format        Format
	sampleRateHz  int
	channels      int
	ring          *rt.SampleRing

	// Audio thread side.
	scratch      []float32 // Tap's interleave buffer; only Tap touches it
	tapping      atomic.Int32
	stopped      atomic.Bool
	tappedFrames atomic.Int64 // frames the ring took: the file position

	stopRequest atomic.Bool
	done        chan struct{}

	mu     sync.Mutex // guards status, cues
	status Status
	cues   []int64
	cueGen int
}

// Start begins recording sampleRateHz, channels-channel (1 or 2) audio in
// format. target is a directory to create a dated file in ("" is
// Options.Dir, or DefaultDir), or a file path. It returns the file's path.
// A recording already running is an error.
func (r *Recorder) Start(target string, format Format, sampleRateHz, channels int) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.active.Load() != nil {
		return "", errors.New("recorder: already recording")
	}
	if format != WAVFloat32 && format != WAVPCM24 && format != FLAC24 {
		return "", fmt.Errorf("recorder: unknown format %q", format)
	}
	if channels < 1 || channels > 2 {
		return "", fmt.Errorf("recorder: %d channels, want 1 or 2", channels)
	}
	if sampleRateHz < 8000 || sampleRateHz > 384000 {
		return "", fmt.Errorf("recorder: sample rate %d Hz out of range 8000..384000", sampleRateHz)
	}
	file, path, err := r.create(target, format)
	if err != nil {
		return "", err
	}
	var enc encoder
	switch format {
	case FLAC24:
		enc, err = newFLACEncoder(file, sampleRateHz, channels)
	default:
		enc, err = newWAVEncoder(file, format == WAVPCM24, sampleRateHz, channels, r.opts.RF64ThresholdBytes)
	}
	if err != nil {
		file.Close()
		return "", fmt.Errorf("recorder: %s: %w", path, err)
	}
	m := &meters{}
	if err := m.prepare(sampleRateHz, channels); err != nil {
		file.Close()
		return "", fmt.Errorf("recorder: %w", err)
	}
	ringFrames := max(int(r.opts.RingSeconds*float64(sampleRateHz)), MinRingFrames)
	s := &session{
		path:         path,
		cuePath:      strings.TrimSuffix(path, filepath.Ext(path)) + ".cue",
		format:       format,
		sampleRateHz: sampleRateHz,
		channels:     channels,
		ring:         rt.NewSampleRing(channels, ringFrames),
		scratch:      make([]float32, tapChunkFrames*channels),
		done:         make(chan struct{}),
	}
	s.status = Status{
		State: Recording, Path: path, CuePath: s.cuePath, Format: format,
		SampleRateHz: sampleRateHz, Channels: channels,
		RingCapacityFrames: s.ring.CapFrames(),
		FileBytes:          enc.fileBytes(),
	}
	s.status.IntegratedLUFS, s.status.ShortTermLUFS, s.status.TruePeakDBTP = m.read()
	r.current.Store(s)
	r.active.Store(s)
	go r.write(s, enc, m)
	return path, nil
}

// create opens the file for a new recording.
func (r *Recorder) create(target string, format Format) (File, string, error) {
	dir := target
	if dir == "" {
		dir = r.opts.Dir
		if dir == "" {
			dir = DefaultDir()
		}
	}
	if fi, err := os.Stat(dir); target != "" && (err != nil || !fi.IsDir()) {
		f, err := r.opts.CreateFile(target)
		if err != nil {
			return nil, "", fmt.Errorf("recorder: creating the file: %w", err)
		}
		return f, target, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fmt.Errorf("recorder: creating the recordings folder: %w", err)
	}
	base := "Linux DJ " + r.opts.Now().Format("2006-01-02 15-04-05")
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s (%d)", base, n)
		}
		path := filepath.Join(dir, name+format.Extension())
		f, err := r.opts.CreateFile(path)
		if err == nil {
			return f, path, nil
		}
		if !errors.Is(err, os.ErrExist) || n >= 100 {
			return nil, "", fmt.Errorf("recorder: creating the file: %w", err)
		}
	}
}

// Tap hands one period of the record feed to the recorder: left and right
// are the master outputs (for a mono recording only left is used; a nil
// right records left on both channels). It does nothing when not
// recording. Frames the ring cannot take are counted in
// Status.DroppedFrames.
//
// Tap is real-time safe: no allocation, no lock, no system call, no
// waiting; it only copies into a preallocated ring. Call it from one
// goroutine (the audio thread) only.
func (r *Recorder) Tap(left, right []float32) {
	s := r.active.Load()
	if s == nil {
		return
	}
	// tapping and stopped form a handshake with Stop: either this Tap sees
	// stopped, or Stop sees tapping and waits until the frames are in.
	s.tapping.Add(1)
	if s.stopped.Load() {
		s.tapping.Add(-1)
		return
	}
	if right == nil {
		right = left
	}
	frames := min(len(left), len(right))
	for done := 0; done < frames; {
		n := min(frames-done, tapChunkFrames)
		buf := s.scratch[:n*s.channels]
		if s.channels == 1 {
			copy(buf, left[done:done+n])
		} else {
			l, rr := left[done:done+n], right[done:done+n]
			for i := range n {
				buf[2*i], buf[2*i+1] = l[i], rr[i]
			}
		}
		s.tappedFrames.Add(int64(s.ring.Write(buf)))
		done += n
	}
	s.tapping.Add(-1)
}

// Stop ends the recording: everything tapped before Stop is written, the
// header and the cue sheet are finalised and the file is closed. It
// returns the error that ended or spoiled the recording, if any; after a
// failure it returns that failure. Stop when idle does nothing.
func (r *Recorder) Stop() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.current.Load()
	if s == nil {
		return nil
	}
	s.stopped.Store(true)
	r.active.CompareAndSwap(s, nil)
	for s.tapping.Load() != 0 {
		runtime.Gosched() // a Tap in flight finishes within its period
	}
	s.stopRequest.Store(true)
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status.Err
}

// Status is a snapshot of the current or last recording; the zero Status
// (Idle) before the first Start.
func (r *Recorder) Status() Status {
	s := r.current.Load()
	if s == nil {
		return Status{}
	}
	s.mu.Lock()
	st := s.status
	st.Cues = len(s.cues)
	s.mu.Unlock()
	st.DroppedFrames = s.ring.DroppedFrames()
	return st
}

// AddCue marks the current recording position (the audio tapped so far)
// and returns it in frames. The marks go into the .cue sheet beside the
// file at the next header update and at Stop.
func (r *Recorder) AddCue() (positionFrames int64, err error) {
	s := r.active.Load()
	if s == nil {
		return 0, errors.New("recorder: not recording")
	}
	positionFrames = s.tappedFrames.Load()
	s.mu.Lock()
	s.cues = append(s.cues, positionFrames)
	s.cueGen++
	s.mu.Unlock()
	return positionFrames, nil
}

// write is the writer goroutine: it drains the ring into enc until Stop,
// or until a write error ends the recording.
func (r *Recorder) write(s *session, enc encoder, m *meters) {
	defer close(s.done)
	buf := make([]float32, writeChunkFrames*s.channels)
	var framesWritten int64
	lastCheckpoint, lastMeterRead := time.Now(), time.Now()
	cueGenWritten := 0
	fail := func(err error) {
		enc.abort()
		s.stopped.Store(true)
		r.active.CompareAndSwap(s, nil)
		cueGenWritten = r.writeCueSheet(s, cueGenWritten)
		s.mu.Lock()
		s.status.State = Failed
		s.status.Err = fmt.Errorf("recorder: %s: %w", s.path, err)
		s.mu.Unlock()
	}
	publish := func() {
		lufs, shortLUFS, tp := m.read()
		s.mu.Lock()
		s.status.FramesWritten = framesWritten
		s.status.Elapsed = time.Duration(framesWritten * int64(time.Second) / int64(s.sampleRateHz))
		s.status.FileBytes = enc.fileBytes()
		s.status.IntegratedLUFS, s.status.ShortTermLUFS, s.status.TruePeakDBTP = lufs, shortLUFS, tp
		s.mu.Unlock()
	}
	for {
		stopping := s.stopRequest.Load()
		n := s.ring.Read(buf)
		if n > 0 {
			chunk := buf[:n*s.channels]
			m.process(chunk, s.channels)
			if err := enc.write(chunk); err != nil {
				fail(err)
				return
			}
			framesWritten += int64(n)
		}
		now := time.Now()
		if n == 0 && stopping {
			if err := enc.finish(); err != nil {
				fail(err)
				return
			}
			publish()
			r.writeCueSheet(s, -1)
			s.mu.Lock()
			s.status.State = Idle
			s.mu.Unlock()
			return
		}
		if now.Sub(lastCheckpoint) >= r.opts.HeaderInterval {
			if err := enc.checkpoint(); err != nil {
				fail(err)
				return
			}
			cueGenWritten = r.writeCueSheet(s, cueGenWritten)
			lastCheckpoint = now
		}
		if now.Sub(lastMeterRead) >= meterReadInterval {
			publish()
			lastMeterRead = now
		}
		if n == 0 {
			time.Sleep(defaultPollInterval)
		}
	}
}

// writeCueSheet rewrites the cue sheet when cues were added since
// generation written (-1 forces it when there are cues) and returns the
// generation now on disk. A failure to write it is kept in the status
// error only if nothing else failed: the audio matters more.
func (r *Recorder) writeCueSheet(s *session, written int) int {
	s.mu.Lock()
	gen, cues := s.cueGen, append([]int64(nil), s.cues...)
	s.mu.Unlock()
	if gen == written || len(cues) == 0 {
		return gen
	}
	err := writeCueFile(s.cuePath, filepath.Base(s.path), cues, s.sampleRateHz)
	if err != nil {
		s.mu.Lock()
		if s.status.Err == nil {
			s.status.Err = err
		}
		s.mu.Unlock()
	}
	return gen
}

// countingWriter counts the bytes its writer took.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// meters measure the record feed on the writer goroutine.
type meters struct {
	loudness meter.Loudness
	truePeak []meter.TruePeak
	planes   [][]float32 // full-size per-channel buffers
	views    [][]float32 // planes cut to the current chunk
}

func (m *meters) prepare(sampleRateHz, channels int) error {
	if err := m.loudness.Prepare(sampleRateHz, channels); err != nil {
		return err
	}
	m.truePeak = make([]meter.TruePeak, channels)
	m.planes = make([][]float32, channels)
	m.views = make([][]float32, channels)
	for c := range m.truePeak {
		if err := m.truePeak[c].Prepare(sampleRateHz); err != nil {
			return err
		}
		m.planes[c] = make([]float32, writeChunkFrames)
	}
	return nil
}

func (m *meters) process(interleaved []float32, channels int) {
	frames := len(interleaved) / channels
	for c := range channels {
		p := m.planes[c][:frames]
		for i := range p {
			p[i] = interleaved[i*channels+c]
		}
		m.truePeak[c].Process(p)
		m.views[c] = p
	}
	m.loudness.Process(m.views)
}

func (m *meters) read() (integratedLUFS, shortTermLUFS, truePeakDBTP float64) {
	l := m.loudness.Read()
	truePeakDBTP = math.Inf(-1)
	for c := range m.truePeak {
		truePeakDBTP = max(truePeakDBTP, m.truePeak[c].Read().MaxDBTP)
	}
	return l.IntegratedLUFS, l.ShortTermLUFS, truePeakDBTP
}
