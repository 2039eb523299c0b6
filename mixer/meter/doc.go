// Package meter holds the level meters of Linux DJ, each built to its
// broadcast standard: digital peak (IEC 60268-18), true peak (ITU-R BS.1770-4
// Annex 2), VU (IEC 60268-17), PPM Type I and II (IEC 60268-10), the K-system
// (K-20, K-14, K-12), EBU R128 loudness (BS.1770-4 with EBU Tech 3341 and
// 3342: momentary, short-term, integrated, loudness range) and stereo phase
// correlation.
//
// Every meter follows one life cycle, so the engine can own any of them per
// strip and on the master:
//
//   - Prepare(sampleRateHz) runs off the audio thread and allocates all the
//     meter will ever need, for blocks of any length;
//   - Process(...) runs on the audio thread once per period over per-channel
//     float32 slices; it is real-time safe: no allocation, lock, channel
//     operation or system call;
//   - Read() returns a small value of plain numbers, in the unit of the
//     meter's scale, that the engine copies into its MeterFrame; readings
//     that can be missed between two reads are "max since the last Read";
//   - Reset() returns the meter to its state just after Prepare.
//
// Non-finite samples (NaN, ±Inf) are read as silence so that one bad sample
// never poisons a filter or an integrator. Levels of silence read -Inf dB;
// Scale.Deflection maps that to the bottom of the scale.
//
// Each meter type has a Scale (see scale.go) listing the marks the GUI draws
// and mapping a reading to a 0..1 deflection, so marks and bars agree.
package meter
