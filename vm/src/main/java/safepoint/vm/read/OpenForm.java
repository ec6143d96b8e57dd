package safepoint.vm.read;

import java.util.ArrayList;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.NumKind;
import safepoint.vm.data.NumVector;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Symbol;

/**
 * One unfinished form on the reader's explicit stack: a list, vector or bytevector waiting for
 * its elements and closing bracket, or a prefix ({@code 'x}, {@code #&x}, {@code #;x}) waiting
 * for its one datum. Linked through {@link #parent} so nesting depth costs heap, not Java stack.
 */
abstract class OpenForm {
    final OpenForm parent;
    /** Position of the opening bracket or prefix. */
    final int line;
    final int col;

    OpenForm(OpenForm parent, int line, int col) {
        this.parent = parent;
        this.line = line;
        this.col = col;
    }

    /** {@code ( [ {} ...}: builds the list front to back; tracks the dotted tail. */
    static final class OpenList extends OpenForm {
        static final int ELEMENTS = 0;
        static final int AFTER_DOT = 1;   // read ". ", the tail datum must come next
        static final int TAIL_READ = 2;   // read ". x", only the closing bracket may follow

        final char closer;
        Pair head;
        Pair last;
        int state = ELEMENTS;

        OpenList(OpenForm parent, int line, int col, char closer, Symbol tag) {
            super(parent, line, col);
            this.closer = closer;
            if (tag != null) head = last = new Pair(tag, Nil.NIL);
        }

        boolean isEmpty() {
            return head == null;
        }

        void add(Object x) {
            if (state == AFTER_DOT) {
                last.cdr = x;
                state = TAIL_READ;
                return;
            }
            Pair p = new Pair(x, Nil.NIL);
            if (head == null) head = p;
            else last.cdr = p;
            last = p;
        }

        Object finish() {
            return head == null ? Nil.NIL : head;
        }
    }

    /** {@code #(...)} and {@code #u8(...)}. */
    static final class OpenSequence extends OpenForm {
        final boolean bytes;
        /** The kind of a homogeneous vector other than u8, else null. */
        final NumKind nums;
        final ArrayList<Object> items = new ArrayList<>();

        OpenSequence(OpenForm parent, int line, int col, boolean bytes, NumKind nums) {
            super(parent, line, col);
            this.bytes = bytes;
            this.nums = nums;
        }

        /** Whether x may be an element; only homogeneous vectors restrict them. */
        boolean accepts(Object x) {
            if (nums != null) return nums.accepts(x);
            return !bytes || (x instanceof Long v && v >= 0 && v <= 255);
        }

        /** gsi's read error for an element not accepted: the element text, lower-cased. */
        String rejection() {
            if (nums == null) return ReadError.U8;
            return nums.elementText().replace("INTEGER", "integer").replace("REAL", "real") + " expected";
        }

        Object finish() {
            if (nums != null) {
                NumVector v = new NumVector(nums, items.size());
                for (int i = 0; i < items.size(); i++) v.set(i, items.get(i));
                return v;
            }
            if (!bytes) return new SVector(items.toArray());
            byte[] b = new byte[items.size()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (long) (Long) items.get(i);
            return new Bytevector(b);
        }
    }

    /** {@code 'x `x ,x ,@x #&x} wrap the next datum; {@code #;x} drops it. */
    static final class OpenPrefix extends OpenForm {
        /** A quote-like symbol, {@link Scanner#BOX_PREFIX}, or null for a datum comment. */
        final Object kind;

        OpenPrefix(OpenForm parent, int line, int col, Object kind) {
            super(parent, line, col);
            this.kind = kind;
        }

        boolean isComment() {
            return kind == null;
        }

        Object wrap(Object x) {
            if (kind == Scanner.BOX_PREFIX) return new Box(x);
            return new Pair(kind, new Pair(x, Nil.NIL));
        }
    }
}
