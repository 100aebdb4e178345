package navemu.api.nav;

/**
 * A port for a host that the URL did not name, and where it came from, so the trace can say.
 *
 * @param port   the port to connect to
 * @param source e.g. {@code lab port map (config/lab/sites.properties)}
 */
public record PortHint(int port, String source) {
}
