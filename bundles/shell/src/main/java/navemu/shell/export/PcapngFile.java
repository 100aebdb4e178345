package navemu.shell.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A pcapng file (draft-ietf-opsawg-pcapng) built block by block, little-endian: one Section
 * Header Block, one Ethernet interface with nanosecond timestamps, Decryption Secrets Blocks and
 * Enhanced Packet Blocks. Each block is {@code type, total length, body, total length}, padded to
 * 32 bits; options are {@code code, length, value} ending with {@code opt_endofopt}.
 */
final class PcapngFile {
    private static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int INTERFACE_DESCRIPTION = 0x00000001;
    private static final int ENHANCED_PACKET = 0x00000006;
    private static final int DECRYPTION_SECRETS = 0x0000000A;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Secrets type of an NSS key log (the SSLKEYLOGFILE format), "TLSK". */
    static final int TLS_KEY_LOG = 0x544c534b;
    private static final int LINKTYPE_ETHERNET = 1;

    private static final short OPT_END = 0;
    private static final short OPT_COMMENT = 1;
    private static final short SHB_USERAPPL = 4;
    private static final short IF_NAME = 2;
    private static final short IF_TSRESOL = 9;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The section header: this file's first block, with a comment that says what it holds. */
    PcapngFile sectionHeader(String application, String comment) {
        Options options = new Options().text(OPT_COMMENT, comment).text(SHB_USERAPPL, application);
        ByteBuffer body = buffer(16 + options.length());
        body.putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L); // section length unknown
        options.writeTo(body);
        return block(SECTION_HEADER, body);
    }

    /** Interface 0: Ethernet frames, timestamps in nanoseconds ({@code if_tsresol} 9). */
    PcapngFile ethernetInterface(String name) {
        Options options = new Options().text(IF_NAME, name).bytes(IF_TSRESOL, new byte[] {9});
        ByteBuffer body = buffer(8 + options.length());
        body.putShort((short) LINKTYPE_ETHERNET).putShort((short) 0).putInt(0); // reserved; snaplen 0 = no limit
        options.writeTo(body);
        return block(INTERFACE_DESCRIPTION, body);
    }

    /** A Decryption Secrets Block: the packets after it can be decrypted with these secrets and no other file. */
    PcapngFile decryptionSecrets(int secretsType, byte[] secrets) {
        ByteBuffer body = buffer(8 + padded(secrets.length));
        body.putInt(secretsType).putInt(secrets.length).put(secrets);
        return block(DECRYPTION_SECRETS, body);
    }

    /** One frame on interface 0, at a wall-clock time, with an optional comment (null for none). */
    PcapngFile packet(Instant at, byte[] frame, String comment) {
        Options options = new Options();
        if (comment != null) {
            options.text(OPT_COMMENT, comment);
        }
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        ByteBuffer body = buffer(20 + padded(frame.length) + options.length());
        body.putInt(0).putInt((int) (nanos >>> 32)).putInt((int) nanos).putInt(frame.length).putInt(frame.length).put(frame);
        body.position(20 + padded(frame.length));
        options.writeTo(body);
        return block(ENHANCED_PACKET, body);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private PcapngFile block(int type, ByteBuffer body) {
        int total = 12 + body.capacity();
        ByteBuffer block = buffer(total);
        block.putInt(type).putInt(total).put(body.array()).putInt(total);
        out.writeBytes(block.array());
        return this;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(padded(size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** A block's options, each padded to 32 bits, and the end-of-options mark when there are any. */
    private static final class Options {
        private final ByteArrayOutputStream encoded = new ByteArrayOutputStream();

        Options text(short code, String value) {
            return bytes(code, value.getBytes(StandardCharsets.UTF_8));
        }

        Options bytes(short code, byte[] value) {
            ByteBuffer option = buffer(4 + value.length);
            option.putShort(code).putShort((short) value.length).put(value);
            encoded.writeBytes(option.array());
            return this;
        }

        int length() {
            return encoded.size() == 0 ? 0 : encoded.size() + 4;
        }

        void writeTo(ByteBuffer body) {
            if (encoded.size() > 0) {
                body.put(encoded.toByteArray()).putShort(OPT_END).putShort((short) 0);
            }
        }
    }
}
