;; oracle: gsi
;; calling a procedure with the wrong number of arguments
(define (two-args a b) (+ a b))
(write (two-args 1 2)) (newline)
(write (two-args 1))
(newline)
