package safepoint.vm.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import safepoint.vm.VmFixture;
import safepoint.vm.run.Outcome;

/**
 * R7RS library names in imports and define-library (R7RS 5.6, Gerbil's doc/guide/r7rs.md): the
 * standard libraries, libraries defined in the program, and libraries in files named by their
 * names, with R7RS's import sets.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibrariesTest {
    @TempDir
    Path dir;

    private String run(String file, String text) throws Exception {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        VmFixture f = new VmFixture();
        Outcome o = f.vm.load(text, p.toString());
        return o.status() == Outcome.Status.VALUE ? f.out.toString() : f.out + "ERROR " + o.errorText();
    }

    private void write(String file, String text) throws Exception {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void theStandardLibrariesAreTheTopLevelsNames() throws Exception {
        assertEquals("(1 #\\A 2.)", run("a.ss", """
                (import (scheme base) (scheme char) (scheme write) (scheme inexact) (scheme process-context)
                        (only (scheme base) car) (except (scheme base) cdr))
                (write (list (car '(1)) (char-upcase #\\a) (sqrt 4.)))"""));
        assertEquals("2", run("g.ss", "(import :scheme/base :scheme/write (only-in :scheme/char char-upcase)) (write (cadr '(1 2)))"));
        assertEquals("1", run("b.ss", "(import (rename (scheme base) (car first)) (scheme write)) (write (first '(1 2)))"));
        assertTrue(run("c.ss", "(import (prefix (scheme base) s:))").contains("cannot prefix a standard library's names"));
        assertTrue(run("d.ss", "(import (scheme nonsense))").contains("Cannot find library"));
        assertTrue(run("e.ss", "(import (scheme \"base\"))").contains("Ill-formed library name"));
        assertEquals("(1 2)", run("f.ss", "(import (scheme base) (only (srfi 1) first last) (scheme write)) (write (list (first '(1 2)) (last '(1 2))))"));
    }

    @Test
    void aLibraryDefinedInTheProgram() throws Exception {
        assertEquals("(7 8 #t)", run("p.ss", """
                (define-library (util counter)
                  (export make-counter (rename counter-next next!))
                  (import (scheme base))
                  (begin
                    (define (make-counter n) (vector n))
                    (define (counter-next c) (vector-set! c 0 (+ 1 (vector-ref c 0))) (vector-ref c 0))
                    (define hidden 'h)))
                (import (scheme write) (prefix (util counter) c:))
                (define k (c:make-counter 6))
                (write (list (c:next! k) (c:next! k) (with-exception-handler (lambda (e) #t) (lambda () (eval 'c:counter-next)) )))"""));
    }

    @Test
    void aLibraryInAFileNamedByItsName() throws Exception {
        write("example/grid.sld", """
                (define-library (example grid)
                  (export make rows ref (rename put! set!))
                  (import (scheme base))
                  (include "grid-body.scm"))""");
        write("example/grid-body.scm", """
                (define (make n) (make-vector n #f))
                (define (rows g) (vector-length g))
                (define (ref g i) (vector-ref g i))
                (define (put! g i v) (vector-set! g i v))""");
        write("example/life.ss", """
                (define-library (example life)
                  (export count-set)
                  (import (except (scheme base) set!) (example grid))
                  (begin
                    (define (count-set g)
                      (let loop ((i 0) (n 0))
                        (if (= i (rows g)) n (loop (+ i 1) (if (ref g i) (+ n 1) n)))))
                    (define (fill! g) (set! g 0 #t))))""");
        assertEquals("(2 3)", run("main.ss", """
                (import (scheme base) (scheme write) (only (example life) count-set)
                        (rename (prefix (example grid) grid-) (grid-make make-grid)))
                (define g (make-grid 3))
                (grid-set! g 0 #t)
                (grid-set! g 2 #t)
                (write (list (count-set g) (grid-rows g)))"""));
        assertTrue(run("missing.ss", "(import (example nothing))").contains("Cannot find library (no file " + dir + "/example/nothing.sld, .ss or .scm)"));
        write("bad/lib.sld", "(define (x) 1)");
        assertTrue(run("bad.ss", "(import (bad lib))").contains("must hold one define-library of"));
    }

    @Test
    void aGerbilModuleImportsAStandardLibrary() throws Exception {
        write("util.ss", "(import (scheme base) (scheme char)) (export shout) (define (shout s) (string-upcase s))");
        assertEquals("HEY", run("m.ss", "(import ./util) (display (shout \"hey\"))"));
    }
}
