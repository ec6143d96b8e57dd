package safepoint.vm.interp;

import safepoint.vm.data.Condition;

/** A {@code case-lambda} procedure: the first clause whose arity accepts the arguments runs. */
public final class CaseLambda extends NamedProcedure {
    final Closure[] clauses;
    final String name;

    CaseLambda(Closure[] clauses, String name) {
        this.clauses = clauses;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    Closure select(Object[] args) {
        int n = args.length;
        for (Closure c : clauses) {
            Lambda l = c.lambda;
            if (n >= l.nreq && (l.rest || n <= l.nreq + l.nopt)) return c;
        }
        throw Condition.wrongArgs(this, args);
    }

    public static final class MakeNode extends Node.Simple {
        final Lambda[] lambdas;
        final String name;

        public MakeNode(Lambda[] lambdas, String name) {
            this.lambdas = lambdas;
            this.name = name;
        }

        @Override
        public Object ev(Interp m) {
            Closure[] cs = new Closure[lambdas.length];
            for (int i = 0; i < cs.length; i++) cs[i] = new Closure(lambdas[i], m.env);
            return new CaseLambda(cs, name);
        }
    }
}
