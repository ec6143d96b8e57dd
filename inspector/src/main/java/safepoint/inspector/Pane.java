package safepoint.inspector;

import java.util.List;

/** The inspector's panes, in focus order, with the words {@code ?} shows for each column. */
enum Pane {
    PROCESSORS("Processors", List.of(
            "P: the processor's number",
            "STATE: running (its thread polls), spinning (on a spinlock), no poll (halted in code without polls), at safepoint (stopped for a GC), idle",
            "THREAD: the thread it runs; 'spinning on L' when that thread spins on spinlock L",
            "Q: threads in its own queue",
            "POLLS, POLLS/S: scheduling points it passed, and per second of the machine's clock between two looks",
            "SWITCH: threads it switched to; SPINS: spinlock tries that failed",
            "TTS: its last time to reach the safepoint when a GC asked (- before its first)")),
    THREADS("Threads", List.of(
            "#: the thread's creation number; NAME: as the reports write it",
            "STATE: Gambit's ,st state (RUNNING P2, RUNNABLE, WAITING #<mutex m>, SLEEPING, NEW, TERMINATED); @ at the safepoint, ! died of an uncaught exception",
            "POLLS: scheduling points it passed (unchanged between looks: it did not move)",
            "WAITS ON / HOLDER: what it waits for and who holds it (with the holder's processor), or the spinlock it spins on",
            "s cycles the sort key (number, name, state, processor), r reverses it, / filters by name or state, Enter shows the backtrace")),
    LOCKS("Locks", List.of(
            "LOCK: a contended mutex or spinlock, or one a thread holds",
            "HOLDER: the thread that holds it and its processor (S: a spinlock held by a thread stopped at the safepoint)",
            "SPINNERS: threads spinning on it, each with its processor and its failed tries (the lock's spin count when the VM lists it); WAITERS: threads queued to lock it")),
    BARRIER("GC & barrier", List.of(
            "the barrier: pending or not, who asked, arrived / expected processors",
            "for each processor not there, why: running code that will poll, spinning on L without polls, ...",
            "heap: capacity, live after the last GC, allocated since; collections, last pause, total pause",
            "history: the last pauses and times to safepoint, from the event stream")),
    TABLES("Tables", List.of(
            "TABLE: Gerbil's hash table; HASH/TEST: its hash and equality",
            "COUNT: entries; SLOTS: its vector's size; LOAD: entries per slot",
            "REHASH: rehashes so far (RESIZE of them grew it); * a rehash under way",
            "the log below: rehash and resize events from the stream, newest last")),
    EVENTS("Events", List.of(
            "SEQ: the event's sequence number (a total order); P: the processor that emitted it",
            "TIME: the machine's clock (virtual in controlled mode) when it happened",
            "KIND, WHAT: the event (docs/events.md); / filters the tail")),
    PROBLEMS("Problems", List.of(
            "COUNT: how many times or how many objects; KIND and WHAT: deadlock (a wait-for cycle), lost wakeup (a signal nobody",
            "waited for, and threads still waiting on that variable), lock-order inversion (two locks taken in both orders),",
            "spinlock held across a safepoint, barrier held up by code without polls, not polled (a running thread whose",
            "poll count did not move between looks), uncaught exception, unordered writes (a traced location written by two threads)"));

    final String title;
    final List<String> help;
    /** The tab bar's name. */
    final String tab;

    Pane(String title, List<String> help) {
        this.title = title;
        this.tab = title.equals("Processors") ? "Procs" : title.equals("GC & barrier") ? "GC" : title;
        this.help = help;
    }

    Pane next(int by) {
        Pane[] all = values();
        return all[Math.floorMod(ordinal() + by, all.length)];
    }
}
