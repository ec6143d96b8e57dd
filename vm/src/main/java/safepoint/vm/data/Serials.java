package safepoint.vm.data;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The identities one VM hands out, which must never be static, so that runs are reproducible and
 * many VMs can share a JVM: serial numbers ({@code #<procedure #3 f>}), eq-hashes, gensym
 * counters, and the names of the globals that hold a value (for printing procedures).
 */
public final class Serials {
    private final IdentityHashMap<Object, Long> serials = new IdentityHashMap<>();
    private final List<Object> bySerial = new ArrayList<>();
    private long gensyms;

    /** The VM whose serial numbers this one prints: itself, or the VM an {@link #observer()} view looks at. */
    private final Serials numbered;
    private Serials observer;

    public Serials() {
        this.numbered = this;
        // gsi 4.9.3 hands out #1 before a program runs; a program's first object is #2.
        bySerial.add(null);
        bySerial.add(null);
    }

    private Serials(Serials of) {
        this.numbered = of;
    }

    /**
     * A view of this VM for printing on an observer's behalf (the event stream): it shows the
     * serial numbers objects already have and gives none, so {@code #<procedure #4>} stays the
     * program's fourth (an object without one prints as {@code #<procedure>}). Only for printing.
     */
    public synchronized Serials observer() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SERIALS, this);
        if (numbered != this) return this;
        if (observer == null) observer = new Serials(this);
        return observer;
    }

    /**
     * The {@code " #n"} of {@code #<kind #n ...>}: the object's serial number, given now if it has
     * none, except in an {@link #observer()} view, which shows only one it already has.
     */
    public String tag(Object o) {
        long n = numbered == this ? serial(o) : numbered.existingSerial(o);
        return n == 0 ? "" : " #" + n;
    }

    private synchronized long existingSerial(Object o) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SERIALS, this);
        Long n = serials.get(o);
        return n == null ? 0 : n;
    }

    /**
     * Gambit's {@code object->serial-number}: assigned on first request, 1, 2, 3, ... An observer's
     * view assigns none: it answers the number the object has, or 0.
     */
    public synchronized long serial(Object o) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SERIALS, this);
        if (numbered != this) return numbered.existingSerial(o);
        Long n = serials.get(o);
        if (n != null) return n;
        long s = bySerial.size();
        serials.put(o, s);
        bySerial.add(o);
        return s;
    }

    /** Give {@code o} serial number 1, which gsi gives its primordial thread. */
    public synchronized void serialOne(Object o) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SERIALS, this);
        bySerial.set(1, o);
        serials.put(o, 1L);
    }

    public synchronized Object bySerial(long n) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SERIALS, this);
        return n > 0 && n < bySerial.size() ? bySerial.get((int) n) : null;
    }

    private int eqHashCounter;

    /** The next eq-hash for a heap object: a per-VM sequence, scrambled so nearby objects spread. */
    public synchronized int nextEqHash() {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SERIALS, this);
        int h = (++eqHashCounter) * 0x9E3779B1;
        return h == 0 ? 1 : h;
    }

    /** Finds the name of a global variable holding a value (set by the VM; null in tests). */
    public java.util.function.Function<Object, String> globalNames;

    public String globalNameOf(Object value) {
        java.util.function.Function<Object, String> g = numbered.globalNames;
        return g == null ? null : g.apply(value);
    }

    public synchronized Symbol gensym(String prefix) {
        if (MonitorOrder.CHECK) MonitorOrder.entered(MonitorOrder.Monitor.SERIALS, this);
        return Symbol.uninterned(prefix + (gensyms++)); // gsi's first is g0
    }
}
