;;; :std/contract -- contracts (doc/reference/std/contract.md in the Gerbil repository), the
;;; parts that are plain Scheme: using with its three kinds of declaration, and the predicate
;;; makers maybe, in-range?, in-range-inclusive? and nonnegative-fixnum?.
;;;
;;; (using (var [expr] :~ pred) body ...) checks (pred var), (var [expr] : Type) checks
;;; (Type? var), and (var [expr] :- Type) asserts without a check; a failed check raises a
;;; ContractViolation. Not provided: what needs the compiler's type information -- var.field
;;; references, interface casts and (var.method ...) calls inside the body.

(import :std/error)
(export using maybe in-range? in-range-inclusive? nonnegative-fixnum?)

;; What a failed check raises. The expansion carries the procedure itself, quoted: an identifier
;; in it would be looked up where using is used (in a test file's suite, not found).
(def (%using-violation contract value) (raise-contract-violation 'using contract value))

(defsyntax (using stx)
  (def (type-predicate type)
    (datum->syntax type (string->symbol (string-append (symbol->string (syntax->datum type)) "?"))))
  (def (stx->list x) (syntax-case x () (() '()) ((a . b) (cons (syntax a) (stx->list (syntax b))))))
  ;; One declaration around BODY: a binding first if it has an expression, then its check. The
  ;; expansion never names using itself, so it does not depend on where using is bound.
  (def (wrap decl body)
    (with-syntax ((body body) (%using-violation (list 'quote %using-violation)))
      (syntax-case decl (:~ : :-)
        ((var expr :~ pred) (with-syntax ((inner (wrap (syntax (var :~ pred)) (syntax body)))) (syntax (let ((var expr)) inner))))
        ((var expr : type) (with-syntax ((inner (wrap (syntax (var : type)) (syntax body)))) (syntax (let ((var expr)) inner))))
        ((var expr :- type) (syntax (let ((var expr)) body)))
        ((var :~ pred) (syntax (begin (unless (pred var) (%using-violation 'pred var)) body)))
        ((var : type)
         (with-syntax ((type? (type-predicate (syntax type))))
           (syntax (begin (unless (type? var) (%using-violation 'type var)) body))))
        ((var :- type) (syntax body))
        (_ (raise-syntax-error #f "bad using declaration" stx decl)))))
  (syntax-case stx ()
    ((_ (first . more) body ...)
     (let ((decls (if (identifier? (syntax first)) (list (syntax (first . more))) (stx->list (syntax (first . more))))))
       (let loop ((ds (reverse decls)) (inner (syntax (let () body ...))))
         (if (null? ds) inner (loop (cdr ds) (wrap (car ds) inner))))))
    ((_ () body ...) (syntax (let () body ...)))))

(defrules maybe ()
  ((_ pred) (lambda (o) (or (not o) (pred o)))))

(defrules in-range? ()
  ((_ start end) (lambda (o) (and (fixnum? o) (<= start o) (< o end)))))

(defrules in-range-inclusive? ()
  ((_ start end) (lambda (o) (and (fixnum? o) (<= start o end)))))

(def (nonnegative-fixnum? o) (and (fixnum? o) (>= o 0)))
