package navemu.shell.render;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import navemu.api.result.CertInfo;
import navemu.api.result.CertificateSummary;

/** The certificate chain as a browser's certificate viewer shows it, leaf first, then the verdict. */
public final class CertRenderer {

    public List<AttributedString> render(CertInfo cert) {
        List<AttributedString> lines = new ArrayList<>();
        if (cert.chain.isEmpty()) {
            lines.add(new AttributedString("the validator recorded no chain; leaf: " + cert.subject + " issued by " + cert.issuer));
        }
        for (int i = 0; i < cert.chain.size(); i++) {
            CertificateSummary c = cert.chain.get(i);
            String role = i == 0 ? "leaf" : c.trustAnchor() ? "trust anchor" : "intermediate";
            lines.add(new AttributedStringBuilder().style(Style.HEADING).append("certificate " + i + " (" + role + ")")
                    .style(Style.PLAIN).toAttributedString());
            lines.add(field("subject", c.subject()));
            lines.add(field("issuer", c.issuer()));
            if (c.san() != null && !c.san().isEmpty()) {
                lines.add(field("SANs", String.join(", ", c.san())));
            }
            lines.add(field("validity", c.notBefore() + " → " + c.notAfter()));
            lines.add(field("key", c.keyType() + (c.keyBits() > 0 ? " " + c.keyBits() + " bits" : "")));
            lines.add(field("signature", c.signatureAlgorithm()));
            lines.add(field("SHA-256", colonHex(c.sha256())));
        }
        AttributedStringBuilder verdict = new AttributedStringBuilder().style(Style.HEADING).append("verdict  ");
        if (cert.valid && !cert.lenient) {
            verdict.style(Style.GOOD).append(Style.TICK + " valid for this host");
        } else if (cert.valid) {
            verdict.style(Style.CHANGED).append("accepted only because the validator is lenient");
        } else {
            verdict.style(Style.BAD).append(Style.CROSS + " " + (cert.error == null ? "invalid" : cert.error));
        }
        verdict.style(Style.PLAIN).append(cert.validator == null ? "" : "  (" + cert.validator + ")");
        lines.add(verdict.toAttributedString());
        for (String problem : cert.problems) {
            lines.add(new AttributedString("  " + Style.CROSS + " " + problem, Style.BAD));
        }
        for (String check : cert.checks) {
            lines.add(new AttributedString("  · " + check, Style.DIM));
        }
        return lines;
    }

    private static AttributedString field(String name, String value) {
        return new AttributedStringBuilder().append("  ").style(Style.DIM).append(StepRow.pad(name, 10))
                .style(Style.PLAIN).append(String.valueOf(value)).toAttributedString();
    }

    /** {@code AB:CD:…}, the way certificate viewers print fingerprints. */
    static String colonHex(String hex) {
        if (hex == null || hex.contains(":")) {
            return String.valueOf(hex);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < hex.length(); i += 2) {
            text.append(text.length() == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return text.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
