package safepoint.vm.run;

import java.util.List;

/** Round robin: each runnable processor in turn runs a heartbeat's worth of scheduling points. */
final class RoundRobin implements Strategy {
    private int next;

    @Override
    public Slice next(Controller c, List<Integer> can) {
        for (int k = 0; k < c.processors(); k++) {
            int p = (next + k) % c.processors();
            if (can.contains(p)) {
                next = (p + 1) % c.processors();
                return new Slice(p, Controller.HEARTBEAT);
            }
        }
        return new Slice(can.get(0), Controller.HEARTBEAT);
    }
}
