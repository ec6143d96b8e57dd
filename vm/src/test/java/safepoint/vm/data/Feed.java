package safepoint.vm.data;

import java.io.Reader;
import java.util.concurrent.LinkedBlockingQueue;

/** A console for tests: standard input whose pieces the test hands over when it chooses; nothing is ready before. */
public final class Feed extends Reader {
    private static final String END = new String("end of input");
    private final LinkedBlockingQueue<String> pieces = new LinkedBlockingQueue<>();
    private String rest = "";

    public void give(String piece) {
        pieces.add(piece);
    }

    public void end() {
        pieces.add(END);
    }

    @Override
    public int read(char[] into, int off, int len) {
        if (rest.isEmpty()) {
            try {
                rest = pieces.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        if (rest == END) {
            pieces.add(END);
            rest = "";
            return -1;
        }
        int n = Math.min(len, rest.length());
        rest.getChars(0, n, into, off);
        rest = rest.substring(n);
        return n;
    }

    @Override
    public boolean ready() {
        return !rest.isEmpty() || !pieces.isEmpty();
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
