package navemu.dns.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.dns.DnsAnswer;

class HostsResolverTest {

    @TempDir
    Path dir;

    private Path hosts(String text) throws Exception {
        Path file = dir.resolve("hosts");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aNameAndItsAliasesResolveToEveryAddressInFileOrder() throws Exception {
        Path file = hosts("# lab\n127.0.0.1   www.lab.test  www   # the origin\n::1 www.lab.test\n");
        HostsResolver resolver = new HostsResolver(file);
        RecordingTrace trace = new RecordingTrace();
        DnsAnswer answer = resolver.resolve("WWW.lab.test.", trace);
        assertEquals(List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), answer.addresses());
        assertEquals(null, answer.port());
        assertFalse(answer.fromCache());
        assertTrue(trace.lines.stream().anyMatch(l -> l.contains("line 2")), trace.lines.toString());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), resolver.resolve("www", trace).addresses());
    }

    @Test
    void anUnknownNameIsNotResolvedAndSaysNoQueryWasSent() throws Exception {
        HostsResolver resolver = new HostsResolver(hosts("127.0.0.1 www.lab.test\n"));
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver.resolve("other.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, e.error());
        assertTrue(e.getMessage().contains("not in the hosts file"), e.getMessage());
    }

    @Test
    void badLinesAreIgnoredWithTheirNumbers() throws Exception {
        HostsResolver resolver = new HostsResolver(hosts("not-an-ip www.lab.test\n10.0.0.1\n127.0.0.1 www.lab.test\n"));
        RecordingTrace trace = new RecordingTrace();
        assertEquals(1, resolver.resolve("www.lab.test", trace).addresses().size());
        assertTrue(trace.lines.stream().anyMatch(l -> l.contains("line 1: 'not-an-ip' is not an IP address")),
                trace.lines.toString());
        assertTrue(trace.lines.stream().anyMatch(l -> l.contains("line 2: an address with no name")),
                trace.lines.toString());
    }

    @Test
    void aMissingFileFailsClearly() {
        HostsResolver resolver = new HostsResolver(dir.resolve("absent"));
        NavigationException e = assertThrows(NavigationException.class,
                () -> resolver.resolve("www.lab.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_NOT_RESOLVED, e.error());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void anEditedFileIsReadAgain() throws Exception {
        Path file = hosts("127.0.0.1 www.lab.test\n");
        HostsResolver resolver = new HostsResolver(file);
        resolver.resolve("www.lab.test", new RecordingTrace());
        Files.writeString(file, "127.0.0.7 www.lab.test\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(List.of(InetAddress.getByName("127.0.0.7")),
                resolver.resolve("www.lab.test", new RecordingTrace()).addresses());
    }

    @Test
    void ipLiteralsResolveToThemselves() throws Exception {
        HostsResolver resolver = new HostsResolver(dir.resolve("absent"));
        assertEquals(List.of(InetAddress.getByName("::1")), resolver.resolve("[::1]", new RecordingTrace()).addresses());
    }
}
