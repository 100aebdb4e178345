package navemu.hsts.core;

/** What {@link StsHeaderParser} made of one header value: its directives, or why it is invalid. */
public sealed interface StsParseResult {

    /** The header conforms to RFC 6797 §6.1. */
    record Valid(StsDirectives directives) implements StsParseResult {
    }

    /** The header must be ignored (§6.1 rule 4); {@code reason} says why, in one sentence. */
    record Invalid(String reason) implements StsParseResult {
    }
}
