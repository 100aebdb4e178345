package navemu.tls.core.crypto;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The server's side of an X25519MLKEM768 key share done by Bouncy Castle's TLS code, run by
 * {@link X25519MlKem768InteropTest} in its own JVM with Bouncy Castle 1.82 (the project's 1.80
 * does not know the group). Reads the client's share as one hex line on stdin and prints the
 * server's share and the shared secret, one hex line each, exactly as BC's TLS 1.3 server makes
 * them ({@code TlsUtils.createKeyShare}, the method its ServerHello code calls, is not public,
 * hence the reflection).
 */
public final class BcHybridServerShare {

    private BcHybridServerShare() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        byte[] clientShare = HexFormat.of().parseHex(in.readLine().trim());
        TlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        Method createKeyShare = Class.forName("org.bouncycastle.tls.TlsUtils")
                .getDeclaredMethod("createKeyShare", TlsCrypto.class, int.class, boolean.class);
        createKeyShare.setAccessible(true);
        TlsAgreement server = (TlsAgreement) createKeyShare.invoke(null, crypto, X25519MlKem768KeyExchange.CODE, true);
        server.receivePeerValue(clientShare);
        byte[] serverShare = server.generateEphemeral();
        byte[] secret = server.calculateSecret().extract();
        System.out.println(HexFormat.of().formatHex(serverShare));
        System.out.println(HexFormat.of().formatHex(secret));
    }
}
