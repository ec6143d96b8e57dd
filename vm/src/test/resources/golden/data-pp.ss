;; oracle: gsi
;; pp pretty-prints data on its own line, breaking long lists.
(pp '(a b c))
(pp "string")
(pp 42)
(pp '#(1 2 3))
(pp '(define (f x) (let loop ((i 0) (acc '())) (if (< i x) (loop (+ i 1) (cons i acc)) (reverse acc)))))
(pp '(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35))
(pp '((alpha . 1) (beta . 2) (gamma . 3)))
(pp ''quoted)
(pp '())
(pp #\a)
