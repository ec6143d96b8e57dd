package safepoint.vm.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import safepoint.vm.data.Box;
import safepoint.vm.data.Bytevector;
import safepoint.vm.data.InputPort;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.SchemeError;
import safepoint.vm.data.SourceMap;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;
import safepoint.vm.num.Num;
import safepoint.vm.prims.Equality;
import safepoint.vm.read.NumberParser;
import safepoint.vm.read.Reader;

/**
 * What {@code write} prints, {@code read} reads back as an equal datum: random nested lists
 * (proper and dotted), vectors, boxes, strings and symbols over every kind of character, chars,
 * keywords, all kinds of numbers, booleans, bytevectors and (). Equality is equal?, which
 * compares flonums by bits: -0. is not 0., and any NaN equals any NaN (the printer has one NaN).
 */
class PrintReadRoundTripProperties {
    private static final Serials VM = new Serials();

    @Property(tries = 1000)
    void writeThenReadGivesAnEqualDatum(@ForAll("data") Object datum) {
        String text = Printer.write(datum, VM);
        Reader r = new Reader(InputPort.ofString(text), "p.scm", new SourceMap());
        Object back;
        try {
            back = r.read();
        } catch (SchemeError e) {
            throw new AssertionError("wrote " + text + " and reading it failed: " + e.getMessage());
        }
        assertTrue(Equality.equal(datum, back), () -> "wrote " + text + " read " + Printer.write(back, VM));
        assertSame(Special.EOF, r.read(), () -> "more than one datum in " + text);
    }

    @Property(tries = 2000)
    void everyFlonumParsesBackToTheSameDouble(@ForAll("flonums") Double d) {
        String text = Printer.write(d, VM);
        Object back = NumberParser.parse(text, 10);
        assertTrue(back instanceof Double, () -> text + " parsed as " + back);
        double b = (Double) back;
        if (Double.isNaN(d)) {
            assertTrue(Double.isNaN(b), text);
        } else {
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(b), text);
        }
    }

    @Property(tries = 500)
    void displayOfAStringOrCharIsItsText(@ForAll("strings") MString s, @ForAll("chars") SChar c) {
        assertEquals(s.toString(), Printer.display(s, VM));
        assertEquals(new String(Character.toChars(c.cp)), Printer.display(c, VM));
    }

    // ---- generators --------------------------------------------------------------------------

    @Provide
    Arbitrary<Object> data() {
        return datum(4);
    }

    private Arbitrary<Object> datum(int depth) {
        Arbitrary<Object> atom = Arbitraries.oneOf(
                fixnums(), bignums(), rationals(), flonums().map(d -> (Object) d),
                strings().map(s -> (Object) s), chars().map(c -> (Object) c), symbols(), keywords(),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE, Nil.NIL), bytevectors());
        if (depth == 0) return atom;
        Arbitrary<Object> inner = Arbitraries.lazy(() -> datum(depth - 1));
        Arbitrary<List<Object>> items = inner.list().ofMaxSize(5);
        Arbitrary<Object> list = Combinators.combine(items, inner, Arbitraries.integers().between(0, 3))
                .as((xs, tail, dotted) -> {
                    // a dotted tail a quarter of the time, and only after at least one item
                    Object r = dotted == 0 && !xs.isEmpty() ? tail : Nil.NIL;
                    for (int i = xs.size() - 1; i >= 0; i--) r = new Pair(xs.get(i), r);
                    return r;
                });
        Arbitrary<Object> vector = items.map(xs -> new SVector(xs.toArray()));
        Arbitrary<Object> box = inner.map(Box::new);
        // (quote x), (quasiquote x) ... are written with abbreviations; they must read back as lists
        Arbitrary<Object> abbreviated = Combinators.combine(
                Arbitraries.of("quote", "quasiquote", "unquote", "unquote-splicing"), inner)
                .as((tag, x) -> new Pair(Symbol.of(tag), new Pair(x, Nil.NIL)));
        return Arbitraries.frequencyOf(
                Tuple.of(4, atom), Tuple.of(3, list), Tuple.of(1, vector), Tuple.of(1, box), Tuple.of(1, abbreviated));
    }

    private Arbitrary<Object> fixnums() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-1000, 1000),
                Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L))
                .map(x -> (Object) x);
    }

    private Arbitrary<Object> bignums() {
        // outside long range, as the VM keeps them
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(60))
                .flatMap(m -> Arbitraries.of(1, -1).map(sign -> {
                    BigInteger base = BigInteger.valueOf(Long.MAX_VALUE).add(m);
                    return (Object) (sign > 0 ? base : base.negate().subtract(BigInteger.ONE));
                }));
    }

    private Arbitrary<Object> rationals() {
        Arbitrary<BigInteger> num = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)));
        Arbitrary<BigInteger> den = Arbitraries.bigIntegers().between(BigInteger.TWO, BigInteger.TEN.pow(25));
        return Combinators.combine(num, den).as(Num::ratio);
    }

    @Provide
    Arbitrary<Double> flonums() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble), // every kind, NaN payloads included
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.longs().between(-99_999_999L, 99_999_999L)
                        .flatMap(m -> Arbitraries.integers().between(-25, 25).map(e -> m * Math.pow(10, e))),
                Arbitraries.of(0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
                        .5, -.5, 100.0, 1e21, 1e20, 1e-7, 1e-6, 1.2345678901234567e19, 0.1, 1.0 / 3));
    }

    /** Code points of every kind: ASCII, escapes and controls, Latin-1, BMP, astral; no surrogates. */
    private Arbitrary<Integer> codePoints() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(32, 126),
                Arbitraries.of((int) '"', (int) '\\', (int) '|', (int) '\n', (int) '\t', (int) '\r', 0, 7, 8, 11, 12,
                        27, 127, (int) '#', (int) '(', (int) ')', (int) ';', (int) '\'', (int) '`', (int) ',',
                        (int) ' ', (int) '.', (int) ':', (int) '[', (int) '{'),
                Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(128, 255),
                Arbitraries.integers().between(256, 0xD7FF),
                Arbitraries.integers().between(0xE000, 0xFFFF),
                Arbitraries.integers().between(0x10000, 0x10FFFF));
    }

    private Arbitrary<String> text(int maxLength) {
        return codePoints().list().ofMaxSize(maxLength).map(cps -> {
            StringBuilder b = new StringBuilder();
            for (int cp : cps) b.appendCodePoint(cp);
            return b.toString();
        });
    }

    @Provide
    Arbitrary<MString> strings() {
        return text(12).map(MString::new);
    }

    @Provide
    Arbitrary<SChar> chars() {
        return codePoints().map(SChar::of);
    }

    private Arbitrary<Object> symbols() {
        // plain names, names that look like numbers or need bars, and arbitrary text
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz-+*/<>=!?.:_0123456789").ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> tricky = Arbitraries.of("", ".", "..", "...", "+", "-", "1", "-1", "+1", "1e5", "1/2", ".5",
                "+inf.0", "-nan.0", "+i", "a b", "#foo", "a#b", "|", "\\", "foo:", ":foo", "quote", "#t", "#f",
                "a;b", "(", ")", "'", "\"", "@", ",", "`", "A", "x\ny", "1+", "->", "#!eof", "#:x", "...a");
        return Arbitraries.oneOf(plain, tricky, text(8)).map(s -> (Object) Symbol.of(s));
    }

    private Arbitrary<Object> keywords() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz-+*?0123456789").ofMinLength(1).ofMaxLength(6);
        return Arbitraries.oneOf(plain, Arbitraries.of("a b", "x:", "|", "1", "#k"), text(6))
                .map(s -> (Object) Keyword.of(s));
    }

    private Arbitrary<Object> bytevectors() {
        return Arbitraries.bytes().list().ofMaxSize(8).map(bs -> {
            byte[] a = new byte[bs.size()];
            for (int i = 0; i < a.length; i++) a[i] = bs.get(i);
            return (Object) new Bytevector(a);
        });
    }
}
