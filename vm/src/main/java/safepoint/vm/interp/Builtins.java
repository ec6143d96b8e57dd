package safepoint.vm.interp;

import safepoint.vm.data.PrimitiveSink;

/** Where the libraries that need the interpreter install their builtins: the global environment. */
public interface Builtins extends PrimitiveSink {
    void add(ControlPrim p);

    /** Bind the global {@code name} to {@code value}. */
    void define(String name, Object value);
}
