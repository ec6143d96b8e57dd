;; oracle: gsi
;; A primitive that fails in tail position of a procedure: that procedure's frame is gone, so gsi
;; reports the error at the call waiting for the result (the caller's frame), not inside first.
(define (first xs) (car xs))
(write (first '(1 2)))
(newline)
(write (first '()))
