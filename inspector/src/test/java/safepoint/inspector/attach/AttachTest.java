package safepoint.inspector.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;

/**
 * The attach protocol: the records survive JSON whole, and the server keeps its promises to bad
 * clients (wrong token, garbage, a line too long, a client that vanishes, commands on a
 * read-only socket) while serving good ones.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AttachTest {
    @TempDir
    Path dir;
    private AttachServer server;

    @AfterEach
    void close() {
        if (server != null) server.close();
    }

    /** A machine with a thread waiting on a mutex another holds, a sleeper, a table: every kind of record. */
    private static Machine busy() {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        vm.configure(vm.settings().withProcessors(2));
        var o = vm.load("""
                (define m (make-mutex 'm))
                (mutex-lock! m)
                (define w (thread-start! (make-thread (lambda () (mutex-lock! m)) 'waiter)))
                (define s (thread-start! (make-thread (lambda () (thread-sleep! 60)) 'sleeper)))
                (define h (make-hash-table))
                (hash-put! h 1 2)
                (thread-sleep! 0.05)
                """, "busy.ss");
        assertEquals(safepoint.vm.run.Outcome.Status.VALUE, o.status(), o.errorText());
        return vm;
    }

    @Test
    void viewsAndEventsComeBackFromJsonEqual() throws Exception {
        Machine vm = busy();
        MachineView v = vm.look();
        MachineView back = Json.MAPPER.readValue(Json.line(new Message.View(v)), Message.View.class).view();
        assertEquals(v, back);
        assertTrue(back.threads().stream().anyMatch(t -> t.waitsFor() instanceof Wait.ToLock l && l.holder() != null), "a mutex wait with its holder");
        assertTrue(back.threads().stream().anyMatch(t -> t.waitsFor() instanceof Wait.Sleeping), "a sleeper");
        List<Events.Event> events = vm.events.snapshot();
        assertFalse(events.isEmpty());
        Message.EventBatch b = (Message.EventBatch) Json.MAPPER.readValue(Json.line(new Message.EventBatch(events, 3)), Message.class);
        assertEquals(events, b.events());
        assertEquals(3, b.dropped());
        assertFalse(Json.line(new Message.View(v)).contains("\n"), "one line");
    }

    @Test
    void aClientWithTheTokenSeesTheMachine() throws Exception {
        Machine vm = busy();
        server = AttachServer.start(vm, 0, dir);
        assertTrue(server.address().isLoopbackAddress(), "loopback only: " + server.address());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.tokenFile())));
        }
        try (AttachClient c = AttachClient.connect(server.port(), TokenFile.read(dir, server.port()))) {
            MachineView v = until(c);
            assertTrue(v.threads().stream().map(ThreadView::thread).anyMatch(r -> r.name().equals("#<thread waiter>")), v.threads().toString());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (c.events().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertFalse(c.events().isEmpty(), "events came");
            assertEquals("attached to 127.0.0.1:" + server.port(), c.notice());
        }
    }

    private static MachineView until(AttachClient c) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (c.look() == null && System.nanoTime() < deadline) Thread.sleep(20);
        assertNotNull(c.look(), "a view came");
        return c.look();
    }

    @Test
    void badClientsAreRefusedAndTheServerGoesOn() throws Exception {
        Machine vm = busy();
        server = AttachServer.start(vm, 0, dir);
        AttachException wrong = assertThrows(AttachException.class, () -> AttachClient.connect(server.port(), "not-the-token"));
        assertTrue(wrong.getMessage().contains("refused: wrong token: closing"), wrong.getMessage());
        assertEquals(List.of("expected {\"token\": \"...\"} as the first line: closing"), errors(raw("this is not json\n")));
        assertEquals(List.of("expected {\"token\": \"...\"} as the first line: closing"), errors(raw("[1, 2, 3]\n")));
        assertEquals(List.of("a line longer than 4096 bytes: closing"), errors(raw("{\"token\": \"" + "x".repeat(10_000) + "\"}\n")));
        // A client that vanishes in the middle of its token line, and one that never sends one.
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write("{\"tok".getBytes(StandardCharsets.UTF_8));
        }
        // Commands after the token: read-only.
        String token = TokenFile.read(dir, server.port());
        List<String> answers = raw("{\"token\": \"" + token + "\"}\n{\"eval\": \"(exit 3)\"}\n");
        assertTrue(answers.stream().anyMatch(l -> l.contains("read-only: this server takes no commands")), answers.toString());
        // After all that, a good client is still served.
        try (AttachClient c = AttachClient.connect(server.port(), token)) {
            assertNotNull(until(c));
        }
    }

    @Test
    void attachingToNothingSaysWhatToRun() {
        AttachException e = assertThrows(AttachException.class, () -> TokenFile.read(dir, 1));
        assertTrue(e.getMessage().contains("is `safepoint --listen 1` running as this user?"), e.getMessage());
        AttachException c = assertThrows(AttachException.class, () -> AttachClient.connect(1, "t"));
        assertTrue(c.getMessage().startsWith("cannot attach to 127.0.0.1:1: "), c.getMessage());
    }

    /** Sends {@code text} and returns the server's lines until it closes (or 2 s pass with none). */
    private List<String> raw(String text) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new java.util.ArrayList<>();
            try {
                for (String l; (l = in.readLine()) != null;) {
                    lines.add(l);
                    if (lines.size() > 6) break; // views keep coming on a good connection
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // the server stopped talking, or closed after its error
            }
            return lines;
        }
    }

    private static List<String> errors(List<String> lines) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String l : lines) {
            Message m = Json.MAPPER.readValue(l, Message.class);
            if (m instanceof Message.Error e) out.add(e.message());
        }
        return out;
    }
}
