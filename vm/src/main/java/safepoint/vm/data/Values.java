package safepoint.vm.data;

/** Zero or two-plus values, as returned by {@code values}; one value is passed as itself. */
public final class Values {
    public final Object[] vals;

    public Values(Object[] vals) {
        this.vals = vals;
    }

    public static Object of(Object[] vals) {
        return vals.length == 1 ? vals[0] : new Values(vals);
    }
}
