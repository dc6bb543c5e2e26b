/// SoundIO: ALSA lines, sound files through libsndfile, resampling through libsamplerate, the prompt library.
///
/// The only module that imports the C audio libraries.
public enum SoundIOModule {}
