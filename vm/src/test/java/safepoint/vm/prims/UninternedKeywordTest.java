package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Serials;
import safepoint.vm.print.Printer;

/** string->uninterned-keyword as in gsi 4.9.3: a fresh keyword each time, written #:name:. */
class UninternedKeywordTest extends PrimTest {
    @Test
    void freshKeywordsThatWriteWithAHashColon() {
        Keyword k = (Keyword) call("string->uninterned-keyword", s("k"));
        Keyword k2 = (Keyword) call("string->uninterned-keyword", s("k"));
        assertNotSame(k, k2);
        assertNotSame(Keyword.of("k"), k);
        assertEquals(false, call("eq?", k, k2));
        assertEquals(false, call("equal?", k, k2));
        assertEquals(true, call("keyword?", k));
        assertEquals(true, call("uninterned-keyword?", k));
        assertEquals(false, call("uninterned-keyword?", Keyword.of("k")));
        assertEquals(false, call("uninterned-keyword?", sym("k")));
        assertEq(s("k"), call("keyword->string", k));
        Serials vm = new Serials();
        assertEquals("#:k:", Printer.write(k, vm));            // gsi: #:k:
        assertEquals("#:|a b|:", Printer.write(Keyword.uninterned("a b"), vm));
        assertEquals("k", Printer.display(k, vm));
        typeErr("STRING", 1, "string->uninterned-keyword", 1L);
    }
}
