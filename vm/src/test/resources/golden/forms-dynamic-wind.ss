;; oracle: gsi
;; dynamic-wind: before/after around normal exit, call/cc escapes, re-entry, and nesting
(define log '())
(define (note x) (set! log (cons x log)))
(define (show) (write (reverse log)) (newline) (set! log '()))
(write (dynamic-wind (lambda () (note 'in)) (lambda () (note 'body) 'value) (lambda () (note 'out))))
(newline)
(show)
(call/cc
  (lambda (k)
    (dynamic-wind
      (lambda () (note 'in))
      (lambda () (note 'before-escape) (k 'escaped) (note 'never))
      (lambda () (note 'out)))))
(show)
(dynamic-wind
  (lambda () (note 'outer-in))
  (lambda ()
    (call/cc
      (lambda (k)
        (dynamic-wind
          (lambda () (note 'inner-in))
          (lambda () (k 'x))
          (lambda () (note 'inner-out)))))
    (note 'outer-body))
  (lambda () (note 'outer-out)))
(show)
(define reenter #f)
(define times 0)
(dynamic-wind
  (lambda () (note 'in))
  (lambda () (call/cc (lambda (k) (set! reenter k))) (note 'body))
  (lambda () (note 'out)))
(set! times (+ times 1))
(if (< times 3) (reenter 'again))
(show)
(define k-inner #f)
(define passes 0)
(dynamic-wind
  (lambda () (note 'a-in))
  (lambda ()
    (dynamic-wind
      (lambda () (note 'b-in))
      (lambda () (call/cc (lambda (k) (set! k-inner k))) (note 'b-body))
      (lambda () (note 'b-out))))
  (lambda () (note 'a-out)))
(set! passes (+ passes 1))
(if (= passes 1) (k-inner 'back))
(show)
(define (with-escape-between)
  (let ((k-saved #f) (n 0))
    (dynamic-wind
      (lambda () (note (list 'enter n)))
      (lambda () (call/cc (lambda (k) (set! k-saved k))) (set! n (+ n 1)))
      (lambda () (note (list 'exit n))))
    (if (< n 2) (k-saved #f))
    n))
(write (with-escape-between)) (newline)
(show)
