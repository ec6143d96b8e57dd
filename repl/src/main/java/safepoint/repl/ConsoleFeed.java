package safepoint.repl;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import safepoint.vm.Machine;
import safepoint.vm.data.ConsoleInput;

/**
 * While one evaluation runs: when a Scheme thread reads the console and finds nothing, read a line
 * from the terminal (no prompt) and feed it to the console, so {@code (read-line)} typed at the
 * prompt reads the next line the user types. Ctrl-C there interrupts the evaluation; Ctrl-D ends
 * that one read. Closing waits for a line being typed to be finished: it belongs to the program.
 */
final class ConsoleFeed implements AutoCloseable {
    private final ConsoleInput console;
    private final LineReader reader;
    private final Machine vm;
    private final Thread thread;
    private volatile boolean stop;

    ConsoleFeed(Machine vm, LineReader reader) {
        this.vm = vm;
        this.console = vm.console();
        this.reader = reader;
        console.clearWanted(); // a want from an earlier evaluation is stale: a read that waits asks again
        thread = new Thread(this::serve, "safepoint-console-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try {
            while (!stop) {
                if (!console.awaitWanted(50) || stop) continue;
                try {
                    console.feed(reader.readLine("") + "\n");
                } catch (UserInterruptException e) {
                    console.clearWanted(); // the interrupted read asks again only if the program goes on
                    vm.interrupt();
                } catch (EndOfFileException e) {
                    console.feedEnd();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop = true;
        boolean interrupted = false;
        for (;;) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
