package navemu.lab;

/** Lets tests in sub-packages use the shared lab of {@link LabFixture}. */
public final class LabFixtureAccess {

    private LabFixtureAccess() {
    }

    public static LabWorld shared() {
        return LabFixture.shared();
    }
}
