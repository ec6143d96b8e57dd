package safepoint.vm.lang;

import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Condition;

/** C3 linearization of a class's precedence list (cons.io reference/gerbil/runtime/c3.md). */
final class C3 {
    private C3() {}

    static List<ObjType> linearize(ObjType t) {
        List<List<ObjType>> seqs = new ArrayList<>();
        for (ObjType s : t.supers) seqs.add(new ArrayList<>(s.precedence));
        seqs.add(new ArrayList<>(t.supers));
        List<ObjType> out = new ArrayList<>();
        out.add(t);
        for (;;) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) return out;
            ObjType next = null;
            for (List<ObjType> seq : seqs) {
                ObjType head = seq.get(0);
                boolean inTail = false;
                for (List<ObjType> other : seqs) {
                    if (other.indexOf(head) > 0) inTail = true;
                }
                if (!inTail) {
                    next = head;
                    break;
                }
            }
            if (next == null) throw Condition.raise("Inconsistent class precedence for " + t.name);
            out.add(next);
            for (List<ObjType> seq : seqs) if (!seq.isEmpty() && seq.get(0) == next) seq.remove(0);
        }
    }
}
