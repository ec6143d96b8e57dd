package safepoint.inspector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.event.Events;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;

/**
 * What the inspector keeps of the event stream: a bounded tail, the tables' rehash log, the
 * recent GC pauses, and the counts the Problems pane reads (lost signals, lock-order pairs,
 * traced writes). Fed by {@link #take}: each call adds only the events newer than the last one
 * it saw, so a live ring read ten times a second gives each event once; a stream rewound to an
 * earlier step (its newest event older than the log's) is taken again from its start.
 */
final class EventLog {
    static final int TAIL = 2_000;
    static final int TABLE_LOG = 200;

    private long lastSeq;
    private long dropped;
    final ArrayDeque<Events.Event> tail = new ArrayDeque<>();
    /** The tail's events as the Events pane writes them, each made once, when it arrives (not every frame). */
    final ArrayDeque<String> tailLines = new ArrayDeque<>();
    final ArrayDeque<Events.Event> tableLog = new ArrayDeque<>();
    /** The last pauses (nanoseconds), newest last. */
    final ArrayDeque<Long> pauses = new ArrayDeque<>();
    /** Signals that woke nobody, by condition variable's name. */
    final Map<String, Integer> lostSignals = new LinkedHashMap<>();
    /** For each pair "A -> B" (B taken while A held), how often. */
    final Map<String, Integer> lockPairs = new LinkedHashMap<>();
    /** Locks each thread holds now, in the order it took them (by thread id). */
    private final Map<Long, List<String>> holding = new HashMap<>();
    /** Traced locations and the threads that wrote them. */
    final Map<String, java.util.Set<String>> writers = new LinkedHashMap<>();

    /** Adds the events of {@code events} newer than those already seen. */
    void take(Events events) {
        add(events.snapshot());
        dropped = events.dropped();
    }

    /** Adds the events of {@code feed} newer than those already seen. */
    void take(Feed feed) {
        add(feed.events());
        dropped = feed.dropped();
    }

    void add(List<Events.Event> snapshot) {
        // A stream that ends before what was seen was rewound (a step back, the time line): what
        // the log holds is the future of the world it shows now, so it starts again from the stream.
        if (!snapshot.isEmpty() && snapshot.get(snapshot.size() - 1).seq() < lastSeq) forget();
        for (Events.Event e : snapshot) {
            if (e.seq() <= lastSeq) continue;
            lastSeq = e.seq();
            push(tail, e, TAIL);
            push(tailLines, EventLine.line(e), TAIL);
            count(e);
        }
    }

    private void forget() {
        lastSeq = 0;
        tail.clear();
        tailLines.clear();
        tableLog.clear();
        pauses.clear();
        lostSignals.clear();
        lockPairs.clear();
        holding.clear();
        writers.clear();
    }

    long dropped() {
        return dropped;
    }

    private static <T> void push(ArrayDeque<T> q, T x, int max) {
        q.addLast(x);
        while (q.size() > max) q.removeFirst();
    }

    private void count(Events.Event e) {
        What w = e.what();
        if (w instanceof What.RehashStart || w instanceof What.RehashFinish) push(tableLog, e, TABLE_LOG);
        else if (w instanceof What.GcRelease g) push(pauses, g.pauseNanos(), 32);
        else if (w instanceof What.Signal s && s.woke().isEmpty()) lostSignals.merge(name(s.condition()), 1, Integer::sum);
        else if (w instanceof What.MutexLock m) take(m.by(), name(m.mutex()));
        else if (w instanceof What.SpinlockTake m) take(m.by(), name(m.spinlock()));
        else if (w instanceof What.MutexUnlock m) release(m.by(), name(m.mutex()));
        else if (w instanceof What.SpinlockRelease m) release(m.by(), name(m.spinlock()));
        else if (w instanceof What.ThreadEnd t && t.thread() != null) holding.remove(t.thread().id());
        else if (w instanceof What.TraceAccess t && t.write()) {
            writers.computeIfAbsent(t.location(), k -> new java.util.LinkedHashSet<>()).add(name(t.by()));
        }
    }

    private void take(Ref.ThreadRef by, String lock) {
        long id = by == null ? 0 : by.id();
        List<String> held = holding.computeIfAbsent(id, k -> new ArrayList<>());
        for (String h : held) if (!h.equals(lock)) lockPairs.merge(h + " -> " + lock, 1, Integer::sum);
        held.add(lock);
    }

    private void release(Ref.ThreadRef by, String lock) {
        List<String> held = holding.get(by == null ? 0 : by.id());
        if (held != null) held.remove(lock);
    }

    static String name(Ref r) {
        return r == null ? "null" : r.name();
    }
}
