package safepoint.vm.interp;

/**
 * A value that is not a procedure but may be applied: Gerbil's class objects (lang.ObjType),
 * whose application makes an instance. {@link Interp#apply} tries it after every procedure kind.
 */
public interface Applicable {
    void applyTo(Interp m, Object[] args);
}
