package safepoint.vm.observe;

import safepoint.vm.data.MonitorOrder;
import safepoint.vm.Machine;
import safepoint.vm.gc.Heap;
import safepoint.vm.interp.Frame;
import safepoint.vm.interp.Where;
import safepoint.vm.smp.Names;
import safepoint.vm.smp.SThread;
import safepoint.vm.smp.Scheduler;
import safepoint.vm.smp.Spinlocks;
import safepoint.vm.smp.SyncObjects;
import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Symbol;

/** What the REPL's {@code ,threads}, {@code ,locks} and {@code ,procs} show. */
public final class StatusReport {
    private StatusReport() {}

    public static String threads(Machine vm) {
        synchronized (vm.scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, vm.scheduler);
            return threadsLocked(vm);
        }
    }

    private static String threadsLocked(Machine vm) {
        List<SThread> all = new ArrayList<>();
        all.add(vm.primordial);
        for (SThread t : vm.scheduler.onCpu) if (!all.contains(t)) all.add(t);
        for (SThread t : vm.scheduler.runnable()) if (!all.contains(t)) all.add(t);
        for (SThread t : vm.scheduler.waiting) if (!all.contains(t)) all.add(t);
        StringBuilder sb = new StringBuilder();
        for (SThread t : all) {
            String n = Names.name(t);
            sb.append(n).append(" ".repeat(Math.max(1, 28 - n.length()))).append(Names.state(t, t == vm.primordial ? t : null));
            if (t.interp.spinningOn != null) sb.append(", spinning on ").append(Names.name(t.interp.spinningOn));
            sb.append('\n');
            if (t != vm.primordial && t.state != SThread.State.TERMINATED) sb.append(Names.backtrace(t, 8, "    "));
        }
        return sb.toString();
    }

    public static String locks(Machine vm) {
        synchronized (vm.scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, vm.scheduler);
            return locksLocked(vm);
        }
    }

    private static String locksLocked(Machine vm) {
        StringBuilder sb = new StringBuilder();
        List<Object> seen = new ArrayList<>();
        for (SThread t : vm.scheduler.waiting) {
            if (t.waitingOn instanceof SyncObjects.Mutex mx && !seen.contains(mx)) {
                seen.add(mx);
                sb.append(Names.name(mx)).append(" held by ").append(mx.owner == null ? "no thread" : Names.name(mx.owner))
                        .append("; waiting: ");
                List<String> w = new ArrayList<>();
                for (SThread x : mx.waiters) w.add(Names.name(x));
                sb.append(String.join(", ", w)).append('\n');
            }
        }
        for (SThread t : vm.scheduler.runnable()) {
            Spinlocks.Spinlock s = t.interp.spinningOn;
            if (s != null && !seen.contains(s)) {
                seen.add(s);
                SThread holder = s.holder();
                sb.append(Names.name(s)).append(" held by ").append(holder == null ? "no thread" : Names.name(holder))
                        .append("; spinning: ").append(Names.name(t)).append(" (").append(s.spins()).append(" spins)\n");
            }
        }
        return sb.length() == 0 ? "No lock is contended.\n" : sb.toString();
    }

    public static String processors(Machine vm) {
        synchronized (vm.scheduler) {
            if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SCHEDULER, vm.scheduler);
            Scheduler sc = vm.scheduler;
            StringBuilder sb = new StringBuilder();
            sb.append(vm.processors()).append(" processor").append(vm.processors() == 1 ? "" : "s")
                    .append(", free run; between evaluations all are idle (at a safepoint)\n");
            long[] tts = vm.heap.timeToSafepoint;
            for (int i = 0; i < sc.local.length; i++) {
                sb.append(String.format(java.util.Locale.ROOT, "P%d  queue %d  switches %d  polls %d  spins %d  last time to safepoint %s%n",
                        i, sc.local[i].size(), sc.switches[i], sc.polls[i], sc.spins[i],
                        i < tts.length && tts[i] > 0 ? String.format(java.util.Locale.ROOT, "%.3f ms", tts[i] / 1e6) : "-"));
            }
            sb.append("shared queue: ").append(sc.ready.size()).append(" threads, waiting: ").append(sc.waiting.size()).append('\n');
            Heap h = vm.heap;
            sb.append(String.format(java.util.Locale.ROOT, "heap: %d words, live after the last GC %d, allocated since %d, %d collections (epoch %d)%n",
                    h.capacity, h.liveAfterGc, h.sinceGc.get(), h.collections, h.epoch));
            return sb.toString();
        }
    }
}
