package safepoint.vm.print;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import safepoint.vm.data.Ctx;

/**
 * The digits of a bignum, stoppable by Ctrl-C. Java's {@code BigInteger.toString} of a huge
 * number runs for minutes in one call that nothing can stop ({@code (expt 2 100000000)} has 30
 * million digits), and its single divisions alone take most of a minute. So a huge number's digits
 * are made on a helper thread, by splitting at powers of the radix and looking at a cancel flag
 * between two pieces, while the thread that asked looks at Ctrl-C; on Ctrl-C it stops waiting at
 * once (the helper gives up at its next piece). Numbers of ordinary size take the direct path.
 */
final class BigDigits {
    private BigDigits() {}

    /** Below this many bits Java's toString is quick (about a second at 2^20 bits). */
    static final int DIRECT_BITS = 1 << 18;
    /** Pieces this small are converted by toString. */
    private static final int PIECE_BITS = 1 << 12;

    static String toString(BigInteger n, int radix, Ctx ctx) {
        if (ctx == null || n.bitLength() < DIRECT_BITS) return n.toString(radix);
        Job job = new Job(n, radix);
        Thread helper = new Thread(job, "safepoint-digits");
        helper.setDaemon(true);
        helper.start();
        try {
            while (true) {
                try {
                    helper.join(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while printing a number", e);
                }
                if (!helper.isAlive()) break;
                ctx.pollInterrupt();
            }
        } finally {
            job.cancelled = true;
        }
        if (job.failure instanceof Error e) throw e;
        if (job.failure instanceof RuntimeException e) throw e;
        return job.result;
    }

    private static final class Job implements Runnable {
        final BigInteger n;
        final int radix;
        volatile boolean cancelled;
        volatile String result;
        volatile Throwable failure;
        /** powers.get(k) = radix^(2^k): the split points. */
        final List<BigInteger> powers = new ArrayList<>();

        Job(BigInteger n, int radix) {
            this.n = n;
            this.radix = radix;
        }

        @Override
        public void run() {
            try {
                StringBuilder sb = new StringBuilder();
                BigInteger m = n;
                if (m.signum() < 0) {
                    sb.append('-');
                    m = m.negate();
                }
                digits(m, 0, sb);
                result = sb.toString();
            } catch (Cancelled c) {
                // nobody waits any more
            } catch (Throwable t) {
                failure = t;
            }
        }

        /** Append the digits of {@code m}, padded with zeros to {@code width} digits. */
        private void digits(BigInteger m, long width, StringBuilder sb) {
            if (cancelled) throw new Cancelled();
            if (m.bitLength() <= PIECE_BITS) {
                String s = m.toString(radix);
                for (long i = s.length(); i < width; i++) sb.append('0');
                sb.append(s);
                return;
            }
            // the largest radix^(2^k) with at most half of m's bits
            double bitsPerDigit = Math.log(radix) / Math.log(2);
            int k = 0;
            while ((1L << (k + 1)) * bitsPerDigit <= m.bitLength() / 2.0) k++;
            BigInteger[] qr = m.divideAndRemainder(power(k));
            long low = 1L << k;
            digits(qr[0], Math.max(0, width - low), sb);
            digits(qr[1], low, sb);
        }

        private BigInteger power(int k) {
            if (powers.isEmpty()) powers.add(BigInteger.valueOf(radix));
            while (powers.size() <= k) {
                if (cancelled) throw new Cancelled();
                BigInteger last = powers.get(powers.size() - 1);
                powers.add(last.multiply(last));
            }
            return powers.get(k);
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
