package navemu.shell.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;

import navemu.api.result.Header;
import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.shell.fixtures.Results;
import navemu.shell.render.JsonRenderer;

class ExpectEvaluatorTest {
    private final ExpectEvaluator evaluator = new ExpectEvaluator();
    private final JsonElement result = tree(Results.ok("https://www.lab.test/", 200, "tls13-ecdhe"));

    private static JsonElement tree(NavigationResult result) {
        return new JsonRenderer().toTree(result);
    }

    private Verdict check(String line) {
        return evaluator.evaluate(Expectation.parse(Arrays.asList(line.split(" "))), result);
    }

    private boolean holds(String line) {
        return check(line).held();
    }

    @Test
    void equalsComparesStrings() {
        assertTrue(holds("tls.version == TLSv1.3"));
        assertFalse(holds("tls.version == TLSv1.2"));
        assertFalse(holds("tls.version == tlsv1.3"), "text comparison is case-sensitive");
    }

    @Test
    void notEqualsIsTheOpposite() {
        assertTrue(holds("tls.version != TLSv1.2"));
        assertFalse(holds("status != 200"));
    }

    @Test
    void numbersCompareAsNumbers() {
        assertTrue(holds("status == 200"));
        assertTrue(holds("status == 200.0"));
        assertTrue(holds("status <= 299"));
        assertTrue(holds("status >= 200"));
        assertFalse(holds("status >= 300"));
        assertTrue(holds("totalMs <= 1000"));
        assertTrue(holds("steps.dns.rtts == 1"));
    }

    @Test
    void numbersAreNotComparedAsText() {
        // As text "1000" < "200"; as numbers it is not.
        assertFalse(holds("status >= 1000"));
    }

    @Test
    void booleansAcceptTrueAndFalseInAnyCase() {
        assertTrue(holds("ok == true"));
        assertTrue(holds("ok == TRUE"));
        assertTrue(holds("tls.resumed == false"));
        assertFalse(holds("cert.valid == false"));
    }

    @Test
    void aValueOfTheWrongTypeIsAUsageErrorNotAVerdict() {
        for (String line : new String[] {"status <= abc", "status >= abc", "status == abc", "status != OK",
                "ok == yes", "ok <= true", "tls.resumed >= false"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check(line), line);
            assertTrue(e.getMessage().startsWith("expect " + line + ": type mismatch"), e.getMessage());
        }
    }

    @Test
    void anOperatorThatIsNotOneIsAUsageError() {
        for (String line : new String[] {"status === 200", "status =< 200", "status => 200", "status !== 200",
                "status ~= 200", "status <> 200"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Expectation.parse(Arrays.asList(line.split(" "))), line);
            assertTrue(e.getMessage().contains("is not an operator of expect"), e.getMessage());
            String compact = line.replace(" ", "");
            assertThrows(IllegalArgumentException.class, () -> Expectation.parse(java.util.List.of(compact)), compact);
        }
    }

    @Test
    void textOrderWorksForVersions() {
        assertTrue(holds("tls.version >= TLSv1.2"));
        assertFalse(holds("tls.version <= TLSv1.2"));
    }

    @Test
    void containsFindsASubstring() {
        assertTrue(holds("tls.cipherSuite ~ AES_128"));
        assertFalse(holds("tls.cipherSuite ~ CHACHA"));
    }

    @Test
    void containsLooksIntoArrays() {
        assertTrue(holds("cert.san ~ www.lab.test"));
        assertTrue(holds("cert.san ~ lab"));
        assertFalse(holds("cert.problems ~ expired"));
    }

    @Test
    void nullMeansAbsentOrNull() {
        assertTrue(holds("error == null"));
        assertTrue(holds("nothing.at.all == null"));
        assertFalse(holds("status == null"));
        assertTrue(holds("status != null"));
        assertFalse(holds("error != null"));
    }

    @Test
    void nullOnlyGoesWithEqualityOperators() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check("error <= null"));
        assertTrue(e.getMessage().contains("=="), e.getMessage());
    }

    @Test
    void aMissingPathFailsAndSaysWhereItBrokeOff() {
        Verdict verdict = check("tls.nosuchkey == x");
        assertFalse(verdict.held());
        assertEquals("tls.nosuchkey is absent (tls has no 'nosuchkey')", verdict.found());
        assertTrue(holds("tls.nosuchkey != x"), "an absent value differs from any value");
    }

    @Test
    void aPathThroughANullObjectIsAbsent() {
        JsonElement plain = tree(Results.failed("https://nosuch.lab.test/", "ERR_NAME_NOT_RESOLVED"));
        Verdict verdict = evaluator.evaluate(Expectation.parse(Arrays.asList("tls.version", "==", "TLSv1.3")), plain);
        assertFalse(verdict.held());
        assertEquals("tls.version is absent (the result has no such key)", verdict.found());
        assertTrue(evaluator.evaluate(Expectation.parse(Arrays.asList("tls.version", "==", "null")), plain).held());
    }

    @Test
    void withoutAResultEveryExpectationButNullFails() {
        Verdict verdict = evaluator.evaluate(Expectation.parse(Arrays.asList("status", "==", "200")), JsonNull.INSTANCE);
        assertFalse(verdict.held());
        assertTrue(verdict.found().contains("no result yet"), verdict.found());
    }

    @Test
    void theFailureSaysWhatWasFound() {
        Verdict verdict = check("status == 404");
        assertFalse(verdict.held());
        assertEquals("status is 200", verdict.found());
        assertEquals("tls.version is TLSv1.3", check("tls.version == TLSv1.2").found());
    }

    @Test
    void indexesAndStepNamesPickFromArrays() {
        assertTrue(holds("steps.0.impl == memory"));
        assertTrue(holds("steps.tls.impl == tls13-ecdhe"));
        assertTrue(holds("tls.messages.0.type == ClientHello"));
        assertFalse(holds("steps.9.impl == memory"));
    }

    @Test
    void lengthCountsAnArray() {
        NavigationResult redirected = Results.ok("http://http.lab.test/", 200, "jsse");
        redirected.redirects.add(new Hop());
        JsonElement json = tree(redirected);
        assertTrue(evaluator.evaluate(Expectation.parse(Arrays.asList("redirects.length", "==", "1")), json).held());
        assertTrue(holds("steps.length == 5"));
    }

    @Test
    void headerNamesMatchInAnyCase() {
        assertTrue(holds("http.headers.content-type == text/html"));
        assertTrue(holds("http.headers.Content-Type ~ html"));
    }

    @Test
    void aHeaderByNameIsItsValuesJoinedAndAnIndexPicksOne() {
        NavigationResult r = Results.ok("https://www.lab.test/", 200, "tls13-ecdhe");
        r.http.headers.add(new Header("Vary", "Accept"));
        r.http.headers.add(new Header("set-cookie", "a=1"));
        r.http.headers.add(new Header("VARY", "Origin"));
        r.http.headers.add(new Header("Set-Cookie", "b=2"));
        r.http.requestHeaders.add(new Header("Host", "www.lab.test"));
        JsonElement json = tree(r);

        assertTrue(holdsOn(json, "http.headers.vary == Accept, Origin"), "RFC 9110 §5.3: one line, in order");
        assertTrue(holdsOn(json, "http.headers.vary.0 == Accept"));
        assertTrue(holdsOn(json, "http.headers.Vary.1 == Origin"));
        assertTrue(holdsOn(json, "http.headers.vary.length == 2"));
        assertTrue(holdsOn(json, "http.headers.set-cookie.1 == b=2"));
        assertEquals("a=1\nb=2", ResultPath.resolve(json, "http.headers.Set-Cookie").orElseThrow().getAsString(),
                "Set-Cookie values are never combined with commas");
        assertTrue(holdsOn(json, "http.requestHeaders.HOST == www.lab.test"));
        assertTrue(holdsOn(json, "http.headers.length == 5"), "length still counts the fields");
        assertTrue(holdsOn(json, "http.headers.0.name == Content-Type"), "an index still picks a field");
        assertFalse(holdsOn(json, "http.headers.vary.2 == x"));
        assertEquals("http.headers.vary", ResultPath.existingPrefix(json, "http.headers.vary.2"));
        assertEquals("http.headers", ResultPath.existingPrefix(json, "http.headers.x-absent"));
    }

    private boolean holdsOn(JsonElement json, String line) {
        String[] words = line.split(" ", 3);
        return evaluator.evaluate(Expectation.parse(Arrays.asList(words)), json).held();
    }

    @Test
    void aValueOfSeveralWordsIsJoined() {
        assertTrue(evaluator.evaluate(Expectation.parse(Arrays.asList("http.reason", "==", "OK")), result).held());
        Expectation joined = Expectation.parse(Arrays.asList("errorMessage", "==", "no", "such", "name"));
        assertEquals("no such name", joined.value());
    }

    @Test
    void operatorsMayBeWrittenWithoutSpaces() {
        Expectation compact = Expectation.parse(Arrays.asList("status==200"));
        assertEquals(new Expectation("status", Operator.EQUALS, "200"), compact);
        assertEquals(Operator.AT_MOST, Expectation.parse(Arrays.asList("totalMs<=", "5")).operator());
    }

    @Test
    void aMalformedExpectationSaysHowToWriteOne() {
        for (String bad : new String[] {"status", "status 200", "status = 200", "status =="}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Expectation.parse(Arrays.asList(bad.split(" "))), bad);
            assertTrue(e.getMessage().startsWith("expect needs PATH OP VALUE"), e.getMessage());
        }
    }
}
