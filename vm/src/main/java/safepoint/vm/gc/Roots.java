package safepoint.vm.gc;

import java.util.function.Consumer;
import safepoint.vm.data.Machinery;

/**
 * Where the collector starts: the machine hands its roots to {@link Heap} through this, so the
 * heap needs to know nothing of globals or the scheduler. The object that implements it is the
 * machine, which is not data: the walker treats it as code ({@link ObjectWalker#code}).
 */
public interface Roots extends Machinery {
    /**
     * Visit every root, in a fixed order: the order of the trace, and so the survivors' new
     * addresses, follows it.
     */
    void forEachRoot(Consumer<Object> visit);
}
