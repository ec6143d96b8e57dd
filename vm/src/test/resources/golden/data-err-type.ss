;; oracle: gsi
;; A primitive given the wrong type of argument: gsi names the procedure, the argument and the type.
(display "before")
(newline)
(define (total xs) (+ 0 (apply + xs)))
(display (total (list 1 2 3)))
(newline)
(display (total (list 1 "2" 3)))
(newline)
(display "not reached")
