package navemu.api.host;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A host as a browser parses it: the WHATWG URL Standard's host parser for special schemes
 * (http, https), the one parser that the URL, SNI, DNS, HSTS and certificate checks share.
 *
 * <ul>
 *   <li>{@code [v6]} is an IPv6 address, shown compressed and in lower case ({@code [::1]});</li>
 *   <li>anything else is percent-decoded and converted with UTS #46 ToASCII, non-transitional
 *       ({@code faß.de} is {@code xn--fa-hia.de}, not {@code fass.de}; {@code WWW.Lab.Test} is
 *       {@code www.lab.test}); a forbidden code point (space, control characters, % and
 *       {@code # / : < > ? @ [ \ ] ^ |}) makes it invalid;</li>
 *   <li>a name whose last label is a number is an IPv4 address, in any form inet_aton(3)
 *       accepts ({@code 1.2.3} is 1.2.0.3, {@code 0x7f.1} is 127.0.0.1), or invalid
 *       ({@code 1.2.3.4.5}).</li>
 * </ul>
 *
 * A trailing dot is kept, as in the URL ({@code example.com.} is another origin than
 * {@code example.com}); {@link #withoutTrailingDot()} is the name that certificate checks, HSTS
 * and SNI compare.
 */
public final class Host {

    /** What a host is. */
    public enum Kind { DOMAIN, IPV4, IPV6 }

    private final Kind kind;
    private final String text;
    private final byte[] address;

    private Host(Kind kind, String text, byte[] address) {
        this.kind = kind;
        this.text = text;
        this.address = address;
    }

    /**
     * The WHATWG "host parser" (not opaque). Accepts an IPv6 address only in brackets, as a URL
     * writes it; {@link navemu.api.dns.AddressLiteral} also takes one bare.
     *
     * @throws InvalidHostException with a sentence naming the host and what is wrong with it
     */
    public static Host parse(String input) {
        if (input == null || input.isEmpty()) {
            throw new InvalidHostException("the host is empty");
        }
        if (input.startsWith("[")) {
            if (!input.endsWith("]")) {
                throw new InvalidHostException("'" + input + "' opens an IPv6 address with '[' but never closes it");
            }
            int[] pieces = Ipv6Address.parse(input.substring(1, input.length() - 1));
            return new Host(Kind.IPV6, Ipv6Address.serialise(pieces), Ipv6Address.toBytes(pieces));
        }
        String ascii = DomainToAscii.convert(percentDecode(input));
        if (Ipv4Address.endsInANumber(ascii)) {
            long value = Ipv4Address.parse(ascii);
            return new Host(Kind.IPV4, Ipv4Address.serialise(value), Ipv4Address.toBytes(value));
        }
        return new Host(Kind.DOMAIN, ascii, null);
    }

    /** {@link #parse}, or empty when the text is not a valid host. */
    public static Optional<Host> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The server name for TLS SNI (RFC 6066 §3: a DNS host name, no trailing dot, "Literal IPv4
     * and IPv6 addresses are not permitted"), or empty when {@code host} is an address or not a
     * valid host at all.
     */
    public static Optional<String> serverNameFor(String host) {
        return tryParse(host).filter(h -> h.kind == Kind.DOMAIN).map(Host::withoutTrailingDot)
                .filter(name -> !name.isEmpty());
    }

    public Kind kind() {
        return kind;
    }

    public boolean isIpAddress() {
        return kind != Kind.DOMAIN;
    }

    /**
     * The host as DNS, HSTS and certificate checks see it: a lower-case A-label name (trailing
     * dot kept), a dotted quad, or a compressed IPv6 address without brackets.
     */
    public String text() {
        return text;
    }

    /** The host as a URL writes it: IPv6 in brackets. */
    public String urlForm() {
        return kind == Kind.IPV6 ? "[" + text + "]" : text;
    }

    /** {@link #text()} without one trailing dot: the name certificates, HSTS and SNI compare. */
    public String withoutTrailingDot() {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** The address (4 or 16 bytes) of an IP literal; empty for a domain. Never asks DNS. */
    public Optional<InetAddress> address() {
        if (address == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.length + " bytes", e);
        }
    }

    /** A copy of the address bytes of an IP literal; empty for a domain. */
    public Optional<byte[]> addressBytes() {
        return Optional.ofNullable(address).map(byte[]::clone);
    }

    /**
     * Percent-decoding of the UTF-8 bytes, then UTF-8 decoding (malformed bytes become U+FFFD,
     * which UTS #46 then refuses): {@code %41} is {@code A}.
     */
    private static String percentDecode(String input) {
        if (input.indexOf('%') < 0) {
            return input;
        }
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int high = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int low = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
            if (bytes[i] == '%' && high >= 0 && low >= 0) {
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Host h && h.kind == kind && h.text.equals(text)
                && Arrays.equals(h.address, address);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + text.hashCode();
    }

    /** {@link #urlForm()}. */
    @Override
    public String toString() {
        return urlForm();
    }
}
