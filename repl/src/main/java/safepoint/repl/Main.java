package safepoint.repl;

/** The {@code safepoint} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("safepoint: not built yet");
    }
}
