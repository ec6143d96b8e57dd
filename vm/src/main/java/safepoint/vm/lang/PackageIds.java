package safepoint.vm.lang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.Symbol;

/**
 * The module id a file has in its package (cons.io guide/intro.md "Modules": a {@code gerbil.pkg}
 * holding {@code (package: std)} makes {@code std/misc/barrier.ss} the module
 * {@code :std/misc/barrier}). A relative import names that module, so when Safepoint ships it,
 * the shipped module is the one imported: Gerbil's own test files, run in its source tree,
 * import {@code ./barrier} and mean the library's barrier.
 */
final class PackageIds {
    private PackageIds() {}

    /** The id of {@code file} (without {@code .ss}) in the nearest package above it, or null. */
    static String of(LanguageHost vm, Path file) {
        Path name = file.getFileName();
        if (name == null || !name.toString().endsWith(".ss")) return null;
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            Path pkg = dir.resolve("gerbil.pkg");
            if (!Files.isRegularFile(pkg)) continue;
            String prefix = packageName(vm, pkg);
            if (prefix == null) return null;
            String rel = dir.relativize(file).toString().replace('\\', '/');
            return prefix + "/" + rel.substring(0, rel.length() - ".ss".length());
        }
        return null;
    }

    // The symbol after package: in the package file's first list; null when it has none or does not read.
    private static String packageName(LanguageHost vm, Path pkg) {
        try {
            List<Object> forms = vm.readAll(Files.readString(pkg, StandardCharsets.UTF_8), pkg.toString());
            if (forms.isEmpty()) return null;
            for (Object x = forms.get(0); x instanceof Pair p && p.cdr instanceof Pair next; x = p.cdr) {
                if (p.car instanceof Keyword k && k.name.equals("package") && next.car instanceof Symbol s) return s.name;
            }
            return null;
        } catch (IOException | SchemeError e) {
            return null; // an unreadable package file names no package: the import goes by path
        }
    }
}
