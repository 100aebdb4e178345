package navemu.shell.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import navemu.shell.command.Check;

/**
 * The verdicts of a run as a JUnit XML report (the format of Ant's and Maven Surefire's
 * {@code TEST-*.xml} that CI systems read): one test case per expectation, a failure for one
 * that did not hold, an error for a command that erred.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(Path file, String suite, List<Check> checks) throws IOException {
        long failures = checks.stream().filter(c -> c.kind() == Check.Kind.FAILED).count();
        long errors = checks.stream().filter(c -> c.kind() == Check.Kind.ERROR || c.kind() == Check.Kind.USAGE_ERROR).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(checks.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\">\n");
        for (Check check : checks) {
            String where = check.where() == null ? "" : check.where();
            xml.append("  <testcase classname=\"").append(escape(where.replaceFirst(":\\d+$", "")))
                    .append("\" name=\"").append(escape(where + " " + check.command())).append("\"");
            switch (check.kind()) {
                case HELD:
                    xml.append("/>\n");
                    break;
                case FAILED:
                    xml.append(">\n    <failure message=\"").append(escape(check.message())).append("\"/>\n  </testcase>\n");
                    break;
                default:
                    xml.append(">\n    <error message=\"").append(escape(check.message())).append("\"/>\n  </testcase>\n");
                    break;
            }
        }
        xml.append("</testsuite>\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&': escaped.append("&amp;"); break;
                case '<': escaped.append("&lt;"); break;
                case '>': escaped.append("&gt;"); break;
                case '"': escaped.append("&quot;"); break;
                case '\'': escaped.append("&apos;"); break;
                default:
                    // XML 1.0 forbids most control characters even as references.
                    escaped.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
