package safepoint.vm.data;

/** Anything that can be applied. */
public abstract class Procedure extends HeapObj {
    /** The name shown in {@code #<procedure #n name>}, or null for an anonymous one. */
    public abstract String name();
}
