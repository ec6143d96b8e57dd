;;; :std/sugar -- common syntactic sugar (doc/reference/std/sugar.md in the Gerbil repository).
;;; Re-exports the Gerbil forms Safepoint has built in (cut, alet, try/catch/finally, the hash
;;; literals, ...), and adds defrule, awhen, if-let, when-let, chain, is, ignore-errors,
;;; with-destroy, using-method, with-methods, with-class-methods, with-class-method,
;;; defsyntax/unhygienic and defcheck-argument-type. Not here: with-id, syntax-eval, syntax-call,
;;; defsyntax-call, defrule's fender form.

(import :std/internal/bind (only-in :std/error raise-contract-violation))
(export while until cut and-let* alet alet* rec let/cc let/esc begin0 unwind-protect
        defrule awhen if-let when-let chain is ignore-errors
        hash hash-eq hash-eqv let-hash try catch finally
        with-destroy using-method with-methods with-class-methods with-class-method
        defsyntax/unhygienic defcheck-argument-type)

(defrules defrule ()
  ((_ (name . pattern) expansion) (defrules name () ((_ . pattern) expansion))))

(defrules awhen ()
  ((_ (id test) body ...) (let ((id test)) (if id (let () body ...) (void)))))

;; The else branch runs outside the scope of the bindings.
(defrules if-let ()
  ((_ () then else) then)
  ((_ ((id test) ...) then else)
   (let ((otherwise (lambda () else)))
     (%if-let ((id test) ...) then (otherwise))))
  ((_ (id test) then else) (if-let ((id test)) then else)))

(defrules %if-let ()
  ((_ () then otherwise) then)
  ((_ ((id test) . rest) then otherwise)
   (let ((id test)) (if id (%if-let rest then otherwise) otherwise))))

(defrules when-let ()
  ((_ bindings body ...) (if-let bindings (let () body ...) (void))))

;; chain: each step receives the previous value, at its <> or bound to its pattern.
(defrules chain (<>)
  ((_ <> step ...) (lambda (v) (chain v step ...)))
  ((_ e) e)
  ((_ e step . more) (chain (%chain-step e step) . more)))

;; (%chain-step value step): (f ... <> ...) substitutes at the top-level <>; (pattern body)
;; binds the value; an identifier is applied.
(defrules %chain-step ()
  ((_ e (head . args)) (%chain-scan e (head . args) () (head . args)))
  ((_ e proc) (proc e)))

(defrules %chain-scan (<>)
  ((_ e step (done ...) (<> . rest)) (let ((v e)) (done ... v . rest)))
  ((_ e step (done ...) (x . rest)) (%chain-scan e step (done ... x) rest))
  ((_ e (pat body) (done ...) ()) (%bind pat e body))
  ((_ e step (done ...) ()) (syntax-error "chain: a step needs one <> or the form (pattern body)" step)))

;; (is [proc] v-or-pred [test: equal?]) -> predicate. A procedure here, so numbers, chars and
;; strings given as variables are compared with =, char=? and string=? too.
(def (is . args)
  (let loop ((a args) (pos '()) (test #f))
    (cond ((and (pair? a) (eq? (car a) test:) (pair? (cdr a))) (loop (cddr a) pos (cadr a)))
          ((pair? a) (loop (cdr a) (cons (car a) pos) test))
          (else
           (let* ((pos (reverse pos))
                  (proc (if (= (length pos) 2) (car pos) #f))
                  (v (if (= (length pos) 2) (cadr pos) (car pos)))
                  (get (or proc (lambda (x) x)))
                  (same? (or test
                             (cond ((number? v) (lambda (x y) (and (number? x) (= x y))))
                                   ((char? v) (lambda (x y) (and (char? x) (char=? x y))))
                                   ((string? v) (lambda (x y) (and (string? x) (string=? x y))))
                                   (else equal?)))))
             (unless (<= 1 (length pos) 2) (error "is: expected [proc] value" args))
             (if (and proc (procedure? v) (not test))
               (lambda (x) (v (get x)))
               (lambda (x) (same? (get x) v))))))))

;; The value of the body, or #f if it raises.
(defrules ignore-errors ()
  ((_ body ...)
   (call/cc
     (lambda (k)
       (with-exception-handler
         (lambda (e) (k #f))
         (lambda () body ...))))))

;; (with-destroy obj body ...): body, then {destroy obj} however body exits (doc: "with-destroy").
(defrules with-destroy ()
  ((_ obj body ...)
   (let ((o obj))
     (dynamic-wind (lambda () (void)) (lambda () body ...) (lambda () {destroy o})))))

;; (using-method obj m (id m) ...): id is obj's method m, bound to obj (doc: "using-method").
(defrules using-method ()
  ((_ obj spec ...) (begin (%using-method obj spec) ...)))
(defrules %using-method ()
  ((_ obj (id name)) (def id (let ((o obj) (m (%method-of (object-type obj) 'name))) (lambda args (apply m o args)))))
  ((_ obj id) (%using-method obj (id id))))

;; (with-methods obj m (id m) ...): id is the method m of obj's class, called with the object
;; (doc: "with-methods with-class-methods with-class-method").
(defrules with-methods ()
  ((_ obj spec ...) (with-class-methods (object-type obj) spec ...)))
(defrules with-class-methods ()
  ((_ klass spec ...) (begin (with-class-method klass spec) ...)))
(defrules with-class-method ()
  ((_ klass (id name)) (def id (%method-of klass 'name)))
  ((_ klass id) (with-class-method klass (id id))))

(def (%method-of klass name)
  (or (and klass (find-method klass name))
      (error "No method for class" name klass)))

;; (defsyntax/unhygienic (m stx) body ...) or (defsyntax/unhygienic m f): the transformer's output
;; with its macro-made renamings undone, so the names it inserts mean what they mean at the use
;; (doc: "defsyntax/unhygienic").
(defrules defsyntax/unhygienic ()
  ((_ (id stx) body ...) (defsyntax/unhygienic id (lambda (stx) body ...)))
  ((_ id f) (defsyntax id (let ((transform f)) (lambda (stx) (syntax->datum (transform stx)))))))

;; (defcheck-argument-type type ...): for each type, the macro check-argument-TYPE, which checks
;; each of its arguments with TYPE? and raises a ContractViolation naming the argument, the
;; check and the expectation (doc: "defcheck-argument-type"). The expansion is built as data and
;; carries the checking procedure itself, quoted, so it needs no binding where it is used.
(defsyntax (defcheck-argument-type stx)
  (syntax-case stx ()
    ((_ type ...)
     (cons 'begin
           (map (lambda (t)
                  (let ((name (stx-identifier t "check-argument-" t))
                        (pred (stx-identifier t t "?"))
                        (expect (string-append "bad argument; expected " (symbol->string (stx-e t)))))
                    (list 'defrules name '()
                          (list '(_ arg ...)
                                (list 'begin
                                      (list (list 'quote %check-argument-type) (list pred 'arg)
                                            ''arg (list 'quote (list pred 'arg)) expect 'arg)
                                      '...)))))
                (syntax->datum (syntax (type ...))))))))

(def (%check-argument-type ok? name check expectation value)
  (unless ok? (raise-contract-violation 'check-argument name check expectation value)))
