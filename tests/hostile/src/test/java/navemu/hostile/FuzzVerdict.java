package navemu.hostile;

/** How one mutated connection ended. Only the first two are allowed. */
enum FuzzVerdict {
    /** Completed and delivered exactly the server's bytes; no authenticated byte had been changed. */
    OK,
    /** Failed as a browser error (a NavigationException, or an IOException reading data) naming what broke. */
    REFUSED,
    /** Failed through a bug of ours: a RuntimeException/Error escaped or was wrapped as internal_error. */
    CRASH,
    /** Did not end within the read timeout plus a margin. */
    HANG,
    /** Completed and delivered data although an authenticated byte was changed, or delivered other bytes. */
    TAMPERED_ACCEPTED
}
