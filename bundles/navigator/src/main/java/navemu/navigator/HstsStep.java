package navemu.navigator;

import java.util.Optional;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.Slot;
import navemu.api.hsts.HstsPolicy;

/**
 * RFC 6797 §8.3: an http:// URL for a known HSTS host becomes https:// before any packet leaves
 * (the browser's internal 307).
 */
final class HstsStep {
    private final RunContext run;

    HstsStep(RunContext run) {
        this.run = run;
    }

    /** Returns true when the hop ended as the internal upgrade. */
    boolean upgrade(HopState hop) throws NavigationException {
        StepRecorder step = run.step("hsts", run.slots().names().get(Slot.HSTS));
        Optional<HstsPolicy> policy;
        try {
            policy = hop.url.hostIsIpLiteral() ? Optional.empty() : run.slots().hsts().lookup(hop.url.host(), run.now());
        } catch (RuntimeException e) {
            hop.steps.add(step.fail(NetError.ERR_FAILED, "hsts lookup failed: " + e));
            throw new NavigationException(NetError.ERR_FAILED, "hsts lookup failed: " + e);
        }
        hop.hstsHost = policy.isPresent();
        policy.ifPresent(p -> step.detail("policy", p.host() + (p.includeSubDomains() ? " (includeSubDomains)" : "")
                + ", " + p.source() + ", expires " + p.expires()));
        if (policy.isPresent() && !hop.url.secure()) {
            TargetUrl upgraded = hop.url.upgradedToHttps();
            step.info("HSTS: " + hop.url.host() + " is a known HSTS host; upgrading to " + upgraded
                    + " before any request is sent (internal 307)");
            step.detail("upgraded", upgraded.toString());
            hop.steps.add(step.succeed());
            hop.internalUpgrade = true;
            hop.status = 307;
            hop.next = upgraded;
            run.result().hsts.upgraded = true;
            return true;
        }
        step.detail("known", policy.isPresent());
        step.info(policy.isPresent() ? "HSTS host: only https:// is allowed, certificate errors cannot be bypassed"
                : "no HSTS entry for " + hop.url.host());
        hop.steps.add(step.succeed());
        return false;
    }
}
