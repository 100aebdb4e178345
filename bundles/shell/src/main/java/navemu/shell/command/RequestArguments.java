package navemu.shell.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import navemu.api.nav.RequestOptions;
import navemu.api.result.Header;

/**
 * The curl options of {@code open}: {@code -X METHOD}, {@code -H 'Name: value'} (repeatable),
 * {@code -d DATA} (repeatable, {@code @FILE} reads a file), in any order around the URL.
 *
 * <p>As in curl: {@code -d} makes the request a POST (unless {@code -X} says otherwise) with
 * {@code Content-Type: application/x-www-form-urlencoded} (unless {@code -H} gives one), several
 * {@code -d} are joined with {@code &}, and a file read with {@code @} loses its CR and LF
 * characters. {@code -H 'Name:'} removes a field navemu would send. What could not be sent as
 * typed (a CR or LF in a value, a name that is not a token, a field navemu writes itself) is a
 * usage error, before anything is sent.
 *
 * @param url     the URL
 * @param options what the first request is
 */
record RequestArguments(String url, RequestOptions options) {

    /** The most a {@code -d @FILE} reads: far more than a form, far less than the shell's memory. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    static final String FORM = "application/x-www-form-urlencoded";

    static RequestArguments parse(List<String> args) throws UsageException {
        String url = null;
        String method = null;
        List<Header> headers = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-X", "--request" -> method = value(args, ++i, arg);
                case "-H", "--header" -> headers.add(header(value(args, ++i, arg)));
                case "-d", "--data" -> data.add(data(value(args, ++i, arg)));
                default -> {
                    if (arg.startsWith("-") && arg.length() > 1) {
                        throw new UsageException("unknown option '" + arg + "'; open takes -X METHOD, -H 'Name: value', -d DATA");
                    }
                    if (url != null) {
                        throw new UsageException("open takes exactly one URL (" + url + " and " + arg + ")");
                    }
                    url = arg;
                }
            }
        }
        if (url == null) {
            throw new UsageException("open takes exactly one URL");
        }
        byte[] body = String.join("&", data).getBytes(StandardCharsets.UTF_8);
        if (!data.isEmpty()) {
            method = method == null ? "POST" : method;
            if (headers.stream().noneMatch(h -> h.name.equalsIgnoreCase("Content-Type"))) {
                headers.add(new Header("Content-Type", FORM));
            }
        }
        try {
            return new RequestArguments(url, new RequestOptions(method == null ? "GET" : method, headers, body));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    /** {@code Name: value} as curl reads it: the name up to the first colon, the value without leading blanks. */
    private static Header header(String text) throws UsageException {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new UsageException("-H takes 'Name: value' (or 'Name:' to leave a field out), not '" + text + "'");
        }
        return new Header(text.substring(0, colon), text.substring(colon + 1).stripLeading());
    }

    private static String data(String text) throws UsageException {
        if (!text.startsWith("@")) {
            return text;
        }
        Path file = Path.of(text.substring(1));
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UsageException("-d " + text + ": the file is over " + MAX_FILE_BYTES + " bytes");
            }
            // curl -d @FILE drops carriage returns and newlines (use --data-binary to keep them).
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r", "").replace("\n", "");
        } catch (IOException e) {
            throw new UsageException("-d " + text + ": cannot read the file (" + e.getMessage() + ")");
        }
    }
}
