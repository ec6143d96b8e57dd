package safepoint.repl;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import safepoint.inspector.Inspector;
import safepoint.inspector.attach.AttachClient;
import safepoint.inspector.attach.AttachException;
import safepoint.inspector.attach.AttachServer;
import safepoint.inspector.attach.TokenFile;
import safepoint.vm.Machine;

/** The command line's ends of the attach protocol: {@code --listen PORT} and {@code inspect --attach PORT}. */
final class Attach {
    private Attach() {}

    /** Where token files are: the property {@code safepoint.dir}, else {@code $SAFEPOINT_DIR}, else {@code ~/.safepoint}. */
    static Path dir() {
        String d = System.getProperty("safepoint.dir", System.getenv("SAFEPOINT_DIR"));
        return d == null || d.isBlank() ? TokenFile.defaultDir() : Path.of(d);
    }

    /**
     * Starts serving {@code vm}, saying where on {@code err}; null (and said why) when it cannot.
     * {@code control}: what attached viewers' control keys reach ({@code --control}), or null.
     */
    static AttachServer listen(Machine vm, int port, Writer err, Later control) throws IOException {
        try {
            AttachServer s = AttachServer.start(vm, port, dir(), control);
            err.write("listening on 127.0.0.1:" + s.port() + (control == null ? " (read-only)" : " (with control: pause, step, back, time line)")
                    + "; from another terminal: ./safepoint inspect --attach " + s.port() + "\n");
            err.flush();
            return s;
        } catch (AttachException e) {
            err.write("safepoint: " + e.getMessage() + "\n");
            err.flush();
            return null;
        }
    }

    /**
     * {@code --control}: the server starts before the REPL that owns the paused world exists, so
     * its control lines go through this, told the REPL's control once it is made.
     */
    static final class Later implements safepoint.inspector.Control {
        private volatile safepoint.inspector.Control to;

        void to(safepoint.inspector.Control c) {
            to = c;
        }

        private String or(java.util.function.Function<safepoint.inspector.Control, String> f) {
            safepoint.inspector.Control c = to;
            return c == null ? "the REPL is not ready yet: try again" : f.apply(c);
        }

        @Override
        public String pauseOrResume() {
            return or(safepoint.inspector.Control::pauseOrResume);
        }

        @Override
        public String step(int processor, String thread) {
            return or(c -> c.step(processor, thread));
        }

        @Override
        public String back() {
            return or(safepoint.inspector.Control::back);
        }

        @Override
        public TimeLine timeLine() {
            safepoint.inspector.Control c = to;
            return c == null ? null : c.timeLine();
        }

        @Override
        public String travel(long step) {
            return or(c -> c.travel(step));
        }

        @Override
        public boolean visits() {
            return false;
        }
    }

    /** {@code inspect --attach PORT}: the inspector, full screen, on the machine of that server; 0, or 1 with a line why not. */
    static int inspect(int port, Writer err) throws IOException {
        if (System.console() == null) {
            err.write("safepoint: inspect needs a terminal (it draws full screen)\n");
            err.flush();
            return 2;
        }
        try (AttachClient c = AttachClient.connect(port, TokenFile.read(dir(), port))) {
            Inspector.fullScreen(c, c.control());
            return 0;
        } catch (AttachException e) {
            err.write("safepoint: " + e.getMessage() + "\n");
            err.flush();
            return 1;
        }
    }
}
