package navemu.tls.core.handshake;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The GREASE values of one connection (RFC 8701), chosen the way BoringSSL (so Chrome) chooses
 * them. A client sends reserved values the server must ignore, so that servers which choke on
 * unknown values are found before a real new value needs the room.
 *
 * <p>RFC 8701 §2 reserves the sixteen values {@code 0x0A0A, 0x1A1A, …, 0xFAFA} for cipher suites,
 * groups, extensions, versions and signature algorithms. BoringSSL draws one random byte per
 * place a GREASE value goes, keeps its high nibble, and makes {@code 0x?A?A} of it; the same
 * value is used for one place for the whole connection (so a second ClientHello after a
 * HelloRetryRequest repeats it). A ClientHello must not hold the same extension twice (RFC 8446
 * §4.2), so when the second GREASE extension would equal the first it is flipped to another
 * value (BoringSSL XORs it with {@code 0x1010}).
 */
public final class GreaseValues {

    /** Where a GREASE value goes; each place has its own value per connection. */
    public enum Place {
        CIPHER_SUITE, GROUP, EXTENSION_1, EXTENSION_2, VERSION, TICKET_EXTENSION
    }

    private final int[] values = new int[Place.values().length];

    private GreaseValues(byte[] seed) {
        for (Place place : Place.values()) {
            values[place.ordinal()] = fromSeedByte(seed[place.ordinal()]);
        }
        if (values[Place.EXTENSION_2.ordinal()] == values[Place.EXTENSION_1.ordinal()]) {
            values[Place.EXTENSION_2.ordinal()] ^= 0x1010;
        }
    }

    /** The values of a new connection, drawn from {@code random}. */
    public static GreaseValues choose(SecureRandom random) {
        byte[] seed = new byte[Place.values().length];
        random.nextBytes(seed);
        return new GreaseValues(seed);
    }

    /** Fixed values from one seed byte per {@link Place}, in its order (for tests and replays). */
    public static GreaseValues fromSeed(byte[] seed) {
        if (seed.length != Place.values().length) {
            throw new IllegalArgumentException("need " + Place.values().length + " seed bytes, got " + seed.length);
        }
        return new GreaseValues(seed.clone());
    }

    public int value(Place place) {
        return values[place.ordinal()];
    }

    public int cipherSuite() {
        return value(Place.CIPHER_SUITE);
    }

    public int group() {
        return value(Place.GROUP);
    }

    /** The GREASE extension Chrome puts first. */
    public int firstExtension() {
        return value(Place.EXTENSION_1);
    }

    /** The GREASE extension Chrome puts last (before pre_shared_key); never equal to the first. */
    public int secondExtension() {
        return value(Place.EXTENSION_2);
    }

    public int version() {
        return value(Place.VERSION);
    }

    public int ticketExtension() {
        return value(Place.TICKET_EXTENSION);
    }

    /** True for the sixteen reserved values {@code 0x?A?A} with both bytes equal (RFC 8701 §2). */
    public static boolean isGrease(int value) {
        return (value & 0x0f0f) == 0x0a0a && (value >> 8) == (value & 0xff);
    }

    /**
     * A GREASE value as the trace names it, {@code GREASE (0x1a1a)}: the name of any GREASE
     * extension type or group, which each hello of the default client carries. Its four hex
     * digits without a Formatter, which a hello's narration would otherwise build per value.
     */
    public static String name(int grease) {
        return "GREASE (0x" + HexFormat.of().toHexDigits((short) grease) + ")";
    }

    private static int fromSeedByte(byte seed) {
        int b = (seed & 0xf0) | 0x0a;
        return (b << 8) | b;
    }
}
