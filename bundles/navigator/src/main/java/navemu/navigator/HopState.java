package navemu.navigator;

import java.util.ArrayList;
import java.util.List;

import navemu.api.nav.RequestOptions;
import navemu.api.result.CertInfo;
import navemu.api.result.Hop;
import navemu.api.result.HttpInfo;
import navemu.api.result.StepResult;
import navemu.api.result.TlsInfo;

/** What one hop found, until it becomes the result or a {@link Hop}. */
final class HopState {
    final TargetUrl url;
    final List<StepResult> steps = new ArrayList<>();
    /** The deadlines counted for this hop; several may be armed at once (the hop's, the response's). */
    final List<Watchdog.Alarm> alarms = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What happened to connections on the way (an idle one found closed, a retry), said by the next step. */
    final List<String> connectionNotes = new ArrayList<>();
    boolean hstsHost;
    boolean internalUpgrade;
    String portSource;
    Integer status;
    TargetUrl next;
    TlsInfo tls;
    CertInfo cert;
    HttpInfo http;
    /** What this hop sends: the user's request, or what a redirect made of it. */
    final RequestOptions request;
    /** How the redirect that led here changed the request, or null. */
    final String requestNote;

    HopState(TargetUrl url, RequestOptions request, String requestNote) {
        this.url = url;
        this.request = request;
        this.requestNote = requestNote;
    }

    /** Hands the notes gathered so far to {@code step}'s trace, once. */
    void sayConnectionNotes(StepRecorder step) {
        connectionNotes.forEach(step::info);
        connectionNotes.clear();
    }

    Hop toHop() {
        Hop hop = new Hop();
        hop.url = url.toString();
        hop.status = status;
        hop.location = next == null ? null : next.toString();
        hop.internal = internalUpgrade;
        hop.steps = steps;
        hop.tls = tls;
        hop.cert = cert;
        hop.http = http;
        return hop;
    }
}
