package navemu.cert.pkix.report;

/**
 * The outcome of one check on one certificate.
 *
 * @param certificate the certificate checked, as {@code leaf CN=www.lab.test} or {@code intermediate #1 CN=…}
 * @param rule        the rule, with the section that states it: {@code validity (RFC 5280 §4.1.2.5)}
 * @param passed      whether the certificate satisfied the rule
 * @param status      for a failure, the kind of problem a browser reports; null when passed
 * @param detail      what was seen, in a few words
 */
public record Finding(String certificate, String rule, boolean passed, CertStatus status, String detail) {

    public static Finding pass(String certificate, String rule, String detail) {
        return new Finding(certificate, rule, true, null, detail);
    }

    public static Finding fail(String certificate, String rule, CertStatus status, String detail) {
        return new Finding(certificate, rule, false, status, detail);
    }

    /** The line shown in {@code cert.checks}. */
    public String checkLine() {
        return certificate + ": " + rule + ": " + (passed ? "ok" : "FAILED " + status.error()) + " (" + detail + ")";
    }

    /** The line shown in {@code cert.problems}. */
    public String problemLine() {
        return certificate + ": " + rule + ": " + detail;
    }

    /** One sentence for the verdict's reason. */
    public String sentence() {
        return "The " + certificate + " failed the " + rule + " check: " + detail + ".";
    }
}
