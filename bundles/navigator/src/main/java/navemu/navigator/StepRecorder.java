package navemu.navigator;

import java.util.LinkedHashMap;
import java.util.Map;

import navemu.api.NetError;
import navemu.api.result.StepResult;
import navemu.api.tcp.Connection;
import navemu.api.trace.NavigationListener;
import navemu.api.trace.NetworkWait;
import navemu.api.trace.StepTrace;
import navemu.api.trace.TraceEvent;
import navemu.api.trace.TraceEvent.Kind;
import navemu.navigator.timing.MeteredConnection;
import navemu.navigator.timing.NetworkClock;
import navemu.navigator.timing.TimeSplit;

/**
 * One step being recorded: the {@link StepTrace} handed to the slot implementation, and the
 * {@link StepResult} it becomes. Emits STEP_START when created and exactly one STEP_END or
 * STEP_ERROR when finished.
 */
final class StepRecorder implements StepTrace {
    private final NavigationListener listener;
    private final String step;
    private final String impl;
    private final long navigationStartNanos;
    private final long startNanos;
    private final Map<String, Object> detail = new LinkedHashMap<>();
    private final NetworkClock network = new NetworkClock();
    private Connection serverSide;
    private long serverAtStart = -1;
    private int roundTrips;
    private boolean finished;

    StepRecorder(NavigationListener listener, String step, String impl, long navigationStartNanos) {
        this.listener = listener;
        this.step = step;
        this.impl = impl == null ? "" : impl;
        this.navigationStartNanos = navigationStartNanos;
        this.startNanos = System.nanoTime();
        emit(Kind.STEP_START, step, "", Map.of(), 0);
    }

    @Override
    public void info(String text) {
        emit(Kind.INFO, "", text, Map.of(), 0);
    }

    @Override
    public void sent(String message, int length, Map<String, String> fields) {
        emit(Kind.SENT, message, message + " (" + length + " bytes)", withLength(fields, length), 0);
    }

    @Override
    public void received(String message, int length, Map<String, String> fields) {
        emit(Kind.RECEIVED, message, message + " (" + length + " bytes)", withLength(fields, length), 0);
    }

    @Override
    public void secret(String label, String hex) {
        emit(Kind.SECRET, label, hex, Map.of(), 0);
    }

    @Override
    public synchronized void roundTrip(String why) {
        roundTrips++;
        emit(Kind.ROUND_TRIP, "rtt", why, Map.of("count", Integer.toString(roundTrips)), 0);
    }

    @Override
    public synchronized void detail(String key, Object value) {
        detail.put(key, value);
    }

    @Override
    public NetworkWait networkWait() {
        return network.begin();
    }

    /**
     * This step reads and writes on {@code connection}: the time blocked there is its network
     * time, and the server's time the connection sees during the step is its server time.
     */
    synchronized void meter(MeteredConnection connection) {
        connection.chargeTo(network);
        serverSide = connection;
        serverAtStart = connection.serverNanos();
    }

    synchronized boolean finished() {
        return finished;
    }

    /** Ends the step well. */
    StepResult succeed() {
        return finish(null, null);
    }

    /** Ends the step with an error. */
    StepResult fail(NetError error, String message) {
        return finish(error, message);
    }

    private synchronized StepResult finish(NetError error, String message) {
        if (finished) {
            throw new IllegalStateException("step " + step + " finished twice");
        }
        finished = true;
        long end = System.nanoTime();
        StepResult result = new StepResult();
        result.step = step;
        result.impl = impl;
        result.startMs = millis(startNanos - navigationStartNanos);
        result.durationMs = millis(end - startNanos);
        result.rtts = roundTrips;
        TimeSplit.fill(result, end - startNanos, network, roundTrips,
                serverSide == null || serverAtStart < 0 ? -1 : serverSide.serverNanos() - serverAtStart);
        result.ok = error == null;
        result.error = error == null ? null : error.name();
        result.detail.putAll(detail);
        if (error == null) {
            emit(Kind.STEP_END, step, "", Map.of("durationMs", format(result.durationMs)), roundTrips);
        } else {
            result.detail.put("message", message);
            emit(Kind.STEP_ERROR, error.name(), message, Map.of("durationMs", format(result.durationMs)), roundTrips);
        }
        return result;
    }

    private void emit(Kind kind, String name, String text, Map<String, String> fields, int rtts) {
        listener.onEvent(new TraceEvent(kind, step, impl, System.nanoTime(), name, text, fields, rtts));
    }

    private static Map<String, String> withLength(Map<String, String> fields, int length) {
        Map<String, String> all = new LinkedHashMap<>();
        if (fields != null) {
            all.putAll(fields);
        }
        all.putIfAbsent("length", Integer.toString(length));
        return all;
    }

    static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    /**
     * {@code ms} (already whole hundredths, see {@link #millis}) as {@code "%.2f"} writes it, without
     * a Formatter: every step's end event carries one, and String.format was the costliest line of
     * a step's bookkeeping.
     */
    static String format(double ms) {
        long hundredths = Math.round(Math.abs(ms) * 100);
        long fraction = hundredths % 100;
        // A sign bit, as Formatter: -0.001 is "-0.00".
        return (Double.doubleToRawLongBits(ms) < 0 ? "-" : "") + hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
