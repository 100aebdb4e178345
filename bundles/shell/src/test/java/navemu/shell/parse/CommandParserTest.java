package navemu.shell.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandParserTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void wordsAreSplitOnWhitespace() throws ParseException {
        List<CommandLine> commands = parser.parse("  use   tls\tjsse ");
        assertEquals(1, commands.size());
        assertEquals("use", commands.get(0).name());
        assertEquals(List.of("tls", "jsse"), commands.get(0).args());
    }

    @Test
    void aSemicolonOutsideQuotesSeparatesCommands() throws ParseException {
        List<CommandLine> commands = parser.parse("open https://www.lab.test/; expect status == 200;slots");
        assertEquals(List.of("open", "expect", "slots"), commands.stream().map(CommandLine::name).toList());
        assertEquals(List.of("status", "==", "200"), commands.get(1).args());
        assertEquals("expect status == 200", commands.get(1).text());
    }

    @Test
    void emptyCommandsAreDropped() throws ParseException {
        assertEquals(2, parser.parse(";; slots ; ;help;").size());
        assertTrue(parser.parse("   ").isEmpty());
    }

    @Test
    void quotesKeepSpacesAndSemicolons() throws ParseException {
        CommandLine line = parser.parse("expect errorMessage ~ \"not; resolved\"").get(0);
        assertEquals(List.of("errorMessage", "~", "not; resolved"), line.args());
        CommandLine single = parser.parse("expect http.reason == 'Not Found'").get(0);
        assertEquals("Not Found", single.arg(2));
    }

    @Test
    void singleQuotesAreLiteralAndDoubleQuotesUnderstandEscapes() throws ParseException {
        assertEquals("a\\\"b", parser.parse("x 'a\\\"b'").get(0).arg(0));
        assertEquals("say \"hi\" \\", parser.parse("x \"say \\\"hi\\\" \\\\\"").get(0).arg(0));
    }

    @Test
    void quotedPartsJoinTheWordAroundThem() throws ParseException {
        assertEquals("tls=jsse", parser.parse("compare u tls='jsse'").get(0).arg(1));
    }

    @Test
    void anEmptyQuotedStringIsAWord() throws ParseException {
        assertEquals(List.of("path", "==", ""), parser.parse("expect path == \"\"").get(0).args());
    }

    @Test
    void aBackslashEscapesTheNextCharacter() throws ParseException {
        assertEquals(List.of("a;b", "c d"), parser.parse("x a\\;b c\\ d").get(0).args());
    }

    @Test
    void aHashAtTheStartOfAWordStartsAComment() throws ParseException {
        List<CommandLine> commands = parser.parse("open https://www.lab.test/#top  # the lab's front page");
        assertEquals(1, commands.size());
        assertEquals(List.of("https://www.lab.test/#top"), commands.get(0).args());
        assertTrue(parser.parse("# only a comment; slots").isEmpty());
    }

    @Test
    void anUnterminatedDoubleQuoteIsAnErrorNamingItsColumn() {
        ParseException e = assertThrows(ParseException.class, () -> parser.parse("expect x == \"abc"));
        assertEquals("unterminated double quote starting at column 13", e.getMessage());
    }

    @Test
    void anUnterminatedSingleQuoteIsAnError() {
        ParseException e = assertThrows(ParseException.class, () -> parser.parse("open 'https://x"));
        assertTrue(e.getMessage().contains("unterminated single quote"), e.getMessage());
    }

    @Test
    void aTrailingBackslashIsAnError() {
        assertThrows(ParseException.class, () -> parser.parse("open x\\"));
    }
}
