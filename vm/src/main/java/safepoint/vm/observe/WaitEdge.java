package safepoint.vm.observe;

import safepoint.vm.analysis.EdgeKind;

/**
 * An edge of the wait-for graph: {@code from} cannot go on until {@code to} acts; {@code kind}
 * says how, and {@code timed} that the wait has a timeout (so it may end on its own).
 */
public record WaitEdge(Ref from, EdgeKind kind, boolean timed, Ref to) {
    /** The words between the two ends, as the analysis writes them ("waits to lock"). */
    public String words() {
        return kind.words(timed);
    }
}
