// Package dsp holds the mixer's signal-processing building blocks: gain
// ramps, the trapezoidal (TPT) state-variable filter, the Linkwitz–Riley
// isolator EQ built from it, the one-knob DJ filter, the lookahead brickwall
// limiter and the numeric guards (finite checks, denormal flushing).
//
// Every type follows the same shape: a constructor or Init that allocates
// and computes coefficients off the audio thread, a Process method that is
// real-time safe (no allocation, lock, system call or interface boxing) and
// works on float32 blocks in place, and a Reset that clears the state.
//
// # The state-variable filter
//
// SVF is the topology-preserving-transform (trapezoidal, "zero-delay
// feedback") form of the analog state-variable filter. Its state is two
// integrator memories, so its coefficients may change every sample without
// the energy jumps a direct-form biquad shows: a fast cutoff sweep neither
// clicks nor blows up. One tick yields low-pass, band-pass and high-pass at
// once; the all-pass is x − 2k·bp, with k = 1/Q.
//
// # The isolator
//
// Isolator splits a signal into three bands with 6th-order Linkwitz–Riley
// crossovers (LR6, each a 3rd-order Butterworth squared, 36 dB/octave). The
// 4th-order kind (24 dB/octave) leaks about −34 dB of the neighbouring
// bands into the middle of the 250 Hz–2.5 kHz mid band, short of the 40 dB
// a kill must reach; LR6 leaks −54 dB there, and LR8 would cost more
// for depth nobody hears. A 3rd-order Butterworth is a one-pole section
// and a 2-pole section with Q = 1. For odd orders the low-pass and
// high-pass of one crossover differ, not sum, to an all-pass:
// LP6 − HP6 = AP3, with AP3 = B3(−s)/B3(s). That identity runs the whole
// structure:
//
//	low  = LP6(fL, x)            rest = low − AP3(fL, x)     (= HP6(fL, x))
//	m    = LP6(fH, rest)         high = m − AP3(fH, rest)    (= HP6(fH, rest))
//	out  = gLow·AP3(fH, low) − gMid·m + gHigh·high
//
// The low band passes through AP3(fH) so that its phase matches that of the
// other two bands: at unity gains out = AP3(fH, AP3(fL, x)), an all-pass,
// so the magnitude is flat to rounding error. The bilinear transform keeps
// the analog identity exact, because every section of one crossover shares
// the same prewarped cutoff. The all-pass reuses the first one-pole of the
// low-pass cascade (its all-pass is 2·lp − x), so a crossover costs two
// one-pole and three 2-pole ticks, and the isolator twelve (seven 2-pole) per
// sample and side.
//
// # The DJ filter
//
// DJFilter is a low-pass stage and a high-pass stage in series, each a
// resonant TPT SVF with its own state, crossfaded with its input by the
// knob: left of the centre only the low-pass is in, right of it only the
// high-pass, and within ±0.05 of the centre each fades to dry, which at
// the centre is a bit-exact bypass. Because each stage keeps a cutoff that
// is continuous in the knob position, a throw from one side to the other
// never makes one filter jump from 20 kHz to 20 Hz. While the knob moves
// the coefficients follow it every frame.
//
// # The limiter
//
// Limiter is a stereo-linked lookahead brickwall. For each incoming frame it
// computes the gain that would bring that frame to the ceiling, holds the
// minimum over the lookahead window, lets it recover with an exponential
// release, and smooths it with a moving average of the window's length. A
// frame leaves the delay line exactly when every gain in that average was
// computed with the frame in view, so the applied gain is never above the
// one the frame needs: the attack is a smooth ramp that reaches the target
// as the peak arrives. A final clamp removes the last ulp of rounding, so no
// sample ever passes the ceiling.
//
// ProcessKeyed computes the gain from a side-chain key and applies it to
// another signal: the mixer's talkover keys the limiter with the master
// before its duck, so the limiter cannot win back what the duck takes.
//
// # Denormals
//
// Go does not set the CPU's flush-to-zero mode, so filters decaying towards
// silence would reach subnormal numbers and run many times slower. Every
// stateful type flushes its state to zero below 1e-20 (−400 dB) at the end
// of each block.
package dsp
