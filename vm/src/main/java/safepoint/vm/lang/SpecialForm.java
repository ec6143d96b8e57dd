package safepoint.vm.lang;

import safepoint.vm.interp.Node;
import safepoint.vm.data.Pair;

/**
 * A special form: core forms compile directly to nodes; derived forms rewrite to other forms
 * (one small method each, Chibi-style). A derived form's rewrite inserts identifiers renamed to
 * the top level, so user bindings cannot capture them.
 */
public interface SpecialForm {
    String name();

    Node compile(Compiler c, Pair form, Scope s, String nameHint);

    /** A form that rewrites to another form; bodies use this to find definitions inside it. */
    interface Derived extends SpecialForm {
        Object rewrite(Compiler c, Pair form, Scope s);

        @Override
        default Node compile(Compiler c, Pair form, Scope s, String nameHint) {
            return c.compile(c.withSource(rewrite(c, form, s), form), s, nameHint);
        }
    }
}
