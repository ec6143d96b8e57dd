package safepoint.inspector.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import safepoint.inspector.Control;
import safepoint.inspector.RecordingControl;
import safepoint.vm.Machine;
import safepoint.vm.event.Events;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;

/**
 * The attach protocol: the records survive JSON whole, and the server keeps its promises to bad
 * clients (wrong token, garbage, a line too long, a client that vanishes, commands on a
 * read-only socket) while serving good ones. With a control ({@code --listen PORT --control})
 * control lines reach it and are answered with what they did; malformed, unknown and oversized
 * ones are refused (an oversized one ends the connection) and the server goes on; without one
 * every control line is refused as view only, and the viewer's control keys are off.
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
        // Commands after the token: a view only (no --control).
        String token = TokenFile.read(dir, server.port());
        List<String> answers = raw("{\"token\": \"" + token + "\"}\n{\"eval\": \"(exit 3)\"}\n");
        assertTrue(answers.stream().anyMatch(l -> l.contains("view only: this server takes no control lines")), answers.toString());
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

    static Machine idle() {
        Machine vm = new Machine(new StringWriter(), new StringWriter(), new StringReader(""), 0);
        vm.load("(define x 1)", "t.ss");
        return vm;
    }

    @Test
    void controlLinesReachTheControlAndBadOnesAreRefused() throws Exception {
        RecordingControl r = new RecordingControl(new Control.TimeLine(3, 9));
        server = AttachServer.start(idle(), 0, dir, r);
        String token = TokenFile.read(dir, server.port());
        List<Message> answers = controlLines(token, List.of("{\"control\": \"pause\"}", "{\"control\": \"step\", \"processor\": 1}",
                "{\"control\": \"step\", \"thread\": \"#<thread a>\"}", "{\"control\": \"back\"}", "{\"control\": \"travel\", \"step\": 7}",
                "not json", "{\"eval\": \"(exit 3)\"}", "{\"control\": \"eval\", \"text\": \"(exit 3)\"}", "{\"control\": \"step\", \"processor\": -2}",
                "{\"control\": \"travel\", \"step\": \"x\"}", "[\"control\"]"), 11);
        assertEquals(List.of("pause", "step 1 null", "step -1 #<thread a>", "back", "travel 7"), r.calls);
        List<String> said = new ArrayList<>();
        for (Message m : answers) {
            if (m instanceof Message.World w && w.said() != null) {
                said.add(w.said());
                assertEquals(new Control.TimeLine(3, 9), w.timeLine());
            } else if (m instanceof Message.Error e) said.add("error: " + e.message());
        }
        assertEquals("paused (recorded)", said.get(0));
        assertEquals("travelled to 7 (recorded)", said.get(4));
        assertTrue(said.get(5).startsWith("error: not a control line: expected {\"control\": NAME"), said.get(5));
        assertTrue(said.get(6).startsWith("error: not a control line"), said.get(6));
        assertTrue(said.get(7).startsWith("error: no control \"eval\": one of pause, step"), said.get(7));
        assertTrue(said.get(7).endsWith("(no evaluation over the socket)"), said.get(7));
        assertTrue(said.get(8).startsWith("error: step: \"processor\" must be"), said.get(8));
        assertTrue(said.get(9).startsWith("error: travel needs \"step\""), said.get(9));
        assertTrue(said.get(10).startsWith("error: not a control line"), said.get(10));
        assertEquals(11, said.size(), said.toString());
        assertEquals(5, r.calls.size(), "refused lines call nothing");

        // An oversized control line ends that connection only.
        List<Message> cut = controlLines(token, List.of("{\"control\": \"pause\", \"x\": \"" + "y".repeat(10_000) + "\"}"), 1);
        assertTrue(cut.stream().noneMatch(m -> m instanceof Message.World w && w.said() != null), cut.toString());
        assertEquals(5, r.calls.size());

        // The viewer's own control: the same calls, the server's answers, and the time line from the periodic world messages.
        try (AttachClient c = AttachClient.connect(server.port(), token)) {
            Control k = c.control();
            assertNotNull(k, "the server welcomed a controller");
            assertEquals("stepped P0", k.step(0, null));
            assertEquals("travelled to 2 (recorded)", k.travel(2));
            assertEquals(new Control.TimeLine(3, 9), k.timeLine());
            assertTrue(!k.visits(), "the prompt is in the other terminal");
        }
        assertEquals(List.of("step 0 null", "travel 2"), r.calls.subList(5, 7));
    }

    @Test
    void withoutControlEveryControlLineIsRefusedAsViewOnly() throws Exception {
        server = AttachServer.start(idle(), 0, dir);
        String token = TokenFile.read(dir, server.port());
        List<Message> answers = controlLines(token, List.of("{\"control\": \"pause\"}", "{\"control\": \"travel\", \"step\": 0}"), 2);
        List<String> errors = new ArrayList<>();
        for (Message m : answers) {
            assertTrue(!(m instanceof Message.World), "a read-only server sends no world: " + m);
            if (m instanceof Message.Error e) errors.add(e.message());
        }
        assertEquals(2, errors.size(), answers.toString());
        for (String e : errors) assertTrue(e.startsWith("view only: this server takes no control lines (start it with --listen PORT --control)"), e);
        try (AttachClient c = AttachClient.connect(server.port(), token)) {
            assertNull(c.control(), "no control keys for a view-only server");
        }
    }

    /**
     * Sends the token and {@code lines}, and reads the server's messages until {@code answers} of
     * them answer lines (a world with words, or an error) or the server closes or stops talking.
     */
    private List<Message> controlLines(String token, List<String> lines, int answers) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(3000);
            OutputStream out = s.getOutputStream();
            StringBuilder text = new StringBuilder("{\"token\": \"" + token + "\"}\n");
            for (String l : lines) text.append(l).append('\n');
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            List<Message> got = new ArrayList<>();
            int answered = 0;
            try {
                for (String l; answered < answers && (l = in.readLine()) != null;) {
                    Message m = Json.MAPPER.readValue(l, Message.class);
                    got.add(m);
                    if (m instanceof Message.World w && w.said() != null || m instanceof Message.Error) answered++;
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // the server stopped talking, or closed the connection
            }
            return got;
        }
    }
}
