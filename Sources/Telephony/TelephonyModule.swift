/// Telephony: pure signal processing for phone audio (DTMF, tones, G.711, levels, silence).
///
/// Imports Foundation only. Works on 16-bit PCM at 8 kHz unless a type says otherwise.
public enum TelephonyModule {}
