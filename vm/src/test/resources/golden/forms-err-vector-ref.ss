;; oracle: gsi
;; vector index out of range
(define v (make-vector 3 'x))
(write (vector-ref v 2)) (newline)
(vector-ref v 99)
