package safepoint.vm.read;

import safepoint.vm.data.InputPort;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;

/**
 * Reads Gerbil/Gambit datums from a port. Every pair it makes is recorded in the source map with
 * the file, line and column of its opening bracket. Errors raise a Scheme condition of kind READ
 * (e.g. via {@code Condition.of(Kind.READ, "...")}) with a message saying what and where.
 * Iterative enough that a 100,000-deep nested list reads without a StackOverflowError.
 *
 * <p>STUB: implemented by the reader work item.
 */
public final class Reader {
    private final InputPort in;
    private final String file;
    private final SourceMap sources;

    public Reader(InputPort in, String file, SourceMap sources) {
        this.in = in;
        this.file = file;
        this.sources = sources;
    }

    /** The next datum, or {@link Special#EOF} at end of input. */
    public Object read() {
        throw new UnsupportedOperationException("reader not written yet");
    }
}
