package navemu.api;

/**
 * Why a navigation failed, named as Chromium names its net errors
 * ({@code net/base/net_error_list.h}) so that a user can look a code up.
 */
public enum NetError {
    ERR_FAILED,
    ERR_ABORTED,
    ERR_TIMED_OUT,
    ERR_INVALID_URL,
    ERR_DISALLOWED_URL_SCHEME,
    ERR_NAME_NOT_RESOLVED,
    ERR_NAME_RESOLUTION_FAILED,
    ERR_ADDRESS_UNREACHABLE,
    ERR_CONNECTION_REFUSED,
    ERR_CONNECTION_RESET,
    ERR_CONNECTION_CLOSED,
    ERR_CONNECTION_TIMED_OUT,
    ERR_CONNECTION_FAILED,
    ERR_SSL_PROTOCOL_ERROR,
    ERR_SSL_VERSION_OR_CIPHER_MISMATCH,
    ERR_SSL_DECRYPT_ERROR_ALERT,
    ERR_SSL_BAD_RECORD_MAC_ALERT,
    /** -167: the server's certificate could not be decoded, so there is no certificate to judge. */
    ERR_SSL_SERVER_CERT_BAD_FORMAT,
    /** -179: we sent 0-RTT data and the server answered with TLS 1.2, which cannot skip it (RFC 8446 §D.3). */
    ERR_WRONG_VERSION_ON_EARLY_DATA,
    /**
     * -180: we offered TLS 1.3, the server answered TLS 1.2 with the RFC 8446 §4.1.3 downgrade
     * sentinel (DOWNGRD) in its random: someone removed our TLS 1.3 offer, or a TLS-terminating
     * proxy implemented TLS 1.2 wrongly.
     */
    ERR_TLS13_DOWNGRADE_DETECTED,
    ERR_BAD_SSL_CLIENT_AUTH_CERT,
    ERR_CERT_COMMON_NAME_INVALID,
    ERR_CERT_DATE_INVALID,
    ERR_CERT_AUTHORITY_INVALID,
    ERR_CERT_WEAK_SIGNATURE_ALGORITHM,
    ERR_CERT_WEAK_KEY,
    ERR_CERT_VALIDITY_TOO_LONG,
    ERR_CERT_NAME_CONSTRAINT_VIOLATION,
    ERR_CERT_REVOKED,
    ERR_CERT_INVALID,
    ERR_EMPTY_RESPONSE,
    ERR_INVALID_RESPONSE,
    ERR_RESPONSE_HEADERS_TOO_BIG,
    /** A status line or status code that HTTP does not allow (Chromium: the server does not speak valid HTTP). */
    ERR_INVALID_HTTP_RESPONSE,
    /** Content-Length headers with different values: a possible response-splitting attack. */
    ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH,
    /** Content-Disposition headers with different values. */
    ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION,
    /** Location headers with different values. */
    ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION,
    ERR_INVALID_CHUNKED_ENCODING,
    ERR_TOO_MANY_REDIRECTS,
    ERR_UNSAFE_REDIRECT,
    /** -337: the server broke HTTP/2's rules (RFC 9113): a frame where it may not be, a malformed response. */
    ERR_HTTP2_PROTOCOL_ERROR,
    /** -351: the server refused the HTTP/2 stream unprocessed (RST_STREAM REFUSED_STREAM, or GOAWAY below its id). */
    ERR_HTTP2_SERVER_REFUSED_STREAM,
    /** -360: the TLS connection is not good enough for HTTP/2 (RFC 9113 §9.2), said with INADEQUATE_SECURITY. */
    ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY,
    /** -361: the server sent more than the HTTP/2 flow-control window allowed. */
    ERR_HTTP2_FLOW_CONTROL_ERROR,
    /** -362: an HTTP/2 frame of a size its type or our SETTINGS_MAX_FRAME_SIZE does not allow. */
    ERR_HTTP2_FRAME_SIZE_ERROR,
    /** -363: the server's HPACK header block could not be decoded (RFC 7541). */
    ERR_HTTP2_COMPRESSION_ERROR,
    /** -365: the server answered the HTTP/2 stream with HTTP_1_1_REQUIRED. */
    ERR_HTTP_1_1_REQUIRED;

    /** True for the certificate errors, which a user may be shown as a verdict rather than a failure. */
    public boolean isCertificateError() {
        return name().startsWith("ERR_CERT_");
    }
}
