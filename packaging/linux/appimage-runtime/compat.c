/* Fallbacks for squashfuse releases older than Debian 12's 0.1.105 (Ubuntu 22.04's, for one), whose
 * libsquashfuse_ll lacks the idle-timeout helpers. runtime.c only calls them with a timeout it never sets, so
 * doing nothing is right; where the library has them, its strong definitions win over these weak ones. */
struct fuse_session;

__attribute__((weak)) void setup_idle_timeout(struct fuse_session *se, unsigned int timeout_secs) {
    (void)se;
    (void)timeout_secs;
}

__attribute__((weak)) void teardown_idle_timeout(void) {}
