package app

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"

	"github.com/linuxdj/linuxdj/audiofile"
	"github.com/linuxdj/linuxdj/mixer/meter"
)

// loudnessBlockFrames is how many frames a file is measured in at a time.
const loudnessBlockFrames = 4096

// fileLoudness is what `linuxdj loudness` reports for one file. Levels of a
// silent file are -Inf, written as null in JSON.
type fileLoudness struct {
	File             string   `json:"file"`
	Error            string   `json:"error,omitempty"`
	SampleRateHz     int      `json:"sample_rate_hz,omitempty"`
	Channels         int      `json:"channels,omitempty"`
	DurationSeconds  float64  `json:"duration_s,omitempty"`
	IntegratedLUFS   *float64 `json:"integrated_lufs,omitempty"`
	RangeLU          *float64 `json:"lra_lu,omitempty"`
	MaxMomentaryLUFS *float64 `json:"max_momentary_lufs,omitempty"`
	MaxShortTermLUFS *float64 `json:"max_short_term_lufs,omitempty"`
	TruePeakDBTP     *float64 `json:"true_peak_dbtp,omitempty"`
	SamplePeakDBFS   *float64 `json:"sample_peak_dbfs,omitempty"`
}

// runLoudness measures the EBU R128 loudness, loudness range, maximum
// momentary and short-term loudness, true peak and sample peak of WAV and
// FLAC files, as loudness-scanner or ffmpeg's ebur128 filter do. A file
// that cannot be read is reported and the others are still measured; the
// exit code is then 1.
func runLoudness(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loudness", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print a JSON array with one object per file")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: linuxdj loudness [--json] FILE...")
		fmt.Fprintln(stderr, "Measures WAV and FLAC files to EBU R128 / ITU-R BS.1770-4.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	var results []fileLoudness
	for _, path := range fs.Args() {
		res, err := measureFile(path)
		if err != nil {
			status = 1
			res = fileLoudness{File: path, Error: err.Error()}
			fmt.Fprintf(stderr, "linuxdj loudness: %v\n", err)
		}
		if *asJSON {
			results = append(results, res)
		} else if err == nil {
			fmt.Fprintln(stdout, res.line())
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			fmt.Fprintf(stderr, "linuxdj loudness: writing JSON: %v\n", err)
			return 1
		}
	}
	return status
}

// measureFile reads the whole file through the meters.
func measureFile(path string) (fileLoudness, error) {
	r, err := audiofile.Open(path)
	if err != nil {
		return fileLoudness{}, err
	}
	defer r.Close()
	info := r.Info()
	var loud meter.Loudness
	if err := loud.Prepare(info.SampleRateHz, info.Channels); err != nil {
		return fileLoudness{}, fmt.Errorf("%s: %w", path, err)
	}
	peaks := make([]meter.TruePeak, info.Channels)
	block := make([][]float32, info.Channels)
	for c := range block {
		block[c] = make([]float32, loudnessBlockFrames)
		if err := peaks[c].Prepare(info.SampleRateHz); err != nil {
			return fileLoudness{}, fmt.Errorf("%s: %w", path, err)
		}
	}
	var frames int64
	view := make([][]float32, info.Channels)
	for {
		n, err := r.Read(block)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fileLoudness{}, fmt.Errorf("%s: %w", path, err)
		}
		for c := range block {
			view[c] = block[c][:n]
			peaks[c].Process(view[c])
		}
		loud.Process(view)
		frames += int64(n)
	}
	lr := loud.Read()
	truePeak, samplePeak := math.Inf(-1), math.Inf(-1)
	for c := range peaks {
		p := peaks[c].Read()
		truePeak = max(truePeak, p.MaxDBTP)
		samplePeak = max(samplePeak, p.SamplePeakDBFS)
	}
	return fileLoudness{
		File:             path,
		SampleRateHz:     info.SampleRateHz,
		Channels:         info.Channels,
		DurationSeconds:  float64(frames) / float64(info.SampleRateHz),
		IntegratedLUFS:   finiteOrNil(lr.IntegratedLUFS),
		RangeLU:          finiteOrNil(lr.RangeLU),
		MaxMomentaryLUFS: finiteOrNil(lr.MaxMomentaryLUFS),
		MaxShortTermLUFS: finiteOrNil(lr.MaxShortTermLUFS),
		TruePeakDBTP:     finiteOrNil(truePeak),
		SamplePeakDBFS:   finiteOrNil(samplePeak),
	}, nil
}

// finiteOrNil keeps JSON valid: -Inf (silence) becomes null.
func finiteOrNil(v float64) *float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	return &v
}

// line is the one-line text report of a file.
func (f fileLoudness) line() string {
	return fmt.Sprintf("%s: I %s LUFS, LRA %s LU, max M %s LUFS, max S %s LUFS, TP %s dBTP, peak %s dBFS",
		f.File, number(f.IntegratedLUFS), number(f.RangeLU), number(f.MaxMomentaryLUFS),
		number(f.MaxShortTermLUFS), number(f.TruePeakDBTP), number(f.SamplePeakDBFS))
}

// number formats a level to 0.1 dB; silence shows as -inf.
func number(v *float64) string {
	if v == nil {
		return "-inf"
	}
	return fmt.Sprintf("%.1f", *v)
}
