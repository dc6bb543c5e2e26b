/* Reference harness for scripts/compare-echo: runs spandsp's line echo canceller (Debian
 * libspandsp-dev) over raw 16-bit 8 kHz PCM files.
 *
 *   spandsp-echo TAPS PLAYED CAPTURED OUT   writes CAPTURED with the echo of PLAYED removed
 * Adaptation only (no NLP, comfort noise or clipping), so its linear ERLE compares with ours. */
#include <stdio.h>
#include <stdlib.h>
#include <spandsp.h>

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

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: spandsp-echo TAPS PLAYED CAPTURED OUT\n"); return 2; }
    size_t played_count, captured_count;
    int16_t *played = read_raw(argv[2], &played_count);
    int16_t *captured = read_raw(argv[3], &captured_count);
    size_t count = played_count < captured_count ? played_count : captured_count;
    echo_can_state_t *ec = echo_can_init(atoi(argv[1]), ECHO_CAN_USE_ADAPTION);
    int16_t *out = malloc(count * sizeof(int16_t) + 1);
    for (size_t i = 0; i < count; i++) out[i] = echo_can_update(ec, played[i], captured[i]);
    echo_can_free(ec);
    FILE *f = fopen(argv[4], "wb");
    if (!f) { perror(argv[4]); return 1; }
    fwrite(out, sizeof(int16_t), count, f);
    fclose(f);
    return 0;
}
