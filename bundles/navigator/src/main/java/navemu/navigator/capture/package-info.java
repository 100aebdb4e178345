/**
 * The wire capture: every byte a navigation's connections sent and received, with when, kept so
 * that the shell can write it as a packet capture ({@code export pcap}). The navigator decorates
 * the {@code tcp} slot of each navigation's snapshot ({@link navemu.navigator.capture.CapturingConnector}),
 * so the capture sees exactly the bytes the TLS slot and the HTTP client saw; the key-log lines
 * of the same navigation are kept beside them, for the file's decryption secrets.
 *
 * <p>Bounded: {@link navemu.navigator.capture.NavigationCapture#DEFAULT_BYTE_LIMIT} bytes per
 * navigation (the rest is counted, not kept, and the capture says it was cut), and the captures of
 * the last few navigations only ({@link navemu.navigator.capture.CaptureHistory}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package navemu.navigator.capture;
