;; oracle: csi
;; syntax-rules hygiene (R7RS 4.3.2): a macro's temporaries never capture user variables,
;; and a user's local rebinding of if/cond/let does not change what the macro's template means
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define tmp 1)
(define other 2)
(swap! tmp other)
(write (list tmp other)) (newline)
(let ((tmp 'x) (let 'y))
  (swap! tmp let)
  (write (list tmp let)) (newline))
(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(define t 5)
(write (my-or #f t)) (newline)
(write (let ((if list)) (my-or #f 'ok))) (newline)
(define-syntax my-unless
  (syntax-rules ()
    ((_ c body ...) (cond (c #f) (else body ...)))))
(write (let ((cond 'shadowed) (else #f)) (my-unless #f 'ran))) (newline)
(define-syntax uses-list
  (syntax-rules ()
    ((_ x) (list x x))))
(write (let ((list vector)) (uses-list 3))) (newline)
(define-syntax capture-attempt
  (syntax-rules ()
    ((_ body) (let ((x 'macro-x)) body))))
(define x 'user-x)
(write (capture-attempt x)) (newline)
(define-syntax make-getter
  (syntax-rules ()
    ((_ name) (define (name) secret))))
(define secret 'global-secret)
(make-getter get-secret)
(write (let ((secret 'local-secret)) (get-secret))) (newline)
