package safepoint.vm.observe;

/** An edge of the wait-for graph: {@code from} cannot go on until {@code to} acts; {@code words} say how. */
public record WaitEdge(Ref from, String words, Ref to) {}
