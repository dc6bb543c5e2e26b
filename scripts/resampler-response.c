/* Measures libsamplerate's sinc converters on a 48 kHz -> 8 kHz conversion, as SoundIO streams it
 * (src_process in 8192-frame blocks, end_of_input on the last): gain of tones in the passband
 * (300 Hz to 3.4 kHz) and what is left of tones above 4 kHz (they must not fold back into the
 * band), and the CPU time for one hour of mono audio. docs/AUDIO.md quotes its output.
 *
 *   cc -O2 -o /tmp/resampler-response scripts/resampler-response.c -lsamplerate -lm
 *   /tmp/resampler-response [SECONDS]        SECONDS of audio for the speed column (default 3600)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <samplerate.h>

#define IN_RATE 48000
#define OUT_RATE 8000
#define BLOCK 8192

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

/* Converts `seconds` of a sine at `freq` (amplitude 0.5; freq 0: silence) block by block; returns
 * the output RMS over its middle (edges skipped) in dB relative to the input's RMS. */
static double convert(int converter, double freq, double seconds, double *cpu) {
    int error;
    SRC_STATE *state = src_new(converter, 1, &error);
    static float in[BLOCK], out[BLOCK];
    long total = (long) (seconds * IN_RATE), done = 0, produced = 0;
    long skip = OUT_RATE / 10, stop = (long) (seconds * OUT_RATE) - OUT_RATE / 10;
    double sum = 0;
    long counted = 0;
    double start = cpu_seconds();
    while (1) {
        long n = total - done < BLOCK ? total - done : BLOCK;
        for (long i = 0; i < n; i++) in[i] = (float) (0.5 * sin(2 * M_PI * freq * (double) (done + i) / IN_RATE));
        SRC_DATA d = {0};
        d.data_in = in; d.input_frames = n; d.data_out = out; d.output_frames = BLOCK;
        d.src_ratio = (double) OUT_RATE / IN_RATE; d.end_of_input = n < BLOCK;
        do {
            if (src_process(state, &d) != 0) { fprintf(stderr, "src_process failed\n"); exit(1); }
            for (long i = 0; i < d.output_frames_gen; i++, produced++)
                if (produced >= skip && produced < stop) { sum += (double) out[i] * out[i]; counted++; }
            d.data_in += d.input_frames_used; d.input_frames -= d.input_frames_used;
        } while (d.input_frames > 0 || (d.end_of_input && d.output_frames_gen > 0));
        done += n;
        if (n < BLOCK) break;
    }
    *cpu = cpu_seconds() - start;
    src_delete(state);
    double rms = sqrt(sum / (counted ? counted : 1)), reference = 0.5 / sqrt(2);
    return 20 * log10(rms / reference + 1e-12);
}

int main(int argc, char **argv) {
    double speed_seconds = argc > 1 ? atof(argv[1]) : 3600;
    const int converters[] = {SRC_SINC_FASTEST, SRC_SINC_MEDIUM_QUALITY, SRC_SINC_BEST_QUALITY};
    const char *names[] = {"SRC_SINC_FASTEST", "SRC_SINC_MEDIUM_QUALITY", "SRC_SINC_BEST_QUALITY"};
    const double tones[] = {300, 1000, 3000, 3400, 3600, 4600, 6000, 10000};
    printf("| converter |");
    for (int t = 0; t < 8; t++) printf(" %.0f Hz |", tones[t]);
    printf(" CPU s for %.0f s of 48 kHz mono |\n|---|", speed_seconds);
    for (int t = 0; t < 9; t++) printf("---|");
    printf("\n");
    for (int c = 0; c < 3; c++) {
        double cpu;
        printf("| %s |", names[c]);
        for (int t = 0; t < 8; t++) printf(" %.1f dB |", convert(converters[c], tones[t], 2.0, &cpu));
        convert(converters[c], 1000, speed_seconds, &cpu);
        printf(" %.2f |\n", cpu);
    }
    return 0;
}
