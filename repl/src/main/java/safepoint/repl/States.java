package safepoint.repl;

import java.util.Locale;
import java.util.Map;

/** What the words of {@code ,threads}, {@code ,procs} and the inspector mean, for {@code ,? NAME}. */
final class States {
    private States() {}

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("RUNNING", "RUNNING Pn: the thread is on processor n, running Scheme code (Gambit's ,st word)."),
            Map.entry("RUNNABLE", "RUNNABLE: ready to run, in a processor's queue or the shared one, waiting for a processor."),
            Map.entry("WAITING", "WAITING X: blocked until X happens: a mutex is unlocked (it names the holder), a condition"
                    + " variable is signalled, a message comes, a thread ends, or console input comes."),
            Map.entry("SLEEPING", "SLEEPING: in thread-sleep!; it wakes by itself when its time comes (the inspector says when)."),
            Map.entry("STOPPED", "STOPPED: the thread ended with an uncaught exception; ,(v T) visits it and ,b shows where."),
            Map.entry("TERMINATED", "TERMINATED: the thread has ended; thread-join! gives its result."),
            Map.entry("NEW", "NEW: made with make-thread and not yet started (thread-start!)."),
            Map.entry("AT SAFEPOINT", "at safepoint: the processor stopped at a poll for the GC barrier; the collection starts"
                    + " when every processor is there."),
            Map.entry("SPINNING", "spinning without polls: the processor loops on a spinlock in code compiled without polls"
                    + " (declare (not interrupts-enabled)); it never reaches a safepoint, so a GC barrier waits for it forever"
                    + " if the lock's holder is parked there (examples/gc-barrier-spin.ss)."),
            Map.entry("NO POLL", "halted in code without polls: a host stop (,pause) found the processor in code that has no"
                    + " polls; it keeps its thread, and is not at a safepoint."),
            Map.entry("IDLE", "idle: the processor has no thread to run; an idle processor counts as at a safepoint."),
            Map.entry("IN GC", "in GC: every processor is at the safepoint and the collector moves the live objects."));

    /** The meaning of {@code name} (any case; "at safepoint", "spinning without polls" and such are found by their first words), or null. */
    static String explain(String name) {
        String key = name.toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').strip();
        if (key.startsWith("AT SAFEPOINT") || key.equals("SAFEPOINT")) key = "AT SAFEPOINT";
        if (key.startsWith("SPINNING")) key = "SPINNING";
        if (key.startsWith("NO POLL")) key = "NO POLL";
        String m = MEANING.get(key);
        return m == null ? null : m + "\n";
    }
}
