;; oracle: gsi
;; (car '()) inside a procedure
(define (first-of lst) (car lst))
(write (first-of '(1 2))) (newline)
(write (first-of '()))
