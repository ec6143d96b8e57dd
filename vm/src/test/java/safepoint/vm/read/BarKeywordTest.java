package safepoint.vm.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;

/** A colon right after |...| makes a keyword, as gsi 4.9.3 reads (and writes) |a b|:. */
class BarKeywordTest {
    static List<String> showAll(String text) {
        Reader r = new Reader(InputPort.ofString(text), "t.scm", new SourceMap());
        List<String> out = new ArrayList<>();
        for (Object x = r.read(); x != Special.EOF; x = r.read()) out.add(Show.of(x));
        return out;
    }

    @Test
    void barredNamesFollowedByAColonAreKeywords() {
        // gsi: "|a b|:" => |a b|: (a keyword); "|a|:x" => a: then x; "|a| :" => a then :
        assertEquals(List.of("a b:"), showAll("|a b|:"));
        assertEquals(List.of("a:", "x"), showAll("|a|:x"));
        assertEquals(List.of("a:", ":"), showAll("|a|::"));
        assertEquals(List.of(":"), showAll("||:"));
        assertEquals(List.of("a", ":"), showAll("|a| :"));
        assertEquals(List.of("((0 . a b:) . #t)"), showAll("((0 . |a b|:) . #t)"));
        assertEquals(List.of("a", "b"), showAll("|a|b"));
    }
}
