package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The list of origins that required HTTP/1.1 is per origin and bounded: a server naming many cannot grow it forever. */
class Http11RequiredOriginsTest {
    @Test
    void keepsEachOriginApartAndForgetsTheOldestPastTheBound() {
        Http11RequiredOrigins origins = new Http11RequiredOrigins();
        origins.add("https://a.test:443");
        assertTrue(origins.contains("https://a.test:443"));
        assertFalse(origins.contains("https://a.test:8443"), "another port is another origin");
        assertFalse(origins.contains("http://a.test:443"), "another scheme is another origin");
        for (int port = 1; port <= Http11RequiredOrigins.MAX_ORIGINS; port++) {
            origins.add("https://b.test:" + port);
        }
        assertEquals(Http11RequiredOrigins.MAX_ORIGINS, origins.size());
        assertFalse(origins.contains("https://a.test:443"), "the oldest is forgotten first");
        assertTrue(origins.contains("https://b.test:1"));
    }
}
