package safepoint.inspector;

import safepoint.vm.event.Events;
import safepoint.vm.event.What;

/** One event as a line of the Events pane: its kind, then what it concerns (docs/events.md's words, shorter). */
final class EventLine {
    private EventLine() {}

    static String kind(What w) {
        if (w instanceof What.Switch x) return "switch";
        if (w instanceof What.ThreadStart x) return "thread-start";
        if (w instanceof What.Wait x) return "wait";
        if (w instanceof What.Wake x) return "wake";
        if (w instanceof What.Signal x) return x.broadcast() ? "cv-broadcast" : "cv-signal";
        if (w instanceof What.Send x) return "send";
        if (w instanceof What.Receive x) return "receive";
        if (w instanceof What.TableAccess x) return x.operation();
        if (w instanceof What.ThreadEnd x) return "thread-end";
        if (w instanceof What.MutexLock x) return "mutex-lock";
        if (w instanceof What.MutexUnlock x) return "mutex-unlock";
        if (w instanceof What.Spin x) return "spin";
        if (w instanceof What.SpinlockTake x) return "spinlock-take";
        if (w instanceof What.SpinlockRelease x) return "spinlock-give";
        if (w instanceof What.GcRequest x) return "gc-request";
        if (w instanceof What.GcArrive x) return "gc-arrive";
        if (w instanceof What.GcPhase x) return "gc-phase";
        if (w instanceof What.GcRelease x) return "gc";
        if (w instanceof What.RehashStart x) return "rehash-start";
        if (w instanceof What.RehashFinish x) return "rehash-end";
        if (w instanceof What.TableStep x) return "table-step";
        if (w instanceof What.TableLock x) return "table-lock";
        if (w instanceof What.SliceChoice x) return "choice";
        if (w instanceof What.ThreadChoice x) return "thread-choice";
        if (w instanceof What.TraceAccess x) return x.write() ? "trace-write" : "trace-read";
        throw new IllegalArgumentException(String.valueOf(w));
    }

    static String what(What w) {
        if (w instanceof What.Switch x) return n(x.thread());
        if (w instanceof What.ThreadStart x) return n(x.thread()) + " by " + n(x.by());
        if (w instanceof What.Wait x) return n(x.thread()) + " on " + on(x.on()) + (x.at() == null ? "" : " at " + x.at());
        if (w instanceof What.Wake x) return n(x.thread()) + " (" + x.cause().name().toLowerCase().replace('_', ' ') + ")";
        if (w instanceof What.Signal x) return n(x.condition()) + " by " + n(x.by()) + (x.woke().isEmpty() ? ", woke nobody (lost)"
                    : ", woke " + String.join(" ", x.woke().stream().map(EventLine::n).toList()));
        if (w instanceof What.Send x) return n(x.by()) + " to " + n(x.to());
        if (w instanceof What.Receive x) return n(x.by());
        if (w instanceof What.TableAccess x) return n(x.table()) + " by " + n(x.by());
        if (w instanceof What.ThreadEnd x) return n(x.thread()) + (x.uncaught() ? " uncaught exception" : "");
        if (w instanceof What.MutexLock x) return n(x.mutex()) + " by " + n(x.by()) + (x.handedOver() ? " (handed over)" : "");
        if (w instanceof What.MutexUnlock x) return n(x.mutex()) + " by " + n(x.by());
        if (w instanceof What.Spin x) return n(x.spinlock()) + " by " + n(x.by()) + ", held by " + n(x.holder());
        if (w instanceof What.SpinlockTake x) return n(x.spinlock()) + " by " + n(x.by());
        if (w instanceof What.SpinlockRelease x) return n(x.spinlock()) + " by " + n(x.by());
        if (w instanceof What.GcRequest x) return "by " + n(x.by()) + ", live+allocated " + x.usedWords() + " of " + x.capacityWords() + " words";
        if (w instanceof What.GcArrive x) return x.processor().name();
        if (w instanceof What.GcPhase x) return "epoch " + x.epoch() + " " + x.phase().name().toLowerCase().replace('_', ' ');
        if (w instanceof What.GcRelease x) return "epoch " + x.epoch() + ", live " + x.liveWords() + " words, pause " + Text.nanos(x.pauseNanos());
        if (w instanceof What.RehashStart x) return n(x.table()) + " by " + n(x.by()) + ", " + slots(x.oldSlots(), x.newSlots());
        if (w instanceof What.RehashFinish x) return n(x.table()) + " by " + n(x.by()) + ", " + slots(x.oldSlots(), x.newSlots());
        if (w instanceof What.TableStep x) return n(x.table()) + " by " + n(x.by()) + ", " + x.step();
        if (w instanceof What.TableLock x) {
            return n(x.table()) + " by " + n(x.by()) + ", " + x.action().name().toLowerCase() + " " + n(x.lock()) + ", " + x.count() + " in "
                    + x.slots() + " slots";
        }
        if (w instanceof What.SliceChoice x) return x.processor().name() + " runs up to " + x.points() + " points";
        if (w instanceof What.ThreadChoice x) return n(x.thread()) + " to " + x.processor().name() + ", candidate " + x.index() + " of " + x.candidates();
        if (w instanceof What.TraceAccess x) return x.location() + " by " + n(x.by()) + " = " + x.value();
        throw new IllegalArgumentException(String.valueOf(w));
    }

    static String line(Events.Event e) {
        return Text.right(Long.toString(e.seq()), 7) + " P" + Text.fit(Integer.toString(e.processor()), 2) + " "
                + Text.right(Text.nanos(e.nanos()), 8) + "  " + Text.fit(kind(e.what()), 13) + " " + what(e.what());
    }

    private static String slots(int from, int to) {
        return from == to ? from + " slots (same size)" : from + " -> " + to + " slots";
    }

    private static String on(What.WaitOn on) {
        if (on instanceof What.OnMutex m) return n(m.mutex()) + (m.holder() == null ? "" : " (held by " + n(m.holder()) + ")");
        if (on instanceof What.OnCondition c) return n(c.condition());
        if (on instanceof What.OnMessage m) return "a message";
        if (on instanceof What.OnThreadEnd t) return "the end of " + n(t.thread());
        if (on instanceof What.OnSleep s) return "sleep";
        if (on instanceof What.OnInput i) return "input on " + i.port();
        if (on instanceof What.OnOther o) return o.name();
        throw new IllegalArgumentException(String.valueOf(on));
    }

    private static String n(safepoint.vm.event.Ref r) {
        return EventLog.name(r);
    }
}
