package safepoint.inspector.attach;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import safepoint.inspector.Control;
import safepoint.inspector.Feed;
import safepoint.vm.event.Events;
import safepoint.vm.observe.MachineView;

/**
 * {@code inspect --attach PORT}: a {@link Feed} read from a {@code --listen} server on this
 * machine. It checks the protocol's version, sends the token (from the token file unless given),
 * then one daemon thread reads views and event batches and keeps the latest view and the last
 * {@link #KEEP} events for the panes, which cannot tell it from a local machine. A server
 * started with {@code --control} also takes control lines: {@link #control} sends them.
 *
 * <p>Concurrency: the reader thread writes {@link #view}, {@link #notice} and {@link #dropped}
 * (volatile) and appends to {@link #events} under its monitor; the inspector's thread reads them.
 */
public final class AttachClient implements Feed, AutoCloseable {
    static final int KEEP = 10_000;
    /** A server's line may be long (a view of 100,000 threads), but not without end. */
    static final int MAX_SERVER_LINE = 256 << 20;

    private final Socket socket;
    private final String where;
    private volatile MachineView view;
    private volatile String notice;
    private volatile long dropped;
    private final ArrayDeque<Events.Event> events = new ArrayDeque<>();
    /** Whether the server takes control lines (its welcome says). */
    private final boolean controlled;
    /** The paused world's time line as the server last said, or null. */
    private volatile Control.TimeLine timeLine;
    /** The answers to control lines (what a line did, or why it was refused), in order. */
    private final java.util.concurrent.BlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();
    /** How long a control line may wait for its answer (a step back replays the run: it may take a while). */
    static final long ANSWER_MILLIS = 30_000;

    private AttachClient(Socket socket, String where, boolean controlled) {
        this.socket = socket;
        this.where = where;
        this.controlled = controlled;
    }

    /** Connects to {@code port} on the loopback address and authenticates with {@code token}. */
    public static AttachClient connect(int port, String token) throws AttachException {
        String where = "127.0.0.1:" + port;
        Socket s;
        try {
            s = new Socket(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            throw new AttachException("cannot attach to " + where + ": " + e.getMessage() + " (is `safepoint --listen " + port + "` running?)");
        }
        try {
            s.setSoTimeout(10_000);
            Lines in = new Lines(s.getInputStream(), MAX_SERVER_LINE);
            Message first = read(in, where);
            if (!(first instanceof Message.Hello h)) throw new AttachException(where + " is not a Safepoint attach server (it said " + first + ")");
            if (h.protocol() != Json.PROTOCOL) {
                throw new AttachException(where + " speaks attach protocol " + h.protocol() + "; this viewer speaks " + Json.PROTOCOL);
            }
            OutputStream out = s.getOutputStream();
            out.write((Json.line(Map.of("token", token)) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Message answer = read(in, where);
            if (answer instanceof Message.Error e) throw new AttachException(where + " refused: " + e.message());
            if (!(answer instanceof Message.Welcome w)) throw new AttachException(where + " answered the token with " + answer);
            s.setSoTimeout(0);
            AttachClient c = new AttachClient(s, where, w.control());
            c.notice = "attached to " + where;
            Thread t = new Thread(() -> c.pump(in), "safepoint-attach-viewer");
            t.setDaemon(true);
            t.start();
            return c;
        } catch (AttachException e) {
            closeQuietly(s);
            throw e;
        } catch (IOException e) {
            closeQuietly(s);
            throw new AttachException("lost " + where + " while attaching: " + e.getMessage());
        }
    }

    private static Message read(Lines in, String where) throws IOException, AttachException {
        String line = in.next();
        if (line == null) throw new AttachException(where + " closed the connection");
        try {
            return Json.MAPPER.readValue(line, Message.class);
        } catch (IOException e) {
            throw new AttachException(where + " sent a line that is not the attach protocol: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void pump(Lines in) {
        try {
            for (String line; (line = in.next()) != null;) {
                Message m;
                try {
                    m = Json.MAPPER.readValue(line, Message.class);
                } catch (IOException e) {
                    notice = "a line from " + where + " could not be read: skipped";
                    continue;
                }
                if (m instanceof Message.View v) view = v.view();
                else if (m instanceof Message.EventBatch b) {
                    synchronized (events) {
                        if (b.rewound()) events.clear(); // the machine's events now, in place of those before
                        events.addAll(b.events());
                        while (events.size() > KEEP) events.removeFirst();
                    }
                    dropped = b.dropped();
                } else if (m instanceof Message.Notice n) notice = n.text();
                else if (m instanceof Message.World w) {
                    timeLine = w.timeLine();
                    if (w.said() != null) answers.add(w.said());
                } else if (m instanceof Message.Error e) {
                    notice = where + ": " + e.message();
                    if (!e.closing()) answers.add(e.message()); // only control lines are answered with errors after the welcome
                }
            }
            notice = where + " closed the connection: the panes show its last view";
        } catch (IOException e) {
            notice = "lost " + where + " (" + e.getMessage() + "): the panes show its last view";
        }
        timeLine = null;
        answers.add(notice);
    }

    /** The server's control keys ({@code --listen PORT --control}), or null when it is read-only. */
    public Control control() {
        if (!controlled) return null;
        return new Control() {
            @Override
            public String pauseOrResume() {
                return send(Map.of("control", "pause"));
            }

            @Override
            public String step(int processor, String thread) {
                if (processor >= 0) return send(Map.of("control", "step", "processor", processor));
                if (thread != null) return send(Map.of("control", "step", "thread", thread));
                return send(Map.of("control", "step"));
            }

            @Override
            public String back() {
                return send(Map.of("control", "back"));
            }

            @Override
            public TimeLine timeLine() {
                return timeLine;
            }

            @Override
            public String travel(long step) {
                return send(Map.of("control", "travel", "step", step));
            }

            @Override
            public boolean visits() {
                return false; // the prompt is in the other terminal
            }
        };
    }

    /** One control line, and the server's answer (or why there is none). */
    private synchronized String send(Map<String, Object> line) {
        answers.clear(); // an answer that came after its wait gave up is not this line's
        try {
            OutputStream out = socket.getOutputStream();
            out.write((Json.line(line) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String a = answers.poll(ANSWER_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            return a != null ? a : "no answer from " + where + " within " + ANSWER_MILLIS / 1000 + " s";
        } catch (IOException e) {
            return "lost " + where + " (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public MachineView look() {
        return view;
    }

    @Override
    public List<Events.Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public long dropped() {
        return dropped;
    }

    @Override
    public String notice() {
        return notice;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
