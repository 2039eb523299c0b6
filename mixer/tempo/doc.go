// Package tempo counts beats per minute from audio alone, on the audio
// thread: the BPM counter of each channel strip and of the master.
//
// A Detector runs in three stages, all inside Process and all allocation-
// free, with their memory sized by Prepare:
//
//  1. Onsets, per sample. The input (a stereo pair summed to mono) is split
//     by one-pole filters into three bands (below 200 Hz: the kick; 200 Hz
//     to 3 kHz: snare, claps, bass attacks; above 3 kHz: hats). Each band's
//     energy is smoothed over a few milliseconds and read every hop (about
//     2 ms: 500 Hz); the onset strength is the positive change of the
//     bands' log energies (spectral flux over three bands, the low band
//     weighted up), so it does not depend on the level. Local maxima of
//     the onset strength over an adaptive threshold are onsets; their time
//     is refined between hops by a parabola through the peak.
//  2. Periodicity, per hop pair. The onset strength, decimated to 250 Hz
//     and with its running mean removed, feeds a leaky autocorrelation
//     (time constant 3 s) over lags of 0.15 to 2 s: about 480
//     multiply-adds every 4 ms. Ten times a second a comb over it
//     (ACF(T) + ½·ACF(2T)) gives the coarse beat period in 60–200 BPM,
//     weighted by a broad prior around 125 BPM (or around the tempo the
//     user tapped or chose with half/double), which settles the octave.
//  3. Tracking, per onset. A grid seeded with the coarse period collects
//     the onsets that fall within 12% of a beat of it, each one re-anchoring
//     the grid, so swing, off-beat hats and broken kicks are passed over
//     and a tempo change is followed beat by beat. The tempo is the
//     weighted least-squares slope of beat time against beat number over
//     the last 16 beats, or over the last 8 where the longer fit bends
//     (a tempo change): with onsets timed to a fraction of a hop this reads
//     to well under 0.1 BPM from 8 beats. The coarse period reseeds the
//     grid when the grid has lost the beat, or disagrees with it for 5 s.
//
// Confidence (0..1) combines how many beats of the fit window had an onset,
// how straight the fit is, and how much the autocorrelation peak stands out.
//
// Counter adds what a DJ does by hand: TAP (the mean interval of up to 8
// taps; it seeds the tracker and shows at once), a lock that holds the
// reading, and half/double, which move the tracker to the other octave and
// keep it there. All of it is real-time safe, so the engine runs one
// Counter per strip and one on the master inside Engine.Process, and
// publishes the readings in the MeterFrame. Per sample the detector costs
// about 20 floating-point operations; the autocorrelation adds about 2 per
// sample; nothing heavier runs in one period.
package tempo
