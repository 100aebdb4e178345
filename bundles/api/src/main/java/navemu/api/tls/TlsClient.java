package navemu.api.tls;

import org.osgi.annotation.versioning.ConsumerType;

import navemu.api.NavigationException;
import navemu.api.tcp.Connection;
import navemu.api.trace.StepTrace;

/**
 * The {@code tls} slot: a TLS client handshake over a connected byte stream.
 *
 * <p>Contract: the implementation sends the ClientHello with SNI = {@link TlsRequest#host()},
 * hands the server's certificate chain to {@link TlsContext#validator()} and aborts (with the
 * right alert) when the verdict rejects it, asks and feeds {@link TlsContext#sessions()} for
 * resumption, reports every message and derived secret to {@code trace}, and counts the round
 * trips (flights) it waits for. Every read has a timeout. A failure is a
 * {@link NavigationException} with a browser error code; a certificate rejection carries the
 * cert slot's code.
 */
@ConsumerType
public interface TlsClient {

    SecureChannel handshake(TlsRequest request, Connection connection, TlsContext context, StepTrace trace)
            throws NavigationException;
}
