package safepoint.vm.data;

/**
 * The machine as one layer sees it (gc.Roots, interp.World, smp.ThreadHost: each layer's
 * interface to the machine extends this). A field of such a type holds the machine, which is
 * code, not the program's data: the walker (gc.ObjectWalker) does not count or follow it as data,
 * whichever layer's interface the field is typed with.
 */
public interface Machinery {}
