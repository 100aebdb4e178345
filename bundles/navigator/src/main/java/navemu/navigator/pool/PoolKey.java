package navemu.navigator.pool;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which idle connections a hop may use: Chrome's socket group (scheme, host, port of the URL) plus
 * what makes a connection belong to one setup only. Two requests share a connection only when
 * every slot has the same implementation (so {@code use tls X} or {@code compare}'s other side
 * never gets a connection another setup made) and they run in the same partition: the same
 * navigation scope (a {@code compare} run's own DNS cache and session store) and the same session
 * store object (the prewarm's private slots never hand their connections to the user).
 *
 * @param scheme      {@code http} or {@code https}
 * @param host        the URL's host, as parsed
 * @param port        the URL's port, explicit or the scheme's default (a port from a DNS HTTPS
 *                    record is where the connection went, not part of what was asked)
 * @param composition slot key → implementation name
 * @param partition   objects compared by identity: the scope (or null) and the session store
 */
public record PoolKey(String scheme, String host, int port, Map<String, String> composition, List<Object> partition) {

    public PoolKey {
        composition = Map.copyOf(composition);
        partition = partition.stream().map(Identity::new).collect(Collectors.toUnmodifiableList());
    }

    public static PoolKey of(String scheme, String host, int port, Map<String, String> composition,
                             Object scope, Object sessionStore) {
        return new PoolKey(scheme, host, port, composition, Arrays.asList(scope, sessionStore));
    }

    /** An object compared by identity, whatever its own equals says (two stores with equal contents are two). */
    private record Identity(Object object) {
        Identity {
            if (object instanceof Identity wrapped) {
                object = wrapped.object; // a key copied from another key's partition
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    /** {@code https://www.lab.test:443}: the origin, as the trace names the group. */
    public String origin() {
        return scheme + "://" + host + ":" + port;
    }
}
