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
 */
public record TlsSpec(String server, List<String> versions, String answerVersion, List<String> groups,
                      List<String> cipherSuites, CertificateProfile certificate, List<String> names,
                      OcspResponses.Status ocspStaple) {

    public TlsSpec {
        versions = List.copyOf(versions);
        groups = List.copyOf(groups);
        cipherSuites = List.copyOf(cipherSuites);
        names = List.copyOf(names);
    }
}
