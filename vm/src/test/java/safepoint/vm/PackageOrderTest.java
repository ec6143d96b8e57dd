package safepoint.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The packages of the VM form layers (ARCHITECTURE.md): each may use only those before it in
 * {@link #ORDER}. A class that reaches up fails this test, unless the edge is one of the
 * {@link #KNOWN} inversions (none now); those may only go away (a listed edge that no longer
 * exists fails too, so the list shrinks as they are fixed).
 */
class PackageOrderTest {
    /** Bottom first; "" is {@code safepoint.vm} itself, the Machine facade, which the searches drive from above. */
    static final List<String> ORDER = List.of(
            "data", "num", "read", "print", "prims", "event",
            "interp", "lang", "gc", "smp", "analysis", "observe", "run", "", "search");

    /**
     * Upward edges still to remove, as "FromClass -> ToClass" (top-level class names): none. Each
     * layer reaches the machine through an interface of its own (ARCHITECTURE.md, "Layers").
     */
    static final Set<String> KNOWN = Set.of();

    private static String layer(JavaClass c) {
        String p = c.getPackageName();
        return p.equals("safepoint.vm") ? "" : p.substring("safepoint.vm.".length());
    }

    private static String top(JavaClass c) {
        String n = c.getName();
        int d = n.indexOf('$');
        n = d < 0 ? n : n.substring(0, d);
        return n.substring(n.lastIndexOf('.') + 1);
    }

    private static final JavaClasses VM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("safepoint.vm");

    private static Set<String> upwardEdges() {
        Set<String> up = new TreeSet<>();
        for (JavaClass c : VM) {
            int from = ORDER.indexOf(layer(c));
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass t = d.getTargetClass();
                if (!t.getPackageName().startsWith("safepoint.vm")) continue;
                if (ORDER.indexOf(layer(t)) > from) up.add(top(c) + " -> " + top(t) + "  (" + layer(c) + " -> " + layer(t) + ")");
            }
        }
        return up;
    }

    @Test
    void everyPackageHasItsPlaceInTheOrder() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : VM) if (!ORDER.contains(layer(c))) unplaced.add(c.getPackageName());
        assertTrue(unplaced.isEmpty(), "packages missing from PackageOrderTest.ORDER and ARCHITECTURE.md: " + unplaced);
    }

    @Test
    void noPackageUsesOneAboveIt() {
        Set<String> unexpected = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (String e : upwardEdges()) {
            String edge = e.substring(0, e.indexOf("  ("));
            seen.add(edge);
            if (!KNOWN.contains(edge)) unexpected.add(e);
        }
        assertEquals(Set.of(), unexpected, "classes that use a package above their own (see ARCHITECTURE.md, \"Layers\")");
        Set<String> gone = new TreeSet<>(KNOWN);
        gone.removeAll(seen);
        assertEquals(Set.of(), gone, "inversions fixed: remove them from PackageOrderTest.KNOWN");
    }
}
