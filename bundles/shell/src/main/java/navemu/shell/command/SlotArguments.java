package navemu.shell.command;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import navemu.api.Slot;
import navemu.api.nav.Composition;

/** Reading slot names and {@code slot=impl} words, as {@code use} and {@code compare} take them. */
public final class SlotArguments {

    private SlotArguments() {
    }

    public static Slot slot(String word) throws UsageException {
        return Slot.fromKey(word).orElseThrow(() -> new UsageException(
                "unknown slot '" + word + "'; the slots are " + slotNames()));
    }

    public static List<String> slotNames() {
        List<String> names = new ArrayList<>();
        for (Slot slot : Slot.values()) {
            names.add(slot.key());
        }
        return names;
    }

    /** Reads {@code slot=impl} words into a map, one implementation per slot. */
    public static Map<Slot, String> changes(List<String> words) throws UsageException {
        Map<Slot, String> changes = new EnumMap<>(Slot.class);
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0 || equals == word.length() - 1) {
                throw new UsageException("'" + word + "' is not a change; write SLOT=IMPL, e.g. tls=jsse");
            }
            Slot slot = slot(word.substring(0, equals));
            if (changes.put(slot, word.substring(equals + 1)) != null) {
                throw new UsageException("slot " + slot.key() + " is changed twice in '" + String.join(" ", words) + "'");
            }
        }
        return changes;
    }

    /** Fails, naming the registered choices, when {@code impl} is not registered for {@code slot}. */
    public static void requireRegistered(Composition composition, Slot slot, String impl) throws CommandException {
        List<String> registered = composition.implementations(slot);
        if (!registered.contains(impl)) {
            throw new CommandException("no " + slot.key() + " implementation called '" + impl + "'; registered now: "
                    + (registered.isEmpty() ? "none" : String.join(", ", registered)));
        }
    }
}
