package safepoint.vm.read;

import safepoint.vm.data.InputPort;
import safepoint.vm.data.NumKind;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;
import safepoint.vm.data.Src;
import safepoint.vm.data.Symbol;
import safepoint.vm.read.OpenForm.OpenList;
import safepoint.vm.read.OpenForm.OpenPrefix;
import safepoint.vm.read.OpenForm.OpenSequence;

/**
 * Reads Gerbil/Gambit datums from a port. The first pair of every list (and of every
 * {@code (quote x)} made from {@code 'x}) is recorded in the source map with the file, line and
 * column of its opening bracket or quote. Errors raise a {@link SchemeError} with a condition of
 * kind READ carrying gsi's message, and the {@link Src} of the offending token in
 * {@link SchemeError#where}.
 *
 * <p>Nesting is kept on an explicit stack of {@link OpenForm}s, so a 100,000-deep list reads without
 * a StackOverflowError. Gerbil's brackets: {@code [a b]} reads as {@code (@list a b)} and
 * {@code {m o}} as {@code (@method m o)}.
 *
 * <p>As in gsi, the datum {@code #!eof} reads as {@link Special#EOF} itself, indistinguishable
 * in the result of {@link #read}; gsi's loader does not stop at it, so a loader that wants the same
 * asks {@link #atEnd} when it gets EOF.
 */
public final class Reader {
    private static final Symbol LIST_TAG = Symbol.of("@list");
    private static final Symbol METHOD_TAG = Symbol.of("@method");
    private static final Symbol DOT_SYMBOL = Symbol.of(".");

    private final String file;
    private final SourceMap sources;
    private final Scanner scanner;
    private boolean atEnd;

    public Reader(InputPort in, String file, SourceMap sources) {
        this.file = file;
        this.sources = sources;
        this.scanner = new Scanner(in, file);
    }

    /** Whether the last {@link #read} returned EOF because the input ended (not a {@code #!eof} datum). */
    public boolean atEnd() {
        return atEnd;
    }

    /** The next datum, or {@link Special#EOF} at end of input. */
    /** The datum labels of the datum being read ({@code #0=}, {@code #0#}); each datum has its own. */
    private Labels labels;

    public Object read() {
        atEnd = false;
        labels = null;
        Scanner s = scanner;
        OpenForm top = null;
        while (true) {
            int kind = s.next();
            int line = s.line;
            int col = s.col;
            Object value;
            switch (kind) {
                case Scanner.EOF:
                    if (top == null) {
                        atEnd = true;
                        return Special.EOF;
                    }
                    if (top instanceof OpenPrefix || (top instanceof OpenList l && l.state == OpenList.AFTER_DOT)) {
                        throw error(line, col, ReadError.DATUM);
                    }
                    throw error(top.line, top.col, ReadError.EOF_IN_FORM);
                case Scanner.OPEN: {
                    char closer = (Character) s.value;
                    Symbol tag = closer == ']' ? LIST_TAG : closer == '}' ? METHOD_TAG : null;
                    top = new OpenList(top, line, col, closer, tag);
                    continue;
                }
                case Scanner.VECTOR:
                case Scanner.BYTES:
                    top = new OpenSequence(top, line, col, kind == Scanner.BYTES, null);
                    continue;
                case Scanner.NUMBERS:
                    top = new OpenSequence(top, line, col, false, (NumKind) s.value);
                    continue;
                case Scanner.PREFIX:
                    top = new OpenPrefix(top, line, col, s.value);
                    continue;
                case Scanner.DATUM_COMMENT:
                    top = new OpenPrefix(top, line, col, null);
                    continue;
                case Scanner.LABEL_DEF: {
                    int n = (Integer) s.value;
                    if (labels == null) labels = new Labels();
                    if (!labels.define(n)) throw error(line, col, "Duplicate definition for label: " + n);
                    top = new OpenPrefix(top, line, col, new Labels.Def(n));
                    continue;
                }
                case Scanner.LABEL_REF: {
                    int n = (Integer) s.value;
                    value = labels == null ? null : labels.ref(n);
                    if (value == null) throw error(line, col, "Missing definition for label: " + n);
                    break;
                }
                case Scanner.DOT:
                    if (top instanceof OpenList l && l.state == OpenList.ELEMENTS) {
                        if (!l.isEmpty()) {
                            l.state = OpenList.AFTER_DOT;
                            continue;
                        }
                        value = DOT_SYMBOL;   // gsi reads "(. a)" as a list whose head is the symbol |.|
                        break;
                    }
                    throw error(line, col, ReadError.DOT);
                case Scanner.CLOSE:
                    if (top == null) throw error(line, col, ReadError.DATUM_OR_EOF);
                    if (top instanceof OpenPrefix) throw error(line, col, ReadError.DATUM);
                    value = close(top, (Character) s.value, line, col);
                    line = top.line;
                    col = top.col;
                    top = top.parent;
                    break;
                default:
                    value = s.value;
                    break;
            }
            // Hand the finished datum up the stack; prefixes complete as soon as they get one.
            while (true) {
                if (top == null) return value;
                if (top instanceof OpenPrefix p) {
                    top = p.parent;
                    if (p.isComment()) break;
                    if (p.kind instanceof Labels.Def d) {
                        value = labels.finish(d.n(), value);
                        continue;
                    }
                    value = p.wrap(value);
                    if (value instanceof Pair) record(value, p.line, p.col);
                    line = p.line;
                    col = p.col;
                    continue;
                }
                if (top instanceof OpenList l) {
                    if (l.state == OpenList.TAIL_READ) throw error(l.line, l.col, ReadError.INCOMPLETE);
                    l.add(value);
                    if (sources != null && value instanceof Symbol && l.last != null && l.last.car == value) {
                        sources.putElement(l.last, new Src(file, line, col));
                    }
                } else {
                    OpenSequence v = (OpenSequence) top;
                    if (!v.accepts(value)) throw error(line, col, v.rejection());
                    v.items.add(value);
                }
                break;
            }
        }
    }

    /** The datum a closing bracket completes. */
    private Object close(OpenForm top, char closer, int line, int col) {
        if (top instanceof OpenList l) {
            if (l.closer != closer) throw error(l.line, l.col, ReadError.INCOMPLETE);
            if (l.state == OpenList.AFTER_DOT) throw error(line, col, ReadError.DATUM);
            Object list = l.finish();
            if (list instanceof Pair) record(list, l.line, l.col);
            return list;
        }
        if (closer != ')') throw error(top.line, top.col, ReadError.INCOMPLETE);
        return ((OpenSequence) top).finish();
    }

    private void record(Object pair, int line, int col) {
        if (sources != null) sources.put(pair, new Src(file, line, col));
    }

    private SchemeError error(int line, int col, String message) {
        return ReadError.at(file, line, col, message);
    }
}
