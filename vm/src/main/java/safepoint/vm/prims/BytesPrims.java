package safepoint.vm.prims;

import static safepoint.vm.prims.Args.a;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.Condition;
import safepoint.vm.data.MString;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.Special;

/**
 * The byte-level helpers under {@code ##} names that :std/misc/bytes and :std/text/base64 are
 * built on (doc/reference/std/misc/bytes.md, text/base64.md): IEEE-754 numbers inside a
 * u8vector, which Scheme cannot reach bit by bit, and RFC 4648 base64, which is hot enough in
 * Gerbil programs to be done here rather than one character per interpreted step.
 */
public final class BytesPrims {
    private BytesPrims() {}

    private static final String STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static void install(PrimitiveSink sink) {
        // (##u8vector-ieee-ref v i size big?) and (##u8vector-ieee-set! v i x size big?), size 4 or 8.
        sink.add(Primitive.ofN("##u8vector-ieee-ref", 4, 4, true, (c, args) -> {
            ByteBuffer b = window(args, "##u8vector-ieee-ref");
            return size(args) == 4 ? (double) b.getFloat(0) : b.getDouble(0);
        }));
        sink.add(Primitive.ofN("##u8vector-ieee-set!", 5, 5, true, (c, args) -> {
            Object[] at = a(args[0], args[1], args[3], args[4]);
            ByteBuffer b = window(at, "##u8vector-ieee-set!");
            if (!(args[2] instanceof Double || args[2] instanceof Long)) throw Condition.typeError("##u8vector-ieee-set!", 3, "REAL", args);
            double x = ((Number) args[2]).doubleValue();
            if (size(at) == 4) b.putFloat(0, (float) x);
            else b.putDouble(0, x);
            return Special.VOID;
        }));
        // (##base64-encode v start end width padding? urlsafe?): width > 0 breaks lines every width characters.
        sink.add(Primitive.ofN("##base64-encode", 6, 6, true, (c, args) -> {
            Bytevector v = VectorPrims.bv(args[0], "base64-encode", 1, args);
            int[] r = Args.range(args, 1, v.bytes.length, "base64-encode");
            int width = Args.index(args[3], "base64-encode", 4, args);
            return CharStringPrims.newString(c, encode(v.bytes, r[0], r[1], width, args[4] != Boolean.FALSE,
                    args[5] != Boolean.FALSE ? URLSAFE : STANDARD));
        }));
        // (##base64-decode str start end nopadding-ok? urlsafe?): whitespace is skipped; anything else is an error.
        sink.add(Primitive.ofN("##base64-decode", 5, 5, true, (c, args) -> {
            MString s = CharStringPrims.str(args[0], "base64-decode", 1, args);
            int[] r = Args.range(args, 1, s.length(), "base64-decode");
            // Indices count characters; a character beyond the BMP is never base64, so a string
            // holding one is decoded from its text (where such a character is an error anyway).
            CharSequence text = s.chars();
            if (text.length() != s.length()) {
                String t = text.toString();
                r[0] = t.offsetByCodePoints(0, r[0]);
                r[1] = t.offsetByCodePoints(0, r[1]);
            }
            return VectorPrims.newBytes(c, decode(text, r[0], r[1], args[3] != Boolean.FALSE, args[4] != Boolean.FALSE ? URLSAFE : STANDARD));
        }));
    }

    private static int size(Object[] args) {
        if (!(args[2] instanceof Long n && (n == 4 || n == 8))) throw Condition.rangeError("##u8vector-ieee-ref", 3, args);
        return (int) (long) n;
    }

    /** The SIZE bytes of args[0] from args[1], in the byte order args[3] names (true: big-endian). */
    private static ByteBuffer window(Object[] args, String who) {
        Bytevector v = VectorPrims.bv(args[0], who, 1, args);
        int n = size(args);
        int i = Args.index(args[1], 0, v.bytes.length - n, who, 2, args);
        return ByteBuffer.wrap(v.bytes, i, n).slice().order(args[3] != Boolean.FALSE ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    static String encode(byte[] b, int start, int end, int width, boolean padding, String alphabet) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (int i = start; i < end; i += 3) {
            int n = Math.min(3, end - i);
            int bits = (b[i] & 0xFF) << 16 | (n > 1 ? (b[i + 1] & 0xFF) << 8 : 0) | (n > 2 ? b[i + 2] & 0xFF : 0);
            for (int k = 0; k < 4; k++) {
                char ch = k <= n ? alphabet.charAt(bits >> (18 - 6 * k) & 63) : '=';
                if (ch == '=' && !padding) break;
                if (width > 0 && col == width) {
                    out.append('\n');
                    col = 0;
                }
                out.append(ch);
                col++;
            }
        }
        return out.toString();
    }

    static byte[] decode(CharSequence s, int start, int end, boolean nopaddingOk, String alphabet) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int bits = 0;
        int count = 0;
        int pads = 0;
        for (int i = start; i < end; i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) continue;
            if (ch == '=') {
                pads++;
                continue;
            }
            int d = alphabet.indexOf(ch);
            if (d < 0 || pads > 0) throw Condition.raise("base64-decode: invalid base64 character '" + ch + "' at index " + i);
            bits = bits << 6 | d;
            if (++count == 4) {
                out.write(bits >> 16);
                out.write(bits >> 8);
                out.write(bits);
                bits = 0;
                count = 0;
            }
        }
        if (count == 1) throw Condition.raise("base64-decode: truncated input");
        if (count > 1 && !nopaddingOk && count + pads != 4) throw Condition.raise("base64-decode: padding expected");
        if (count == 2) out.write(bits >> 4);
        if (count == 3) {
            out.write(bits >> 10);
            out.write(bits >> 2);
        }
        return out.toByteArray();
    }
}
