package navemu.lab.site;

import java.util.List;

import navemu.lab.ca.CertificateProfile;
import navemu.lab.ca.OcspResponses;

/**
 * How a site's TLS server is set up.
 *
 * @param server        which TLS stack serves it ({@code bouncycastle}, {@code jdk} or {@code boringssl})
 * @param versions      the versions the server supports, e.g. {@code TLSv1.3, TLSv1.2}
 * @param answerVersion when set, the version the server always answers with even though it
 *                      supports a later one (a downgrade, marked in ServerHello.random by RFC 8446 §4.1.3)
 * @param groups        key exchange groups the server accepts (names as in the IANA registry); empty: the stack's defaults
 * @param cipherSuites  IANA cipher suite names; empty: the lab's defaults
 * @param certificate   how its certificate is made
 * @param names         the certificate's subjectAltName dNSNames
 * @param ocspStaple    the OCSP status the server staples, or null for none
 * @param alpn          the application protocols (RFC 7301) the server selects from, in its order of
 *                      preference: {@code h2} and/or {@code http/1.1}
 */
public record TlsSpec(String server, List<String> versions, String answerVersion, List<String> groups,
                      List<String> cipherSuites, CertificateProfile certificate, List<String> names,
                      OcspResponses.Status ocspStaple, List<String> alpn) {

    /** Protocols a site speaks when sites.conf does not say: HTTP/1.1 only. */
    public static final List<String> HTTP11_ONLY = List.of("http/1.1");
    /** What BoringSSL sites speak by default, as Google's servers: HTTP/2 first. */
    public static final List<String> H2_FIRST = List.of("h2", "http/1.1");

    public TlsSpec {
        versions = List.copyOf(versions);
        groups = List.copyOf(groups);
        cipherSuites = List.copyOf(cipherSuites);
        names = List.copyOf(names);
        alpn = List.copyOf(alpn);
    }

    /** A server that speaks HTTP/1.1 only. */
    public TlsSpec(String server, List<String> versions, String answerVersion, List<String> groups,
                   List<String> cipherSuites, CertificateProfile certificate, List<String> names,
                   OcspResponses.Status ocspStaple) {
        this(server, versions, answerVersion, groups, cipherSuites, certificate, names, ocspStaple, HTTP11_ONLY);
    }
}
