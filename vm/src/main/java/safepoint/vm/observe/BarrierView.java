package safepoint.vm.observe;

import java.util.List;

/** The stop-the-world GC barrier: whether a collection is pending, who asked, and who has arrived. */
public record BarrierView(boolean pending, Ref requester, List<Integer> arrived) {}
