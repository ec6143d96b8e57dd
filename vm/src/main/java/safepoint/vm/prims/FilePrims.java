package safepoint.vm.prims;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import safepoint.vm.data.Condition;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;

/**
 * File ports and the file system procedures programs use first (R7RS 6.13, Gambit's names and
 * words). A file port has bytes and characters both, as a Gambit file port does: an input file
 * is read whole when opened (ports never park their Java thread), an output file gathers bytes
 * and writes them when flushed or closed. A file is named by a string or by Gambit's port
 * settings ({@code (path: "f" append: #t)}). Whatever the host refuses raises gsi's file error
 * in gsi's words ("No such file or directory", "Permission denied", ...), for which
 * {@code file-error?} is true; never a Java exception.
 *
 * <p>Paths are strings and stay so: {@code path-expand} and its kin are Gambit's string
 * procedures (a directory's path ends in "/"), and only {@code path-normalize} and
 * {@code directory-files} ask the host. The current directory is the host's, fixed for the run.
 *
 * <p>Concurrency: the one state these primitives share, across threads and machines, is the last
 * temporary-file suffix, an AtomicLong, so no two calls anywhere get the same suffix. A file
 * port's own state is its port's (OutputPort's monitor).
 */
public final class FilePrims {
    private FilePrims() {}

    /** What {@code make-temporary-file-name} appends: the host's clock in nanoseconds, never twice the same. */
    private static final AtomicLong LAST_NANOS = new AtomicLong();

    static SchemeError fileError(String who, Object... args) {
        return fileError("No such file or directory", who, args);
    }

    private static SchemeError fileError(String words, String who, Object... args) {
        return new SchemeError(new Condition(Condition.Kind.FILE, words, List.of(), who, List.of(args), 0));
    }

    /** gsi's words for what the host said (gsi 4.9.3 says "Unknown error" for a directory read as a file). */
    private static SchemeError hostError(IOException e, String who, Object... args) {
        String words = e instanceof NoSuchFileException ? "No such file or directory"
                : e instanceof AccessDeniedException ? "Permission denied"
                : e instanceof FileAlreadyExistsException ? "File exists"
                : e instanceof DirectoryNotEmptyException ? "Directory not empty"
                : e instanceof NotDirectoryException ? "Not a directory"
                : "Unknown error";
        return fileError(words, who, args);
    }

    private static String str(Object x, String who, int at, Object[] args) {
        if (x instanceof MString s) return s.toString();
        throw Condition.typeError(who, at, "STRING", args);
    }

    /** A file's name and how to open it: from a string, or from Gambit's port settings. */
    record Settings(String path, boolean append) {
        static Settings of(Object spec, String who, Object[] args) {
            if (spec instanceof MString s) return new Settings(s.toString(), false);
            String path = null;
            boolean append = false;
            Object l = spec;
            for (; l instanceof Pair p && p.cdr instanceof Pair v; l = v.cdr) {
                String key = p.car instanceof Keyword k ? k.name : "";
                switch (key) {
                    case "path" -> path = v.car instanceof MString s ? s.toString() : null;
                    case "append" -> append = v.car != Boolean.FALSE;
                    case "char-encoding", "eol-encoding", "buffering", "create", "truncate", "permissions" -> { }
                    default -> throw Condition.typeError(who, 1, "STRING or port settings", args);
                }
            }
            if (path == null || l != Nil.NIL) throw Condition.typeError(who, 1, "STRING or port settings", args);
            return new Settings(path, append);
        }

        /** How the port prints: gsi writes the expanded path (the printer writes it as a string). */
        String portName() {
            return expand(path, currentDirectory());
        }
    }

    public static void install(PrimitiveSink sink) {
        for (String name : new String[] {"open-input-file", "open-binary-input-file"}) {
            sink.add(Primitive.of1(name, true, (c, f) -> {
                Settings s = Settings.of(f, name, new Object[] {f});
                try {
                    return c.alloc(InputPort.ofFile(Files.readAllBytes(Path.of(expand(s.path, currentDirectory()))), s.portName()), 8);
                } catch (IOException e) {
                    throw hostError(e, name, f);
                } catch (RuntimeException e) { // a name the host cannot hold (a NUL inside)
                    throw fileError(name, f);
                }
            }));
        }
        for (String name : new String[] {"open-output-file", "open-binary-output-file"}) {
            sink.add(Primitive.of1(name, true, (c, f) -> {
                Settings s = Settings.of(f, name, new Object[] {f});
                try {
                    Path p = Path.of(expand(s.path, currentDirectory()));
                    var out = s.append
                            ? Files.newOutputStream(p, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                            : Files.newOutputStream(p);
                    OutputPort port = OutputPort.file(out, s.portName());
                    c.fileOpened(port);
                    return c.alloc(port, 8);
                } catch (IOException e) {
                    throw hostError(e, name, f);
                } catch (RuntimeException e) {
                    throw fileError(name, f);
                }
            }));
        }
        sink.add(Primitive.ofN("file-exists?", 1, 2, true, (c, args) ->
                Files.exists(Path.of(expand(str(args[0], "file-exists?", 1, args), currentDirectory())))));
        sink.add(Primitive.of1("delete-file", true, (c, f) -> {
            try {
                Files.delete(hostPath(f, "delete-file"));
                return Special.VOID;
            } catch (IOException e) {
                throw hostError(e, "delete-file", f);
            }
        }));
        sink.add(Primitive.of1("create-directory", true, (c, f) -> {
            try {
                Files.createDirectory(hostPath(f, "create-directory"));
                return Special.VOID;
            } catch (IOException e) {
                throw hostError(e, "create-directory", f);
            }
        }));
        sink.add(Primitive.of1("delete-directory", true, (c, f) -> {
            Path p = hostPath(f, "delete-directory");
            if (Files.exists(p) && !Files.isDirectory(p)) throw fileError("Not a directory", "delete-directory", f);
            try {
                Files.delete(p);
                return Special.VOID;
            } catch (IOException e) {
                throw hostError(e, "delete-directory", f);
            }
        }));
        sink.add(Primitive.of2("rename-file", true, (c, from, to) -> {
            try {
                Files.move(hostPath(from, "rename-file"), Path.of(expand(str(to, "rename-file", 2, new Object[] {from, to}), currentDirectory())));
                return Special.VOID;
            } catch (IOException e) {
                throw hostError(e, "rename-file", from, to);
            }
        }));
        sink.add(Primitive.ofN("directory-files", 0, 1, true, (c, args) -> {
            Path dir = args.length == 0 ? Path.of(currentDirectory()) : hostPath(args[0], "directory-files");
            List<String> names = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw hostError(e, "directory-files", args);
            }
            names.sort(null); // the host's order is arbitrary: a sorted list is the same on every run
            Object l = Nil.NIL;
            for (int i = names.size() - 1; i >= 0; i--) l = c.cons(CharStringPrims.newString(c, names.get(i)), l);
            return l;
        }));
        sink.add(Primitive.of0("current-directory", true, c -> CharStringPrims.newString(c, currentDirectory())));
        sink.add(Primitive.ofN("path-expand", 1, 2, true, (c, args) -> {
            String p = str(args[0], "path-expand", 1, args);
            String origin = args.length > 1 ? str(args[1], "path-expand", 2, args) : currentDirectory();
            return CharStringPrims.newString(c, expand(p, origin));
        }));
        sink.add(Primitive.ofN("path-normalize", 1, 3, true, (c, args) -> {
            String p = str(args[0], "path-normalize", 1, args);
            String origin = args.length > 2 ? str(args[2], "path-normalize", 3, args) : currentDirectory();
            boolean allowRelative = args.length > 1 && args[1] != Boolean.FALSE;
            try {
                String r = normalized(expand(p, origin));
                return CharStringPrims.newString(c, allowRelative ? relativeOrSelf(r, normalized(expand(origin, currentDirectory()))) : r);
            } catch (IOException e) {
                throw hostError(e, "path-normalize", args);
            } catch (RuntimeException e) {
                throw fileError("path-normalize", args);
            }
        }));
        pathPart(sink, "path-directory", p -> p.substring(0, p.lastIndexOf('/') + 1));
        pathPart(sink, "path-strip-directory", p -> p.substring(p.lastIndexOf('/') + 1));
        pathPart(sink, "path-extension", p -> p.substring(extensionAt(p)));
        pathPart(sink, "path-strip-extension", p -> p.substring(0, extensionAt(p)));
        pathPart(sink, "path-strip-trailing-directory-separator", p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
        // A fresh suffix for a temporary file's name (doc/reference/std/os/temporaries.md): the
        // host's clock, which a controlled run does not replay; the name is only ever a name.
        sink.add(Primitive.of0("##temporary-file-suffix", true, c -> {
            long now = System.currentTimeMillis() * 1_000_000L + System.nanoTime() % 1_000_000L;
            return LAST_NANOS.accumulateAndGet(now, (last, n) -> Math.max(last + 1, n));
        }));
    }

    private static void pathPart(PrimitiveSink sink, String name, java.util.function.UnaryOperator<String> part) {
        sink.add(Primitive.of1(name, true, (c, p) -> CharStringPrims.newString(c, part.apply(str(p, name, 1, new Object[] {p})))));
    }

    /** Where a path's extension starts: its last "." after the last "/", not the name's first character; else its end. */
    private static int extensionAt(String p) {
        int name = p.lastIndexOf('/') + 1;
        int dot = p.lastIndexOf('.');
        return dot > name ? dot : p.length();
    }

    private static Path hostPath(Object f, String who) {
        return Path.of(expand(str(f, who, 1, new Object[] {f}), currentDirectory()));
    }

    /** The host's working directory, as Gambit gives it: ending in "/". */
    /**
     * gsi's absolute form of a path: links resolved, a directory ending in "/". Its last part
     * may be missing (gsi gives the name as written) but not a directory before it.
     */
    private static String normalized(String path) throws IOException {
        Path abs = Path.of(path);
        Path real;
        try {
            real = abs.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            if (path.endsWith("/") || abs.getParent() == null || abs.getFileName() == null) throw e;
            String name = abs.getFileName().toString();
            if (name.equals(".") || name.equals("..")) throw e;
            real = abs.getParent().toRealPath().resolve(name);
        }
        String r = real.toString();
        return Files.isDirectory(real) && !r.endsWith("/") ? r + "/" : r;
    }

    /**
     * {@code path-normalize}'s allow-relative? as gsi 4.9.3 does it: the path relative to the origin
     * directory, with "../" for each of the origin's parts it leaves, however long; the absolute
     * path only when the relative one would be empty (the path is the origin itself).
     */
    private static String relativeOrSelf(String absolute, String originDir) {
        String o = originDir.endsWith("/") ? originDir : originDir + "/";
        String[] from = o.substring(1).split("/", -1); // the last part is "" after the final "/"
        String[] to = absolute.substring(1).split("/", -1);
        int common = 0;
        while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) common++;
        StringBuilder rel = new StringBuilder();
        for (int i = common; i < from.length - 1; i++) rel.append("../");
        for (int i = common; i < to.length; i++) {
            rel.append(to[i]);
            if (i < to.length - 1) rel.append('/');
        }
        return rel.length() == 0 ? absolute : rel.toString();
    }

    static String currentDirectory() {
        String d = System.getProperty("user.dir");
        return d.endsWith("/") ? d : d + "/";
    }

    /** Gambit's path-expand: "~" is the home directory, an absolute path is itself, a relative one joins the origin. */
    static String expand(String p, String origin) {
        if (p.equals("~") || p.startsWith("~/")) {
            String home = System.getProperty("user.home");
            return (home.endsWith("/") ? home : home + "/") + (p.length() > 2 ? p.substring(2) : "");
        }
        if (p.startsWith("/")) return p;
        String o = origin.equals("~") || origin.startsWith("~/") ? expand(origin, "") : origin;
        return (o.isEmpty() || o.endsWith("/") ? o : o + "/") + p;
    }
}
