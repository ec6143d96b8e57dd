;;; deriv: symbolic differentiation of polynomial expressions written as lists, repeated.
;;; Measures list allocation, symbol comparison and map with a closure.

(define bench-size 20000)
(define bench-test-size 2)

(define (deriv e x)
  (cond ((number? e) 0)
        ((symbol? e) (if (eq? e x) 1 0))
        ((eq? (car e) '+)
         (cons '+ (map (lambda (a) (deriv a x)) (cdr e))))
        ((eq? (car e) '-)
         (cons '- (map (lambda (a) (deriv a x)) (cdr e))))
        ((eq? (car e) '*)
         ;; Product rule: one term per factor, that factor replaced by its derivative.
         (cons '+ (deriv-product-terms '() (cdr e) x)))
        ((eq? (car e) '/)
         ;; Quotient rule for (/ u v).
         (let ((u (cadr e)) (v (caddr e)))
           (list '/
                 (list '- (list '* (deriv u x) v) (list '* u (deriv v x)))
                 (list '* v v))))
        (else (error "deriv: unknown operator" (car e)))))

;; before holds the factors to the left of (car after), reversed.
(define (deriv-product-terms before after x)
  (if (null? after)
      '()
      (cons (cons '* (append (reverse before) (cons (deriv (car after) x) (cdr after))))
            (deriv-product-terms (cons (car after) before) (cdr after) x))))

(define bench-expression
  '(+ (* 3 x x) (* a x x) (* b x) 5 (/ (- x 1) (* x x)) (- (* x x x) x)))

(define (bench-run)
  (let loop ((i 1) (result (deriv bench-expression 'x)))
    (if (>= i bench-size)
        result
        (loop (+ i 1) (deriv bench-expression 'x)))))

(define bench-expected
  '(+ (+ (* 0 x x) (* 3 1 x) (* 3 x 1))
     (+ (* 0 x x) (* a 1 x) (* a x 1))
     (+ (* 0 x) (* b 1))
     0
     (/ (- (* (- 1 0) (* x x)) (* (- x 1) (+ (* 1 x) (* x 1)))) (* (* x x) (* x x)))
     (- (+ (* 1 x x) (* x 1 x) (* x x 1)) 1)))
(define bench-test-expected bench-expected)
