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

    /** Starts serving {@code vm}, saying where on {@code err}; null (and said why) when it cannot. */
    static AttachServer listen(Machine vm, int port, Writer err) throws IOException {
        try {
            AttachServer s = AttachServer.start(vm, port, dir());
            err.write("listening on 127.0.0.1:" + s.port() + " (read-only); from another terminal: ./safepoint inspect --attach " + s.port() + "\n");
            err.flush();
            return s;
        } catch (AttachException e) {
            err.write("safepoint: " + e.getMessage() + "\n");
            err.flush();
            return null;
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
            Inspector.fullScreen(c);
            return 0;
        } catch (AttachException e) {
            err.write("safepoint: " + e.getMessage() + "\n");
            err.flush();
            return 1;
        }
    }
}
