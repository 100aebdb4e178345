package navemu.shell.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jline.utils.AttributedString;

import com.google.gson.JsonElement;

import navemu.api.Environment;
import navemu.api.Slot;
import navemu.api.lab.LabSites;
import navemu.api.nav.Composition;
import navemu.api.nav.ConnectionReuse;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.NavigationScope;
import navemu.api.nav.RequestOptions;
import navemu.api.nav.Navigator;
import navemu.api.result.NavigationResult;
import navemu.api.tls.KeyLog;
import navemu.api.trace.NavigationListener;
import navemu.api.trace.TraceEvent;
import navemu.shell.ShellServices;
import navemu.shell.navigation.EventRecorder;
import navemu.shell.navigation.NavigationRunner;
import navemu.shell.render.Console;
import navemu.shell.render.HumanRenderer;
import navemu.shell.render.JsonOnlyStdout;
import navemu.shell.render.JsonRenderer;
import navemu.shell.render.ProgressView;

/**
 * What a shell session knows between commands: the services, where output goes, the last
 * navigation (for {@code expect}, {@code trace}, {@code cert}…), the last navigations (for
 * {@code export}, bounded: see {@link ResultHistory}), the key log in force.
 */
public final class Session {
    private final ShellServices services;
    private final Console console;
    /** Under --json, the console whose stdout takes only JSON lines; else null. */
    private final JsonOnlyStdout jsonOut;
    private final boolean json;
    private JsonRenderer.Trace jsonTrace = JsonRenderer.Trace.NONE;
    private final CommandRegistry registry;
    private final NavigationRunner runner = new NavigationRunner();
    /** Made at its first use (--json, expect, export): Gson's hundred-odd classes are not loaded before the prompt. */
    private JsonRenderer jsonRenderer;
    private final ResultHistory history;
    private NavigationResult last;
    private JsonElement lastTree;
    private List<TraceEvent> lastEvents = List.of();
    private KeyLog keyLog = KeyLog.NONE;
    private String keyLogTarget;
    private int replayDepth;
    private CommandLog commandLog;

    public Session(ShellServices services, Console console, boolean json, CommandRegistry registry) {
        this.services = services;
        this.jsonOut = json ? new JsonOnlyStdout(console) : null;
        this.console = json ? jsonOut : console;
        this.json = json;
        this.registry = registry;
        this.history = new ResultHistory(ResultHistory.capacityFrom(services.property(ResultHistory.CAPACITY_PROPERTY)
                .orElse(System.getProperty(ResultHistory.CAPACITY_PROPERTY))));
    }

    public Console console() {
        return console;
    }

    public boolean json() {
        return json;
    }

    /** Whether each --json line carries the navigation's trace ({@code --json --trace [--secrets]}). */
    public void jsonTrace(JsonRenderer.Trace trace) {
        this.jsonTrace = trace == null ? JsonRenderer.Trace.NONE : trace;
    }

    public CommandRegistry registry() {
        return registry;
    }

    public ShellServices services() {
        return services;
    }

    public JsonRenderer jsonRenderer() {
        if (jsonRenderer == null) {
            jsonRenderer = new JsonRenderer();
        }
        return jsonRenderer;
    }

    /** A line about how a command went (expect verdicts, summaries): on stderr under --json, so stdout stays JSON. */
    public void report(AttributedString line) {
        if (json) {
            console.err(line);
        } else {
            console.out(line);
        }
    }

    public void report(String line) {
        report(new AttributedString(line));
    }

    public Navigator navigator() throws CommandException {
        return services.navigator().orElseThrow(() -> new CommandException(
                "no navigator is registered: is the navemu-navigator bundle active? (see 'bundles')"));
    }

    public Composition composition() throws CommandException {
        return services.composition().orElseThrow(() -> new CommandException(
                "no composition is registered: is the navemu-navigator bundle active? (see 'bundles')"));
    }

    public Optional<LabSites> labSites() {
        return services.labSites();
    }

    /** The user's navemu directory ({@code navemu.home}, default {@code ~/.navemu}). */
    public Path home() {
        return services.property(Environment.HOME).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".navemu"));
    }

    /**
     * Runs one navigation with the live view and the recorder attached, and keeps its result as
     * the last one.
     */
    public NavigationResult navigate(String url, Map<Slot, String> overrides) throws CommandException {
        return navigate(url, overrides, RequestOptions.NAVIGATION, null, true, ConnectionReuse.POOLED);
    }

    /** Like {@link #navigate(String, Map)}, its first request shaped by {@code open -X -H -d}. */
    public NavigationResult navigate(String url, Map<Slot, String> overrides, RequestOptions http) throws CommandException {
        return navigate(url, overrides, http, null, true, ConnectionReuse.POOLED);
    }

    /** Like {@link #navigate(String, Map, RequestOptions)}, with connections reused as {@code connections} says. */
    public NavigationResult navigate(String url, Map<Slot, String> overrides, RequestOptions http,
                                     ConnectionReuse connections) throws CommandException {
        return navigate(url, overrides, http, null, true, connections);
    }

    /**
     * As {@link #navigate(String, Map)}, in {@code scope}'s own DNS cache and session store (null:
     * the shared ones) and with connections reused by its own hops only, never by another
     * navigation ({@code compare}'s runs); a navigation not {@code kept} (a warm-up) is neither the
     * last one nor in the history.
     */
    public NavigationResult navigate(String url, Map<Slot, String> overrides, NavigationScope scope, boolean kept)
            throws CommandException {
        return navigate(url, overrides, RequestOptions.NAVIGATION, scope, kept, ConnectionReuse.WITHIN_NAVIGATION);
    }

    private NavigationResult navigate(String url, Map<Slot, String> overrides, RequestOptions http, NavigationScope scope,
                                      boolean kept, ConnectionReuse connections)
            throws CommandException {
        Navigator navigator = navigator();
        EventRecorder recorder = new EventRecorder();
        NavigationListener listener = recorder;
        ProgressView progress = null;
        if (!json && console.live()) {
            ProgressView live = new ProgressView(console);
            progress = live;
            listener = event -> {
                recorder.onEvent(event);
                live.onEvent(event);
            };
        }
        NavigationRequest request = NavigationRequest.of(url).withOverrides(overrides).withListener(listener)
                .withKeyLog(keyLog).withHttp(http).withScope(scope).withConnections(connections);
        NavigationResult result;
        try {
            result = runner.run(navigator, request);
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        if (kept) {
            last = result;
            lastTree = null;
            lastEvents = recorder.events();
            history.add(result, lastEvents);
        }
        return result;
    }

    /**
     * Prints a result: one JSON line under --json (with its trace events after {@code --trace}),
     * the only thing that goes to stdout then; else the human summary.
     */
    public void show(NavigationResult result) {
        if (json) {
            jsonOut.json(jsonRenderer().toLine(result, history.eventsOf(result), jsonTrace));
        } else {
            for (AttributedString line : new HumanRenderer().render(result, console.width())) {
                console.out(line);
            }
        }
    }

    /** Ctrl-C: cancels the navigation in flight, if any. */
    public void interrupt() {
        runner.interrupt();
    }

    public Optional<NavigationResult> last() {
        return Optional.ofNullable(last);
    }

    /** The last result as its JSON tree (what {@code expect} paths walk), built once per navigation. */
    public Optional<JsonElement> lastTree() {
        if (last != null && lastTree == null) {
            lastTree = jsonRenderer().toTree(last);
        }
        return Optional.ofNullable(lastTree);
    }

    public NavigationResult requireLast() throws CommandException {
        if (last == null) {
            throw new CommandException("no navigation yet: run 'open URL' first");
        }
        return last;
    }

    public List<TraceEvent> lastEvents() {
        return lastEvents;
    }

    /** The navigations this session still keeps (the last {@link ResultHistory#capacity()}), oldest first. */
    public List<NavigationResult> results() {
        return history.all();
    }

    /** The bounded history behind {@link #results()}: its capacity and how many it dropped. */
    public ResultHistory history() {
        return history;
    }

    public void keyLog(KeyLog newKeyLog, String target) {
        this.keyLog = newKeyLog == null ? KeyLog.NONE : newKeyLog;
        this.keyLogTarget = target;
    }

    public KeyLog keyLog() {
        return keyLog;
    }

    public Optional<String> keyLogTarget() {
        return Optional.ofNullable(keyLogTarget);
    }

    /** The recorder in force ({@code record FILE}), if any. */
    public Optional<CommandLog> commandLog() {
        return Optional.ofNullable(commandLog);
    }

    public void commandLog(CommandLog log) {
        this.commandLog = log;
    }

    /** Guards against a script that replays itself. */
    public boolean enterReplay() {
        if (replayDepth >= 8) {
            return false;
        }
        replayDepth++;
        return true;
    }

    public void leaveReplay() {
        replayDepth--;
    }
}
