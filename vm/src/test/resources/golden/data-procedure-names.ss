;; oracle: gsi
;; An anonymous closure stored in a global variable prints with that variable's name, as gsi
;; looks the procedure up among the globals; a closure in no global stays anonymous, and a
;; lambda named by its own define keeps that name.
(define (make-adder n) (lambda (x) (+ x n)))
(define add1 (make-adder 1))
(write add1) (newline)
(write (make-adder 2)) (newline)
(define v (vector (make-adder 3)))
(write (vector-ref v 0)) (newline)
(define h (let () (define (inner) 1) inner))
(write h) (newline)
(write (let ((q (lambda () 1))) q)) (newline)
(define z #f)
(set! z (lambda () 2))
(write z) (newline)
