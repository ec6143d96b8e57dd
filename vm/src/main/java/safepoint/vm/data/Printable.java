package safepoint.vm.data;

/**
 * An object that knows its own printed form (closures, continuations, threads, ...), for types the
 * printer in {@code print} does not know. Implementations use {@code vm.tag(this)} for the
 * {@code " #n"} of {@code #<kind #n ...>}.
 */
public interface Printable {
    void printOn(StringBuilder out, boolean write, Serials vm);
}
