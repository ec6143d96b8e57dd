package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A colon right after |...| makes a keyword, as gsi 4.9.3 reads (and writes) |a b|:. */
class BarKeywordTest {
    @Test
    void barredNamesFollowedByAColonAreKeywords() {
        // gsi: "|a b|:" => |a b|: (a keyword); "|a|:x" => a: then x; "|a| :" => a then :
        assertEquals(List.of("a b:"), ReaderTest.showAll("|a b|:"));
        assertEquals(List.of("a:", "x"), ReaderTest.showAll("|a|:x"));
        assertEquals(List.of("a:", ":"), ReaderTest.showAll("|a|::"));
        assertEquals(List.of(":"), ReaderTest.showAll("||:"));
        assertEquals(List.of("a", ":"), ReaderTest.showAll("|a| :"));
        assertEquals(List.of("((0 . a b:) . #t)"), ReaderTest.showAll("((0 . |a b|:) . #t)"));
        assertEquals(List.of("a", "b"), ReaderTest.showAll("|a|b"));
    }
}
