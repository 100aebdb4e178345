package navemu.cert.jdk;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Map;

/**
 * Checks a stapled OCSP response (RFC 6066 §8, RFC 6960) with the JDK's own revocation checker,
 * and nothing else: the response is handed to the checker keyed by the leaf, so the checker never
 * asks a responder on the network (ONLY_END_ENTITY: the staple speaks for the leaf only;
 * NO_FALLBACK: no CRL download). A checker added this way runs whatever the RevocationEnabled flag says.
 */
final class StapledOcsp {

    private StapledOcsp() {
    }

    static void addChecker(CertPathValidator validator, PKIXParameters parameters, X509Certificate leaf, byte[] stapled) {
        if (present(stapled)) {
            parameters.addCertPathChecker(configure((PKIXRevocationChecker) validator.getRevocationChecker(), leaf, stapled));
        }
    }

    static void addChecker(CertPathBuilder builder, PKIXParameters parameters, X509Certificate leaf, byte[] stapled) {
        if (present(stapled)) {
            parameters.addCertPathChecker(configure((PKIXRevocationChecker) builder.getRevocationChecker(), leaf, stapled));
        }
    }

    private static PKIXRevocationChecker configure(PKIXRevocationChecker checker, X509Certificate leaf, byte[] stapled) {
        checker.setOcspResponses(Map.of(leaf, stapled));
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                PKIXRevocationChecker.Option.NO_FALLBACK));
        return checker;
    }

    static String describe(byte[] stapled) {
        return present(stapled)
                ? "revocation: the server's stapled OCSP response for the leaf was checked by the JDK"
                  + " (PKIXRevocationChecker, nothing fetched): not revoked"
                : "revocation: no stapled OCSP response; nothing is fetched (no OCSP or CRL request), so the"
                  + " leaf's revocation status is unknown";
    }

    private static boolean present(byte[] stapled) {
        return stapled != null && stapled.length > 0;
    }
}
