package navemu.tls.core.keyschedule;

import navemu.tls.core.crypto.Hkdf;

/** The last rung (RFC 8446 §7.1): application traffic, exporters and resumption. */
public final class MasterSecret {
    private final Hkdf hkdf;
    private final byte[] secret;

    MasterSecret(Hkdf hkdf, byte[] secret) {
        this.hkdf = hkdf;
        this.secret = secret;
    }

    public byte[] secret() {
        return secret.clone();
    }

    /** client_application_traffic_secret_0 = Derive-Secret(., "c ap traffic", ClientHello...server Finished). */
    public TrafficSecret clientApplicationTrafficSecret(byte[] serverFinishedHash) {
        return new TrafficSecret(hkdf, hkdf.deriveSecret(secret, "c ap traffic", serverFinishedHash), "c ap traffic");
    }

    /** server_application_traffic_secret_0 = Derive-Secret(., "s ap traffic", ClientHello...server Finished). */
    public TrafficSecret serverApplicationTrafficSecret(byte[] serverFinishedHash) {
        return new TrafficSecret(hkdf, hkdf.deriveSecret(secret, "s ap traffic", serverFinishedHash), "s ap traffic");
    }

    /** exporter_master_secret = Derive-Secret(., "exp master", ClientHello...server Finished). */
    public byte[] exporterMasterSecret(byte[] serverFinishedHash) {
        return hkdf.deriveSecret(secret, "exp master", serverFinishedHash);
    }

    /** resumption_master_secret = Derive-Secret(., "res master", ClientHello...client Finished). */
    public ResumptionMasterSecret resumptionMasterSecret(byte[] clientFinishedHash) {
        return new ResumptionMasterSecret(hkdf, hkdf.deriveSecret(secret, "res master", clientFinishedHash));
    }
}
