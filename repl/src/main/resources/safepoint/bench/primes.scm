;;; primes: the sieve of Eratosthenes on lists. Builds the list 2..n, then repeatedly keeps the
;;; first number and filters its multiples out of the rest. Measures consing and remainder.

(define bench-size 10000)
(define bench-test-size 30)

(define (interval from to)
  (if (> from to)
      '()
      (cons from (interval (+ from 1) to))))

(define (remove-multiples p lst)
  (cond ((null? lst) '())
        ((= (remainder (car lst) p) 0) (remove-multiples p (cdr lst)))
        (else (cons (car lst) (remove-multiples p (cdr lst))))))

(define (sieve lst)
  (if (null? lst)
      '()
      (cons (car lst) (sieve (remove-multiples (car lst) (cdr lst))))))

;; The number of primes up to bench-size and the largest of them.
(define (bench-run)
  (let ((primes (sieve (interval 2 bench-size))))
    (list (length primes) (car (reverse primes)))))

(define bench-expected '(1229 9973))
(define bench-test-expected '(10 29))
