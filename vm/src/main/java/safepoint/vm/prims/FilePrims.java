package safepoint.vm.prims;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import safepoint.vm.data.Condition;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.MString;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Special;

/**
 * File ports and the file system procedures programs use first (R7RS 6.13, Gambit's names). A
 * file that cannot be opened raises gsi's file error, for which {@code file-error?} is true.
 * Reading a file port reads the whole file when opened: ports never park their Java thread.
 */
public final class FilePrims {
    private FilePrims() {}

    static SchemeError fileError(String who, Object... args) {
        return new SchemeError(new Condition(Condition.Kind.FILE, "No such file or directory", List.of(), who, List.of(args), 0));
    }

    private static String path(Object x, String who) {
        if (x instanceof MString s) return s.toString();
        throw Condition.typeError(who, 1, "STRING", x);
    }

    public static void install(PrimitiveSink sink) {
        sink.add(Primitive.of1("open-input-file", true, (c, f) -> {
            String p = path(f, "open-input-file");
            try {
                String text = Files.readString(Path.of(p), StandardCharsets.UTF_8);
                return c.alloc(InputPort.ofString(text), 8);
            } catch (IOException | RuntimeException e) {
                throw fileError("open-input-file", f);
            }
        }));
        sink.add(Primitive.of1("open-output-file", true, (c, f) -> {
            String p = path(f, "open-output-file");
            try {
                BufferedWriter w = Files.newBufferedWriter(Path.of(p), StandardCharsets.UTF_8);
                return c.alloc(OutputPort.of(w, p), 8);
            } catch (IOException | RuntimeException e) {
                throw fileError("open-output-file", f);
            }
        }));
        sink.add(Primitive.of1("file-exists?", true, (c, f) -> Files.exists(Path.of(path(f, "file-exists?")))));
        sink.add(Primitive.of1("delete-file", true, (c, f) -> {
            try {
                Files.delete(Path.of(path(f, "delete-file")));
                return Special.VOID;
            } catch (IOException e) {
                throw fileError("delete-file", f);
            }
        }));
        sink.add(Primitive.of1("##read-file-string", true, (c, f) -> {
            try (BufferedReader r = Files.newBufferedReader(Path.of(path(f, "read-file-string")), StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
                return new MString(sb);
            } catch (IOException e) {
                throw fileError("read-file-string", f);
            }
        }));
    }
}
