package safepoint.vm.data;

/** Gambit's special immediates: {@code #!void}, {@code #!eof}, {@code #!default} and friends. */
public enum Special {
    VOID("#!void"),
    EOF("#!eof"),
    DEFAULT("#!default"),
    OPTIONAL("#!optional"),
    REST("#!rest"),
    KEY("#!key"),
    UNBOUND("#!unbound");

    public final String text;

    Special(String text) {
        this.text = text;
    }

    public static Special named(String name) {
        for (Special s : values()) if (s.text.substring(2).equals(name)) return s;
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
