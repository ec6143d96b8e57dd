package safepoint.vm.prims;

import java.util.Locale;
import static safepoint.vm.prims.Args.a;

import safepoint.vm.data.CaseFold;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SChar;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Special;
import safepoint.vm.data.Symbol;

/**
 * Characters, strings, symbols and keywords. Case and class follow R7RS (section 6.6) over all of
 * Unicode, as newer Gambit (which Gerbil runs on) does, not gsi 4.9.3's ASCII rules: {@code
 * (char-upcase #\xe9)} is {@code #\xc9}, {@code (char-alphabetic? #\x3bb)} is true, {@code
 * char-numeric?} and {@code digit-value} know every decimal digit (Nd), {@code char-whitespace?} the
 * White_Space property, {@code string-upcase} and {@code string-foldcase} the full mappings
 * ({@code "straße"} to {@code "STRASSE"}), and the {@code -ci} comparisons fold as {@code
 * string-foldcase} does. The README lists the differences from gsi 4.9.3.
 *
 * <p>Strings are sequences of code points (see {@link MString}).
 */
public final class CharStringPrims {
    private CharStringPrims() {}

    public static void install(PrimitiveSink sink) {
        installChars(sink);
        installStrings(sink);
        installSymbols(sink);
    }

    // ---- characters --------------------------------------------------------------------------

    private static void installChars(PrimitiveSink sink) {
        sink.add(Primitive.of1("char?", true, (c, x) -> x instanceof SChar));
        sink.add(Primitive.of1("char->integer", true, (c, x) -> (long) ch1(x, "char->integer")));
        sink.add(Primitive.of1("integer->char", true, (c, x) -> {
            if (x instanceof Long l) {
                if (l >= 0 && l <= 0x10FFFF && !(l >= 0xD800 && l <= 0xDFFF)) return SChar.of((int) (long) l);
                throw Condition.rangeError("integer->char", 1, x);
            }
            if (x instanceof java.math.BigInteger) throw Condition.rangeError("integer->char", 1, x);
            throw Condition.typeError("integer->char", 1, "Exact INTEGER", x);
        }));
        addCharCompare(sink, "char=?", false, 0);
        addCharCompare(sink, "char<?", false, 1);
        addCharCompare(sink, "char>?", false, 2);
        addCharCompare(sink, "char<=?", false, 3);
        addCharCompare(sink, "char>=?", false, 4);
        addCharCompare(sink, "char-ci=?", true, 0);
        addCharCompare(sink, "char-ci<?", true, 1);
        addCharCompare(sink, "char-ci>?", true, 2);
        addCharCompare(sink, "char-ci<=?", true, 3);
        addCharCompare(sink, "char-ci>=?", true, 4);
        addCharTest(sink, "char-alphabetic?", Character::isAlphabetic);
        addCharTest(sink, "char-numeric?", CharStringPrims::isDecimalDigit);
        addCharTest(sink, "char-whitespace?", cp -> Character.isSpaceChar(cp) || (cp >= 9 && cp <= 13) || cp == 0x85);
        addCharTest(sink, "char-upper-case?", Character::isUpperCase);
        addCharTest(sink, "char-lower-case?", Character::isLowerCase);
        sink.add(Primitive.of1("char-upcase", true, (c, x) -> SChar.of(upcase(ch1(x, "char-upcase")))));
        sink.add(Primitive.of1("char-downcase", true, (c, x) -> SChar.of(downcase(ch1(x, "char-downcase")))));
        sink.add(Primitive.of1("char-foldcase", true, (c, x) -> SChar.of(foldcase(ch1(x, "char-foldcase")))));
        sink.add(Primitive.of1("digit-value", true, (c, x) -> {
            int cp = ch1(x, "digit-value");
            return isDecimalDigit(cp) ? (Object) (long) Character.digit(cp, 10) : Boolean.FALSE;
        }));
    }

    private interface CpTest { boolean test(int cp); }

    private static void addCharTest(PrimitiveSink sink, String name, CpTest t) {
        sink.add(Primitive.of1(name, true, (c, x) -> t.test(ch1(x, name))));
    }

    private static void addCharCompare(PrimitiveSink sink, String name, boolean ci, int op) {
        sink.add(Primitive.ofN(name, 0, -1, true, (c, args) -> {
            int[] cps = new int[args.length];
            for (int i = 0; i < args.length; i++) {
                int cp = ch(args[i], name, i + 1, args);
                cps[i] = ci ? foldcase(cp) : cp;
            }
            for (int i = 0; i + 1 < cps.length; i++) if (!holds(op, Integer.compare(cps[i], cps[i + 1]))) return false;
            return true;
        }));
    }

    /** Whether comparison result {@code cmp} satisfies operator {@code op} (= < > <= >=). */
    private static boolean holds(int op, int cmp) {
        return switch (op) {
            case 0 -> cmp == 0;
            case 1 -> cmp < 0;
            case 2 -> cmp > 0;
            case 3 -> cmp <= 0;
            default -> cmp >= 0;
        };
    }

    static int ch(Object x, String name, int argIndex, Object[] args) {
        if (x instanceof SChar s) return s.cp;
        throw Condition.typeError(name, argIndex, "CHARACTER", args);
    }

    /** {@link #ch} for the only argument of a one-argument call: no argument array unless it fails. */
    static int ch1(Object x, String name) {
        if (x instanceof SChar s) return s.cp;
        throw Condition.typeError(name, 1, "CHARACTER", x);
    }

    static int upcase(int cp) {
        return cp < 128 ? (cp >= 'a' && cp <= 'z' ? cp - 32 : cp) : Character.toUpperCase(cp);
    }

    static int downcase(int cp) {
        return cp < 128 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) : Character.toLowerCase(cp);
    }

    private static boolean isDecimalDigit(int cp) {
        return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    static int foldcase(int cp) {
        return CaseFold.fold(cp);
    }

    /** Full case folding, as string-foldcase, string-ci=? and string-ci tables use it. */
    static String fold(CharSequence s) {
        return CaseFold.fold(s);
    }

    // ---- strings -----------------------------------------------------------------------------

    static MString str(Object x, String name, int argIndex, Object[] args) {
        return Condition.cast(MString.class, x, name, argIndex, "STRING", args);
    }

    static MString str1(Object x, String name) {
        return Condition.cast(MString.class, x, name, 1, "STRING", x);
    }

    static MString newString(Ctx c, CharSequence s) {
        MString m = new MString(s);
        c.reserve(stringWords(m.length()));
        return c.alloc(m, (int) stringWords(m.length()));
    }

    static long stringWords(long chars) {
        return 2 + (chars + 3) / 4;
    }

    private static void installStrings(PrimitiveSink sink) {
        sink.add(Primitive.of1("string?", true, (c, x) -> x instanceof MString));
        sink.add(Primitive.ofN("make-string", 1, 2, true, (c, args) -> {
            int n = Args.index(args[0], "make-string", 1, args);
            int fill = args.length > 1 ? ch(args[1], "make-string", 2, args) : 0;
            c.reserve(stringWords(n)); // before the Java text exists
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) b.appendCodePoint(fill);
            return c.alloc(new MString(b), (int) stringWords(n));
        }));
        sink.add(Primitive.ofN("string", 0, -1, true, (c, args) -> {
            StringBuilder b = new StringBuilder(args.length);
            for (int i = 0; i < args.length; i++) b.appendCodePoint(ch(args[i], "string", i + 1, args));
            return newString(c, b);
        }));
        sink.add(Primitive.of1("string-length", true, (c, s) -> (long) str1(s, "string-length").length()));
        sink.add(Primitive.of2("string-ref", true, (c, s, k) -> {
            if (s instanceof MString m && k instanceof Long l && l >= 0 && l < m.length()) return SChar.of(m.ref((int) (long) l));
            Object[] args = a(s, k);
            MString m = str(s, "string-ref", 1, args);
            return SChar.of(m.ref(Args.index(k, 0, m.length() - 1, "string-ref", 2, args)));
        }));
        sink.add(Primitive.of3("string-set!", true, (c, s, k, x) -> {
            if (s instanceof MString m && k instanceof Long l && l >= 0 && l < m.length() && x instanceof SChar ch) {
                m.set((int) (long) l, ch.cp);
                return Special.VOID;
            }
            Object[] args = a(s, k, x);
            MString m = str(s, "string-set!", 1, args);
            int i = Args.index(k, 0, m.length() - 1, "string-set!", 2, args);
            m.set(i, ch(x, "string-set!", 3, args));
            return Special.VOID;
        }));
        sink.add(Primitive.of3("substring", true, (c, s, st, en) -> {
            Object[] args = a(s, st, en);
            MString m = str(s, "substring", 1, args);
            int[] r = Args.range(args, 1, m.length(), "substring");
            return newString(c, m.substring(r[0], r[1]));
        }));
        sink.add(Primitive.ofN("string-append", 0, -1, true, (c, args) -> {
            long n = 0;
            for (int i = 0; i < args.length; i++) n += str(args[i], "string-append", i + 1, args).length();
            c.reserve(stringWords(n)); // before the Java text exists
            StringBuilder b = new StringBuilder();
            for (Object s : args) ((MString) s).appendTo(b);
            return c.alloc(new MString(b), (int) stringWords(n));
        }));
        sink.add(Primitive.ofN("string-copy", 1, 3, true, (c, args) -> {
            MString m = str(args[0], "string-copy", 1, args);
            int[] r = Args.range(args, 1, m.length(), "string-copy");
            return newString(c, m.substring(r[0], r[1]));
        }));
        sink.add(Primitive.ofN("string-copy!", 3, 5, true, (c, args) -> {
            MString to = str(args[0], "string-copy!", 1, args);
            Args.index(args[1], "string-copy!", 2, args);
            MString from = str(args[2], "string-copy!", 3, args);
            int[] r = Args.range(args, 3, from.length(), "string-copy!");
            int at = Args.index(args[1], 0, to.length() - (r[1] - r[0]), "string-copy!", 2, args);
            to.copyFrom(at, from, r[0], r[1]);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("string-fill!", 2, 4, true, (c, args) -> {
            MString m = str(args[0], "string-fill!", 1, args);
            int cp = ch(args[1], "string-fill!", 2, args);
            int[] r = Args.range(args, 2, m.length(), "string-fill!");
            c.work(r[1] - r[0]);
            for (int i = r[0]; i < r[1]; i++) m.set(i, cp);
            return Special.VOID;
        }));
        sink.add(Primitive.ofN("string->list", 1, 3, true, (c, args) -> {
            MString m = str(args[0], "string->list", 1, args);
            int[] r = Args.range(args, 1, m.length(), "string->list");
            c.reserve(3L * (r[1] - r[0]));
            Object l = Nil.NIL;
            for (int i = r[1] - 1; i >= r[0]; i--) l = c.cons(SChar.of(m.ref(i)), l);
            return l;
        }));
        sink.add(Primitive.of1("list->string", true, (c, l) -> {
            if (ListPrims.walked(c, Args.listLength(l)) < 0) throw Condition.typeError("list->string", 1, "LIST", l);
            StringBuilder b = new StringBuilder();
            for (Object x = l; x instanceof Pair p; x = p.cdr) {
                if (!(p.car instanceof SChar s)) throw Condition.typeError("list->string", 1, "CHARACTER LIST", l);
                b.appendCodePoint(s.cp);
            }
            return newString(c, b);
        }));
        sink.add(Primitive.ofN("string->vector", 1, 3, true, (c, args) -> {
            MString m = str(args[0], "string->vector", 1, args);
            int[] r = Args.range(args, 1, m.length(), "string->vector");
            c.reserve(1L + r[1] - r[0]);
            Object[] items = new Object[r[1] - r[0]];
            for (int i = 0; i < items.length; i++) items[i] = SChar.of(m.ref(r[0] + i));
            return c.alloc(new SVector(items), 1 + items.length);
        }));
        sink.add(Primitive.ofN("vector->string", 1, 3, true, (c, args) -> {
            if (!(args[0] instanceof SVector v)) throw Condition.typeError("vector->string", 1, "VECTOR", args);
            int[] r = Args.range(args, 1, v.items.length, "vector->string");
            StringBuilder b = new StringBuilder(r[1] - r[0]);
            for (int i = r[0]; i < r[1]; i++) {
                if (!(v.items[i] instanceof SChar s)) throw Condition.typeError("vector->string", 1, "CHARACTER VECTOR", args);
                b.appendCodePoint(s.cp);
            }
            return newString(c, b);
        }));
        addStringCompare(sink, "string=?", false, 0);
        addStringCompare(sink, "string<?", false, 1);
        addStringCompare(sink, "string>?", false, 2);
        addStringCompare(sink, "string<=?", false, 3);
        addStringCompare(sink, "string>=?", false, 4);
        addStringCompare(sink, "string-ci=?", true, 0);
        addStringCompare(sink, "string-ci<?", true, 1);
        addStringCompare(sink, "string-ci>?", true, 2);
        addStringCompare(sink, "string-ci<=?", true, 3);
        addStringCompare(sink, "string-ci>=?", true, 4);
        // Full mappings (ß to SS; a final sigma in string-downcase), Java's locale-independent ones.
        sink.add(Primitive.of1("string-upcase", true,
                (c, s) -> newString(c, str1(s, "string-upcase").toString().toUpperCase(Locale.ROOT))));
        sink.add(Primitive.of1("string-downcase", true,
                (c, s) -> newString(c, str1(s, "string-downcase").toString().toLowerCase(Locale.ROOT))));
        sink.add(Primitive.of1("string-foldcase", true, (c, s) -> newString(c, fold(str1(s, "string-foldcase").toString()))));
    }

    private static void addStringCompare(PrimitiveSink sink, String name, boolean ci, int op) {
        sink.add(Primitive.ofN(name, 0, -1, true, (c, args) -> {
            MString[] ss = new MString[args.length];
            for (int i = 0; i < args.length; i++) {
                MString m = str(args[i], name, i + 1, args);
                ss[i] = ci ? new MString(fold(m.toString())) : m;
                c.work(m.length());
            }
            for (int i = 0; i + 1 < ss.length; i++) if (!holds(op, ss[i].compareTo(ss[i + 1]))) return false;
            return true;
        }));
    }

    // ---- symbols and keywords ----------------------------------------------------------------

    private static void installSymbols(PrimitiveSink sink) {
        sink.add(Primitive.of1("symbol?", true, (c, x) -> x instanceof Symbol));
        sink.add(Primitive.of1("string->symbol", true, (c, s) -> Symbol.of(str1(s, "string->symbol").toString())));
        sink.add(Primitive.of1("symbol->string", true, (c, s) -> {
            if (s instanceof Symbol y) return newString(c, y.name);
            throw Condition.typeError("symbol->string", 1, "SYMBOL", s);
        }));
        sink.add(Primitive.ofN("symbol=?", 0, -1, true, (c, args) -> {
            for (int i = 0; i < args.length; i++) {
                if (!(args[i] instanceof Symbol)) throw Condition.typeError("symbol=?", i + 1, "SYMBOL", args);
            }
            for (int i = 0; i + 1 < args.length; i++) if (args[i] != args[i + 1]) return false;
            return true;
        }));
        // The optional second argument (a hash) has no use here.
        sink.add(Primitive.ofN("string->uninterned-symbol", 1, 2, true, (c, args) ->
                Symbol.uninterned(str(args[0], "string->uninterned-symbol", 1, args).toString())));
        sink.add(Primitive.of1("uninterned-symbol?", true, (c, x) -> x instanceof Symbol y && !y.interned));
        sink.add(Primitive.ofN("gensym", 0, 1, true, (c, args) -> {
            if (args.length == 0) return c.serials().gensym("g");
            if (args[0] instanceof Symbol y) return c.serials().gensym(y.name);
            throw Condition.typeError("gensym", 1, "SYMBOL", args);
        }));
        sink.add(Primitive.of1("keyword?", true, (c, x) -> x instanceof Keyword));
        sink.add(Primitive.of1("keyword->string", true, (c, k) -> {
            if (k instanceof Keyword kw) return newString(c, kw.name);
            throw Condition.typeError("keyword->string", 1, "KEYWORD", k);
        }));
        sink.add(Primitive.of1("string->keyword", true, (c, s) -> Keyword.of(str1(s, "string->keyword").toString())));
        sink.add(Primitive.ofN("string->uninterned-keyword", 1, 2, true, (c, args) ->
                Keyword.uninterned(str(args[0], "string->uninterned-keyword", 1, args).toString())));
        sink.add(Primitive.of1("uninterned-keyword?", true, (c, x) -> x instanceof Keyword k && !k.interned));
    }
}
