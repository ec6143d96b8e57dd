;; oracle: csi
;; curried define (SRFI 219): (define ((f a) b) ...); gsi 4.9.3 rejects it, Chicken and Gerbil accept it
(define ((adder a) b) (+ a b))
(define (((curry3 a) b) c) (list a b c))
(define ((with-rest a) . more) (cons a more))
(write ((adder 3) 4)) (newline)
(define add5 (adder 5))
(write (map add5 '(1 2 3))) (newline)
(write (((curry3 'a) 'b) 'c)) (newline)
(write ((with-rest 1) 2 3)) (newline)
(write (let () (define ((k x) y) (* x y)) ((k 6) 7))) (newline)
