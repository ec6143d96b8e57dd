;; oracle: gsi
;; Clocks: only the types of their values are stable, so print those.
(define (show x) (write x) (newline))
(show (exact-integer? (current-jiffy)))
(show (exact-integer? (jiffies-per-second)))
(show (> (jiffies-per-second) 0))
(show (flonum? (current-second)))
(show (> (current-second) 1e9))
(show (flonum? (real-time)))
(show (flonum? (cpu-time)))
(show (let ((a (current-jiffy)) (b (current-jiffy))) (<= a b)))
