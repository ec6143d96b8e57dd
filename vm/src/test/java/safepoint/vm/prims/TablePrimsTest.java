package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Special;

/** Gambit tables; expectations from gsi 4.9.3. */
class TablePrimsTest extends PrimTest {
    static final Keyword TEST = Keyword.of("test");

    SchemeTable table(Object... kw) {
        return (SchemeTable) call("make-table", kw);
    }

    @Test
    void refSetAndDelete() {
        SchemeTable t = table();
        assertSame(Special.VOID, call("table-set!", t, sym("a"), 1L));
        assertEquals(1L, call("table-ref", t, sym("a")));
        assertEquals(5L, call("table-ref", t, sym("b"), 5L));
        assertEquals(1L, call("table-length", t));
        call("table-set!", t, sym("a"));
        assertEquals(0L, call("table-length", t));
        assertEquals(true, call("table?", t));
        assertEquals(false, call("table?", vec()));
    }

    @Test
    void missingKeyWithoutDefault() {
        SchemeTable t = table();
        Condition k = err("table-ref", t, sym("a"));
        assertEquals(Condition.Kind.UNBOUND_TABLE_KEY, k.kind);
        assertEquals("Unbound table key", k.message);
        assertEquals("table-ref", k.proc);
        assertEquals(List.of(t, sym("a")), k.args);
        assertEquals(7L, call("table-ref", table(Keyword.of("init"), 7L), sym("x")));
    }

    @Test
    void tests() {
        SchemeTable eq = table(TEST, PRIMS.get("eq?"));
        call("table-set!", eq, s("a"), 1L);
        assertEquals(sym("no"), call("table-ref", eq, s("a"), sym("no")));
        call("table-set!", eq, 1L, sym("one"));
        assertEquals(sym("one"), call("table-ref", eq, 1L), "fixnums are eq? by value");
        SchemeTable eqv = table(TEST, PRIMS.get("eqv?"));
        call("table-set!", eqv, 1.5, 1L);
        assertEquals(1L, call("table-ref", eqv, 1.5, sym("no")));
        SchemeTable equal = table();
        call("table-set!", equal, list(s("a"), vec(1L)), 1L);
        assertEquals(1L, call("table-ref", equal, list(s("a"), vec(1L))));
        SchemeTable str = table(TEST, PRIMS.get("string=?"));
        call("table-set!", str, s("a"), 1L);
        assertEquals(1L, call("table-ref", str, s("a"), sym("no")));
    }

    @Test
    void stringTableRejectsOtherKeysAsGsiDoes() {
        SchemeTable str = table(TEST, PRIMS.get("string=?"));
        Condition k = err("table-set!", str, sym("a"), 1L);
        assertEquals("string=?-hash", k.proc);
        assertEquals("STRING expected", k.message);
        SchemeTable ci = table(TEST, PRIMS.get("string-ci=?"));
        call("table-set!", ci, s("a"), 1L);
        assertEquals(1L, call("table-ref", ci, s("A"), sym("no")));
    }

    @Test
    void keywordArgumentErrors() {
        typeErr("Exact INTEGER", 2, "make-table", Keyword.of("size"), sym("a"));
        rangeErr(2, "make-table", Keyword.of("size"), -1L);
        assertEquals(Condition.Kind.UNKNOWN_KEYWORD, err("make-table", Keyword.of("foo"), 1L).kind);
        arityErr("make-table", 1L);
        arityErr("make-table", TEST);
        SchemeTable w = table(Keyword.of("weak-keys"), true, Keyword.of("weak-values"), true);
        assertTrue(w.weakKeys && w.weakValues);
        arityErr("table-ref", table(), 1L, 2L, 3L);
        arityErr("table-set!", table());
    }

    @Test
    void tableTypeErrorNamesTheTableType() {
        long n = c.vm.serial(TypeDescriptor.TABLE);
        String type = "Instance of #<type #" + n + " table>";
        typeErr(type, 1, "table-ref", 5L, sym("a"), 5L);
        typeErr(type, 1, "table-set!", 5L, sym("a"), 5L);
        typeErr(type, 1, "table-length", 5L);
        typeErr(type, 1, "table->list", 5L);
        typeErr(type, 1, "table-copy", 5L);
        typeErr(type, 2, "table-merge", table(), 1L);
    }

    @Test
    void listsCopiesAndMerges() {
        SchemeTable t = table();
        call("table-set!", t, sym("a"), 1L);
        call("table-set!", t, sym("b"), 2L);
        assertEq(list(cons(sym("b"), 2L), cons(sym("a"), 1L)), call("table->list", t));
        SchemeTable u = (SchemeTable) call("table-copy", t);
        assertNotSame(t, u);
        assertEquals(2L, call("table-length", u));
        assertEquals(true, Equality.equal(t, u));
        assertEquals(false, Equality.equal(table(), table(TEST, PRIMS.get("eq?"))));
        SchemeTable l = (SchemeTable) call("list->table", list(cons(sym("a"), 1L), cons(sym("a"), 2L)));
        assertEq(list(cons(sym("a"), 1L)), call("table->list", l));
        typeErr("PAIR LIST", 1, "list->table", list(cons(sym("a"), 1L), 5L));
        typeErr("LIST", 1, "list->table", 5L);
        Condition k = err("list->table", list(cons(sym("a"), 1L)), Keyword.of("size"), sym("a"));
        assertEquals("make-table", k.proc);
        assertEquals(List.of(Keyword.of("size"), sym("a")), k.args);
        SchemeTable a = table(), b = table();
        call("table-set!", a, sym("x"), 1L);
        call("table-set!", b, sym("x"), 2L);
        call("table-set!", b, sym("y"), 3L);
        assertEq(list(cons(sym("y"), 3L), cons(sym("x"), 1L)), call("table->list", call("table-merge", a, b)));
        assertEq(list(cons(sym("y"), 3L), cons(sym("x"), 2L)), call("table->list", call("table-merge", a, b, true)));
        assertEquals(1L, call("table-length", a), "table-merge copies");
        assertSame(a, call("table-merge!", a, b));
        assertEquals(2L, call("table-length", a));
        assertEquals(Nil.NIL, call("table->list", table()));
    }

    @Test
    void printsAsGsi() {
        SchemeTable t = table();
        StringBuilder b = new StringBuilder();
        t.printOn(b, true, c.vm);
        assertEquals("#<table #" + c.vm.serial(t) + ">", b.toString());
    }
}
