package navemu.dns.doh;

import java.net.URI;

import org.xbill.DNS.Message;

/**
 * One DoH query and what came back.
 *
 * @param method     GET or POST
 * @param url        the URL the request went to
 * @param sentBytes  the DNS query's length
 * @param status     the HTTP status, or -1 when no response came
 * @param response   the DNS answer, or null when there is none (HTTP error, timeout, malformed body)
 * @param failure    why there is no answer, or null
 * @param cacheControl the response's Cache-Control, or null
 * @param millis     from sending the request to the end of the response (or the failure)
 */
record DohExchange(DohMethod method, URI url, int sentBytes, int status, Message response, String failure,
                   String cacheControl, long millis) {

    boolean answered() {
        return response != null;
    }
}
