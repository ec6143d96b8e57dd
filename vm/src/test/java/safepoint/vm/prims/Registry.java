package safepoint.vm.prims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import safepoint.vm.data.Primitive;
import safepoint.vm.data.PrimitiveSink;

/** A PrimitiveSink for tests: every data primitive by name, with duplicates recorded. */
final class Registry implements PrimitiveSink {
    final Map<String, Primitive> byName = new LinkedHashMap<>();
    final List<String> duplicates = new ArrayList<>();

    static Registry all() {
        Registry r = new Registry();
        ListPrims.install(r);
        CharStringPrims.install(r);
        VectorPrims.install(r);
        PortPrims.install(r);
        TablePrims.install(r);
        MiscPrims.install(r);
        return r;
    }

    @Override
    public void add(Primitive p) {
        if (byName.put(p.name, p) != null) duplicates.add(p.name);
    }

    @Override
    public void alias(String name, String existing) {
        Primitive p = byName.get(existing);
        if (p == null) throw new IllegalArgumentException("alias of unknown " + existing);
        if (byName.put(name, p) != null) duplicates.add(name);
    }

    Primitive get(String name) {
        Primitive p = byName.get(name);
        if (p == null) throw new IllegalArgumentException("no primitive " + name);
        return p;
    }
}
