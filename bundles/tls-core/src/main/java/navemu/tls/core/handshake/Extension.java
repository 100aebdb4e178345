package navemu.tls.core.handshake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/** One extension (RFC 8446 §4.2): {@code extension_type} and opaque {@code extension_data}. */
public record Extension(int type, byte[] data) {

    public String name() {
        return ExtensionType.nameOf(type);
    }

    /** Reads {@code Extension extensions<0..2^16-1>}; the same type twice is an illegal_parameter (§4.2). */
    public static List<Extension> decodeList(WireReader reader) throws TlsAlertException {
        WireReader list = reader.vector16("extensions");
        List<Extension> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (list.hasRemaining()) {
            int type = list.u16();
            byte[] data = list.opaque16();
            if (!seen.add(type)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "extension " + ExtensionType.nameOf(type) + " appears twice (RFC 8446 §4.2)");
            }
            out.add(new Extension(type, data));
        }
        return out;
    }

    public static void encodeList(WireWriter w, List<Extension> extensions) {
        w.vector16(list -> {
            for (Extension e : extensions) {
                list.u16(e.type()).opaque16(e.data());
            }
        });
    }

    /** The extension of {@code type} in {@code extensions}, or null. */
    public static Extension find(List<Extension> extensions, int type) {
        for (Extension e : extensions) {
            if (e.type() == type) {
                return e;
            }
        }
        return null;
    }

    /** "server_name, key_share, …" for the trace. */
    public static String names(List<Extension> extensions) {
        return extensions.stream().map(Extension::name).collect(Collectors.joining(", "));
    }
}
