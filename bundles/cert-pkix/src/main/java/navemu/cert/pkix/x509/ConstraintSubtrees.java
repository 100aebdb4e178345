package navemu.cert.pkix.x509;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * A CA's nameConstraints extension (RFC 5280 §4.2.1.10), decoded strictly.
 *
 * <p>What is refused, as Chromium's verifier refuses it ({@code NameConstraints::Parse}): an empty
 * NameConstraints (neither subtree list: "Conforming CAs MUST NOT issue certificates where name
 * constraints is an empty sequence"), an empty subtree list ({@code GeneralSubtrees ::= SEQUENCE
 * SIZE (1..MAX)}), a subtree with minimum or maximum (the profile says they are not used), an
 * iPAddress subtree that is not an address and a contiguous mask of 8 or 16 bytes each, and a
 * directoryName that is not a Name. A constraint that cannot be read cannot be respected.
 *
 * @param critical  whether the extension is marked critical: only then do name forms this
 *                  validator does not evaluate constrain the names below (RFC 5280 §4.2.1.10)
 * @param permitted the bases of the permittedSubtrees, empty when absent
 * @param excluded  the bases of the excludedSubtrees, empty when absent
 */
public record ConstraintSubtrees(boolean critical, List<GeneralName> permitted, List<GeneralName> excluded) {

    public ConstraintSubtrees {
        permitted = List.copyOf(permitted);
        excluded = List.copyOf(excluded);
    }

    /** The number of subtrees, permitted and excluded. */
    public int size() {
        return permitted.size() + excluded.size();
    }

    /**
     * Decodes the extension's value (the NameConstraints SEQUENCE).
     *
     * @throws IllegalArgumentException saying what is wrong, when the value breaks the rules above
     */
    public static ConstraintSubtrees decode(ASN1Encodable value, boolean critical) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(value);
        if (sequence.size() == 0) {
            throw new IllegalArgumentException("nameConstraints is empty: neither permitted nor excluded subtrees");
        }
        List<GeneralName> permitted = new ArrayList<>();
        List<GeneralName> excluded = new ArrayList<>();
        int lastTag = -1;
        for (ASN1Encodable element : sequence) {
            if (!(element instanceof ASN1TaggedObject tagged) || tagged.getTagNo() <= lastTag || tagged.getTagNo() > 1) {
                throw new IllegalArgumentException("nameConstraints holds something other than [0] permitted, [1] excluded");
            }
            lastTag = tagged.getTagNo();
            List<GeneralName> into = lastTag == 0 ? permitted : excluded;
            ASN1Sequence subtrees = ASN1Sequence.getInstance(tagged, false);
            if (subtrees.size() == 0) {
                throw new IllegalArgumentException("nameConstraints has an empty " + (lastTag == 0 ? "permitted" : "excluded")
                        + " subtree list");
            }
            for (ASN1Encodable subtree : subtrees) {
                into.add(base(ASN1Sequence.getInstance(subtree)));
            }
        }
        return new ConstraintSubtrees(critical, permitted, excluded);
    }

    private static GeneralName base(ASN1Sequence subtree) {
        if (subtree.size() != 1) {
            throw new IllegalArgumentException("a name constraint subtree has minimum or maximum, which RFC 5280 does not use");
        }
        GeneralName base = GeneralName.getInstance(subtree.getObjectAt(0));
        switch (base.getTagNo()) {
            case GeneralName.iPAddress -> {
                byte[] addressAndMask = ASN1OctetString.getInstance(base.getName()).getOctets();
                if ((addressAndMask.length != 8 && addressAndMask.length != 32)
                        || !contiguousMask(addressAndMask, addressAndMask.length / 2)) {
                    throw new IllegalArgumentException("an iPAddress constraint is not an address and a contiguous mask ("
                            + addressAndMask.length + " bytes)");
                }
            }
            case GeneralName.directoryName -> X500Name.getInstance(base.getName());
            default -> {
                // Other forms are kept as they are; the rules say which ones they evaluate.
            }
        }
        return base;
    }

    /** A mask is ones then zeros (RFC 4632 CIDR): 255.255.0.0, never 255.0.255.0. */
    private static boolean contiguousMask(byte[] addressAndMask, int from) {
        boolean zeroSeen = false;
        for (int i = from; i < addressAndMask.length; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = (addressAndMask[i] >> bit & 1) == 1;
                if (one && zeroSeen) {
                    return false;
                }
                zeroSeen |= !one;
            }
        }
        return true;
    }
}
