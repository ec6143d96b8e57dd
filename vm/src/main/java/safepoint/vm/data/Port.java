package safepoint.vm.data;

/** A character port, input or output: Scheme's {@code port?}. */
public abstract class Port extends HeapObj {
    /** What {@code #<kind #n name>} shows: "string", "console", a file's name in parentheses... */
    public final String name;

    Port(String name) {
        this.name = name;
    }

    /** Gambit's word for it in {@code #<input-port #3 (string)>}. */
    public abstract String kind();
}
