package safepoint.vm.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import safepoint.vm.data.Box;
import safepoint.vm.data.Nil;
import safepoint.vm.data.Pair;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Symbol;
import safepoint.vm.data.Serials;

/**
 * The printer keeps its own stack: deep and long structures print without StackOverflowError.
 * Printing runs on a thread with a small Java stack, so a recursive printer would fail here.
 */
class DeepNestingTest {
    final Serials vm = new Serials();

    static String onSmallStack(Supplier<String> print) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(print.get());
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) throw new AssertionError(e);
        return (String) result.get();
    }

    String writeOnSmallStack(Object x) throws InterruptedException {
        return onSmallStack(() -> Printer.write(x, vm));
    }

    @Test
    void hundredThousandDeepList() throws InterruptedException {
        int depth = 100_000;
        Object o = Nil.NIL;
        for (int i = 0; i < depth; i++) o = new Pair(o, Nil.NIL);
        String s = writeOnSmallStack(o);
        assertEquals(2 * depth + 2, s.length());
        assertTrue(s.startsWith("((((") && s.endsWith("))))"));
        assertEquals("(".repeat(depth) + "()" + ")".repeat(depth), s);
    }

    @Test
    void millionLongList() throws InterruptedException {
        int n = 1_000_000;
        Object o = Nil.NIL;
        for (int i = 0; i < n; i++) o = new Pair((long) (i % 10), o);
        Object root = o;
        String s = onSmallStack(() -> Printer.display(root, vm));
        assertEquals(2 * n + 1, s.length());
        assertTrue(s.startsWith("(9 8 7 6 5 4 3 2 1 0 9"));
        assertTrue(s.endsWith(" 2 1 0)"));
    }

    @Test
    void deepCdrNestingAndDottedTails() throws InterruptedException {
        int depth = 100_000;
        Object o = Symbol.of("z");
        for (int i = 0; i < depth; i++) o = new Pair(1L, new Pair(o, 2L));
        String s = writeOnSmallStack(o);
        assertTrue(s.startsWith("(1 (1 (1 "));
        assertEquals(8 * depth + 1, s.length());
        assertTrue(s.contains("(1 (1 z . 2) . 2)"));
        assertTrue(s.endsWith(". 2) . 2) . 2)"));
    }

    @Test
    void deepQuotesVectorsAndBoxes() throws InterruptedException {
        int depth = 100_000;
        Object o = Symbol.of("x");
        for (int i = 0; i < depth; i++) {
            switch (i % 3) {
                case 0 -> o = new Pair(Symbol.of("quote"), new Pair(o, Nil.NIL));
                case 1 -> o = new SVector(new Object[] {o});
                default -> o = new Box(o);
            }
        }
        String s = writeOnSmallStack(o);
        // outermost is a quote (i = 99999), then a box, then a vector
        assertTrue(s.startsWith("'#&#('#&#('"), s.substring(0, 20));
        assertTrue(s.contains("#&#('x))"));
        assertTrue(s.endsWith("'x" + ")".repeat(depth / 3)));
    }
}
