package navemu.api.result;

/** What HSTS did in this navigation. */
public final class HstsInfo {
    /** The URL was upgraded from http:// to https:// before any packet left. */
    public boolean upgraded;
    /** A Strict-Transport-Security header was taken and stored (or removed, max-age=0). */
    public boolean stored;
    /** Null, or the header as received. */
    public String header;
    /** Null, or what was done with the header and why. */
    public String note;
}
