package safepoint.vm.prims;

import java.util.Arrays;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.Special;

/**
 * Binary ports (R7RS 6.13): bytevector ports and the u8 reads and writes, with gsi 4.9.3's
 * names for what they expect ("Byte INPUT PORT", "U8vector OUTPUT PORT"). {@code peek-u8} is
 * R7RS's; gsi 4.9.3 lacks it. A closed port is refused as by every port primitive
 * ({@link PortPrims#in}).
 */
final class BytePortPrims {
    private BytePortPrims() {}

    private static final String BYTE_IN = "Byte INPUT PORT";
    private static final String BYTE_OUT = "Byte OUTPUT PORT";

    private static InputPort byteIn(Ctx c, Object[] args, int at, String name) {
        InputPort p = PortPrims.in(c, args, at, name, BYTE_IN);
        if (p.isBinary()) return p;
        throw Condition.typeError(name, at + 1, BYTE_IN, args);
    }

    private static OutputPort byteOut(Ctx c, Object[] args, int at, String name) {
        OutputPort p = PortPrims.out(c, args, at, name, BYTE_OUT);
        if (p.isBinary()) return p;
        throw Condition.typeError(name, at + 1, BYTE_OUT, args);
    }

    private static Object byteOrEof(int b) {
        return b < 0 ? Special.EOF : (Object) (long) b;
    }

    static void install(PrimitiveSink sink) {
        sink.add(Primitive.of1("open-input-bytevector", true, (c, b) ->
                c.alloc(InputPort.ofBytes(VectorPrims.bv1(b, "open-input-bytevector").bytes.clone()), 8)));
        sink.add(Primitive.of0("open-output-bytevector", true, c -> c.alloc(OutputPort.bytevector(), 8)));
        sink.add(Primitive.of1("get-output-bytevector", true, (c, p) -> {
            if (p instanceof OutputPort o && o.isBinary() && !o.isFile()) return VectorPrims.newBytes(c, o.takeBytes());
            throw Condition.typeError("get-output-bytevector", 1, "U8vector OUTPUT PORT", p);
        }));
        sink.add(Primitive.ofN("read-u8", 0, 1, true, (c, args) -> byteOrEof(byteIn(c, args, 0, "read-u8").readByte())));
        sink.add(Primitive.ofN("peek-u8", 0, 1, true, (c, args) -> byteOrEof(byteIn(c, args, 0, "peek-u8").peekByte())));
        // a bytevector port never waits
        sink.add(Primitive.ofN("u8-ready?", 0, 1, true, (c, args) -> byteIn(c, args, 0, "u8-ready?") != null));
        sink.add(Primitive.ofN("write-u8", 1, 2, true, (c, args) -> {
            byte b = VectorPrims.u8(args[0], "write-u8", 1, args);
            byteOut(c, args, 1, "write-u8").writeByte(b & 0xff);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("read-bytevector", 1, 2, true, (c, args) -> {
            int k = Args.index(args[0], "read-bytevector", 1, args);
            InputPort p = byteIn(c, args, 1, "read-bytevector");
            byte[] got = new byte[Math.min(k, p.remainingBytes())]; // never more than the port holds
            int n = readInto(c, p, got, 0, got.length);
            return n == 0 && k > 0 ? Special.EOF : VectorPrims.newBytes(c, Arrays.copyOf(got, n));
        }));
        sink.add(Primitive.ofN("read-bytevector!", 1, 4, true, (c, args) -> {
            Bytevector b = VectorPrims.bv(args[0], "read-bytevector!", 1, args);
            InputPort p = byteIn(c, args, 1, "read-bytevector!");
            int[] r = Args.range(args, 2, b.bytes.length, "read-bytevector!");
            int n = readInto(c, p, b.bytes, r[0], r[1]);
            return n == 0 && r[1] > r[0] ? Special.EOF : (Object) (long) n;
        }));
        sink.add(Primitive.ofN("write-bytevector", 1, 4, true, (c, args) -> {
            Bytevector b = VectorPrims.bv(args[0], "write-bytevector", 1, args);
            OutputPort p = byteOut(c, args, 1, "write-bytevector");
            int[] r = Args.range(args, 2, b.bytes.length, "write-bytevector");
            c.work(r[1] - r[0]);
            for (int i = r[0]; i < r[1]; i++) p.writeByte(b.bytes[i] & 0xff);
            return Special.VOID;
        }));
    }

    /** Read up to {@code end - start} bytes into {@code into}; how many came. */
    private static int readInto(Ctx c, InputPort p, byte[] into, int start, int end) {
        int i = start;
        for (int b; i < end && (b = p.readByte()) >= 0; i++) into[i] = (byte) b;
        c.work(i - start);
        return i - start;
    }
}
