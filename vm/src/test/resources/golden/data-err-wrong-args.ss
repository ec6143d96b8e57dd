;; oracle: gsi
;; Calling a procedure with the wrong number of arguments.
(define (two a b) (+ a b))
(write (two 1 2))
(newline)
(two 1)
