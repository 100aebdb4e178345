package navemu.lab.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.lab.site.HttpBehaviour;

/**
 * How an origin talks on one connection: it reads the request in blocks, not a byte per read
 * (each read of a TLS stream or a socket has a fixed cost), and writes each response in one
 * write (over TLS one record, so one TCP segment, not two). Counted in calls, never timed.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HttpConversationTest {

    private static final SiteResponder PAGE = new SiteResponder("www.lab.test", "https", "a good site",
            new HttpBehaviour(HttpBehaviour.Mode.PAGE, Map.of(), List.of()));

    /** Counts the reads that reach the connection. */
    private static final class CountingInput extends FilterInputStream {
        int reads;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            reads++;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads++;
            return super.read(b, off, len);
        }
    }

    /** Records each write that reaches the connection. */
    private static final class CountingOutput extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }
    }

    @Test
    void aRequestIsReadInBlocksAndItsResponseWrittenInOneWrite() throws Exception {
        String request = "GET / HTTP/1.1\r\nHost: www.lab.test\r\nUser-Agent: navemu\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        CountingInput in = new CountingInput(new ByteArrayInputStream(request.getBytes(StandardCharsets.ISO_8859_1)));
        CountingOutput out = new CountingOutput();

        HttpConversation.serve(in, out, PAGE, "TLSv1.3 with TLS_AES_128_GCM_SHA256");

        String response = out.bytes.toString(StandardCharsets.ISO_8859_1);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("Connection: close\r\n"), response);
        int bodyStart = response.indexOf("\r\n\r\n") + 4;
        assertTrue(bodyStart > 4 && response.length() > bodyStart, "the body follows the head: " + response);
        assertEquals(1, out.writes, "head and body in one write");
        assertTrue(in.reads < 5, "a " + request.length() + "-byte request took " + in.reads + " reads");
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreEachAnsweredInOrder() throws Exception {
        String requests = "GET / HTTP/1.1\r\nHost: www.lab.test\r\n\r\n"
                + "HEAD / HTTP/1.1\r\nHost: www.lab.test\r\n\r\n"
                + "GET /missing HTTP/1.1\r\nHost: www.lab.test\r\nConnection: close\r\n\r\n";
        CountingOutput out = new CountingOutput();

        HttpConversation.serve(new ByteArrayInputStream(requests.getBytes(StandardCharsets.ISO_8859_1)), out, PAGE, "test");

        String responses = out.bytes.toString(StandardCharsets.ISO_8859_1);
        int first = responses.indexOf("HTTP/1.1 200 OK");
        int second = responses.indexOf("HTTP/1.1 200 OK", first + 1);
        int third = responses.indexOf("HTTP/1.1 404 Not Found");
        assertTrue(first == 0 && second > first && third > second, responses);
        assertEquals(3, out.writes, "one write per response");
    }
}
