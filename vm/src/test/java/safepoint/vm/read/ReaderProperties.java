package safepoint.vm.read;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.MString;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;

/**
 * Random nested data written as source text, with comments and odd spacing between items, read
 * back to the datum the text was made from. Each sample carries its text and the expected
 * {@link Show} rendering, built side by side.
 */
class ReaderProperties {
    record Sample(String text, String shown) {}

    @Property(tries = 300)
    boolean randomDataReadBack(@ForAll("data") Sample s) {
        Reader r = new Reader(InputPort.ofString(s.text()), "p.scm", new SourceMap());
        Object x = r.read();
        return Show.of(x).equals(s.shown()) && r.read() == Special.EOF;
    }

    @Provide
    Arbitrary<Sample> data() {
        return datum(4);
    }

    private Arbitrary<Sample> datum(int depth) {
        Arbitrary<Sample> atom = Arbitraries.oneOf(integers(), flonums(), symbols(), keywords(), strings(), chars());
        if (depth == 0) return atom;
        Arbitrary<List<Sample>> items = Arbitraries.lazy(() -> datum(depth - 1)).list().ofMaxSize(4);
        Arbitrary<Sample> list = Arbitraries.of("(", "[", "#(").flatMap(open -> items.flatMap(xs -> separators(xs.size() + 1).map(seps -> {
            StringBuilder text = new StringBuilder(open);
            StringBuilder shown = new StringBuilder(open.equals("#(") ? "#(" : "(");
            if (open.equals("[")) shown.append(xs.isEmpty() ? "@list" : "@list ");
            for (int i = 0; i < xs.size(); i++) {
                text.append(seps.get(i)).append(xs.get(i).text());
                if (i > 0) shown.append(' ');
                shown.append(xs.get(i).shown());
            }
            text.append(seps.get(xs.size())).append(open.equals("[") ? "]" : ")");
            return new Sample(text.toString(), shown.append(')').toString());
        })));
        Arbitrary<Sample> quoted = Arbitraries.lazy(() -> datum(depth - 1))
                .map(x -> new Sample("'" + x.text(), "(quote " + x.shown() + ")"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, atom), net.jqwik.api.Tuple.of(3, list), net.jqwik.api.Tuple.of(1, quoted));
    }

    /** What may separate items: must hold at least one delimiter, may hold comments of every kind. */
    private Arbitrary<List<String>> separators(int n) {
        return Arbitraries.of(" ", "\n", "\t ", " ; note ( \n", " #| block #| nested |# ) |# ", " #;(skip me) ", "\r\n  ")
                .list().ofSize(n);
    }

    private Arbitrary<Sample> integers() {
        return Arbitraries.oneOf(Arbitraries.longs().map(Object::toString),
                        Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30)).map(Object::toString))
                .map(t -> new Sample(t, Show.of(NumberParser.parse(t, 10))));
    }

    private Arbitrary<Sample> flonums() {
        return Arbitraries.doubles().map(d -> new Sample(Double.toString(d), Show.of(d)));
    }

    private Arbitrary<String> names() {
        Arbitrary<Character> first = Arbitraries.chars().with("abcxyzQR!$%&*/<=>?^_~@");
        Arbitrary<String> rest = Arbitraries.strings().withChars("abcxyz0123456789!$%&*/<=>?^_~+-.@#").ofMaxLength(6);
        return first.flatMap(c -> rest.map(r -> c + r));
    }

    private Arbitrary<Sample> symbols() {
        return names().map(n -> new Sample(n, n));
    }

    private Arbitrary<Sample> keywords() {
        return names().map(n -> new Sample(n + ":", n + ":"));
    }

    private Arbitrary<Sample> strings() {
        return Arbitraries.strings().withChars("ab \"\\\n\t\u03bbz|;()#").ofMaxLength(8).map(raw -> {
            StringBuilder t = new StringBuilder("\"");
            for (char c : raw.toCharArray()) {
                switch (c) {
                    case '"': t.append("\\\""); break;
                    case '\\': t.append("\\\\"); break;
                    case '\t': t.append("\\t"); break;
                    case '\u03bb': t.append("\\x3bb;"); break;
                    default: t.append(c);
                }
            }
            return new Sample(t.append('"').toString(), Show.of(new MString(raw)));
        });
    }

    private Arbitrary<Sample> chars() {
        return Arbitraries.integers().between(0, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .map(cp -> new Sample("#\\x" + Integer.toHexString(cp), Show.of(SChar.of(cp))));
    }
}
