package safepoint.inspector.attach;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import safepoint.inspector.Control;
import safepoint.vm.Machine;
import safepoint.vm.event.Events;

/**
 * {@code --listen PORT}: serves the machine's views and events to inspectors in other terminals,
 * over line-delimited JSON (docs/attach.md). Loopback only; a client must first send the token
 * that {@link TokenFile} wrote for its user; read-only unless started with a {@link Control}
 * ({@code --control}: then a client's control lines pause, step, step back and move the time line;
 * never an evaluation); a line longer than {@link #MAX_LINE} ends the connection; garbage gets an
 * error line.
 *
 * <p>Threads and the machine: one daemon thread accepts, one per client serves. A client's
 * thread takes its own looks ({@code Machine.look()}, the same brief host stop the local
 * inspector takes) and writes them; a slow client blocks only its own thread, and once one
 * write has taken longer than {@link #SLOW_MILLIS} the client gets only a view each second, no
 * events, and is told so. Nothing the server does waits on the VM's monitors but the look.
 */
public final class AttachServer implements AutoCloseable {
    /** The longest line a client may send (its token line): 4 KiB is plenty. */
    public static final int MAX_LINE = 4096;
    static final long PERIOD_MILLIS = 100;
    static final long SLOW_MILLIS = 500;
    static final long DEGRADED_PERIOD_MILLIS = 1000;
    /** How long a client may take to send its token. */
    static final int AUTH_MILLIS = 10_000;

    private final Machine vm;
    /** What control lines reach, or null: a view only. */
    private final Control control;
    private final ServerSocket socket;
    private final String token;
    private final Path tokenFile;
    private final List<Socket> clients = new ArrayList<>();
    private volatile boolean closed;

    private AttachServer(Machine vm, Control control, ServerSocket socket, String token, Path tokenFile) {
        this.vm = vm;
        this.control = control;
        this.socket = socket;
        this.token = token;
        this.tokenFile = tokenFile;
    }

    /**
     * Listens on the loopback address's {@code port} (0: any free one) and writes the token file
     * in {@code tokenDir}. Fails with a person's words when the port is taken.
     */
    public static AttachServer start(Machine vm, int port, Path tokenDir) throws AttachException {
        return start(vm, port, tokenDir, null);
    }

    /** As {@link #start(Machine, int, Path)}; with {@code control} not null, clients may send control lines to it ({@code --control}). */
    public static AttachServer start(Machine vm, int port, Path tokenDir, Control control) throws AttachException {
        ServerSocket s;
        try {
            s = new ServerSocket(port, 8, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new AttachException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        String token = TokenFile.fresh();
        Path file;
        try {
            file = TokenFile.write(tokenDir, s.getLocalPort(), token);
        } catch (IOException e) {
            closeQuietly(s);
            throw new AttachException("cannot write the token file in " + tokenDir + ": " + e.getMessage());
        }
        AttachServer server = new AttachServer(vm, control, s, token, file);
        Thread t = new Thread(server::accept, "safepoint-attach");
        t.setDaemon(true);
        t.start();
        return server;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public Path tokenFile() {
        return tokenFile;
    }

    /** The address it listens on (always a loopback address). */
    public InetAddress address() {
        return socket.getInetAddress();
    }

    private void accept() {
        while (!closed) {
            Socket c;
            try {
                c = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            synchronized (clients) {
                clients.add(c);
            }
            Thread t = new Thread(() -> serve(c), "safepoint-attach-client");
            t.setDaemon(true);
            t.start();
        }
    }

    /** One client: hello, its token, then views and events until it goes away. */
    private void serve(Socket c) {
        try (c) {
            c.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(c.getOutputStream());
            send(out, new Message.Hello(Json.PROTOCOL, "safepoint 0.1", control != null, "{\"token\": \"...\"} (from " + tokenFile + ")"));
            c.setSoTimeout(AUTH_MILLIS);
            Lines in = new Lines(c.getInputStream(), MAX_LINE);
            String line;
            try {
                line = in.next();
            } catch (Lines.TooLong e) {
                send(out, new Message.Error(e.getMessage() + ": closing", true));
                return;
            } catch (SocketTimeoutException e) {
                send(out, new Message.Error("no token within " + AUTH_MILLIS / 1000 + " s: closing", true));
                return;
            }
            if (line == null) return;
            String given = tokenOf(line);
            if (given == null) {
                send(out, new Message.Error("expected {\"token\": \"...\"} as the first line: closing", true));
                return;
            }
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                send(out, new Message.Error("wrong token: closing", true));
                return;
            }
            send(out, new Message.Welcome(control != null, PERIOD_MILLIS));
            Thread reader = new Thread(() -> commands(c, in, out), "safepoint-attach-reader");
            reader.setDaemon(true);
            reader.start();
            stream(c, out);
        } catch (IOException | RuntimeException e) {
            // The client went away (or sent something we could not answer): only its connection ends.
        } finally {
            synchronized (clients) {
                clients.remove(c);
            }
        }
    }

    /**
     * After the token: each line is a control line (docs/attach.md), answered with a {@code world}
     * message, or refused with an error: every line when the server is read-only, a line that is
     * not a control line otherwise. A too-long line ends the connection.
     */
    private void commands(Socket c, Lines in, OutputStream out) {
        try {
            c.setSoTimeout(0);
            for (String line; (line = in.next()) != null;) {
                if (line.isBlank()) continue;
                Message answer;
                if (control == null) {
                    answer = new Message.Error("view only: this server takes no control lines (start it with --listen PORT --control);"
                            + " no evaluation over the socket", false);
                } else {
                    ControlLine.Parsed p = ControlLine.parse(line);
                    answer = p.error() != null ? new Message.Error(p.error(), false) : new Message.World(p.apply(control), control.timeLine());
                }
                synchronized (out) {
                    send(out, answer);
                }
            }
        } catch (IOException e) {
            // a line too long, or the client is gone
        }
        closeQuietly(c); // either way (or the client closed its side): this connection is done
    }

    /** Views and events every period; degraded to a view each second after one slow write. */
    private void stream(Socket c, OutputStream out) throws IOException {
        long lastSeq = -1;
        boolean degraded = false;
        while (!closed && !c.isClosed()) {
            long start = System.nanoTime();
            Message.View view = new Message.View(vm.look());
            List<Events.Event> batch = new ArrayList<>();
            boolean rewound = false;
            if (!degraded) {
                List<Events.Event> all = vm.events.snapshot();
                // Newest older than what was sent: the machine was rewound; send all it has now, to replace the rest.
                rewound = lastSeq >= 0 && (all.isEmpty() || all.get(all.size() - 1).seq() < lastSeq);
                if (rewound) lastSeq = -1;
                for (Events.Event e : all) {
                    if (e.seq() > lastSeq) batch.add(e);
                }
                if (!batch.isEmpty()) lastSeq = batch.get(batch.size() - 1).seq();
            }
            Message.World world = control == null ? null : new Message.World(null, control.timeLine());
            synchronized (out) {
                send(out, view);
                if (!degraded) send(out, new Message.EventBatch(batch, vm.events.dropped(), rewound));
                if (world != null) send(out, world);
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            if (!degraded && tookMillis > SLOW_MILLIS) {
                degraded = true;
                synchronized (out) {
                    send(out, new Message.Notice("slow connection (a write took " + tookMillis + " ms): a view each second, no events", true));
                }
            }
            try {
                Thread.sleep(degraded ? DEGRADED_PERIOD_MILLIS : PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The token of a first line {@code {"token": "..."}}, or null when the line is not that. */
    private static String tokenOf(String line) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = Json.MAPPER.readTree(line);
            return n != null && n.isObject() && n.path("token").isTextual() ? n.get("token").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void send(OutputStream out, Message m) throws IOException {
        out.write((Json.line(m) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Stops listening, ends every connection and removes the token file. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
        synchronized (clients) {
            for (Socket c : clients) closeQuietly(c);
            clients.clear();
        }
        try {
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            // a stale token file names a port nobody listens on: harmless, replaced by the next server
        }
    }
}
