/* libre (Debian libre-dev 1.1.0) for Swift: the macros its headers need, and static inline
 * wrappers for the variadic functions Swift cannot call, plus small accessors for the structs
 * (struct pl, struct sa) that are awkward from Swift. Only the SIP module imports this. */
#ifndef SWITCHBOARD_CLIBRE_SHIM_H
#define SWITCHBOARD_CLIBRE_SHIM_H

#define HAVE_STDBOOL_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_INET6 1
#ifndef RELEASE
#define RELEASE 1
#endif

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <re.h>

/* --- variadic wrappers --- */

/** sip_transp_add for UDP on `addr`:`port` (no TLS context). */
static inline int sb_transp_add_udp(struct sip *sip, const char *addr, uint16_t port) {
    struct sa laddr;
    int err = sa_set_str(&laddr, addr, port);
    if (err) return err;
    return sip_transp_add(sip, SIP_TRANSP_UDP, &laddr);
}

/** sip_transp_add for TCP on `addr`:`port`. */
static inline int sb_transp_add_tcp(struct sip *sip, const char *addr, uint16_t port) {
    struct sa laddr;
    int err = sa_set_str(&laddr, addr, port);
    if (err) return err;
    return sip_transp_add(sip, SIP_TRANSP_TCP, &laddr);
}

/** sip_treplyf with only Content-Length (a plain reply), optionally a Retry-After header. */
static inline int sb_reply(struct sip *sip, const struct sip_msg *msg, uint16_t scode, const char *reason,
                           uint32_t retryAfter) {
    if (retryAfter > 0)
        return sip_treplyf(NULL, NULL, sip, msg, false, scode, reason,
                           "Retry-After: %u\r\nContent-Length: 0\r\n\r\n", retryAfter);
    return sip_treplyf(NULL, NULL, sip, msg, false, scode, reason, "Content-Length: 0\r\n\r\n");
}

/** 200 OK to OPTIONS: what we allow and accept. */
static inline int sb_reply_options(struct sip *sip, const struct sip_msg *msg) {
    return sip_treplyf(NULL, NULL, sip, msg, false, 200, "OK",
                       "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO\r\n"
                       "Accept: application/sdp\r\n"
                       "Content-Length: 0\r\n\r\n");
}

/** sipsess_accept with a provisional answer (no body yet). */
static inline int sb_sess_accept(struct sipsess **sessp, struct sipsess_sock *sock, const struct sip_msg *msg,
                                 uint16_t scode, const char *reason, const char *cuser,
                                 sipsess_offer_h *offerh, sipsess_answer_h *answerh, sipsess_estab_h *estabh,
                                 sipsess_info_h *infoh, sipsess_close_h *closeh, void *arg) {
    return sipsess_accept(sessp, sock, msg, scode, reason, cuser, "application/sdp", NULL,
                          NULL, NULL, false, offerh, answerh, estabh, infoh, NULL, closeh, arg,
                          "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO\r\n");
}

/** sipsess_connect: an outbound INVITE carrying the SDP offer `desc`, no route set; a 401/407
 * challenge is answered with the credentials `authh` hands back (called with `aarg`, not referenced). */
static inline int sb_sess_connect(struct sipsess **sessp, struct sipsess_sock *sock, const char *to_uri,
                                  const char *from_name, const char *from_uri, const char *cuser, struct mbuf *desc,
                                  sip_auth_h *authh, void *aarg,
                                  sipsess_offer_h *offerh, sipsess_answer_h *answerh, sipsess_progr_h *progrh,
                                  sipsess_estab_h *estabh, sipsess_close_h *closeh, void *arg) {
    return sipsess_connect(sessp, sock, to_uri, from_name, from_uri, cuser, NULL, 0, "application/sdp", desc,
                           authh, aarg, false, offerh, answerh, progrh, estabh, NULL, NULL, closeh, arg,
                           "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO\r\n");
}

/** sipsess_progress without extra headers. */
static inline int sb_sess_progress(struct sipsess *sess, uint16_t scode, const char *reason) {
    return sipsess_progress(sess, scode, reason, NULL, "");
}

/** sipsess_answer with an SDP body. */
static inline int sb_sess_answer(struct sipsess *sess, uint16_t scode, const char *reason, struct mbuf *desc) {
    return sipsess_answer(sess, scode, reason, desc, "");
}

/** sipsess_reject without extra headers. */
static inline int sb_sess_reject(struct sipsess *sess, uint16_t scode, const char *reason) {
    return sipsess_reject(sess, scode, reason, "");
}

/** sdp_format_add without fmtp handlers; `params` may be NULL. */
static inline int sb_format_add(struct sdp_format **fmtp, struct sdp_media *m, const char *id, const char *name,
                                const char *params) {
    if (params)
        return sdp_format_add(fmtp, m, false, id, name, 8000, 1, NULL, NULL, NULL, false, "%s", params);
    return sdp_format_add(fmtp, m, false, id, name, 8000, 1, NULL, NULL, NULL, false, NULL);
}

/* --- accessors --- */

/** Copies `pl` into `buf` (NUL-terminated, truncated to `size`); 0 if absent. */
static inline size_t sb_pl_copy(const struct pl *pl, char *buf, size_t size) {
    if (!buf || size == 0) return 0;
    buf[0] = 0;
    if (!pl || !pl->p || pl->l == 0) return 0;
    size_t n = pl->l < size - 1 ? pl->l : size - 1;
    memcpy(buf, pl->p, n);
    buf[n] = 0;
    return n;
}

/** Whether the request's method is `name`. */
static inline bool sb_msg_is(const struct sip_msg *msg, const char *name) {
    return msg && pl_strcmp(&msg->met, name) == 0;
}

/** The Call-ID. */
static inline size_t sb_msg_callid(const struct sip_msg *msg, char *buf, size_t size) {
    return sb_pl_copy(&msg->callid, buf, size);
}

/** The user part of the From URI. */
static inline size_t sb_msg_from_user(const struct sip_msg *msg, char *buf, size_t size) {
    return sb_pl_copy(&msg->from.uri.user, buf, size);
}

/** The user part of the request URI (the number called). */
static inline size_t sb_msg_ruri_user(const struct sip_msg *msg, char *buf, size_t size) {
    return sb_pl_copy(&msg->uri.user, buf, size);
}

/** The user part of the P-Asserted-Identity URI, if the header is there and parses. */
static inline size_t sb_msg_pai_user(const struct sip_msg *msg, char *buf, size_t size) {
    if (buf && size) buf[0] = 0;
    const struct sip_hdr *hdr = sip_msg_xhdr(msg, "P-Asserted-Identity");
    if (!hdr) return 0;
    struct sip_addr addr;
    if (sip_addr_decode(&addr, &hdr->val)) return 0;
    return sb_pl_copy(&addr.uri.user, buf, size);
}

/** Whether the request has a body. */
static inline bool sb_msg_has_body(const struct sip_msg *msg) {
    return msg && msg->mb && mbuf_get_left(msg->mb) > 0;
}

/** `addr`:`port` as a socket address. */
static inline int sb_sa_set(struct sa *sa, const char *addr, uint16_t port) {
    return sa_set_str(sa, addr, port);
}

/** The port of `sa`. */
static inline uint16_t sb_sa_port(const struct sa *sa) { return sa_port(sa); }

/** `sa` as text (`1.2.3.4:5`). */
static inline void sb_sa_text(const struct sa *sa, char *buf, size_t size) {
    if (re_snprintf(buf, size, "%J", sa) < 0 && size) buf[0] = 0;
}

/** The calling thread's kernel id (for setpriority on one thread; glibc's gettid needs _GNU_SOURCE). */
static inline int sb_thread_id(void) { return (int)syscall(SYS_gettid); }

/** Sends one datagram from `fd` to `dst` (any thread: a plain sendto that never blocks). */
static inline ssize_t sb_sendto(int fd, const struct sa *dst, const uint8_t *buf, size_t len) {
    return sendto(fd, buf, len, MSG_DONTWAIT, &dst->u.sa, dst->len);
}

/** The UDP socket descriptor of an RTP socket. */
static inline int sb_rtp_fd(const struct rtp_sock *rs, const struct sa *local) {
    return udp_sock_fd((const struct udp_sock *)rtp_sock(rs), sa_af(local));
}

/** A fresh copy of the rest of `mb` (for the jitter buffer: nothing shared with libre's buffers). */
static inline struct mbuf *sb_mbuf_copy(const struct mbuf *mb) {
    size_t n = mbuf_get_left(mb);
    struct mbuf *copy = mbuf_alloc(n ? n : 1);
    if (!copy) return NULL;
    if (n) (void)mbuf_write_mem(copy, mbuf_buf(mb), n);
    copy->pos = 0;
    return copy;
}

/** The bytes left in `mb` and where they start. */
static inline size_t sb_mbuf_left(const struct mbuf *mb) { return mbuf_get_left(mb); }
static inline const uint8_t *sb_mbuf_bytes(const struct mbuf *mb) { return mbuf_buf(mb); }

/** A new buffer holding `len` bytes of `bytes`, positioned at its start. */
static inline struct mbuf *sb_mbuf_from(const uint8_t *bytes, size_t len) {
    struct mbuf *mb = mbuf_alloc(len ? len : 1);
    if (!mb) return NULL;
    if (len) (void)mbuf_write_mem(mb, bytes, len);
    mb->pos = 0;
    return mb;
}

/** mem_deref without the return value (Swift warns on unused results). */
static inline void sb_deref(void *p) { (void)mem_deref(p); }

/** The number of remote formats (for diagnostics) and whether `name` was offered. */
static inline bool sb_media_offers(const struct sdp_media *m, const char *name) {
    return sdp_media_rformat(m, name) != NULL;
}

/** The remote payload type of `name` (-1 if not offered). */
static inline int sb_media_rpt(const struct sdp_media *m, const char *name) {
    const struct sdp_format *f = sdp_media_rformat(m, name);
    return f ? f->pt : -1;
}

/** The status code of a response (0 for none). */
static inline uint16_t sb_msg_scode(const struct sip_msg *msg) { return msg ? msg->scode : 0; }

/** The reason phrase of a response. */
static inline size_t sb_msg_reason(const struct sip_msg *msg, char *buf, size_t size) {
    return sb_pl_copy(msg ? &msg->reason : NULL, buf, size);
}

/** REGISTER `aor` (also From and To) at `reg_uri` every `expires` s; credentials come from `authh`. */
static inline int sb_register(struct sipreg **regp, struct sip *sip, const char *reg_uri, const char *aor,
                              uint32_t expires, const char *cuser, sip_auth_h *authh, void *aarg,
                              sip_resp_h *resph, void *arg) {
    return sipreg_register(regp, sip, reg_uri, aor, NULL, aor, expires, cuser, NULL, 0, 0, authh, aarg, false,
                           resph, arg, NULL, NULL);
}

/** A libre-allocated copy of `text` (what the authentication handler hands back). */
static inline int sb_str_dup(char **dst, const char *text) { return str_dup(dst, text); }

#endif
