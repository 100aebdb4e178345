package navemu.api.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

/**
 * ICU4J is big; the host parser must not need it for the names a run usually sees. These tests
 * load the api's classes in a class loader that has no ICU at all: ASCII hosts and addresses still
 * parse, and only a name that needs UTS #46 reaches for ICU (and says plainly that it is missing).
 * Then, on the normal class path, the ASCII fast path gives exactly what ICU gives.
 */
class IcuLoadedOnlyWhenNeededTest {

    @Test
    void asciiHostsAndAddressesParseWithoutIcuOnTheClassPath() throws Exception {
        try (URLClassLoader withoutIcu = apiClassesWithoutIcu()) {
            assertThrows(ClassNotFoundException.class, () -> withoutIcu.loadClass("com.ibm.icu.text.IDNA"));
            assertEquals("www.lab.test", parse(withoutIcu, "WWW.Lab.Test"));
            assertEquals("1.2.0.3", parse(withoutIcu, "1.2.3"));
            assertEquals("[::1]", parse(withoutIcu, "[::1]"));
        }
    }

    @Test
    void aNameThatNeedsUts46SaysThatIcuIsMissing() throws Exception {
        try (URLClassLoader withoutIcu = apiClassesWithoutIcu()) {
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> parse(withoutIcu, "faß.de"));
            assertEquals(InvalidHostException.class.getName(), e.getCause().getClass().getName());
            assertTrue(e.getCause().getMessage().contains("ICU4J"), e.getCause().getMessage());
        }
    }

    /** Seeded, so every run checks the same 20 000 names. */
    @Test
    void theAsciiFastPathIsExactlyWhatUts46Gives() {
        java.util.Random random = new java.util.Random(46);
        String alphabet = "abcxyzABCXYZ0189-_.~!$&'()*+,;=`{}\"";
        int compared = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(20);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String domain = name.toString();
            if (DomainToAscii.needsUts46(domain)) {
                continue;
            }
            assertEquals(Uts46.toAscii(domain), domain.toLowerCase(java.util.Locale.ROOT), domain);
            compared++;
        }
        assertTrue(compared > 19_000, "compared " + compared);
    }

    private static URLClassLoader apiClassesWithoutIcu() {
        URL apiClasses = Host.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {apiClasses}, ClassLoader.getPlatformClassLoader());
    }

    private static String parse(ClassLoader loader, String input) throws Exception {
        Class<?> host = loader.loadClass(Host.class.getName());
        Method parse = host.getMethod("parse", String.class);
        return parse.invoke(null, input).toString();
    }
}
