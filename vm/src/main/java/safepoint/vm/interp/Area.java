package safepoint.vm.interp;

/**
 * A processor's allocation area: a bump pointer over addresses handed out by the heap (gc.Heap,
 * the {@link Source}). Only the processor that owns it bumps it; it may overshoot its end by
 * one object (the slack). Here, below the heap, because every allocation of the registers bumps it.
 */
public class Area {
    /** Where an area gets a fresh range of addresses when it is used up. */
    public interface Source {
        void refill(Area a);
    }

    /** For code run outside any processor (expansion time): objects get no address. */
    public static final Area DETACHED = new Area(null) {
        @Override
        public long bump(long words) {
            return 0;
        }
    };

    private final Source source;
    private long next;
    private long end;

    public Area(Source source) {
        this.source = source;
    }

    public long bump(long words) {
        if (next >= end) source.refill(this);
        long a = next;
        next += words * 8;
        return a;
    }

    /** Hand the area the addresses {@code [start, end)}. */
    public void reset(long start, long end) {
        this.next = start;
        this.end = end;
    }
}
