package navemu.tls.tls13ecdhe;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.tls.KeyLog;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.api.trace.StepTrace;
import navemu.tls.core.client.Tls13Client;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * Our TLS 1.3 client against {@code openssl s_server} (ECDSA P-256 leaf, TLS_AES_128_GCM_SHA256,
 * x25519), beside the JDK's client, Bouncy Castle's (bctls, through its JSSE provider) and
 * {@code openssl s_time -new} on the same server, and beside the client's crypto floor.
 *
 * <p>Each handshake is a new TCP connection, ClientHello to the client's Finished, then close;
 * nobody resumes. Every Java client accepts exactly the server's leaf (a pin, no path
 * validation), and {@code s_time} does not verify, so the figures compare the handshakes alone;
 * {@code scripts/bench.sh pkix} measures path validation.
 *
 * <p>The floor is the client's share of a TLS 1.3 handshake's cryptography done with Bouncy
 * Castle's lightweight API and nothing else: an X25519 key pair and agreement, one ECDSA P-256
 * verify (CertificateVerify, with the leaf's key decoded once, as our client's key cache does),
 * the key schedule's 21 HMAC-SHA256 (3 extracts, 6 Derive-Secret, 8 traffic key/IV expansions,
 * 2 finished keys, 2 Finished MACs), the transcript's SHA-256 with 5 snapshots, and AES-128-GCM
 * opening the server's encrypted flight and sealing the client's Finished.
 *
 * <p>Is that floor what our client must do? Not all of it: our client also opens and closes the
 * TCP connection (socket, connect, options, close: mostly kernel time, and the floor makes no
 * system call), encodes and parses every message (SNI and ALPN included), derives one more secret
 * (resumption_master_secret, for tickets) and sends close_notify under a third AES-GCM key. So the
 * benchmark also measures a TCP connect and close alone against the same server and prints our
 * client less that, and the ratios in user-space CPU. And, in a JVM that compiles with C2 as this
 * benchmark's does, our client runs SHA-256, HMAC and AES-GCM on the JDK (the CPU's SHA and AES
 * instructions) where the floor uses Bouncy Castle's portable code; a second floor does its
 * symmetric part the JDK's way, so the ratio to the crypto our client actually runs is printed
 * too. The target stays the first floor's.
 *
 * <p>Printed per client: handshakes per second (wall clock; openssl s_server works on the other
 * core) and CPU per handshake (the client's thread, or for s_time its process's user + system
 * time), and our client's ratios. On a machine shared with other work, the CPU figures move less.
 * Each client is first warmed up for a while (15 s by default) so that the JIT has compiled its
 * hot paths before anything is measured: on a loaded machine the compiler threads get little CPU,
 * and a short warm-up measures the interpreter, not the client.
 * Not a test: {@code scripts/bench.sh client [seconds per run [warm-up seconds per client]]}.
 */
public final class ClientBenchmark {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger BC_LOG = java.util.logging.Logger.getLogger("org.bouncycastle.jsse");
    private static final String SUITE = Tls13CipherSuite.TLS_AES_128_GCM_SHA256.name();

    private ClientBenchmark() {
    }

    /**
     * Handshakes per second, CPU microseconds per handshake, and how much of that CPU was the
     * kernel's (system time: on loopback the sending thread also runs the receiver's TCP stack).
     */
    record Figure(double perSecond, double cpuMicros, double kernelMicros) {
    }

    interface Round {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        BC_LOG.setLevel(java.util.logging.Level.WARNING);
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        double warmUp = args.length > 1 ? Double.parseDouble(args[1]) : 15.0;
        if (OpenSslServer.binary() == null) {
            throw new IllegalStateException("openssl is needed (apt-get install openssl)");
        }
        TestPki pki = TestPki.create(TestPki.KeyType.ECDSA);
        System.out.printf(Locale.ROOT, "TLS 1.3 full handshakes against openssl s_server (%s), ECDSA P-256 leaf, %s, x25519, "
                + "%.1f s per run after %.0f s of warm-up each%n", opensslVersion(), SUITE, seconds, warmUp);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, SUITE, "X25519")) {
            int port = server.port();
            Round ours = ours(pki, port);
            Round jdk = jsse(pki, port, null);
            Round bc = jsse(pki, port, new BouncyCastleJsseProvider());
            Round floor = floor(pki);
            Round floorJdk = floorWithJdkSymmetric(pki);
            Round tcp = tcpAlone(port);
            // Warm every one up (JIT), then measure each twice, in alternating order.
            for (Round round : List.of(ours, jdk, bc, floor, floorJdk, tcp)) {
                measure(round, warmUp);
            }
            Figure o1 = measure(ours, seconds);
            Figure t1 = measure(tcp, seconds);
            Figure j1 = measure(jdk, seconds);
            Figure b1 = measure(bc, seconds);
            Figure f1 = measure(floor, seconds);
            Figure g1 = measure(floorJdk, seconds);
            Figure g2 = measure(floorJdk, seconds);
            Figure f2 = measure(floor, seconds);
            Figure b2 = measure(bc, seconds);
            Figure j2 = measure(jdk, seconds);
            Figure t2 = measure(tcp, seconds);
            Figure o2 = measure(ours, seconds);
            Figure o = mean(o1, o2);
            Figure sTime = sTime(port, seconds * 2);
            Figure floorFigure = mean(f1, f2);
            Figure floorJdkFigure = mean(g1, g2);
            Figure tcpFigure = mean(t1, t2);
            System.out.printf(Locale.ROOT, "%-34s %12s %14s %14s %14s %14s%n", "client", "handshakes/s", "CPU µs each",
                    "ours ÷ it (/s)", "its CPU ÷ ours", "kernel µs each");
            row("tls13-ecdhe (ours)", o, o);
            row("JDK SSLSocket (SunJSSE)", mean(j1, j2), o);
            row("Bouncy Castle (bctls, BCJSSE)", mean(b1, b2), o);
            row("openssl s_time -new", sTime, o);
            System.out.printf(Locale.ROOT, "%-34s %12s %14.1f%n", "crypto floor (Bouncy Castle alone)", "", floorFigure.cpuMicros());
            System.out.printf(Locale.ROOT, "%-34s %12s %14.1f%n", "floor, its SHA/HMAC/AES-GCM the JDK's", "",
                    floorJdkFigure.cpuMicros());
            System.out.printf(Locale.ROOT, "%-34s %12.1f %14.1f %14s %14s %14.1f%n", "TCP connect + close alone", tcpFigure.perSecond(),
                    tcpFigure.cpuMicros(), "", "", tcpFigure.kernelMicros());
            double oursUser = o.cpuMicros() - o.kernelMicros();
            double floorUser = floorFigure.cpuMicros() - floorFigure.kernelMicros();
            double tcpUser = tcpFigure.cpuMicros() - tcpFigure.kernelMicros();
            System.out.printf(Locale.ROOT, "ours ÷ floor: %.2f× in CPU per handshake, %.2f× in wall time per handshake; "
                    + "%.2f× in user-space CPU (the floor makes no system call, the client's sockets do)%n",
                    o.cpuMicros() / floorFigure.cpuMicros(), (1e6 / o.perSecond()) / floorFigure.cpuMicros(), oursUser / floorUser);
            System.out.printf(Locale.ROOT, "ours less TCP connect + close: %.1f µs CPU (%.1f user-space), %.2f× the floor in CPU, "
                    + "%.2f× in user-space CPU; %.2f× the floor with the JDK's symmetric crypto in user-space CPU%n",
                    o.cpuMicros() - tcpFigure.cpuMicros(), oursUser - tcpUser, (o.cpuMicros() - tcpFigure.cpuMicros()) / floorFigure.cpuMicros(),
                    (oursUser - tcpUser) / floorUser,
                    (oursUser - tcpUser) / (floorJdkFigure.cpuMicros() - floorJdkFigure.kernelMicros()));
            System.out.println("(s_time's CPU is its process's user + system time; the others' their handshaking thread's)");
        }
    }

    private static void row(String name, Figure it, Figure ours) {
        System.out.printf(Locale.ROOT, "%-34s %12.1f %14.1f %14.2f %14.2f %14.1f%n", name, it.perSecond(), it.cpuMicros(),
                ours.perSecond() / it.perSecond(), it.cpuMicros() / ours.cpuMicros(), it.kernelMicros());
    }

    private static Figure mean(Figure a, Figure b) {
        return new Figure((a.perSecond() + b.perSecond()) / 2, (a.cpuMicros() + b.cpuMicros()) / 2,
                (a.kernelMicros() + b.kernelMicros()) / 2);
    }

    static Figure measure(Round round, double seconds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long userStart = threads.getCurrentThreadUserTime();
        int n = 0;
        while (System.nanoTime() < end) {
            round.run();
            n++;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long user = threads.getCurrentThreadUserTime() - userStart;
        return new Figure(n / ((System.nanoTime() - start) / 1e9), cpu / 1e3 / n, (cpu - user) / 1e3 / n);
    }

    /** Accepts exactly one leaf, as every client here does: the handshake is measured, not path validation. */
    private static final class PinnedLeaf implements CertificateValidator, X509TrustManager {
        private final byte[] leaf;

        PinnedLeaf(X509Certificate leaf) throws CertificateException {
            this.leaf = leaf.getEncoded();
        }

        @Override
        public CertVerdict validate(navemu.api.cert.ValidationRequest request, StepTrace trace) {
            return Arrays.equals(request.chain().get(0), leaf) ? new CertVerdict(true, null, null, null)
                    : new CertVerdict(false, NetError.ERR_CERT_AUTHORITY_INVALID, "not the pinned leaf", null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (!Arrays.equals(chain[0].getEncoded(), leaf)) {
                throw new CertificateException("not the pinned leaf");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static Round ours(TestPki pki, int port) throws CertificateException {
        Tls13Client client = new Tls13Client(Tls13ClientConfig.defaults().withCipherSuites(Tls13CipherSuite.TLS_AES_128_GCM_SHA256));
        PinnedLeaf pin = new PinnedLeaf(pki.leaf);
        TlsRequest request = new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(10));
        return () -> {
            TlsContext context = new TlsContext(pin, null, Instant.now(), KeyLog.NONE);
            SecureChannel channel = client.handshake(request, SocketConnection.connect(port), context, StepTrace.NONE);
            channel.close();
        };
    }

    /**
     * What our client's round does besides TLS: a TCP connection to the same server, its read
     * timeout set, closed at once (the server sees a client that sent nothing).
     */
    static Round tcpAlone(int port) {
        return () -> {
            SocketConnection connection = SocketConnection.connect(port);
            connection.setReadTimeout(Duration.ofSeconds(10));
            connection.close();
        };
    }

    /** A JSSE client: the JDK's own provider when {@code provider} is null, else that one (Bouncy Castle's). */
    private static Round jsse(TestPki pki, int port, Provider provider) throws Exception {
        SSLContext context = provider == null ? SSLContext.getInstance("TLSv1.3") : SSLContext.getInstance("TLSv1.3", provider);
        context.init(null, new TrustManager[] {new PinnedLeaf(pki.leaf)}, new SecureRandom());
        return () -> {
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(10_000);
                var params = socket.getSSLParameters();
                params.setServerNames(List.of(new javax.net.ssl.SNIHostName(TestPki.HOST)));
                params.setApplicationProtocols(new String[] {"http/1.1"});
                socket.setSSLParameters(params);
                socket.setEnabledProtocols(new String[] {"TLSv1.3"});
                socket.setEnabledCipherSuites(new String[] {SUITE});
                socket.startHandshake();
            }
        };
    }

    /**
     * What both floors start from, made once per benchmark: the server's key share, the leaf's
     * decoded key and a CertificateVerify signature over content of its size, a transcript and an
     * encrypted flight of this handshake's sizes, and the key, nonce and secret they run on.
     */
    record FloorInputs(SecureRandom random, byte[] serverShare, AsymmetricKeyParameter leafKey, byte[] signedContent,
                       byte[] signature, byte[] transcript, byte[] key, byte[] nonce, byte[] sealedFlight, byte[] secret) {

        static FloorInputs of(TestPki pki) throws Exception {
            SecureRandom random = new SecureRandom();
            byte[] serverShare = new X25519PrivateKeyParameters(random).generatePublicKey().getEncoded();
            AsymmetricKeyParameter leafKey = PublicKeyFactory.createKey(pki.leaf.getPublicKey().getEncoded());
            byte[] signedContent = new byte[64 + 34 + 32]; // 64 spaces, the context string and a transcript hash
            byte[] signature = SignatureScheme.ECDSA_SECP256R1_SHA256.sign(
                    PrivateKeyFactory.createKey(pki.leafKeys.getPrivate().getEncoded()), signedContent, random);
            int flight = 6 + 8 + pki.leaf.getEncoded().length + pki.root.getEncoded().length + 14 + signature.length + 8 + 36;
            byte[] key = new byte[16];
            byte[] nonce = new byte[12];
            return new FloorInputs(random, serverShare, leafKey, signedContent, signature, new byte[250 + 90 + flight + 36],
                    key, nonce, seal(key, nonce, new byte[flight + 1]), new byte[32]);
        }

        /** A new X25519 key pair, and its agreement with the server's share: the client's ECDHE. */
        byte[] keyShareAgreement() {
            X25519PrivateKeyParameters mine = new X25519PrivateKeyParameters(random);
            mine.generatePublicKey().getEncoded();
            X25519Agreement agreement = new X25519Agreement();
            agreement.init(mine);
            byte[] shared = new byte[32];
            agreement.calculateAgreement(new X25519PublicKeyParameters(serverShare, 0), shared, 0);
            return shared;
        }

        /** The ECDSA P-256 verify of CertificateVerify, with the leaf's key decoded once. */
        void verifyCertificateVerify() {
            DSADigestSigner verifier = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
            verifier.init(false, leafKey);
            verifier.update(signedContent, 0, signedContent.length);
            if (!verifier.verifySignature(signature)) {
                throw new IllegalStateException("the floor's signature must verify");
            }
        }
    }

    /**
     * The client's cryptography of one full handshake, done with Bouncy Castle alone (see the class
     * comment); message sizes as on the wire here: a 250-byte ClientHello, a 90-byte ServerHello,
     * and the encrypted flight (EncryptedExtensions, the leaf and root certificates, CertificateVerify,
     * Finished).
     */
    static Round floor(TestPki pki) throws Exception {
        FloorInputs in = FloorInputs.of(pki);
        return () -> {
            byte[] shared = in.keyShareAgreement();

            SHA256Digest hash = new SHA256Digest();
            hash.update(in.transcript(), 0, in.transcript().length);
            byte[] snapshot = new byte[32];
            for (int i = 0; i < 5; i++) {
                new SHA256Digest(hash).doFinal(snapshot, 0);
            }

            HMac hmac = new HMac(new SHA256Digest());
            byte[] out = in.secret();
            for (int i = 0; i < 21; i++) {
                hmac.init(new KeyParameter(out));
                hmac.update(shared, 0, shared.length);
                hmac.update(snapshot, 0, snapshot.length);
                out = new byte[32];
                hmac.doFinal(out, 0);
            }

            in.verifyCertificateVerify();

            if (open(in.key(), in.nonce(), in.sealedFlight()) == null) {
                throw new IllegalStateException("the floor's flight must open");
            }
            seal(out, in.nonce(), new byte[37]);
        };
    }

    /**
     * The same floor with its symmetric part done as our client does it, on the JDK (the CPU's SHA
     * and AES instructions): the transcript's SHA-256, the 21 HMAC-SHA256 and AES-128-GCM with
     * SunJCE, one cipher per key; X25519 and the ECDSA verify stay Bouncy Castle's.
     */
    static Round floorWithJdkSymmetric(TestPki pki) throws Exception {
        FloorInputs in = FloorInputs.of(pki);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Mac hmac = Mac.getInstance("HmacSHA256");
        return () -> {
            byte[] shared = in.keyShareAgreement();

            MessageDigest hash = (MessageDigest) sha256.clone();
            hash.update(in.transcript());
            byte[] snapshot = null;
            for (int i = 0; i < 5; i++) {
                snapshot = ((MessageDigest) hash.clone()).digest();
            }

            byte[] out = in.secret();
            for (int i = 0; i < 21; i++) {
                hmac.init(new SecretKeySpec(out, "HmacSHA256"));
                hmac.update(shared);
                hmac.update(snapshot);
                out = hmac.doFinal();
            }

            in.verifyCertificateVerify();

            Cipher opener = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            opener.init(Cipher.DECRYPT_MODE, new SecretKeySpec(in.key(), "AES"), new GCMParameterSpec(128, in.nonce()));
            opener.updateAAD(new byte[5]);
            opener.doFinal(in.sealedFlight()); // throws if the flight does not open
            Cipher sealer = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            sealer.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(out, 0, 16, "AES"), new GCMParameterSpec(128, in.nonce()));
            sealer.updateAAD(new byte[5]);
            sealer.doFinal(new byte[37]);
        };
    }

    private static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) throws Exception {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(true, new AEADParameters(new KeyParameter(Arrays.copyOf(key, 16)), 128, nonce, new byte[5]));
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    private static byte[] open(byte[] key, byte[] nonce, byte[] sealed) throws Exception {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(key), 128, nonce, new byte[5]));
        byte[] out = new byte[gcm.getOutputSize(sealed.length)];
        int n = gcm.processBytes(sealed, 0, sealed.length, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    /**
     * {@code openssl s_time -new} against the same server: its rate in real seconds, and its CPU from
     * bash's {@code times} (the children's user and system time).
     */
    private static Figure sTime(int port, double seconds) throws Exception {
        String command = String.format(Locale.ROOT, "%s s_time -connect 127.0.0.1:%d -new -time %d -ciphersuites %s; times",
                OpenSslServer.binary(), port, Math.max(1, Math.round(seconds)), SUITE);
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        if (!process.waitFor((long) (seconds * 4) + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // "1234 connections in 3 real seconds, 0 bytes read per connection"
        Pattern real = Pattern.compile("(\\d+) connections in (\\d+) real seconds");
        Pattern times = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");
        int connections = -1;
        double realSeconds = 0;
        double cpu = 0;
        for (String line : lines) {
            Matcher m = real.matcher(line);
            if (m.find()) {
                connections = Integer.parseInt(m.group(1));
                realSeconds = Double.parseDouble(m.group(2));
            }
        }
        Matcher children = times.matcher(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        if (connections <= 0 || !children.find()) {
            throw new IllegalStateException("openssl s_time failed: " + String.join("\n", lines));
        }
        cpu = Integer.parseInt(children.group(1)) * 60 + Double.parseDouble(children.group(2))
                + Integer.parseInt(children.group(3)) * 60 + Double.parseDouble(children.group(4));
        double system = Double.parseDouble(children.group(4)) + Integer.parseInt(children.group(3)) * 60;
        return new Figure(connections / realSeconds, cpu * 1e6 / connections, system * 1e6 / connections);
    }

    private static String opensslVersion() throws Exception {
        Process process = new ProcessBuilder(OpenSslServer.binary(), "version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(10, TimeUnit.SECONDS);
        return version;
    }
}
