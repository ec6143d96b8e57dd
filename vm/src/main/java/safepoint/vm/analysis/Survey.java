package safepoint.vm.analysis;

/**
 * {@code ,deadlock} as data: how many threads are blocked, whether a cycle of waits holds them,
 * and the explanation (null when nothing is blocked).
 */
public record Survey(int blocked, boolean cycle, Explanation explanation) {}
