package navemu.shell.command;

import java.util.ArrayDeque;
import java.util.List;

import navemu.api.result.NavigationResult;
import navemu.api.trace.TraceEvent;

/**
 * The navigations a shell session keeps for {@code export json|har}: the last
 * {@link #capacity()} of them, oldest first. A script that navigates thousands of times must not
 * keep every result (each holds its certificates, headers and trace events) for as long as the shell
 * runs, so the oldest is dropped once the history is full; {@link #dropped()} says how many were.
 */
public final class ResultHistory {
    /** How many results a session keeps unless {@value #CAPACITY_PROPERTY} says otherwise. */
    public static final int DEFAULT_CAPACITY = 200;

    /** The framework property (or {@code -D} system property) that sets the capacity. */
    public static final String CAPACITY_PROPERTY = "navemu.shell.history";

    private final int capacity;
    private final ArrayDeque<Entry> results;
    private long dropped;

    public ResultHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the history keeps at least one result, not " + capacity);
        }
        this.capacity = capacity;
        this.results = new ArrayDeque<>(Math.min(capacity, 256));
    }

    /**
     * The capacity a property value asks for: a positive integer, else (absent or unreadable)
     * the default, since a typo in a property must not stop the shell.
     */
    public static int capacityFrom(String property) {
        if (property == null) {
            return DEFAULT_CAPACITY;
        }
        try {
            int asked = Integer.parseInt(property.trim());
            return asked >= 1 ? asked : DEFAULT_CAPACITY;
        } catch (NumberFormatException e) {
            return DEFAULT_CAPACITY;
        }
    }

    /** A navigation kept: its result and the events it reported (for {@code export json --trace}). */
    public record Entry(NavigationResult result, List<TraceEvent> events) {
        public Entry {
            events = List.copyOf(events);
        }
    }

    public void add(NavigationResult result) {
        add(result, List.of());
    }

    public void add(NavigationResult result, List<TraceEvent> events) {
        if (results.size() == capacity) {
            results.removeFirst();
            dropped++;
        }
        results.addLast(new Entry(result, events));
    }

    /** The results kept, oldest first (a copy). */
    public List<NavigationResult> all() {
        return results.stream().map(Entry::result).toList();
    }

    /** The results kept with their events, oldest first (a copy). */
    public List<Entry> entries() {
        return List.copyOf(results);
    }

    /** The events kept for this very result (the same object), newest first; empty when it is no longer kept. */
    public List<TraceEvent> eventsOf(NavigationResult result) {
        var newestFirst = results.descendingIterator();
        while (newestFirst.hasNext()) {
            Entry entry = newestFirst.next();
            if (entry.result() == result) {
                return entry.events();
            }
        }
        return List.of();
    }

    public int size() {
        return results.size();
    }

    public int capacity() {
        return capacity;
    }

    /** How many older results this session no longer keeps. */
    public long dropped() {
        return dropped;
    }
}
