package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Src;

/** The first pair of each list is mapped to its opening bracket, 1-based as gsi counts. */
class ReaderPositionTest {
    final SourceMap map = new SourceMap();

    Object read(String text) {
        return new Reader(InputPort.ofString(text), "t.scm", map).read();
    }

    static Object nth(Object list, int n) {
        for (int i = 0; i < n; i++) list = ((Pair) list).cdr;
        return ((Pair) list).car;
    }

    @Test
    void listsRecordTheirOpeningBracket() {
        Object x = read("\n\n(define (f x)\n    (car x))");
        assertEquals(new Src("t.scm", 3, 1), map.get(x));
        assertEquals(new Src("t.scm", 3, 9), map.get(nth(x, 1)));
        assertEquals(new Src("t.scm", 4, 5), map.get(nth(x, 2)));
        assertEquals("\"t.scm\"@4.5", map.get(nth(x, 2)).toString());
    }

    @Test
    void onlyTheFirstPairOfAListIsRecorded() {
        Object x = read("(a b c)");
        assertNull(map.get(((Pair) x).cdr));
    }

    @Test
    void bracketsBracesAndListsInsideVectors() {
        Object x = read("(f [1 2] {m o})");
        assertEquals(new Src("t.scm", 1, 4), map.get(nth(x, 1)));
        assertEquals(new Src("t.scm", 1, 10), map.get(nth(x, 2)));
        SVector v = (SVector) read(" #(1 (2))");
        assertEquals(new Src("t.scm", 1, 6), map.get(v.items[1]));
    }

    @Test
    void quoteFormsRecordTheQuoteCharacter() {
        Object x = read("(list 'a\n  `(b ,c))");
        assertEquals(new Src("t.scm", 1, 7), map.get(nth(x, 1)));
        Object qq = nth(x, 2);
        assertEquals(new Src("t.scm", 2, 3), map.get(qq));
        assertEquals(new Src("t.scm", 2, 4), map.get(nth(qq, 1)));
        assertEquals(new Src("t.scm", 2, 7), map.get(nth(nth(qq, 1), 1)));
    }

    @Test
    void columnsCountTabsAsOneAndLinesSurviveStringsAndComments() {
        Object x = read("#| two\nlines |#\t\"a\nb\" ;c\n\t(x)");
        assertEquals("\"a\nb\"", Show.of(x).replace("\\u000a", "\n"));
        Object y = new Reader(InputPort.ofString("(a\t(b))"), "t.scm", map).read();
        assertEquals(new Src("t.scm", 1, 4), map.get(nth(y, 1)));
    }

    @Test
    void positionsContinueAcrossSuccessiveReads() {
        Reader r = new Reader(InputPort.ofString("(a)\r\n  (b)\n(c)"), "f.ss", map);
        assertEquals(new Src("f.ss", 1, 1), map.get(r.read()));
        assertEquals(new Src("f.ss", 2, 3), map.get(r.read()));
        assertEquals(new Src("f.ss", 3, 1), map.get(r.read()));
    }

    @Test
    void aNullSourceMapIsAllowed() {
        assertEquals("(a)", Show.of(new Reader(InputPort.ofString("(a)"), "t.scm", null).read()));
    }
}
