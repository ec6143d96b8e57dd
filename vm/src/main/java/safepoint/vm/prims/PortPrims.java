package safepoint.vm.prims;

import static safepoint.vm.prims.Args.a;

import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.MString;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Port;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;
import safepoint.vm.print.Printer;
import safepoint.vm.read.Reader;
import java.util.List;

/**
 * Textual ports: string ports and the console. gsi names the expected port differently per
 * procedure ({@code write} wants an "Object OUTPUT PORT", {@code display} and {@code write-char} a
 * "Character OUTPUT PORT"); the names here are the ones gsi 4.9.3 prints.
 *
 * <p>The {@code current-*-port} procedures read the Ctx; the interpreter replaces them with
 * parameter objects. A read of a console port with no input yet throws
 * {@link InputPort.NotReady}: the interpreter wraps the reads in control primitives that make the
 * green thread wait for input instead (it never parks a Java thread).
 *
 * <p>Every port argument is checked open first: a closed port is gsi's "Device is closed" error
 * for reads and writes alike (R7RS: an error; gsi 4.9.3 lets a closed string port go on).
 */
public final class PortPrims {
    private PortPrims() {}

    private static final String OBJ_OUT = "Object OUTPUT PORT";
    private static final String CHAR_OUT = "Character OUTPUT PORT";
    private static final String CHAR_IN = "Character INPUT PORT";

    public static void install(PrimitiveSink sink) {
        installOutput(sink);
        installInput(sink);
        installGeneral(sink);
        PrintAll.install(sink);
        BytePortPrims.install(sink);
    }

    static OutputPort out(Ctx c, Object[] args, int at, String name, String type) {
        if (args.length <= at) return c.currentOutput();
        if (args[at] instanceof OutputPort p) return open(p.isOpen(), p, name, args);
        throw Condition.typeError(name, at + 1, type, args);
    }

    static InputPort in(Ctx c, Object[] args, int at, String name, String type) {
        if (args.length <= at) return c.currentInput();
        if (args[at] instanceof InputPort p) return open(p.isOpen(), p, name, args);
        throw Condition.typeError(name, at + 1, type, args);
    }

    private static <P> P open(boolean open, P p, String name, Object[] args) {
        if (open) return p;
        throw new SchemeError(new Condition(Condition.Kind.OTHER, "Device is closed", List.of(), name, List.of(args), 0));
    }

    private static void installOutput(PrimitiveSink sink) {
        sink.add(Primitive.ofN("write", 1, 2, true, (c, args) -> print(c, args, true, OBJ_OUT, "write")));
        sink.add(Primitive.ofN("display", 1, 2, true, (c, args) -> print(c, args, false, CHAR_OUT, "display")));
        // write labels only cycles, as gsi's does, so write-simple is write: cyclic data gets
        // labels rather than printing for ever.
        sink.add(Primitive.ofN("write-simple", 1, 2, true, (c, args) -> print(c, args, true, OBJ_OUT, "write-simple")));
        sink.add(Primitive.ofN("write-shared", 1, 2, true, (c, args) -> {
            OutputPort p = out(c, args, 1, "write-shared", OBJ_OUT);
            StringBuilder sb = new StringBuilder();
            Printer.printShared(args[0], sb, c);
            p.write(sb);
            wrote(c, p, sb.length());
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("newline", 0, 1, true, (c, args) -> {
            out(c, args, 0, "newline", OBJ_OUT).write("\n");
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("write-char", 1, 2, true, (c, args) -> {
            int cp = CharStringPrims.ch(args[0], "write-char", 1, args);
            OutputPort p = out(c, args, 1, "write-char", CHAR_OUT);
            p.write(cp);
            wrote(c, p, 1);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("write-string", 1, 4, true, (c, args) -> {
            MString s = CharStringPrims.str(args[0], "write-string", 1, args);
            OutputPort p = out(c, args, 1, "write-string", CHAR_OUT);
            int[] r = Args.range(args, 2, s.length(), "write-string");
            p.write(s.substring(r[0], r[1]));
            wrote(c, p, r[1] - r[0]);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("write-substring", 3, 4, true, (c, args) -> {
            MString s = CharStringPrims.str(args[0], "write-substring", 1, args);
            int[] r = Args.range(args, 1, s.length(), "write-substring");
            OutputPort p = out(c, args, 3, "write-substring", CHAR_OUT);
            p.write(s.substring(r[0], r[1]));
            wrote(c, p, r[1] - r[0]);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("flush-output-port", 0, 1, true, (c, args) -> {
            out(c, args, 0, "flush-output-port", OBJ_OUT).flush();
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("force-output", 0, 2, true, (c, args) -> {
            out(c, args, 0, "force-output", OBJ_OUT).flush();
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("open-output-string", 0, 1, true, (c, args) -> c.alloc(OutputPort.string(), 8)));
        sink.add(Primitive.of1("get-output-string", true, (c, p) -> {
            if (p instanceof OutputPort o && o.isStringPort()) return CharStringPrims.newString(c, o.takeContents());
            throw Condition.typeError("get-output-string", 1, "String OUTPUT PORT", p);
        }));
    }

    private static Object print(Ctx c, Object[] args, boolean write, String portType, String name) {
        OutputPort p = out(c, args, 1, name, portType);
        StringBuilder sb = new StringBuilder();
        Printer.print(args[0], write, sb, c);
        p.write(sb);
        wrote(c, p, sb.length());
        return Special.VOID;
    }

    /** Printing is work; text kept by a string port is also heap data (the GC counts it there). */
    static void wrote(Ctx c, OutputPort p, int chars) {
        if (p.isStringPort()) c.allocated((chars + 3) / 4);
        c.work(chars);
    }

    private static Object charOrEof(int u) {
        return u < 0 ? Special.EOF : SChar.of(u);
    }

    private static void installInput(PrimitiveSink sink) {
        sink.add(Primitive.ofN("read-char", 0, 1, true, (c, args) -> charOrEof(in(c, args, 0, "read-char", CHAR_IN).read())));
        sink.add(Primitive.ofN("peek-char", 0, 1, true, (c, args) -> charOrEof(in(c, args, 0, "peek-char", CHAR_IN).peek())));
        sink.add(Primitive.ofN("char-ready?", 0, 1, true, (c, args) -> in(c, args, 0, "char-ready?", CHAR_IN).charReady()));
        // (read-line [port [separator [include-separator? [max-length]]]]); a separator that is
        // not a character never matches, as in gsi.
        sink.add(Primitive.ofN("read-line", 0, 4, true, (c, args) -> {
            InputPort p = in(c, args, 0, "read-line", CHAR_IN);
            int sep = args.length > 1 ? (args[1] instanceof SChar s ? s.cp : -2) : '\n';
            boolean keep = args.length > 2 && args[2] != Boolean.FALSE;
            int max = args.length > 3 ? Args.index(args[3], "read-line", 4, args) : Integer.MAX_VALUE;
            if (p.peek() < 0) return Special.EOF;
            StringBuilder b = new StringBuilder();
            for (int u, n = 0; n++ < max && (u = p.read()) >= 0; ) {
                if (u == sep) {
                    if (keep) b.appendCodePoint(u);
                    break;
                }
                b.appendCodePoint(u);
            }
            return CharStringPrims.newString(c, b);
        }));
        sink.add(Primitive.ofN("read-string", 1, 2, true, (c, args) -> {
            int k = Args.index(args[0], "read-string", 1, args);
            InputPort p = in(c, args, 1, "read-string", CHAR_IN);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < k; i++) {
                int u = p.read();
                if (u < 0) break;
                b.appendCodePoint(u);
            }
            return b.length() == 0 ? Special.EOF : CharStringPrims.newString(c, b);
        }));
        sink.add(Primitive.ofN("read", 0, 1, true, (c, args) ->
                new Reader(in(c, args, 0, "read", "Object INPUT PORT"), "string", new SourceMap()).read()));
        sink.add(Primitive.ofN("open-input-string", 0, 1, true, (c, args) -> {
            if (args.length == 0) return c.alloc(InputPort.ofString(""), 8);
            if (args[0] instanceof MString m) return c.alloc(InputPort.ofString(m.toString()), 8);
            throw Condition.typeError("open-input-string", 1, "STRING or port settings", args);
        }));
    }

    private static void installGeneral(PrimitiveSink sink) {
        sink.add(Primitive.of0("eof-object", true, c -> Special.EOF));
        sink.add(Primitive.of1("eof-object?", true, (c, x) -> x == Special.EOF));
        sink.add(Primitive.of1("input-port?", true, (c, x) -> x instanceof InputPort));
        sink.add(Primitive.of1("output-port?", true, (c, x) -> x instanceof OutputPort));
        sink.add(Primitive.of1("port?", true, (c, x) -> x instanceof Port));
        sink.add(Primitive.of1("textual-port?", true, (c, x) -> x instanceof Port));
        sink.add(Primitive.of1("binary-port?", true, (c, x) ->
                x instanceof InputPort i ? i.isBinary() : x instanceof OutputPort o && o.isBinary()));
        sink.add(Primitive.of1("input-port-open?", true, (c, p) -> {
            if (p instanceof InputPort i) return i.isOpen();
            throw Condition.typeError("input-port-open?", 1, "INPUT PORT", p);
        }));
        sink.add(Primitive.of1("output-port-open?", true, (c, p) -> {
            if (p instanceof OutputPort o) return o.isOpen();
            throw Condition.typeError("output-port-open?", 1, "OUTPUT PORT", p);
        }));
        sink.add(Primitive.of1("close-port", true, (c, p) -> {
            if (p instanceof InputPort i) i.close();
            else if (p instanceof OutputPort o) o.close();
            else throw Condition.typeError("close-port", 1, TypeDescriptor.PORT.expected(c.serials()), p);
            return Special.VOID;
        }));
        sink.add(Primitive.of1("close-input-port", true, (c, p) -> {
            if (!(p instanceof InputPort i)) throw Condition.typeError("close-input-port", 1, "INPUT PORT", p);
            i.close();
            return Special.VOID;
        }));
        sink.add(Primitive.of1("close-output-port", true, (c, p) -> {
            if (!(p instanceof OutputPort o)) throw Condition.typeError("close-output-port", 1, "OUTPUT PORT", p);
            o.close();
            return Special.VOID;
        }));
        sink.add(Primitive.of0("current-output-port", true, Ctx::currentOutput));
        sink.add(Primitive.of0("current-input-port", true, Ctx::currentInput));
        sink.add(Primitive.of0("current-error-port", true, Ctx::currentError));
    }
}
