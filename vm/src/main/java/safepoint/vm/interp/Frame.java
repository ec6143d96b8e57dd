package safepoint.vm.interp;

/**
 * A continuation frame: what to do with a value once a subcomputation is done. Frames form a
 * singly linked heap chain (the thread's stack), so {@code call/cc} captures it in O(1) and
 * recursion depth is bounded by the heap, not the Java stack.
 *
 * <p>Frames that reuse their own mutable state (an argument array, a body index) must check
 * {@link #captured}: a frame reachable from a captured continuation may be resumed more than
 * once, so it copies before mutating. Capture marks only the top frame; popping a captured frame
 * marks the next one, which spreads the flag lazily down the chain as it is reused.
 */
public abstract class Frame {
    public Frame next;
    boolean captured;

    /** Continue with {@code m.val} as the value of the awaited subcomputation. */
    public abstract void resume(Interp m);

    /** For backtraces: where this frame waits, or null. */
    public Where where() {
        return null;
    }
}
