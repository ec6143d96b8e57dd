package safepoint.vm.interp;

import safepoint.vm.data.Keyword;
import safepoint.vm.data.Src;

/**
 * The compiled code of one {@code lambda}: its parameter shape, frame size and body. Frames are
 * {@code Object[]} with the parent frame in slot 0 and the parameters, then the body's internal
 * definitions, from slot 1.
 */
public final class Lambda {
    final String name;
    final int nreq;
    final int nopt;
    final boolean rest;
    /** {@code #!key} parameters, in slot order after the optionals; null when none. */
    final Keyword[] keys;
    /** nreq when the lambda takes exactly nreq arguments, else -1 (the fast call path). */
    final int simpleArity;
    final boolean polls;
    final Src src;
    public int frameSize;
    /** Gambit: with #!rest before #!key the rest list keeps the keyword arguments. */
    public boolean restKeepsKeys;
    /** Gerbil: keyword arguments may stand anywhere; the other arguments are positional. */
    public boolean keysAnywhere;
    public Node body;
    /** {@link Debugging#BREAK} and {@link Debugging#TRACE}: what an entry does besides running the body. */
    int debug;
    /** The variables of the body's frame, for a debugger level opened at the entry (a breakpoint, a step). */
    public Locals locals;
    /** {@code (lambda params . body)} as written (with the compiler's renamed identifiers), for a level's {@code ,i}. */
    public Object source;

    public Lambda(String name, int nreq, int nopt, boolean rest, Keyword[] keys, boolean polls, Src src) {
        this.name = name;
        this.nreq = nreq;
        this.nopt = nopt;
        this.rest = rest;
        this.keys = keys;
        this.polls = polls;
        this.src = src;
        this.simpleArity = nopt == 0 && !rest && keys == null ? nreq : -1;
    }
}
