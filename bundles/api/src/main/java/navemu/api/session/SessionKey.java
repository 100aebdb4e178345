package navemu.api.session;

/** Where a session may be resumed: only with exactly this host, port and SNI. */
public record SessionKey(String host, int port, String sni) {

    @Override
    public String toString() {
        return host + ":" + port + (sni == null || sni.equals(host) ? "" : " (SNI " + sni + ")");
    }
}
