package safepoint.inspector;

/**
 * What the inspector's control keys ask of whoever drives the machine: the REPL's paused world
 * (pause, step, step back, the time line). The inspector only reads views; these calls are the
 * one way it changes anything, and a viewer attached over the socket has none unless the server
 * was started with {@code --control}.
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

    /** Where the paused world is on its time line, or null when the world is not paused (there is none). */
    TimeLine timeLine();

    /**
     * Go to step {@code step} of the time line (clamped to the pause and the latest step): back,
     * or forward again along the moves recorded after it; one line saying where the world is.
     */
    String travel(long step);

    /**
     * Whether {@code v} may end the view to visit the selected thread at the prompt: the REPL's
     * own {@code ,inspect}, not a viewer attached from another terminal.
     */
    boolean visits();

    /** The paused world's step since the pause, and the latest step its recorded moves reach. */
    record TimeLine(long step, long latest) {}
}
