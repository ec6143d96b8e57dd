package safepoint.vm.run;

import safepoint.vm.smp.SThread;
import java.util.List;
import java.util.SplittableRandom;

/** The default strategy: a seeded random processor runs a random slice of 1..200 scheduling points; an idle processor takes a random ready thread. */
final class RandomStrategy implements Strategy {
    private final SplittableRandom random;

    RandomStrategy(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public Slice next(Controller c, List<Integer> can) {
        return new Slice(can.get(random.nextInt(can.size())), 1 + random.nextInt(200));
    }

    @Override
    public int pickThread(Controller c, int p, List<SThread> candidates) {
        return random.nextInt(candidates.size());
    }
}
