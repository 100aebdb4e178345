package navemu.navigator.http2;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.twitter.hpack.Decoder;
import com.twitter.hpack.Encoder;

/**
 * Header compression, HPACK (RFC 7541), from a library: Twitter's hpack, embedded in this bundle.
 * One encoder and one decoder per connection, as their dynamic tables span the connection's header
 * blocks (§2.3.2).
 */
final class HeaderCodec {
    private final Encoder encoder = new Encoder(Settings.DEFAULT_HEADER_TABLE_SIZE);
    private final Decoder decoder = new Decoder(Settings.OUR_MAX_HEADER_LIST_SIZE, Settings.OUR_HEADER_TABLE_SIZE);
    /** The table size the peer's SETTINGS_HEADER_TABLE_SIZE allows, announced in our next block (§6.3). */
    private int pendingTableSize = -1;

    /** The header list as one block, in order; names must already be lower case (RFC 9113 §8.2.1). */
    byte[] encode(List<Map.Entry<String, String>> fields) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        if (pendingTableSize >= 0) {
            encoder.setMaxHeaderTableSize(block, pendingTableSize);
            pendingTableSize = -1;
        }
        for (Map.Entry<String, String> field : fields) {
            encoder.encodeHeader(block, field.getKey().getBytes(StandardCharsets.UTF_8),
                    field.getValue().getBytes(StandardCharsets.UTF_8), false);
        }
        return block.toByteArray();
    }

    /** The peer's SETTINGS_HEADER_TABLE_SIZE: our encoder may use at most that much (RFC 7541 §4.2). */
    void peerTableSize(long size) {
        int allowed = (int) Math.min(size, Settings.DEFAULT_HEADER_TABLE_SIZE);
        if (allowed != encoder.getMaxHeaderTableSize()) {
            pendingTableSize = allowed;
        }
    }

    /**
     * Decodes one complete header block.
     *
     * @throws Http2Error COMPRESSION_ERROR for a block HPACK cannot decode (RFC 9113 §4.3)
     * @throws HeaderListTooLarge when the decoded list passes our SETTINGS_MAX_HEADER_LIST_SIZE
     */
    List<Map.Entry<String, String>> decode(byte[] block) throws IOException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        try {
            decoder.decode(new ByteArrayInputStream(block), (name, value, sensitive) -> fields.add(
                    Map.entry(new String(name, StandardCharsets.ISO_8859_1), new String(value, StandardCharsets.ISO_8859_1))));
        } catch (IOException | RuntimeException e) {
            throw Http2Error.connection(ErrorCode.COMPRESSION_ERROR, "the server's header block is not valid HPACK: "
                    + e.getMessage());
        }
        // The decoder goes on decoding past the limit (to keep its table right) but stops listing fields.
        if (decoder.endHeaderBlock()) {
            throw new HeaderListTooLarge();
        }
        return fields;
    }

    /** The decoded header list passed SETTINGS_MAX_HEADER_LIST_SIZE (RFC 9113 §6.5.2). */
    static final class HeaderListTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        HeaderListTooLarge() {
            super("the response's header list is larger than our SETTINGS_MAX_HEADER_LIST_SIZE of "
                    + Settings.OUR_MAX_HEADER_LIST_SIZE + " octets");
        }
    }
}
