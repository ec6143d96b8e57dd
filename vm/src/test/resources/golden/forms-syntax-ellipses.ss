;; oracle: csi
;; syntax-rules patterns (R7RS 4.3.2): nested ellipses, literals (=> and else), vectors,
;; dotted patterns, and _ wildcards
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(write (my-let* ((a 1) (b (+ a 1)) (c (* b 10))) (list a b c))) (newline)
(define-syntax flatten-pairs
  (syntax-rules ()
    ((_ (k v ...) ...) '((k ... ) (v ... ...)))))
(write (flatten-pairs (a 1 2) (b 3) (c))) (newline)
(define-syntax my-cond
  (syntax-rules (else =>)
    ((_ (else e ...)) (begin e ...))
    ((_ (test => f) clause ...) (let ((t test)) (if t (f t) (my-cond clause ...))))
    ((_ (test e ...) clause ...) (if test (begin e ...) (my-cond clause ...)))))
(write (my-cond (#f 1) ((assq 'b '((a 1) (b 2))) => cadr) (else 'no))) (newline)
(write (my-cond (#f 1) (else 'fallback))) (newline)
(define-syntax tagged
  (syntax-rules ()
    ((_ (name val) ...) (list (cons 'name val) ...))))
(write (tagged (x 1) (y (+ 1 1)))) (newline)
(define-syntax vec-pattern
  (syntax-rules ()
    ((_ #(a b ...)) (list 'first a 'rest b ...))))
(write (vec-pattern #(1 2 3))) (newline)
(define-syntax dotted
  (syntax-rules ()
    ((_ a . b) '(a b))))
(write (dotted 1 2 3)) (newline)
(define-syntax ignore-first
  (syntax-rules ()
    ((_ _ second) second)))
(write (ignore-first (error "not evaluated") 'second)) (newline)
(define-syntax my-let
  (syntax-rules ()
    ((_ ((n v) ...) body1 body2 ...) ((lambda (n ...) body1 body2 ...) v ...))))
(write (my-let ((p 3) (q 4)) (* p q))) (newline)
(define-syntax table
  (syntax-rules ()
    ((_ (row (col ...)) ...) '((row . (col ... 0)) ...))))
(write (table (r1 (1 2)) (r2 ()))) (newline)
(define-syntax tail-pattern
  (syntax-rules ()
    ((_ a ... z) '(last z init a ...))))
(write (tail-pattern 1 2 3 4)) (newline)
