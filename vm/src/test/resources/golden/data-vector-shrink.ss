;; oracle: gsi
;; vector-shrink! cuts a vector down in place to its first elements.
(define (show x) (write x) (newline))
(define sh (vector 1 2 3 4))
(vector-shrink! sh 2)
(show sh)
