package navemu.navigator.http;

import java.util.ArrayList;
import java.util.List;

import navemu.api.NetError;

/**
 * Chromium's defence against response splitting (net/http/http_stream_parser.cc): a response whose
 * copies of Content-Length (when there is no Transfer-Encoding), Content-Disposition or Location
 * disagree is refused. Identical copies are accepted, as RFC 9110 §8.6 allows for Content-Length.
 */
final class RepeatedHeaders {

    private RepeatedHeaders() {
    }

    static void check(ResponseHead head) throws HttpProtocolException {
        if (!head.has("Transfer-Encoding")) {
            // Content-Length is a list-valued field for this check: "5, 5" is two copies of 5.
            refuseDiffering("Content-Length", splitOnCommas(head.values("Content-Length")),
                    NetError.ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH);
        }
        refuseDiffering("Content-Disposition", head.values("Content-Disposition"),
                NetError.ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION);
        // Location is never split on commas: a URL may contain one.
        refuseDiffering("Location", head.values("Location"), NetError.ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION);
    }

    /** The values of repeated fields and comma lists, one element each, trimmed, empty elements dropped (RFC 9110 §5.3, §5.6.1). */
    static List<String> splitOnCommas(List<String> values) {
        List<String> all = new ArrayList<>();
        for (String value : values) {
            for (String element : value.split(",")) {
                if (!element.isBlank()) {
                    all.add(element.trim());
                }
            }
        }
        return all;
    }

    private static void refuseDiffering(String name, List<String> values, NetError error)
            throws HttpProtocolException {
        for (String value : values) {
            if (!value.equals(values.get(0))) {
                throw new HttpProtocolException(error, "the response carries differing " + name + " values: '"
                        + ResponseHead.printable(values.get(0)) + "' and '" + ResponseHead.printable(value) + "'");
            }
        }
    }
}
