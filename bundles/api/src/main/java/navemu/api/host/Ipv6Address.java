package navemu.api.host;

/**
 * The WHATWG URL Standard's IPv6 parser and serializer (RFC 4291 §2.2 text forms, with an embedded
 * dotted quad in the last 32 bits; RFC 5952 §4 for the compressed lower-case output, as browsers
 * show it). The input is the text between the brackets of a URL host.
 */
final class Ipv6Address {

    private static final int PIECES = 8;

    private Ipv6Address() {
    }

    /** "IPv6 parser": eight 16-bit pieces. @throws InvalidHostException naming what is wrong */
    static int[] parse(String input) {
        int[] address = new int[PIECES];
        int pieceIndex = 0;
        int compress = -1;
        int pointer = 0;
        int length = input.length();
        if (at(input, pointer) == ':') {
            if (at(input, pointer + 1) != ':') {
                throw invalid(input, "it starts with a single ':'");
            }
            pointer += 2;
            pieceIndex++;
            compress = pieceIndex;
        }
        while (pointer < length) {
            if (pieceIndex == PIECES) {
                throw invalid(input, "it has more than eight pieces");
            }
            if (at(input, pointer) == ':') {
                if (compress >= 0) {
                    throw invalid(input, "'::' appears twice");
                }
                pointer++;
                pieceIndex++;
                compress = pieceIndex;
                continue;
            }
            int value = 0;
            int digits = 0;
            while (digits < 4 && hexDigit(at(input, pointer)) >= 0) {
                value = value * 0x10 + hexDigit(at(input, pointer));
                pointer++;
                digits++;
            }
            if (at(input, pointer) == '.') {
                if (digits == 0) {
                    throw invalid(input, "a '.' comes where a number should be");
                }
                pointer -= digits;
                if (pieceIndex > 6) {
                    throw invalid(input, "an embedded IPv4 address does not fit in the last 32 bits");
                }
                int numbersSeen = 0;
                while (pointer < length) {
                    int ipv4Piece = -1;
                    if (numbersSeen > 0) {
                        if (at(input, pointer) == '.' && numbersSeen < 4) {
                            pointer++;
                        } else {
                            throw invalid(input, "its embedded IPv4 address is malformed");
                        }
                    }
                    if (!isDigit(at(input, pointer))) {
                        throw invalid(input, "its embedded IPv4 address has a part that is not a decimal number");
                    }
                    while (isDigit(at(input, pointer))) {
                        int number = at(input, pointer) - '0';
                        if (ipv4Piece == -1) {
                            ipv4Piece = number;
                        } else if (ipv4Piece == 0) {
                            throw invalid(input, "its embedded IPv4 address has a part with a leading zero");
                        } else {
                            ipv4Piece = ipv4Piece * 10 + number;
                        }
                        if (ipv4Piece > 255) {
                            throw invalid(input, "its embedded IPv4 address has a part larger than 255");
                        }
                        pointer++;
                    }
                    address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
                    numbersSeen++;
                    if (numbersSeen == 2 || numbersSeen == 4) {
                        pieceIndex++;
                    }
                }
                if (numbersSeen != 4) {
                    throw invalid(input, "its embedded IPv4 address has fewer than four parts");
                }
                break;
            } else if (at(input, pointer) == ':') {
                pointer++;
                if (pointer == length) {
                    throw invalid(input, "it ends with a single ':'");
                }
            } else if (pointer < length) {
                throw invalid(input, "'" + input.charAt(pointer) + "' is not a hexadecimal digit, ':' or '.'");
            }
            address[pieceIndex] = value;
            pieceIndex++;
        }
        if (compress >= 0) {
            int swaps = pieceIndex - compress;
            pieceIndex = PIECES - 1;
            while (pieceIndex != 0 && swaps > 0) {
                int other = compress + swaps - 1;
                int piece = address[pieceIndex];
                address[pieceIndex] = address[other];
                address[other] = piece;
                pieceIndex--;
                swaps--;
            }
        } else if (pieceIndex != PIECES) {
            throw invalid(input, "it has fewer than eight pieces and no '::'");
        }
        return address;
    }

    /** "IPv6 serializer": lower-case hex, the first longest run of two or more zero pieces as "::". */
    static String serialise(int[] address) {
        int compress = longestZeroRun(address);
        StringBuilder out = new StringBuilder();
        boolean ignoreZero = false;
        for (int i = 0; i < PIECES; i++) {
            if (ignoreZero && address[i] == 0) {
                continue;
            }
            ignoreZero = false;
            if (compress == i) {
                out.append(i == 0 ? "::" : ":");
                ignoreZero = true;
                continue;
            }
            out.append(Integer.toHexString(address[i]));
            if (i != PIECES - 1) {
                out.append(':');
            }
        }
        return out.toString();
    }

    static byte[] toBytes(int[] address) {
        byte[] bytes = new byte[2 * PIECES];
        for (int i = 0; i < PIECES; i++) {
            bytes[2 * i] = (byte) (address[i] >> 8);
            bytes[2 * i + 1] = (byte) address[i];
        }
        return bytes;
    }

    private static int longestZeroRun(int[] address) {
        int best = -1;
        int bestLength = 1; // a single zero piece is never compressed
        for (int i = 0; i < PIECES; ) {
            if (address[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < PIECES && address[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                best = start;
                bestLength = i - start;
            }
        }
        return best;
    }

    /** The code unit at {@code index}, or -1 past the end (the spec's EOF code point). */
    private static int at(String input, int index) {
        return index < input.length() ? input.charAt(index) : -1;
    }

    private static int hexDigit(int c) {
        return c >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidHostException invalid(String input, String why) {
        return new InvalidHostException("'[" + input + "]' is not an IPv6 address: " + why);
    }
}
