package safepoint.vm.data;

/**
 * An object that {@code equal?} may compare field by field: Gerbil's structs and classes made
 * with {@code transparent: #t} or {@code equal: #t | (slot ...)} (doc/reference/gerbil/prelude/
 * macros.md, "defclass"). Two are equal when they have the same type and their fields are equal.
 */
public interface FieldEquality {
    /** What both must share: the object's type. */
    Object equalityType();

    /** The fields {@code equal?} compares, in a fixed order; null when the type compares by identity. */
    Object[] equalFields();

    /** Whether {@link #equalFields} is not null, without making the array (hashing asks it of every key). */
    boolean byFields();
}
