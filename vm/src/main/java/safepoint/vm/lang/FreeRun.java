package safepoint.vm.lang;

/**
 * Free run: N processors, each a Java thread (P0 is the caller's), truly parallel, taking green
 * threads from the shared ready queue. A processor runs a thread without any lock until its next
 * scheduling point, then does its bookkeeping under the scheduler's monitor. Races on Scheme data
 * are real; the VM's own structures are guarded (see Scheduler). An idle processor waits on the
 * scheduler's monitor: the only place a processor's Java thread parks. With one processor this is
 * the same loop on the caller's thread, and a thread stopped in code without polls keeps it.
 */
final class FreeRun {
    private final Machine vm;
    private final Scheduler s;
    private final int n;
    private boolean stop;
    private Machine.Outcome outcome;
    private int idle;

    FreeRun(Machine vm, int processors) {
        this.vm = vm;
        this.s = vm.scheduler;
        this.n = processors;
    }

    /** Run until the primordial thread ends; returns null then, or the outcome that stopped the run. */
    Machine.Outcome go() {
        Thread[] others = new Thread[n - 1];
        for (int i = 1; i < n; i++) {
            int id = i;
            others[i - 1] = new Thread(() -> loop(id), "safepoint-P" + i);
            others[i - 1].setDaemon(true);
            others[i - 1].start();
        }
        try {
            loop(0);
        } finally {
            synchronized (s) {
                stop = true;
                s.notifyAll();
            }
            for (Thread t : others) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return outcome;
    }

    private void finish(Machine.Outcome o) {
        if (!stop) {
            stop = true;
            outcome = o;
        }
        s.notifyAll();
    }

    private void loop(int id) {
        for (;;) {
            SThread t;
            synchronized (s) {
                for (;;) {
                    if (stop) return;
                    if (id == 0) {
                        Machine.Outcome late = vm.checkLimits();
                        if (late != null) {
                            finish(late);
                            return;
                        }
                    }
                    long next = s.expireTimeouts(System.nanoTime());
                    t = s.ready.poll();
                    if (t != null) break;
                    idle++;
                    if (idle == n && next == Long.MAX_VALUE) {
                        // Every processor is idle, nothing is ready and no wait can time out.
                        idle--;
                        finish(vm.deadlock());
                        return;
                    }
                    long waitNanos = Math.min(next == Long.MAX_VALUE ? Long.MAX_VALUE : next - System.nanoTime(), 20_000_000L);
                    try {
                        if (waitNanos > 0) s.wait(Math.max(1, waitNanos / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        finish(null);
                        return;
                    } finally {
                        idle--;
                    }
                }
                t.onProcessor = id;
                if (vm.takeInterrupt()) t.interp.interruptFlags |= Interp.INTR_USER;
            }
            boolean halted = t.interp.run(Machine.SLICE);
            synchronized (s) {
                t.onProcessor = -1;
                if (vm.exitCode != null) {
                    finish(null);
                    return;
                }
                if (halted) {
                    if (t == vm.primordial) {
                        finish(null);
                        return;
                    }
                    t.result = t.interp.val;
                    t.exception = t.interp.uncaught;
                    s.terminated(t);
                } else if (t.interp.blocked) {
                    if (t.state == SThread.State.RUNNABLE) s.ready.add(t); // woken before we parked it
                } else if (t.interp.polling) {
                    s.ready.add(t); // preempted at a poll: the others get their turn
                } else {
                    // Stopped in code that does not poll: the thread keeps its processor.
                    if (n == 1) {
                        Machine.Outcome stuck = Spinlocks.spinDeadlock(vm, t);
                        if (stuck != null) {
                            finish(stuck);
                            return;
                        }
                    }
                    s.ready.addFirst(t);
                }
                s.notifyAll();
            }
        }
    }
}
