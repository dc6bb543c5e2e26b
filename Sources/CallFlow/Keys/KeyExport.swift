/// The keypad key is Telephony's ``DTMFKey``: one type from the receiver to the interpreter.
/// Re-exported alone, so code that drives flows sees it without importing the DSP module.
@_exported import enum Telephony.DTMFKey
