package safepoint.inspector;

/**
 * What the inspector's control keys ask of whoever drives the machine: the REPL's paused world
 * (pause, step, step back). The inspector only reads views; these calls are the one way it
 * changes anything, and a viewer attached over the socket has none.
 */
public interface Control {
    /** Pause the world, or resume it when it is paused; one line saying what happened. */
    String pauseOrResume();

    /**
     * One scheduling point: of processor {@code processor} (when at least 0), else of the thread
     * named {@code thread} (as {@code #<thread a>}, when not null), else of the world.
     */
    String step(int processor, String thread);

    /** One scheduling point back. */
    String back();
}
