;; oracle: gsi
;; An index outside a vector: a range error naming the argument.
(define v (vector 1 2 3))
(write (vector-ref v 2))
(newline)
(write (vector-ref v 3))
(newline)
