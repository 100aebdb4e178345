package navemu.lab;

import java.nio.file.Path;

import javax.net.ssl.SSLSocket;

/**
 * A JVM that starts a lab, has early.lab.test start its openssl s_server child, prints the
 * child's process ID and exits without closing the lab: only the JVM shutdown hook can end the
 * child then. Run by {@code EarlyDataSiteTest}. Arguments: the navemu home, the config directory.
 */
public final class LabThatExitsWithoutClosing {

    private LabThatExitsWithoutClosing() {
    }

    public static void main(String[] args) throws Exception {
        LabWorld lab = LabWorld.start(Path.of(args[0]), Path.of(args[1]));
        String host = "early.lab.test";
        try (SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), host, lab.port(host))) {
            HttpReply.get(socket.getInputStream(), socket.getOutputStream(), host, "/", true);
        }
        System.out.println("s_server pid " + lab.childProcess(host).orElseThrow());
        System.out.flush();
        System.exit(0);
    }
}
