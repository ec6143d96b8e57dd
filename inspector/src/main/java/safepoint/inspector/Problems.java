package safepoint.inspector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import safepoint.vm.observe.MachineView;
import safepoint.vm.observe.ProcessorView;
import safepoint.vm.observe.Ref;
import safepoint.vm.observe.ThreadView;
import safepoint.vm.observe.Wait;
import safepoint.vm.observe.WaitEdge;

/**
 * The Problems pane's lines, like tokio-console's warnings: each a kind, a count and what it
 * concerns, found from the latest look and the events seen so far. Only what views and events
 * show: a proof (the VM's analysis) is the REPL's {@code ,deadlock}.
 */
final class Problems {
    record Problem(String kind, long count, String what) {}

    private Problems() {}

    static List<Problem> of(Looks looks, EventLog log) {
        MachineView v = looks.now();
        List<Problem> out = new ArrayList<>();
        if (v == null) return out;
        for (List<Ref> cycle : cycles(v.waits())) {
            StringBuilder sb = new StringBuilder();
            for (Ref r : cycle) sb.append(r.name()).append(" -> ");
            sb.append(cycle.get(0).name());
            out.add(new Problem("deadlock", cycle.stream().filter(r -> r.kind() == Ref.Kind.THREAD).count(), sb.toString()));
        }
        for (Map.Entry<String, Integer> e : log.lostSignals.entrySet()) {
            long waiting = v.threads().stream().filter(t -> t.waitsFor() instanceof Wait.OnCondition c && c.deadlineNanos() < 0
                    && c.conditionVariable().name().equals(e.getKey())).count();
            out.add(new Problem("lost wakeup", e.getValue(), e.getKey() + ": signals woke nobody"
                    + (waiting > 0 ? "; " + waiting + " thread(s) wait on it now, untimed" : "")));
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Integer> e : log.lockPairs.entrySet()) {
            String[] ab = e.getKey().split(" -> ", 2);
            Integer back = log.lockPairs.get(ab[1] + " -> " + ab[0]);
            if (back != null && seen.add(ab[1] + " " + ab[0]) && seen.add(ab[0] + " " + ab[1])) {
                out.add(new Problem("lock order", e.getValue() + back, ab[0] + " and " + ab[1] + " taken in both orders"));
            }
        }
        for (ThreadView t : v.threads()) {
            for (Ref h : t.held()) {
                if (h.kind() == Ref.Kind.SPINLOCK && (t.atSafepoint() || v.barrier().pending() && t.processor() >= 0
                        && v.barrier().arrived().contains(t.processor()))) {
                    out.add(new Problem("spinlock at safepoint", 1, t.thread().name() + " holds " + h.name() + " at the safepoint"));
                }
            }
            if (t.uncaughtException()) out.add(new Problem("uncaught", 1, t.thread().name() + " died of an uncaught exception"));
        }
        if (v.barrier().pending()) {
            for (ProcessorView p : v.processors()) {
                if (p.state() == ProcessorView.State.NO_POLL) {
                    out.add(new Problem("barrier held up", 1, "P" + p.id() + " runs " + p.running() + " in code without polls: the GC waits"));
                }
            }
        }
        for (Map.Entry<Long, long[]> e : looks.still().entrySet()) {
            if (e.getValue()[1] >= 10) {
                ThreadView t = v.thread(e.getKey());
                out.add(new Problem("not polled", e.getValue()[1], (t == null ? "#" + e.getKey() : t.thread().name())
                        + " has not polled for " + e.getValue()[1] + " looks"));
            }
        }
        for (Map.Entry<String, Set<String>> e : log.writers.entrySet()) {
            if (e.getValue().size() > 1) {
                out.add(new Problem("unordered writes", e.getValue().size(), e.getKey() + " written by " + String.join(", ", e.getValue())
                        + " (a race if nothing orders them: explore proves it)"));
            }
        }
        return out;
    }

    /**
     * Each simple cycle of untimed edges, once. A node with no edge out (a mailbox, a mutex nobody
     * holds) is on no cycle, so the walk never enters one: 100,000 threads waiting for messages
     * are 100,000 edges into such nodes, never walked.
     */
    static List<List<Ref>> cycles(List<WaitEdge> edges) {
        // First the kinds of node with an edge out: an edge into a kind with none (every mailbox,
        // when threads wait for messages) is on no cycle, and is dropped without hashing its nodes.
        java.util.EnumSet<Ref.Kind> leave = java.util.EnumSet.noneOf(Ref.Kind.class);
        for (WaitEdge e : edges) if (!e.timed() && e.to() != null) leave.add(e.from().kind());
        Map<Ref, List<Ref>> next = new LinkedHashMap<>();
        for (WaitEdge e : edges) {
            if (e.timed() || e.to() == null || !leave.contains(e.to().kind())) continue;
            next.computeIfAbsent(e.from(), k -> new ArrayList<>(1)).add(e.to());
        }
        List<List<Ref>> out = new ArrayList<>();
        Set<Set<Ref>> found = new HashSet<>();
        Map<Ref, Integer> state = new HashMap<>();
        List<Ref> path = new ArrayList<>();
        for (Map.Entry<Ref, List<Ref>> start : next.entrySet()) {
            if (start.getValue().stream().anyMatch(next::containsKey)) walk(start.getKey(), next, state, path, out, found);
        }
        return out;
    }

    private static void walk(Ref r, Map<Ref, List<Ref>> next, Map<Ref, Integer> state, List<Ref> path, List<List<Ref>> out,
            Set<Set<Ref>> found) {
        Integer s = state.get(r);
        if (s != null && s == 1) {
            List<Ref> cycle = new ArrayList<>(path.subList(path.indexOf(r), path.size()));
            if (found.add(new HashSet<>(cycle))) out.add(cycle);
            return;
        }
        if (s != null) return;
        state.put(r, 1);
        path.add(r);
        for (Ref n : next.getOrDefault(r, List.of())) {
            if (next.containsKey(n)) walk(n, next, state, path, out, found);
        }
        path.remove(path.size() - 1);
        state.put(r, 2);
    }
}
