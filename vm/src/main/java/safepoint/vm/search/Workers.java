package safepoint.vm.search;

/** Searches (explore, dfs) on both cores: {@code n} Java threads running {@code work}, joined. */
public final class Workers {
    private Workers() {}

    /** How many workers a search uses: one per core, at most two (the machine has two). */
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
        for (int w = 0; w < n; w++) {
            pool[w] = new Thread(work, name + "-" + w);
            pool[w].start();
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
