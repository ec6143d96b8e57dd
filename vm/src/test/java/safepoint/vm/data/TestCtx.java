package safepoint.vm.data;


/** A Ctx for unit tests of primitives: string ports for output, a fresh Serials. */
public final class TestCtx implements Ctx {
    public final Serials vm = new Serials();
    public final OutputPort out = OutputPort.string();
    public final OutputPort err = OutputPort.string();
    public InputPort in = InputPort.ofString("");

    public final java.util.SplittableRandom random = new java.util.SplittableRandom(42);

    @Override public Pair cons(Object car, Object cdr) { return new Pair(car, cdr); }
    @Override public <T extends HeapObj> T alloc(T obj, int words) { return obj; }
    @Override public void reserve(long words) {}
    @Override public void allocated(long words) {}
    @Override public void work(long units) {}
    @Override public OutputPort currentOutput() { return out; }
    @Override public InputPort currentInput() { return in; }
    @Override public OutputPort currentError() { return err; }
    @Override public Serials serials() { return vm; }
    @Override public java.util.SplittableRandom random() { return random; }

}
