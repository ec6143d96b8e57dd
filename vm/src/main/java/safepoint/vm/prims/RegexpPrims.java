package safepoint.vm.prims;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import safepoint.vm.data.Condition;
import safepoint.vm.data.MString;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;

/**
 * The matcher under :std/pregexp (doc/reference/std/regexp.md; the pregexp language is Perl's,
 * which java.util.regex reads but for the POSIX classes, translated here). The VM holds only
 * the pattern's text; compiled patterns are cached by text here, so no Java object enters the
 * heap. Concurrency: the cache is shared by every processor's thread (and every VM in the JVM),
 * so it is a ConcurrentHashMap; two threads compiling the same text at once both succeed.
 */
public final class RegexpPrims {
    private RegexpPrims() {}

    private static final int CACHE_SIZE = 256;
    /** Bounded by emptying it when full: patterns are cheap to compile again. */
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    public static void install(PrimitiveSink sink) {
        // (##regexp-check pattern): the pattern text if it compiles, else a clear error.
        sink.add(Primitive.of1("##regexp-check", true, (c, p) -> {
            compile(CharStringPrims.str(p, "pregexp", 1, Args.a(p)).toString());
            return p;
        }));
        // (##regexp-match-positions pattern str start end anchor?): ((s . e) group ...) with #f for a
        // group that took no part, or #f when nothing matches in [start, end). With anchor?, ^ and $
        // match at start and end; without, only at the string's own ends (a search resumed mid-string).
        sink.add(Primitive.ofN("##regexp-match-positions", 5, 5, true, (c, a) -> {
            Pattern pat = compile(CharStringPrims.str(a[0], "pregexp-match", 1, a).toString());
            MString s = CharStringPrims.str(a[1], "pregexp-match", 2, a);
            int[] r = Args.range(a, 2, s.length(), "pregexp-match");
            // Java matches UTF-16 text; Scheme positions count characters. They differ only when
            // the string holds a character beyond the BMP: then positions are converted both ways.
            CharSequence text = s.chars();
            String wide = text.length() != s.length() ? text.toString() : null;
            Matcher m = wide == null ? pat.matcher(text).region(r[0], r[1])
                    : pat.matcher(wide).region(wide.offsetByCodePoints(0, r[0]), wide.offsetByCodePoints(0, r[1]));
            m.useTransparentBounds(true).useAnchoringBounds(a[4] != Boolean.FALSE);
            if (!m.find()) return Boolean.FALSE;
            c.reserve(6L * (m.groupCount() + 1));
            Object out = Nil.NIL;
            for (int g = m.groupCount(); g >= 0; g--) {
                long from = wide == null ? m.start(g) : wide.codePointCount(0, Math.max(0, m.start(g)));
                long to = wide == null ? m.end(g) : wide.codePointCount(0, Math.max(0, m.end(g)));
                out = c.cons(m.start(g) < 0 ? Boolean.FALSE : c.cons(from, to), out);
            }
            return out;
        }));
    }

    private static Pattern compile(String text) {
        Pattern p = CACHE.get(text);
        if (p != null) return p;
        try {
            p = Pattern.compile(translate(text));
        } catch (PatternSyntaxException e) {
            throw Condition.raise("pregexp: bad regular expression: " + e.getDescription(), new MString(text));
        }
        if (CACHE.size() >= CACHE_SIZE) CACHE.clear();
        CACHE.put(text, p);
        return p;
    }

    private static final Pattern POSIX = Pattern.compile("\\[:(alpha|digit|alnum|upper|lower|space|punct|xdigit|cntrl|graph|print|blank):\\]");

    /** pregexp's [:alpha:] and friends (inside a bracket) as Java's \\p{Alpha}. */
    static String translate(String text) {
        Matcher m = POSIX.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).equals("xdigit") ? "XDigit" : Character.toUpperCase(m.group(1).charAt(0)) + m.group(1).substring(1);
            m.appendReplacement(out, Matcher.quoteReplacement("\\p{" + name + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
