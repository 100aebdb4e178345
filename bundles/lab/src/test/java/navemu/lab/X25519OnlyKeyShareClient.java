package navemu.lab;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Vector;

import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A TLS 1.3 client (Bouncy Castle's client side) whose ClientHello offers x25519 and secp256r1
 * in supported_groups but a key_share for x25519 only — the shape of issue 3's tls13-ecdhe
 * ClientHello. (The JDK's client sends shares for both, so it never meets a HelloRetryRequest.)
 * It does not check the certificate: the test is about key exchange.
 */
final class X25519OnlyKeyShareClient extends DefaultTlsClient {

    private final String host;

    X25519OnlyKeyShareClient(String host) {
        super(new BcTlsCrypto(new SecureRandom()));
        this.host = host;
    }

    /** Handshakes over {@code socket} and returns the open protocol (for application data). */
    static TlsClientProtocol connect(Socket socket, String host) throws IOException {
        TlsClientProtocol protocol = new TlsClientProtocol(socket.getInputStream(), socket.getOutputStream());
        protocol.connect(new X25519OnlyKeyShareClient(host));
        return protocol;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv13.only();
    }

    @Override
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        Vector<Integer> groups = new Vector<>();
        groups.add(NamedGroup.x25519);
        groups.add(NamedGroup.secp256r1);
        return groups;
    }

    @Override
    public Vector getEarlyKeyShareGroups() {
        Vector<Integer> groups = new Vector<>();
        groups.add(NamedGroup.x25519);
        return groups;
    }

    @Override
    protected Vector getSNIServerNames() {
        Vector<ServerName> names = new Vector<>();
        names.add(new ServerName(NameType.host_name, host.getBytes(StandardCharsets.US_ASCII)));
        return names;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new ServerOnlyTlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                // accepted: this client only looks at key exchange
            }
        };
    }
}
