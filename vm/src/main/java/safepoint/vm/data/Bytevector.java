package safepoint.vm.data;

/** A bytevector ({@code #u8(...)}); bytes are read as unsigned. */
public final class Bytevector extends HeapObj {
    public final byte[] bytes;

    public Bytevector(byte[] bytes) {
        this.bytes = bytes;
    }
}
