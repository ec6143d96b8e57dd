package safepoint.repl;

/** Words of a printed command line, so that pasting it into a POSIX shell runs exactly it. */
final class Shell {
    private Shell() {}

    /** {@code word} as is when the shell leaves it alone, else in single quotes (a schedule's {@code 0.1*2} would glob). */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_,.:/=+-@%".indexOf(c) >= 0)) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
