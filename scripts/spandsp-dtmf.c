/* Reference harness for scripts/compare-spandsp: runs spandsp's DTMF receiver (Debian
 * libspandsp-dev, default parameters) over raw 16-bit 8 kHz PCM files.
 *
 *   spandsp-dtmf FILE...             prints "FILE<TAB>KEYS" per file
 *   spandsp-dtmf --bench SECONDS FILE  prints audio seconds per CPU second on one core
 *   spandsp-dtmf --sndfile FILE      reads any mono 8 kHz file through libsndfile in 8192-sample
 *                                    blocks, as `ivr dtmf decode` does, and prints the keys
 * Audio is fed in 160-sample chunks, as a line would deliver it (--sndfile: whole blocks). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <spandsp.h>
#include <sndfile.h>

static int16_t *read_raw(const char *path, size_t *count) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    fseek(f, 0, SEEK_SET);
    int16_t *samples = malloc(bytes > 0 ? (size_t) bytes : 1);
    *count = fread(samples, sizeof(int16_t), (size_t) bytes / 2, f);
    fclose(f);
    return samples;
}

static char heard[1 << 16];
static size_t heard_len;

static void on_digits(void *user, const char *digits, int len) {
    (void) user;
    for (int i = 0; i < len && heard_len + 1 < sizeof(heard); i++) heard[heard_len++] = digits[i];
    heard[heard_len] = '\0';
}

static void decode(const int16_t *samples, size_t count) {
    dtmf_rx_state_t *rx = dtmf_rx_init(NULL, on_digits, NULL);
    heard_len = 0;
    heard[0] = '\0';
    for (size_t i = 0; i < count; i += 160) {
        size_t n = count - i < 160 ? count - i : 160;
        dtmf_rx(rx, samples + i, (int) n);
    }
    int16_t silence[400] = {0};
    dtmf_rx(rx, silence, 400);
    dtmf_rx_free(rx);
}

static double cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

/* The whole-command reference for `ivr dtmf decode`: open, read in blocks, decode, print. */
static int decode_sndfile(const char *path) {
    SF_INFO info = {0};
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    if (!f) { fprintf(stderr, "%s: %s\n", path, sf_strerror(NULL)); return 1; }
    if (info.channels != 1 || info.samplerate != 8000) { fprintf(stderr, "%s: needs mono 8 kHz\n", path); return 1; }
    dtmf_rx_state_t *rx = dtmf_rx_init(NULL, on_digits, NULL);
    static int16_t block[8192];
    sf_count_t n;
    while ((n = sf_readf_short(f, block, 8192)) > 0) dtmf_rx(rx, block, (int) n);
    int16_t silence[400] = {0};
    dtmf_rx(rx, silence, 400);
    dtmf_rx_free(rx);
    sf_close(f);
    printf("%s\n", heard);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--sndfile") == 0) return decode_sndfile(argv[2]);
    if (argc >= 4 && strcmp(argv[1], "--bench") == 0) {
        double seconds = atof(argv[2]);
        size_t count;
        int16_t *samples = read_raw(argv[3], &count);
        long passes = (long) (seconds * 8000.0 / (double) count + 0.999);
        if (passes < 1) passes = 1;
        double start = cpu_seconds();
        size_t keys = 0;
        for (long p = 0; p < passes; p++) {
            decode(samples, count);
            if (p == 0) keys = heard_len;
        }
        double cpu = cpu_seconds() - start;
        double audio = (double) passes * (double) count / 8000.0;
        printf("spandsp dtmf_rx: %.0f s of audio in %.3f s CPU = %.0f x real time (one core, 160-sample chunks, %zu keys per 10 s pass)\n",
               audio, cpu, audio / cpu, keys);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        size_t count;
        int16_t *samples = read_raw(argv[i], &count);
        decode(samples, count);
        printf("%s\t%s\n", argv[i], heard);
        free(samples);
    }
    return 0;
}
