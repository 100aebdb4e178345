package navemu.lab.origin;

import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import navemu.lab.ca.SiteCredential;
import navemu.lab.http.SiteResponder;
import navemu.lab.http2.ApplicationProtocols;
import navemu.lab.site.TlsSpec;

/**
 * HTTPS by Bouncy Castle's (bctls) low-level TLS server: handshake, then HTTP/1.1 inside.
 *
 * <p>The certificate may still be in the making when the first client arrives (a cold start
 * makes an RSA 4096 key, which takes seconds): the handshake then waits for it, up to
 * {@link #CREDENTIAL_WAIT}.
 */
final class BouncyCastleTlsHandler implements ConnectionHandler {

    static final Duration CREDENTIAL_WAIT = Duration.ofSeconds(120);

    private final TlsSpec spec;
    private final Supplier<CompletableFuture<SiteCredential>> pending;
    private final SiteResponder responder;
    private final Clock clock;
    private final SessionCache sessions;
    private volatile Ready ready;

    /**
     * The credential in the forms a handshake needs (the chain encoded once), and the crypto, made
     * once at the first handshake: a lab of some thirty sites that nobody visits costs start-up
     * nothing here.
     */
    private record Ready(BcTlsCrypto crypto, ServerChain chain, AsymmetricKeyParameter privateKey, OcspStaple staple) {
    }

    BouncyCastleTlsHandler(TlsSpec spec, Supplier<CompletableFuture<SiteCredential>> credential, SiteResponder responder, Clock clock) {
        this.spec = spec;
        this.pending = credential;
        this.responder = responder;
        this.clock = clock;
        this.sessions = new SessionCache(clock);
    }

    @Override
    public void handle(Socket socket) throws IOException {
        Ready r = ready();
        TlsServerProtocol protocol = new TlsServerProtocol(socket.getInputStream(), socket.getOutputStream());
        LabTlsServer server = new LabTlsServer(r.crypto(), spec, r.chain(), r.privateKey(), r.staple(), sessions);
        protocol.accept(server);
        try {
            ApplicationProtocols.serve(server.selectedProtocol(), protocol.getInputStream(), protocol.getOutputStream(),
                    responder, server.describe());
        } finally {
            protocol.close(); // close_notify (RFC 8446 §6.1)
        }
    }

    private Ready ready() throws IOException {
        Ready r = ready;
        if (r != null) {
            return r;
        }
        synchronized (this) {
            if (ready == null) {
                SiteCredential credential;
                try {
                    credential = pending.get().get(CREDENTIAL_WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new IOException("the lab CA could not make the certificate of " + spec.names() + ": " + e.getCause(), e);
                } catch (TimeoutException e) {
                    throw new IOException("the certificate of " + spec.names() + " is still being made", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                OcspStaple staple = spec.ocspStaple() == null ? null : new OcspStaple(credential, spec.ocspStaple(), clock);
                BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
                ready = new Ready(crypto, new ServerChain(crypto, credential.chain()), LabTlsServer.keyParameter(credential), staple);
            }
            return ready;
        }
    }
}
