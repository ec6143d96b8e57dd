package safepoint.vm.prims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.SChar;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/** Characters, strings, symbols, keywords; expectations from gsi 4.9.3. */
class CharStringPrimsTest extends PrimTest {
    @Test
    void chars() {
        assertEquals(97L, call("char->integer", ch('a')));
        assertEquals(1114111L, call("char->integer", SChar.of(0x10FFFF)));
        assertEquals(ch('A'), call("integer->char", 65L));
        assertEquals(SChar.of(0xE000), call("integer->char", 0xE000L));
        typeErr("CHARACTER", 1, "char->integer", 1L);
        rangeErr(1, "integer->char", -1L);
        rangeErr(1, "integer->char", 0xD800L);
        rangeErr(1, "integer->char", 0xDFFFL);
        rangeErr(1, "integer->char", 0x110000L);
        typeErr("Exact INTEGER", 1, "integer->char", sym("a"));
    }

    @Test
    void charComparisonsAreVariadicAndCheckEveryArgument() {
        assertEquals(true, call("char<?"));
        assertEquals(true, call("char<?", ch('a')));
        assertEquals(true, call("char<?", ch('a'), ch('b'), ch('c')));
        assertEquals(false, call("char<?", ch('a'), ch('c'), ch('b')));
        assertEquals(true, call("char-ci=?", ch('a'), ch('A')));
        assertEquals(true, call("char-ci<?", ch('a'), ch('B')));
        assertEquals(true, call("char>=?", ch('b'), ch('b'), ch('a')));
        typeErr("CHARACTER", 2, "char=?", ch('a'), 1L);
        typeErr("CHARACTER", 3, "char<?", ch('b'), ch('a'), 1L);
        typeErr("CHARACTER", 2, "char-ci=?", ch('a'), 1L);
    }

    @Test
    void charClassesAreUnicodeAsInR7rs() {
        assertEquals(true, call("char-alphabetic?", SChar.of(0xE9)));
        assertEquals(true, call("char-alphabetic?", SChar.of(0x3BB)));
        assertEquals(true, call("char-alphabetic?", ch('z')));
        assertEquals(SChar.of(0xC9), call("char-upcase", SChar.of(0xE9)));
        assertEquals(ch('A'), call("char-upcase", ch('a')));
        assertEquals(ch('a'), call("char-downcase", ch('A')));
        assertEquals(ch('a'), call("char-foldcase", ch('A')));
        assertEquals(true, call("char-ci=?", SChar.of(0xE9), SChar.of(0xC9)));
        assertEquals(true, call("char-numeric?", SChar.of(0x664)));
        assertEquals(true, call("char-whitespace?", SChar.of(12)));
        assertEquals(true, call("char-whitespace?", SChar.of(0xA0)));
        assertEquals(true, call("char-whitespace?", SChar.of(0x85)));
        assertEquals(true, call("char-upper-case?", ch('Q')));
        assertEquals(false, call("char-lower-case?", ch('Q')));
        assertEquals(5L, call("digit-value", ch('5')));
        assertEquals(false, call("digit-value", ch('a')));
        typeErr("CHARACTER", 1, "char-upcase", 1L);
        typeErr("CHARACTER", 1, "char-alphabetic?", 1L);
    }

    @Test
    void makeAndAccess() {
        assertEq(s("\0\0\0"), call("make-string", 3L));
        assertEq(s("aaa"), call("make-string", 3L, ch('a')));
        rangeErr(1, "make-string", -1L);
        typeErr("Exact INTEGER", 1, "make-string", sym("a"));
        typeErr("Exact INTEGER", 1, "make-string", 2.0);
        typeErr("CHARACTER", 2, "make-string", 2L, 1L);
        assertEq(s("ab"), call("string", ch('a'), ch('b')));
        assertEq(s(""), call("string"));
        typeErr("CHARACTER", 2, "string", ch('a'), 1L);
        assertEquals(3L, call("string-length", s("abc")));
        typeErr("STRING", 1, "string-length", 1L);
        assertEquals(ch('c'), call("string-ref", s("abc"), 2L));
        rangeErr(2, "string-ref", s("abc"), 3L);
        rangeErr(2, "string-ref", s("abc"), -1L);
        typeErr("STRING", 1, "string-ref", sym("a"), 1L);
        MString m = s("abc");
        assertSame(Special.VOID, call("string-set!", m, 0L, ch('x')));
        assertEquals("xbc", m.toString());
        typeErr("CHARACTER", 3, "string-set!", s("ab"), 0L, 1L);
    }

    @Test
    void substringsAndCopies() {
        assertEq(s("b"), call("substring", s("abc"), 1L, 2L));
        rangeErr(3, "substring", s("abc"), 2L, 1L);
        rangeErr(3, "substring", s("abc"), 1L, 4L);
        rangeErr(2, "substring", s("abc"), 4L, 4L);
        typeErr("Exact INTEGER", 2, "substring", s("abc"), sym("a"), 1L);
        arityErr("substring", s("abc"), 1L);
        assertEq(s("ab"), call("string-append", s("a"), s("b")));
        assertEq(s(""), call("string-append"));
        typeErr("STRING", 2, "string-append", s("a"), 1L);
        MString orig = s("abc");
        Object copy = call("string-copy", orig);
        assertEq(orig, copy);
        assertNotSame(orig, copy);
        assertEq(s("bc"), call("string-copy", s("abc"), 1L));
        assertEq(s("b"), call("string-copy", s("abc"), 1L, 2L));
        rangeErr(2, "string-copy", s("abc"), 4L);
        rangeErr(3, "string-copy", s("abc"), 2L, 1L);
        typeErr("STRING", 1, "string-copy", 5L);
        MString to = s("xxx");
        call("string-copy!", to, 1L, s("ab"));
        assertEquals("xab", to.toString());
        rangeErr(2, "string-copy!", s("xxx"), 2L, s("ab"));
        rangeErr(5, "string-copy!", s("abc"), 0L, s("x"), 1L, 2L);
        MString self = s("abcde");
        call("string-copy!", self, 1L, self, 0L, 3L);
        assertEquals("aabce", self.toString());
        MString f = s("xxx");
        call("string-fill!", f, ch('y'), 1L);
        assertEquals("xyy", f.toString());
        typeErr("CHARACTER", 2, "string-fill!", s("abc"), 1L);
        rangeErr(3, "string-fill!", s("abc"), ch('x'), 4L);
    }

    @Test
    void conversions() {
        assertEq(list(ch('b'), ch('c')), call("string->list", s("abc"), 1L));
        assertEq(list(ch('b')), call("string->list", s("abc"), 1L, 2L));
        rangeErr(3, "string->list", s("abc"), 2L, 1L);
        rangeErr(2, "string->list", s("abc"), 4L);
        typeErr("STRING", 1, "string->list", 5L);
        assertEq(s("ab"), call("list->string", list(ch('a'), ch('b'))));
        assertEq(s(""), call("list->string", Nil.NIL));
        typeErr("CHARACTER LIST", 1, "list->string", list(ch('a'), 1L));
        typeErr("LIST", 1, "list->string", 5L);
        typeErr("LIST", 1, "list->string", cons(ch('a'), ch('b')));
        assertEq(vec(ch('b')), call("string->vector", s("abc"), 1L, 2L));
        assertEq(s("ab"), call("vector->string", vec(ch('a'), ch('b'))));
        typeErr("CHARACTER VECTOR", 1, "vector->string", vec(ch('a'), 1L));
        rangeErr(2, "vector->string", vec(ch('a')), 2L);
    }

    @Test
    void stringComparisons() {
        assertEquals(true, call("string=?", s("a")));
        assertEquals(true, call("string<?", s("a"), s("b"), s("c")));
        assertEquals(true, call("string<?", s("a"), s("ab")));
        assertEquals(false, call("string>?", s("a"), s("ab")));
        assertEquals(true, call("string-ci=?", s("aB"), s("Ab")));
        assertEquals(true, call("string-ci<?", s("a"), s("B")));
        assertEquals(true, call("string-ci<?", s("_"), s("A")), "folds to lower case");
        assertEquals(true, call("string-ci=?", s("\u00e9"), s("\u00c9")));
        typeErr("STRING", 2, "string=?", s("a"), 1L);
        typeErr("STRING", 3, "string<?", s("b"), s("a"), 1L);
        typeErr("STRING", 2, "string-ci<?", s("a"), 1L);
        assertEq(s("ABC\u00c9"), call("string-upcase", s("abc\u00e9")));
        assertEq(s("abc"), call("string-downcase", s("ABC")));
        assertEq(s("abc"), call("string-foldcase", s("AbC")));
    }

    @Test
    void symbolsAndKeywords() {
        assertSame(sym("abc"), call("string->symbol", s("abc")));
        assertEq(s("abc"), call("symbol->string", sym("abc")));
        typeErr("STRING", 1, "string->symbol", 1L);
        typeErr("SYMBOL", 1, "symbol->string", s("a"));
        assertEquals(true, call("symbol=?", sym("a"), sym("a"), sym("a")));
        assertEquals(false, call("symbol=?", sym("a"), sym("b")));
        typeErr("SYMBOL", 2, "symbol=?", sym("a"), s("a"));
        Symbol u = (Symbol) call("string->uninterned-symbol", s("x"));
        assertEquals("x", u.name);
        assertFalse(u.interned);
        assertNotSame(sym("x"), u);
        assertEquals(true, call("symbol?", u));
        assertEquals(true, call("uninterned-symbol?", u));
        Symbol g0 = (Symbol) call("gensym");
        Symbol g1 = (Symbol) call("gensym", sym("foo"));
        assertEquals("g0", g0.name);
        assertEquals("foo1", g1.name);
        assertTrue(!g0.interned && !g1.interned);
        typeErr("SYMBOL", 1, "gensym", s("foo"));
        assertEquals(true, call("keyword?", Keyword.of("foo")));
        assertEquals(false, call("keyword?", sym("foo")));
        assertEq(s("foo"), call("keyword->string", Keyword.of("foo")));
        assertSame(Keyword.of("foo"), call("string->keyword", s("foo")));
        typeErr("KEYWORD", 1, "keyword->string", sym("a"));
        typeErr("STRING", 1, "string->keyword", 1L);
    }
}
