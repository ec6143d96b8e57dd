package safepoint.vm.data;


/** A Ctx for unit tests of primitives: string ports for output, a fresh VmState. */
public final class TestCtx implements Ctx {
    public final VmState vm = new VmState(42);
    public final OutputPort out = OutputPort.string();
    public final OutputPort err = OutputPort.string();
    public InputPort in = InputPort.ofString("");

    public TestCtx() {
        vm.stdout = out;
        vm.stderr = err;
        vm.stdin = in;
    }

    @Override public Pair cons(Object car, Object cdr) { return new Pair(car, cdr); }
    @Override public <T extends HeapObj> T alloc(T obj, int words) { return obj; }
    @Override public void reserve(long words) {}
    @Override public void allocated(long words) {}
    @Override public void work(long units) {}
    @Override public OutputPort currentOutput() { return out; }
    @Override public InputPort currentInput() { return in; }
    @Override public OutputPort currentError() { return err; }
    @Override public VmState vm() { return vm; }

}
