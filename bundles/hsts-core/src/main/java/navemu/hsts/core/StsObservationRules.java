package navemu.hsts.core;

import navemu.api.hsts.HstsObservation;

/**
 * RFC 6797 §8.1, "Strict-Transport-Security Response Header Field Processing": which headers of a
 * response a user agent takes, in the order a browser checks them.
 *
 * <ol>
 * <li>Over insecure transport, every STS header is ignored (§8.1, and §7.2: a server must not send
 *     one over http:// — a man in the middle could forge or strip it).</li>
 * <li>Over secure transport with a certificate error or warning, ignored too (§8.1, §8.4): a
 *     policy learnt from a connection the user clicked through would be the attacker's.</li>
 * <li>An IP-literal host is never noted as a Known HSTS Host (§8.1).</li>
 * <li>When several STS headers arrive, only the first is processed (§8.1); if it is invalid, the
 *     response sets nothing, even when a later one is valid.</li>
 * <li>A header that does not conform to §6.1 is ignored (§6.1 rule 4).</li>
 * <li>max-age=0 removes the host (§6.1.1); any other value notes or updates it (§8.1.1).</li>
 * </ol>
 *
 * <p>Pure: it only reads the observation.
 */
public final class StsObservationRules {

    private StsObservationRules() {
    }

    /** The decision for one response's headers. */
    public static StsDecision decide(HstsObservation observation) {
        if (observation.headerValues().isEmpty()) {
            return new StsDecision.Ignore("no Strict-Transport-Security header");
        }
        int count = observation.headerValues().size();
        String headerWord = count == 1 ? "header" : count + " headers";
        if (!observation.secure()) {
            return new StsDecision.Ignore("ignored: " + headerWord
                    + " received over http:// (RFC 6797 §8.1: only secure transport may set HSTS)");
        }
        if (!observation.certificateOk()) {
            return new StsDecision.Ignore("ignored: the connection had a certificate error"
                    + " (RFC 6797 §8.1, §8.4: only an error-free secure transport may set HSTS)");
        }
        if (HstsHost.isIpLiteral(observation.host())) {
            return new StsDecision.Ignore("ignored: " + observation.host()
                    + " is an IP literal (RFC 6797 §8.1: never a Known HSTS Host)");
        }
        String host;
        try {
            host = HstsHost.normalise(observation.host());
        } catch (IllegalArgumentException e) {
            return new StsDecision.Ignore("ignored: " + e.getMessage());
        }
        String caveat = count == 1 ? ""
                : " (first of " + count + " headers; the others ignored, RFC 6797 §8.1)";
        StsParseResult parsed = StsHeaderParser.parse(observation.headerValues().get(0));
        if (parsed instanceof StsParseResult.Invalid invalid) {
            return new StsDecision.Ignore("ignored: invalid header: " + invalid.reason() + caveat);
        }
        StsDirectives directives = ((StsParseResult.Valid) parsed).directives();
        if (directives.maxAge().isZero()) {
            return new StsDecision.Forget(host, caveat);
        }
        return new StsDecision.Remember(host, directives, caveat);
    }
}
