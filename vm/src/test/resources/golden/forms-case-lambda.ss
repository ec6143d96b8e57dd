;; oracle: gsi
;; case-lambda: dispatch on argument count, rest clauses, first matching clause wins
(define area
  (case-lambda
    ((r) (list 'circle r))
    ((w h) (list 'rect w h))
    ((a b c . more) (list 'many a b c more))))
(write (area 1)) (newline)
(write (area 2 3)) (newline)
(write (area 1 2 3)) (newline)
(write (area 1 2 3 4 5)) (newline)
(define f
  (case-lambda
    (() 'none)
    ((x) (list 'one x))
    ((x . rest) (list 'more x rest))))
(write (f)) (newline)
(write (f 1)) (newline)
(write (f 1 2)) (newline)
(write (f 1 2 3)) (newline)
(define (make-acc)
  (let ((total 0))
    (case-lambda
      (() total)
      ((n) (set! total (+ total n)) total))))
(define acc (make-acc))
(acc 5) (acc 10)
(write (acc)) (newline)
(write (map (case-lambda ((x) (* x x)) ((x y) (+ x y))) '(1 2 3))) (newline)
(write (map (case-lambda ((x) (* x x)) ((x y) (+ x y))) '(1 2 3) '(10 20 30))) (newline)
(write (procedure? area)) (newline)
