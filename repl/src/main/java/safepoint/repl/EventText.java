package safepoint.repl;

import java.util.List;
import java.util.Locale;
import safepoint.vm.event.Events;
import safepoint.vm.event.Ref;
import safepoint.vm.event.What;

/** The REPL's {@code ,events}: event records as lines of text (docs/events.md lists the kinds). */
final class EventText {
    private EventText() {}

    /** The last {@code n} events of the stream, then how many the live rings dropped. */
    static String last(Events events, int n) {
        List<Events.Event> all = events.snapshot();
        StringBuilder sb = new StringBuilder();
        for (Events.Event e : all.subList(Math.max(0, all.size() - n), all.size())) sb.append(line(e)).append('\n');
        long dropped = events.dropped();
        if (dropped > 0) sb.append("(").append(dropped).append(" older events dropped by the live buffers)\n");
        return sb.length() == 0 ? "No events yet.\n" : sb.toString();
    }

    /** {@code    12 P1 mutex-lock     #<mutex m> by #<thread worker>}: sequence, processor, kind, subject, detail. */
    static String line(Events.Event e) {
        Line l = of(e.what());
        return String.format(Locale.ROOT, "%6d P%d %-14s %s%s", e.seq(), e.processor(), l.kind, l.subject,
                l.detail.isEmpty() ? "" : " " + l.detail);
    }

    /** {@code mutex-lock #<mutex m> by #<thread worker>}: the event without its number and processor. */
    static String brief(What w) {
        Line l = of(w);
        return l.kind + " " + l.subject + (l.detail.isEmpty() ? "" : " " + l.detail);
    }

    private record Line(String kind, String subject, String detail) {}

    private static Line of(What w) {
        if (w instanceof What.Switch s) return new Line("switch", name(s.thread()), "");
        if (w instanceof What.ThreadStart s) return new Line("thread-start", name(s.thread()), "by " + name(s.by()));
        if (w instanceof What.Wait s) return new Line("wait", name(s.thread()), waitPhrase(s.on()) + at(s.at()));
        if (w instanceof What.Wake s) return new Line("wake", name(s.thread()), "(" + cause(s.cause()) + ")");
        if (w instanceof What.Signal s) {
            return new Line(s.broadcast() ? "cv-broadcast" : "cv-signal", name(s.condition()), "by " + name(s.by()) + ", " + woke(s));
        }
        if (w instanceof What.Send s) return new Line("send", name(s.by()), "to " + name(s.to()));
        if (w instanceof What.Receive s) return new Line("receive", name(s.by()), "a message already there");
        if (w instanceof What.TableAccess s) return new Line(s.operation(), s.table().name(), "by " + name(s.by()));
        if (w instanceof What.ThreadEnd s) return new Line("thread-end", name(s.thread()), s.uncaught() ? "uncaught exception" : "");
        if (w instanceof What.MutexLock s) {
            return new Line("mutex-lock", name(s.mutex()), "by " + name(s.by()) + (s.handedOver() ? " (handed over)" : ""));
        }
        if (w instanceof What.MutexUnlock s) return new Line("mutex-unlock", name(s.mutex()), "by " + name(s.by()));
        if (w instanceof What.Spin s) return new Line("spin", name(s.spinlock()), "held by " + name(s.holder()));
        if (w instanceof What.SpinlockTake s) return new Line("spinlock-take", name(s.spinlock()), "by " + name(s.by()));
        if (w instanceof What.SpinlockRelease s) return new Line("spinlock-give", name(s.spinlock()), "by " + name(s.by()));
        if (w instanceof What.GcRequest s) {
            return new Line("gc-request", name(s.by()), "live+allocated " + s.usedWords() + " of " + s.capacityWords() + " words");
        }
        if (w instanceof What.GcArrive s) return new Line("gc-arrive", s.processor().name(), "");
        if (w instanceof What.GcPhase s) {
            return new Line("gc-phase", "epoch " + s.epoch(), s.phase() == What.Phase.TRACE ? "trace and move" : "clear weak entries");
        }
        if (w instanceof What.GcRelease s) {
            return new Line("gc", "epoch " + s.epoch(), "live " + s.liveWords() + " words, pause " + s.pauseNanos() / 1000 + " us");
        }
        if (w instanceof What.RehashStart s) return new Line("rehash-start", s.table().name(), rehash(s.by(), s.oldSlots(), s.newSlots()));
        if (w instanceof What.RehashFinish s) return new Line("rehash-end", s.table().name(), rehash(s.by(), s.oldSlots(), s.newSlots()));
        if (w instanceof What.TableLock s) {
            String act = switch (s.action()) {
                case WAIT -> "waits for ";
                case TAKE -> "takes ";
                case RELEASE -> "releases ";
            };
            return new Line("table-lock", s.table().name(), "by " + name(s.by()) + ": " + act + name(s.lock()) + ", " + entries(s.count())
                    + " in " + s.slots() + " slots");
        }
        if (w instanceof What.TableStep s) return new Line("table-step", s.table().name(), "by " + name(s.by()) + ": " + step(s.step()));
        if (w instanceof What.SliceChoice s) return new Line("choice", s.processor().name(), "runs up to " + s.points() + " points");
        if (w instanceof What.ThreadChoice s) {
            return new Line("thread-choice", name(s.thread()), "to " + s.processor().name() + ", candidate " + s.index() + " of " + s.candidates());
        }
        What.TraceAccess s = (What.TraceAccess) w;
        return new Line(s.write() ? "trace-write" : "trace-read", s.location(), "by " + name(s.by()) + " = " + s.value());
    }

    private static String entries(int n) {
        return n + (n == 1 ? " entry" : " entries");
    }

    /** A table step in words: {@code probe slot 4}, {@code write key slot 4}, ... */
    static String step(safepoint.tables.TableStep s) {
        if (s instanceof safepoint.tables.TableStep.Probe p) return "probe slot " + p.slot();
        if (s instanceof safepoint.tables.TableStep.WriteKey k) return "write key slot " + k.slot();
        if (s instanceof safepoint.tables.TableStep.WriteValue v) return "write value slot " + v.slot();
        if (s instanceof safepoint.tables.TableStep.Copy c) return "copy slot " + c.slot() + " to the new store";
        if (s instanceof safepoint.tables.TableStep.Counts c) return "count " + c.count() + ", free " + c.free();
        if (s instanceof safepoint.tables.TableStep.StrandedRelease r) {
            return "release stripe " + r.releasedStripe() + ", not " + r.heldStripe() + " (moved from address " + r.lockedAt() + " to "
                    + r.releasedAt() + "): stripe " + r.heldStripe() + " stays locked";
        }
        safepoint.tables.TableStep.Publish p = (safepoint.tables.TableStep.Publish) s;
        return "publish " + p.oldSlots() + " -> " + p.newSlots() + " slots";
    }

    private static String rehash(Ref.ThreadRef by, int oldSlots, int newSlots) {
        return "by " + name(by) + ", " + oldSlots + (newSlots == oldSlots ? " slots (same size)" : " -> " + newSlots + " slots");
    }

    /** {@code " at "file.ss"@12.3"}, or nothing when the place is not known. */
    static String at(String place) {
        return place == null ? "" : " at " + place;
    }

    /** What ended a wait, in a few words. */
    static String cause(What.Cause c) {
        return switch (c) {
            case MUTEX -> "mutex handed over";
            case SIGNAL -> "signalled";
            case MESSAGE -> "a message came";
            case THREAD_END -> "the joined thread ended";
            case INPUT -> "input came";
            case TIMEOUT -> "timeout";
            case SLEEP_END -> "slept";
            case DEADLOCK -> "deadlock detected, raised here";
            case INTERRUPT -> "user interrupt or thread-raise!";
        };
    }

    /** Whom a signal woke: {@code woke #<thread a>, #<thread b>}, or that it was lost. */
    static String woke(What.Signal s) {
        if (s.woke().isEmpty()) return "woke nobody (no thread waited: the signal is lost)";
        StringBuilder sb = new StringBuilder("woke ");
        for (int i = 0; i < s.woke().size(); i++) sb.append(i == 0 ? "" : ", ").append(name(s.woke().get(i)));
        return sb.toString();
    }

    /** {@code on #<mutex m>}, {@code for a message}: what a wait is on, as a phrase after "waits". */
    static String waitPhrase(What.WaitOn on) {
        boolean forSomething = on instanceof What.OnMessage || on instanceof What.OnThreadEnd;
        return (forSomething ? "" : "on ") + waitText(on);
    }

    /** What a wait is on, in the words of {@code ,threads}. */
    static String waitText(What.WaitOn on) {
        if (on instanceof What.OnMutex m) return name(m.mutex()) + (m.holder() != null ? " (held by " + name(m.holder()) + ")" : "");
        if (on instanceof What.OnCondition c) return name(c.condition());
        if (on instanceof What.OnMessage) return "for a message";
        if (on instanceof What.OnThreadEnd t) return "for " + name(t.thread()) + " to end";
        if (on instanceof What.OnSleep) return "sleep";
        if (on instanceof What.OnInput i) return i.port();
        return ((What.OnOther) on).name();
    }

    /** A reference's name; {@code null} where no thread was concerned, as the text always said. */
    static String name(Ref r) {
        return r == null ? "null" : r.name();
    }
}
