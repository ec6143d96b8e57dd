package safepoint.vm.data;

/** A mutable Scheme string (UTF-16 units; characters outside the BMP take two). */
public final class MString extends HeapObj {
    public final StringBuilder b;
    public boolean immutable;

    public MString(String s) {
        this.b = new StringBuilder(s);
    }

    public MString(StringBuilder b) {
        this.b = b;
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
