package recorder

import (
	"fmt"
	"os"
	"strings"
)

// cdFramesPerSecond is the cue sheet's time base (CD frames).
const cdFramesPerSecond = 75

// CueTime formats a position as a cue sheet's mm:ss:ff (75 frames a
// second), rounding down.
func CueTime(positionFrames int64, sampleRateHz int) string {
	cd := positionFrames * cdFramesPerSecond / int64(sampleRateHz)
	return fmt.Sprintf("%02d:%02d:%02d", cd/(cdFramesPerSecond*60), cd/cdFramesPerSecond%60, cd%cdFramesPerSecond)
}

// cueSheet renders a cue sheet for fileName: track 1 starts at 0 and
// every mark starts the next track.
func cueSheet(fileName string, marksFrames []int64, sampleRateHz int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "FILE %q WAVE\n", fileName)
	starts := append([]int64{0}, marksFrames...)
	track := 0
	for i, pos := range starts {
		if i > 0 && pos == starts[i-1] {
			continue // two marks on one CD frame would make an empty track
		}
		track++
		fmt.Fprintf(&b, "  TRACK %02d AUDIO\n    INDEX 01 %s\n", track, CueTime(pos, sampleRateHz))
	}
	return b.String()
}

// writeCueFile replaces the cue sheet at path atomically (write a
// temporary file, rename).
func writeCueFile(path, fileName string, marksFrames []int64, sampleRateHz int) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(cueSheet(fileName, marksFrames, sampleRateHz)), 0o644); err != nil {
		return fmt.Errorf("recorder: writing the cue sheet: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("recorder: writing the cue sheet: %w", err)
	}
	return nil
}
