;;; Seed bug 5a (reference section 5, "spinning without polls blocks the GC barrier"):
;;; a thread holds a spinlock and triggers a GC, while another processor spins on that lock in
;;; code compiled without polls. The GC waits for every processor to reach a safepoint; the
;;; spinner never polls, so it never gets there; the holder, parked at the safepoint, can never
;;; release the lock. `./safepoint -p 2 run examples/gc-barrier-spin.ss` proves the deadlock and
;;; exits 3. The fix is examples/gc-barrier-spin-fixed.ss.

(define L (make-spinlock 'L))
(define spinning #f)

(declare (not interrupts-enabled))   ; like Gerbil's inlined __lock-inline!: no polls
(define (grab)
  (set! spinning #t)
  (spinlock-acquire! L)
  (spinlock-release! L)
  'got-it)
(declare (interrupts-enabled))

(spinlock-acquire! L)                                   ; this thread holds L
(define spinner (spawn/name 'spinner grab))
(let wait () (unless spinning (thread-yield!) (wait)))  ; until the spinner spins
(gc)                                                    ; holding L, start a GC
(spinlock-release! L)
(display (thread-join! spinner))
(newline)
