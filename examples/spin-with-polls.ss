;;; The fix of examples/spin-without-polls.ss: the spin loop polls, so the processor can switch
;;; to the holder, which releases the lock; the spinner then gets it and prints got-it.

(define L (make-spinlock 'L))

(define holder
  (spawn/name 'holder
              (lambda ()
                (spinlock-acquire! L)
                (thread-sleep! .01)          ; holds L while it waits its turn
                (spinlock-release! L))))

(thread-yield!)                             ; let the holder take L

;; the spin loop polls here, so the holder gets its turn
(define (grab)
  (spinlock-acquire! L)
  (spinlock-release! L)
  'got-it)


(display (grab))
(newline)
