;;; Seed bug 5a in miniature, on one processor: a thread spins on a spinlock in code compiled
;;; without polls, while the lock's holder waits for its turn on the same processor. The spinner
;;; never polls, so the processor never switches to the holder: nothing can ever progress.
;;; `./safepoint -p 1 run examples/spin-without-polls.ss` reports the deadlock and exits 3. With
;;; more processors the holder runs elsewhere and the spin ends: the full bug 5a also needs a GC
;;; barrier that stops every processor but the spinner's.
;;; The fix is examples/spin-with-polls.ss: the same loop, compiled with polls.

(define L (make-spinlock 'L))

(define holder
  (spawn/name 'holder
              (lambda ()
                (spinlock-acquire! L)
                (thread-sleep! .01)          ; holds L while it waits its turn
                (spinlock-release! L))))

(thread-yield!)                             ; let the holder take L

(declare (not interrupts-enabled))          ; like Gerbil's inline lock: no polls in here
(define (grab)
  (spinlock-acquire! L)
  (spinlock-release! L)
  'got-it)
(declare (interrupts-enabled))

(display (grab))
(newline)
