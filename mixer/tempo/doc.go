// Package tempo counts beats per minute from audio alone, on the audio
// thread: the BPM counter of each channel strip and of the master.
//
// Everything runs inside Detector.Process, on the real-time path, in
// bounded work per call and with no allocation: Prepare sizes the few
// buffers. The heavier periodicity analysis is kept small (a leaky
// autocorrelation of a 125 Hz onset envelope, about 500 multiply-adds every
// 8 ms) rather than moved to another thread: a ring and a worker would
// cost a goroutine per counter, and the figures in docs/PERFORMANCE.md
// show the whole counter at about 8.5 ns per stereo frame. A Detector works
// in three stages:
//
//  1. Onsets, per sample. The input (a stereo pair summed to mono) is split
//     by one-pole filters into three bands (below 200 Hz: the kick; 200 Hz
//     to 3 kHz: snare, claps, bass; above 3 kHz: hats), and each band's
//     squares are summed over a hop of about 2 ms (500 Hz). Per hop, the
//     bands' mean squares are smoothed (10, 5 and 3 ms) and the onset
//     strength is the positive change of their logarithms (spectral flux
//     over three bands, the low band weighted up), counted only where a
//     band rises above its highest level of the last 20 ms, so beating
//     partials and tremolo are not onsets. The logarithm's floor
//     sits 30 dB under each band's recent peak, so the flux counts what is
//     loud in the band: a soft off-beat bass counts less than the kick,
//     and the level of the track does not matter. Local maxima over an
//     adaptive threshold are onsets, timed between hops by a parabola
//     through the peak.
//  2. Periodicity, every fourth hop. The onset strength, decimated to 125
//     Hz and with its running mean removed, feeds a leaky autocorrelation
//     (time constant 3 s) over lags up to four beats at 60 BPM. Ten times a
//     second a comb over it (ACF(T) + ACF(2T)/2 + ACF(3T)/3 + ACF(4T)/4,
//     searched in quarter lags) weighted by a broad prior around 125 BPM
//     gives a candidate beat period in 60–200 BPM. The metrical level is
//     then settled by folding the onsets of the last 8 s over the
//     candidate and its 1:2, 2:3, 3:2 and 2:1 relatives: the beat is where
//     the onsets gather at one phase most, and a faster level is taken only
//     when its double period has two equally strong halves (kick and snare,
//     or kick and kick), so off-beat hats and bass do not double the tempo.
//     The candidates go into a tally that decays over 4 s.
//  3. Tracking, per onset. A grid seeded with the candidate period takes
//     the onsets that fall within 12% of a beat of it, each one
//     re-anchoring the grid, so swing, off-beats and broken kicks are
//     passed over and a tempo change is followed beat by beat. The tempo is
//     the weighted least-squares slope of onset time against beat number
//     over the last 16 beats, or over the last 8 where the longer fit bends
//     (a tempo change): with onsets timed to a fraction of a hop this reads
//     to a few hundredths of a BPM from 4 beats. The tally reseeds the grid
//     when the grid has lost the beat, when it holds it poorly and the
//     tally says otherwise, or when a clear tally names another metrical
//     level; a grid that holds the beat well is not moved by a tally near
//     its own tempo, since it follows a change faster than the tally.
//
// Confidence (0..1) is the share of the fit window's beats that had an
// onset, times how straight the fit is, times the square root of how much
// the comb peak stands out of the autocorrelation; it fades while no beat
// arrives.
//
// Counter adds what a DJ does by hand: TAP (the mean interval of up to 8
// taps, shown at once; it also seeds the detector at that tempo, which
// takes over once it reads the same with confidence), a lock that holds
// the reading, and half/double, which move the detector to the other
// octave and keep it there. The engine runs one Counter per strip and one
// on the master and publishes their readings in the MeterFrame.
//
// Package tempotest writes the test tracks the accuracy is measured on.
package tempo
