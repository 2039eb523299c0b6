package recorder

// QuantizePCM24 exposes the 24-bit quantiser to the tests, which predict
// what a PCM or FLAC file must read back as.
var QuantizePCM24 = quantizePCM24

// WAVHeaderBytes is the size of the header the recorder writes.
const WAVHeaderBytes = wavHeaderBytes

// WAVDataSizeOffset is where the header's 32-bit data size sits.
const WAVDataSizeOffset = wavHeaderBytes - 4
