;; oracle: csi
;; case with => in clauses and in else (R7RS 4.2.1; gsi 4.9.3 lacks it)
(define (f x)
  (case x
    ((1 2 3) => (lambda (n) (* n 100)))
    ((a b) => symbol->string)
    (else => (lambda (v) (list 'else-got v)))))
(write (f 2)) (newline)
(write (f 'b)) (newline)
(write (f "zz")) (newline)
(write (case (car '(c d)) ((a e i o u) 'vowel) ((w y) 'semivowel) (else => (lambda (x) x)))) (newline)
(write (case 5 ((5) 'plain) (else => list))) (newline)
