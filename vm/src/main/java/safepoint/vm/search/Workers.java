package safepoint.vm.search;

/**
 * Searches (explore, dfs) on both cores: {@code n} Java threads running {@code work}, joined.
 * An internal error in a worker (a bug, or Java's heap full outside a run) interrupts the other
 * workers, which stop at their next run (a worker waiting for another's run is woken by it), and
 * is thrown on the caller's thread once all have ended: no worker dies alone, none waits forever.
 */
public final class Workers {
    private Workers() {}

    /** How many workers a search uses: one per core, at most two (the machines Safepoint is built for have two). */
    public static int count() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Run {@code work} on {@code n} threads named {@code name-i} and wait for them all (on this thread when n is 1). */
    public static void run(int n, String name, Runnable work) {
        if (n <= 1) {
            work.run();
            return;
        }
        Thread[] pool = new Thread[n];
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int w = 0; w < n; w++) {
            pool[w] = new Thread(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    if (failure.compareAndSet(null, e)) for (Thread t : pool) if (t != Thread.currentThread()) t.interrupt();
                }
            }, name + "-" + w);
        }
        for (Thread t : pool) t.start();
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() instanceof Error e) throw e;
        if (failure.get() != null) throw (RuntimeException) failure.get();
    }
}
