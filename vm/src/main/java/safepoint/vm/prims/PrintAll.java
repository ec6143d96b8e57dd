package safepoint.vm.prims;

import java.util.ArrayDeque;
import safepoint.vm.data.Condition;
import safepoint.vm.data.Ctx;
import safepoint.vm.data.Keyword;
import safepoint.vm.data.Nil;
import safepoint.vm.data.OutputPort;
import safepoint.vm.data.Pair;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;
import safepoint.vm.data.SVector;
import safepoint.vm.data.Special;
import safepoint.vm.print.Printer;

/**
 * Gambit's {@code print} and {@code println}: display every argument, but spliced: the elements of
 * lists and vectors are shown one after another with no parentheses or spaces, so
 * {@code (print '(1 (2 "x")) #(4))} shows {@code 12x4}. An optional leading {@code port: p} picks
 * the port.
 */
final class PrintAll {
    private PrintAll() {}

    static void install(PrimitiveSink sink) {
        sink.add(Primitive.ofN("print", 0, -1, true, (c, args) -> print(c, args, false, "print")));
        sink.add(Primitive.ofN("println", 0, -1, true, (c, args) -> print(c, args, true, "println")));
    }

    private static Object print(Ctx c, Object[] args, boolean newline, String who) {
        int from = 0;
        OutputPort port = c.currentOutput();
        if (args.length >= 2 && args[0] == Keyword.of("port")) {
            if (!(args[1] instanceof OutputPort p)) throw Condition.typeError(who, 2, "Character OUTPUT PORT", args);
            port = p;
            from = 2;
        }
        StringBuilder sb = new StringBuilder();
        ArrayDeque<Object> todo = new ArrayDeque<>(); // explicit stack: nesting depth is unbounded
        for (int i = args.length - 1; i >= from; i--) todo.push(args[i]);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o instanceof Pair p) {
                todo.push(p.cdr);
                todo.push(p.car);
            } else if (o instanceof SVector v) {
                for (int i = v.items.length - 1; i >= 0; i--) todo.push(v.items[i]);
            } else if (o != Nil.NIL) {
                Printer.print(o, false, sb, c);
            }
        }
        if (newline) sb.append('\n');
        port.write(sb);
        return Special.VOID;
    }
}
