package safepoint.vm.prims;

import safepoint.vm.data.PrimitiveSink;

/** STUB: see the class comment once written. */
public final class CharStringPrims {
    private CharStringPrims() {}

    public static void install(PrimitiveSink sink) {}
}
