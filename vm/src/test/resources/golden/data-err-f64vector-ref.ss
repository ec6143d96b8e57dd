;; oracle: gsi
;; f64vectors take flonums only, and an index past the end is out of range.
(define v (f64vector 1. 2.))
(write (with-exception-catcher (lambda (e) 'not-a-flonum) (lambda () (f64vector-set! v 0 1))))
(newline)
(write (f64vector-ref v 2))
