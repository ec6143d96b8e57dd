package safepoint.vm.data;

/** A source position: file (or {@code (console)}), 1-based line and column. */
public record Src(String file, int line, int col) {
    /** Gambit's form: {@code "file.ss"@3.5}, or {@code (console)@1.1} for typed input. */
    @Override
    public String toString() {
        String f = file.startsWith("(") ? file : "\"" + file + "\"";
        return f + "@" + line + "." + col;
    }
}
