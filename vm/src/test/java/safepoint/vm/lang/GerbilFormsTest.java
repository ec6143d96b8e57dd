package safepoint.vm.lang;

import safepoint.vm.run.Outcome;
import safepoint.vm.SchemeCaseSuite;
import safepoint.vm.VmFixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gerbil's forms as documented at cons.io (reference/gerbil/prelude/macros.md, reference/std/sugar.md,
 * guide/intro.md); each expected value follows the documented meaning.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GerbilFormsTest extends SchemeCaseSuite {
    /** JUnit makes an instance per test, so each test has a fresh machine. */
    private final VmFixture f = new VmFixture();

    @TempDir
    Path dir;

    @Test
    void modulesExportImportAndFilter() throws Exception {
        Files.writeString(dir.resolve("util.ss"), """
                (export double (rename-out (secret helper)) twice)
                (def (secret x) (* x 100))
                (def (double x) (* 2 x))
                (defrules twice () ((_ e) (begin e e)))""");
        Path main = dir.resolve("main.ss");
        Files.writeString(main, """
                (import ./util (prefix-in ./util u:) (only-in ./util double))
                (def n 0)
                (twice (set! n (+ n 1)))
                (display (list (double 21) (helper 2) (u:double 5) n))""");
        Outcome o = f.vm.load(Files.readString(main), main.toString());
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertEquals("(42 200 10 2)", f.out.toString());
        assertTrue(f.error("secret").contains("Unbound variable: secret"));
        assertTrue(f.error("(import :std/no-such-module)").contains("Cannot find module :std/no-such-module"));
    }

    @Test
    void aRelativeImportInsideAPackageNamesTheModuleSafepointShipsWhenThereIsOne() throws Exception {
        // A tree laid out as Gerbil's sources: src/gerbil.pkg says (package: std), so
        // src/misc/queue.ss is :std/misc/queue, which Safepoint ships; src/misc/local.ss is not.
        Path src = dir.resolve("src");
        Path misc = Files.createDirectories(src.resolve("misc"));
        Files.writeString(src.resolve("gerbil.pkg"), "(package: std)");
        Files.writeString(misc.resolve("queue.ss"), "(export make-queue) (def (make-queue) 'the-file-next-door)");
        Files.writeString(misc.resolve("local.ss"), "(export local) (def local 'from-the-file)");
        Path main = misc.resolve("main-test.ss");
        Files.writeString(main, """
                (import ./queue (only-in ./local local))
                (def q (make-queue))
                (enqueue! q 7)
                (display (list (queue? q) (dequeue! q) local))""");
        Outcome o = f.vm.load(Files.readString(main), main.toString());
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertEquals("(#t 7 from-the-file)", f.out.toString());
    }

    @Test
    void includeSplicesAFilesFormsWhereItStands() throws Exception {
        // core-expander-syntax.md "include": the file's contents wrapped with a begin, here at top
        // level and inside a body, the path taken from the including file's folder.
        Files.writeString(dir.resolve("defs.scm"), "(define included 21) (define (twice x) (* 2 x))");
        Files.writeString(dir.resolve("body.scm"), "(define local 1) (+ local 1)");
        Path main = dir.resolve("main.ss");
        Files.writeString(main, """
                (include "defs.scm")
                (define (f) (include "body.scm"))
                (display (list (twice included) (f)))""");
        Outcome o = f.vm.load(Files.readString(main), main.toString());
        assertEquals(Outcome.Status.VALUE, o.status(), o.errorText());
        assertEquals("(42 2)", f.out.toString());
        Path bad = dir.resolve("bad.ss");
        Files.writeString(bad, "(include \"missing.scm\")");
        Outcome missing = f.vm.load(Files.readString(bad), bad.toString());
        assertTrue(missing.errorText().contains("Cannot include \"missing.scm\": no file " + dir.resolve("missing.scm")), missing.errorText());
    }

    @Test
    void aModulesProcedureMayUseAStructDefinedFurtherDown() throws Exception {
        Path shapes = dir.resolve("shapes.ss");
        Files.writeString(shapes, """
                (export area make-square square?)
                (def (area s) (* (square-side s) (square-side s)))
                (def (grow! s) (square-side-set! s (+ 1 (square-side s))) s)
                (export grow!)
                (defstruct square (side))""");
        assertEquals("(9 16 #t)", f.eval("(import \"" + shapes + "\") (list (area (make-square 3)) (area (grow! (make-square 3))) (square? (make-square 1)))"));
    }

    @Test
    void anExportedSyntaxCaseMacroUsesItsModulesOwnNames() throws Exception {
        Path counting = dir.resolve("counting.ss");
        Files.writeString(counting, """
                (export with-count count)
                (def counter 0)
                (def (bump!) (set! counter (+ counter 1)))
                (def (count) counter)
                (defsyntax (with-count stx) (syntax-case stx () ((_ e) #'(begin (bump!) e))))""");
        assertEquals("(5 6 2)", f.eval("(import \"" + counting + "\") (list (with-count 5) (with-count 6) (count))"));
        assertTrue(f.error("(bump!)").contains("Unbound variable: bump!"), "the helper stays the module's own");
    }

    @Test
    void aMacrosLiteralsMatchAcrossTheModuleBoundaryByBinding() throws Exception {
        Path lib = dir.resolve("lits.ss");
        Files.writeString(lib, """
                (export pick named)
                (defrules pick (else =>) ((_ else x) (list 'else x)) ((_ a => b) (list 'arrow a b)) ((_ y x) (list 'var y x)))
                (defrules named () ((named x) (list 'named x)))""");
        assertEquals("((else 1) (var 2 1) (arrow 1 2) (var 3 1) (named 4))",
                f.eval("(import \"" + lib + "\") (list (pick else 1) (pick 2 1) (pick 1 => 2) (let ((else 3)) (pick else 1)) (named 4))"));
    }
}
