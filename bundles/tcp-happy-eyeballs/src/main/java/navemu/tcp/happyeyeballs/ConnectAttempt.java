package navemu.tcp.happyeyeballs;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import navemu.api.NetError;
import navemu.tcp.core.DirectSocket;

/**
 * One connection attempt of the race, on its own thread: a blocking connect bounded by the
 * timeout. The first attempt to connect claims the win; a later success closes its socket at once.
 */
final class ConnectAttempt implements Runnable {

    /** How an attempt ended. {@code socket} is set only for the winner. */
    record Outcome(ConnectAttempt attempt, Socket socket, NetError error, String why, long endNanos) {
        boolean won() {
            return socket != null;
        }
    }

    final int number;
    final InetSocketAddress remote;
    final long startNanos;
    private final int timeoutMillis;
    private final AtomicBoolean decided;
    private final BlockingQueue<Outcome> outcomes;
    private final Socket socket = DirectSocket.create();

    ConnectAttempt(int number, InetSocketAddress remote, int timeoutMillis, AtomicBoolean decided,
                   BlockingQueue<Outcome> outcomes) {
        this.number = number;
        this.remote = remote;
        this.timeoutMillis = timeoutMillis;
        this.decided = decided;
        this.outcomes = outcomes;
        this.startNanos = System.nanoTime();
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            socket.connect(remote, timeoutMillis);
            if (decided.compareAndSet(false, true)) {
                outcomes.add(new Outcome(this, socket, null, "connected", System.nanoTime()));
            } else {
                // Another attempt won already (RFC 8305 §5: the others are cancelled).
                cancel();
                outcomes.add(new Outcome(this, null, NetError.ERR_ABORTED, "connected after another attempt won;"
                        + " closed", System.nanoTime()));
            }
        } catch (IOException e) {
            cancel();
            outcomes.add(new Outcome(this, null, classify(e), String.valueOf(e.getMessage()), System.nanoTime()));
        }
    }

    /** Aborts a connect in progress (the blocked thread gets "Socket closed") or closes a loser. */
    void cancel() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    String describe() {
        String host = remote.getAddress().getHostAddress();
        return (remote.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + remote.getPort();
    }

    static NetError classify(IOException failure) {
        if (failure instanceof SocketTimeoutException) {
            return NetError.ERR_CONNECTION_TIMED_OUT;
        }
        if (failure instanceof NoRouteToHostException) {
            return NetError.ERR_ADDRESS_UNREACHABLE;
        }
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("unreachable") || message.contains("no route")
                || message.contains("cannot assign requested address")) {
            return NetError.ERR_ADDRESS_UNREACHABLE;
        }
        if (message.contains("socket closed")) {
            return NetError.ERR_ABORTED;
        }
        if (failure instanceof ConnectException || message.contains("refused")) {
            return NetError.ERR_CONNECTION_REFUSED;
        }
        return NetError.ERR_CONNECTION_FAILED;
    }
}
