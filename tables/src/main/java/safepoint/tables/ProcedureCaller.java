package safepoint.tables;

/** Calls a host procedure object for {@link TableRunner}: a PROCEDURE hash or test, an update, a for-each callback. */
@FunctionalInterface
public interface ProcedureCaller {
    Object call(Object procedure, Object... args);

    /** A caller for tables whose specs are all builtin: being asked is a bug. */
    ProcedureCaller NONE = (procedure, args) -> {
        throw new IllegalStateException("no procedure caller for " + procedure);
    };
}
