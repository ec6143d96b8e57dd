package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import safepoint.vm.VmFixture;

/**
 * File ports and paths against the host's file system, always inside a JUnit temporary folder:
 * text and bytes both ways, Gambit's port settings, the host's refusals in gsi's words, and
 * gsi 4.9.3's answers for the path procedures.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FilePrimsTest {
    @TempDir
    Path dir;

    private String at(String name) {
        return "\"" + dir.resolve(name) + "\"";
    }

    @Test
    void aFilePortHasBytesAndCharacters() throws Exception {
        VmFixture f = new VmFixture();
        f.run("(call-with-output-file " + at("t") + " (lambda (o) (display \"h\u00e9\\n\" o) (write-u8 255 o)))");
        assertArrayEquals(new byte[] {'h', (byte) 0xc3, (byte) 0xa9, '\n', (byte) 0xff}, Files.readAllBytes(dir.resolve("t")));
        assertEquals("(104 #\\xe9 \"\" 255 #!eof)",
                f.eval("(let (p (open-input-file " + at("t") + ")) (list (read-u8 p) (read-char p) (read-line p) (read-u8 p) (read-u8 p)))"));
        assertEquals("#u8(104 195 169 10 255)", f.eval("(read-bytevector 10 (open-binary-input-file " + at("t") + "))"));
        assertEquals("#<input-port #1 " + at("t") + ">", f.eval("(open-input-file " + at("t") + ")").replaceAll("#\\d+", "#1"));
    }

    @Test
    void settingsAppend() throws Exception {
        VmFixture f = new VmFixture();
        Files.writeString(dir.resolve("a"), "one\n");
        f.run("(call-with-output-file (list path: " + at("a") + " append: #t) (lambda (o) (display \"two\" o)))");
        assertEquals("one\ntwo", Files.readString(dir.resolve("a")));
        f.run("(let (o (open-binary-output-file " + at("a") + ")) (write-u8 1 o) (close-port o))");
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(dir.resolve("a")));
        assertTrue(f.error("(open-output-file (list path: " + at("a") + " colour: 'red))")
                .contains("(Argument 1) STRING or port settings expected"));
    }

    @Test
    void aLongWriteReachesTheFileBeforeItCloses() throws Exception {
        VmFixture f = new VmFixture();
        f.run("(def o (open-output-file " + at("big") + "))");
        f.run("(let loop ((i 0)) (when (< i 3000) (display \"abcd\" o) (loop (+ i 1))))");
        assertTrue(Files.size(dir.resolve("big")) >= 8192, "a full buffer is written at once");
        f.run("(close-port o)");
        assertEquals(12000, Files.size(dir.resolve("big")));
    }

    /** Each ending of a program leaves what it wrote in its files, though it never closed them. */
    @Test
    void aProgramThatEndsLeavesItsBytesInTheFile() throws Exception {
        String[][] endings = {
            {"normal", "", "VALUE"},
            {"exit", "(exit 3)", "EXIT"},
            {"error", "(car 1)", "ERROR"},
            {"thread", "(thread-join! (thread-start! (make-thread (lambda () (display \" too\" o)))))", "VALUE"},
        };
        for (String[] e : endings) {
            VmFixture f = new VmFixture();
            var o = f.vm.load("(define o (open-output-file " + at(e[0]) + "))\n(display \"bytes\" o)\n" + e[1], "t.ss");
            assertEquals(e[2], o.status().toString(), e[0]);
            assertEquals(e[0].equals("thread") ? "bytes too" : "bytes", Files.readString(dir.resolve(e[0])), e[0]);
        }
        VmFixture f = new VmFixture();
        f.run("(define c (open-output-file " + at("closed") + ")) (display 1 c) (close-port c)");
        f.run("(define d (open-output-file " + at("later") + ")) (display 2 d)");
        assertEquals("2", Files.readString(dir.resolve("later")), "each run's end flushes the ports still open");
        f.run("(display 3 d)");
        assertEquals("23", Files.readString(dir.resolve("later")), "and a flushed port goes on where it was");
        assertEquals("1", Files.readString(dir.resolve("closed")));
    }

    @Test
    void theHostsRefusalsInGsisWords() {
        VmFixture f = new VmFixture();
        String missing = at("missing");
        assertTrue(f.error("(open-input-file " + missing + ")").contains("No such file or directory\n(open-input-file " + missing + ")"));
        assertTrue(f.error("(open-binary-input-file " + missing + ")").contains("No such file or directory"));
        assertTrue(f.error("(open-output-file " + at("no/such/dir") + ")").contains("No such file or directory"));
        assertTrue(f.error("(delete-file " + missing + ")").contains("No such file or directory\n(delete-file"));
        assertTrue(f.error("(open-input-file \"" + dir + "\")").contains("Unknown error"), "gsi's words for a directory");
        assertTrue(f.error("(create-directory \"" + dir + "\")").contains("File exists"));
        assertEquals("#t", f.eval("(with-catch file-error? (lambda () (open-input-file " + missing + ")))"));
        assertTrue(f.error("(open-input-file 'x)").contains("(Argument 1) STRING or port settings expected"));
    }

    @Test
    void directoriesFromTheHost() {
        VmFixture f = new VmFixture();
        f.run("(create-directory " + at("d") + ")");
        f.run("(call-with-output-file " + at("d/b") + " (lambda (o) (display 1 o)))");
        f.run("(call-with-output-file " + at("d/a") + " (lambda (o) (display 1 o)))");
        assertEquals("(\"a\" \"b\")", f.eval("(directory-files " + at("d") + ")"));
        f.run("(rename-file " + at("d/a") + " " + at("d/c") + ")");
        assertEquals("(\"b\" \"c\")", f.eval("(directory-files " + at("d") + ")"));
        assertTrue(f.error("(delete-directory " + at("d") + ")").contains("Directory not empty"));
        assertEquals("\"" + dir.resolve("d") + "/\"", f.eval("(path-normalize " + at("d/./../d") + ")"));
    }

    /** Each as gsi 4.9.3 answers it. */
    @Test
    void pathStringsAsGsi() {
        VmFixture f = new VmFixture();
        f.check("(path-expand \"foo\" \"/bar\")", "\"/bar/foo\"", "(path-expand \"/a/../b\")", "\"/a/../b\"",
                "(path-expand \"foo/\" \"bar\")", "\"bar/foo/\"",
                "(map path-directory '(\"/a/b/c.ss\" \"c.ss\" \"/a/b/\"))", "(\"/a/b/\" \"\" \"/a/b/\")",
                "(map path-strip-directory '(\"/a/b/c.ss\" \"/a/b/\"))", "(\"c.ss\" \"\")",
                "(map path-extension '(\"a/b.c.ss\" \".foo\" \"a/.foo\" \"foo\" \"foo.\" \"a.b/c\"))", "(\".ss\" \"\" \"\" \"\" \".\" \"\")",
                "(map path-strip-extension '(\"a/b.c.ss\" \".foo\" \"foo.\"))", "(\"a/b.c\" \".foo\" \"foo\")",
                "(map path-strip-trailing-directory-separator '(\"/a/b/\" \"/\" \"a//\"))", "(\"/a/b\" \"\" \"a/\")");
        assertEquals("#t", f.eval("(string=? (path-expand \"\") (current-directory))"));
    }
}
