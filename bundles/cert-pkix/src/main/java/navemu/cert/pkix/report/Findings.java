package navemu.cert.pkix.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The findings of a run of checks, in the order they ran. */
public final class Findings {
    private final List<Finding> all = new ArrayList<>();

    public void pass(String certificate, String rule, String detail) {
        all.add(Finding.pass(certificate, rule, detail));
    }

    public void fail(String certificate, String rule, CertStatus status, String detail) {
        all.add(Finding.fail(certificate, rule, status, detail));
    }

    public void addAll(Findings other) {
        all.addAll(other.all);
    }

    public List<Finding> all() {
        return List.copyOf(all);
    }

    public List<Finding> failures() {
        return all.stream().filter(f -> !f.passed()).toList();
    }

    public boolean hasFailures() {
        return all.stream().anyMatch(f -> !f.passed());
    }

    public Set<CertStatus> statuses() {
        Set<CertStatus> statuses = EnumSet.noneOf(CertStatus.class);
        for (Finding f : all) {
            if (!f.passed()) {
                statuses.add(f.status());
            }
        }
        return statuses;
    }

    /** The first failure with this status, or null. */
    public Finding firstWith(CertStatus status) {
        for (Finding f : all) {
            if (!f.passed() && f.status() == status) {
                return f;
            }
        }
        return null;
    }
}
