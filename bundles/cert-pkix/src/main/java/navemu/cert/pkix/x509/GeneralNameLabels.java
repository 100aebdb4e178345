package navemu.cert.pkix.x509;

import org.bouncycastle.asn1.x509.GeneralName;

/** A subjectAltName entry other than dNSName and iPAddress, labelled by its type (RFC 5280 §4.2.1.6). */
final class GeneralNameLabels {
    private GeneralNameLabels() {
    }

    static String label(GeneralName name) {
        String type = switch (name.getTagNo()) {
            case GeneralName.otherName -> "otherName";
            case GeneralName.rfc822Name -> "email";
            case GeneralName.x400Address -> "x400Address";
            case GeneralName.directoryName -> "DirName";
            case GeneralName.ediPartyName -> "ediPartyName";
            case GeneralName.uniformResourceIdentifier -> "URI";
            case GeneralName.registeredID -> "RID";
            default -> "tag" + name.getTagNo();
        };
        return type + ":" + name.getName();
    }
}
