package safepoint.vm.interp;

/**
 * The names of a frame's variables as the compiler saw them where a call was compiled: {@code ids[i]}
 * lives in slot i+1 of the frame, {@code parent} names the frame in slot 0. Kept on a call's
 * {@link Where} so that a debugger level opened at that call can show the frame's variables and
 * compile what is typed there against them. The ids are the compiler's identifiers (a symbol, or a
 * renamed one that a macro introduced, which typed text cannot name: hygiene holds at a level too).
 */
public record Locals(Object[] ids, Locals parent) {}
