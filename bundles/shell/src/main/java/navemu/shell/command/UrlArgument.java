package navemu.shell.command;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.url.WebUrl;

/**
 * A URL typed as a command argument, read by the same parser the navigator uses before anything
 * runs: a URL that is not one ({@code https://host:-1/}) is a usage error naming the line, and
 * whatever the parser dropped (a tab, a control character) is said, never silently.
 */
final class UrlArgument {

    private UrlArgument() {
    }

    static void check(String text, Session session) throws UsageException {
        try {
            for (String note : WebUrl.parse(text).notes()) {
                session.console().err("note: in the URL, " + note);
            }
        } catch (NavigationException e) {
            if (e.error() == NetError.ERR_INVALID_URL) {
                throw new UsageException("invalid URL: " + e.getMessage());
            }
            // A well-formed URL the browser will not navigate (ftp://) fails as a navigation, with its code.
        }
    }
}
