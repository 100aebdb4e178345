package navemu.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The open view names each step's connection: the tcp step the one it made, the http step one it reused. */
class StepDetailConnectionTest {

    @Test
    void theTcpStepNamesItsNewConnectionAndTheHttpStepAReusedOne() {
        Map<String, Object> tcp = new LinkedHashMap<>();
        tcp.put("address", "127.0.0.1");
        tcp.put("port", 443);
        tcp.put("connection", 3L);
        assertEquals("127.0.0.1:443 · connection #3", StepDetail.describe(tcp));

        Map<String, Object> http = new LinkedHashMap<>();
        http.put("status", 200);
        http.put("connection", 3.0); // as read back from JSON
        http.put("reused", true);
        assertEquals("200 · reused connection #3: no dns, tcp or tls for it", StepDetail.describe(http));

        http.put("reused", false);
        assertEquals("200", StepDetail.describe(http), "a new connection is named by its tcp step");
    }
}
