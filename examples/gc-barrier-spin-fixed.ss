;;; The fix of examples/gc-barrier-spin.ss: the spin loop polls, so the spinner's processor
;;; reaches the safepoint, the GC completes, the holder releases the lock and the spinner gets it.
;;; Prints got-it on any number of processors.

(define L (make-spinlock 'L))
(define spinning #f)

;; the fix: this code polls, so the spinner stops at the safepoint like everyone else
(define (grab)
  (set! spinning #t)
  (spinlock-acquire! L)
  (spinlock-release! L)
  'got-it)


(spinlock-acquire! L)                                   ; this thread holds L
(define spinner (spawn/name 'spinner grab))
(let wait () (unless spinning (thread-yield!) (wait)))  ; until the spinner spins
(gc)                                                    ; holding L, start a GC
(spinlock-release! L)
(display (thread-join! spinner))
(newline)
