package navemu.api.cert;

import navemu.api.NetError;
import navemu.api.result.CertInfo;

/**
 * A validator's decision.
 *
 * @param accepted true when the handshake may go on
 * @param error    the browser error code of the first problem, or null when there was none
 *                 (a lenient validator accepts and still names it)
 * @param reason   one sentence naming the certificate and the check, or null
 * @param info     the full explanation for the result: chain, checks, problems
 */
public record CertVerdict(boolean accepted, NetError error, String reason, CertInfo info) {

    /**
     * True when the chain was accepted with nothing let through: no error, no problem listed, and
     * not accepted only by leniency. Only such a verdict may make a resumable session.
     */
    public boolean withoutProblems() {
        return accepted && error == null && (info == null || (info.problems.isEmpty() && !info.lenient));
    }
}
