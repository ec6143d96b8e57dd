;;; :std/iter -- iterators and the for macros (cons.io reference/std/iterators, guide "Iteration").
;;; The for family is syntax-rules: a binding pattern is an identifier, [p ...], [p ... . rest],
;;; (cons p q) or (values p ...) (not all of match). Iterable: lists, vectors, strings, hash tables
;;; (each association as two values, as in-hash), input ports, iterators and procedures run as
;;; coroutines (yield).

(import :std/internal/bind)
(export for for* for/collect for/fold
        iter :iter iterator make-iterator iterator? iterator-e iterator-next iterator-fini
        iter-end iter-end? iter-next! iter-fini!
        in-hash in-hash-keys in-hash-values
        in-range in-iota in-naturals in-input-port in-input-lines in-input-chars
        in-coroutine yield)

;;; ---- iterator protocol ------------------------------------------------------------------------

(define-record-type iterator
  (%make-iterator e next fini)
  iterator?
  (e iterator-e iterator-e-set!)
  (next iterator-next)
  (fini iterator-fini))

(def (%no-fini it) (void))
(def (make-iterator e next (fini %no-fini)) (%make-iterator e next fini))

(def iter-end (string->uninterned-symbol "iter-end"))
(def (iter-end? x) (eq? x iter-end))
(def (iter-next! it) ((iterator-next it) it))
(def (iter-fini! it) ((iterator-fini it) it))

;; Steps through an indexable sequence (vector or string) with its ref procedure.
(def (%iter-indexed seq len ref)
  (let ((i 0))
    (make-iterator seq
      (lambda (it)
        (if (< i len)
          (let ((x (ref seq i))) (set! i (+ i 1)) x)
          iter-end)))))

(def (%iter-list l)
  (make-iterator l
    (lambda (it)
      (let ((l (iterator-e it)))
        (if (pair? l)
          (begin (iterator-e-set! it (cdr l)) (car l))
          iter-end)))))

(def (:iter obj)
  (cond ((iterator? obj) obj)
        ((or (pair? obj) (null? obj)) (%iter-list obj))
        ((hash-table? obj) (in-hash obj))
        ((vector? obj) (%iter-indexed obj (vector-length obj) vector-ref))
        ((string? obj) (%iter-indexed obj (string-length obj) string-ref))
        ((input-port? obj) (in-input-port obj))
        ((procedure? obj) (in-coroutine obj))
        ;; A struct or class with an :iter method (cons.io guide/intro.html "Iteration Protocol").
        ((find-method (class-of obj) ':iter) => (lambda (m) (iter (m obj))))
        (else (error "Cannot iterate" obj))))

(def (iter obj) (if (iterator? obj) obj (:iter obj)))

;;; ---- iterator constructors ----------------------------------------------------------------------

(def (in-iota count (start 0) (step 1))
  (let ((k 0) (x start))
    (make-iterator count
      (lambda (it)
        (if (< k count)
          (let ((v x)) (set! k (+ k 1)) (set! x (+ x step)) v)
          iter-end)))))

;; The associations as they are when the iteration starts: key and value as two values.
(def (in-hash ht) (%iter-list (map (lambda (kv) (values (car kv) (cdr kv))) (hash->list ht))))
(def (in-hash-keys ht) (%iter-list (hash-keys ht)))
(def (in-hash-values ht) (%iter-list (hash-values ht)))

;; (in-range end) or (in-range start end [step]): stops once the value reaches end.
(def (in-range a (b #f) (step 1))
  (let* ((start (if b a 0)) (end (if b b a)) (x start))
    (make-iterator end
      (lambda (it)
        (if (if (negative? step) (> x end) (< x end))
          (let ((v x)) (set! x (+ x step)) v)
          iter-end)))))

(def (in-naturals (start 0) (step 1))
  (let ((x start))
    (make-iterator start
      (lambda (it) (let ((v x)) (set! x (+ x step)) v)))))

(def (in-input-port port (read-proc read))
  (make-iterator port
    (lambda (it)
      (let ((x (read-proc port)))
        (if (eof-object? x) iter-end x)))))

(def (in-input-lines port) (in-input-port port read-line))
(def (in-input-chars port) (in-input-port port read-char))

;;; ---- coroutines -------------------------------------------------------------------------------

(def %current-yield (make-parameter #f))

(def (yield v)
  (let ((y (%current-yield)))
    (unless y (error "yield: not in a coroutine"))
    (y v)))

;; The coroutine runs on continuations: next jumps into it, yield jumps back out.
(def (in-coroutine proc . args)
  (let ((return #f) (resume #f) (done #f))
    (make-iterator proc
      (lambda (it)
        (if done iter-end
          (call/cc
            (lambda (k)
              (set! return k)
              (if resume
                (resume #f)
                (begin
                  (parameterize ((%current-yield
                                  (lambda (v) (call/cc (lambda (r) (set! resume r) (return v))))))
                    (apply proc args))
                  (set! done #t)
                  (return iter-end))))))))))

;;; ---- the loops ------------------------------------------------------------------------------

;; Several iterators in parallel: yields the list of their values, ends with the first to end.
(def (%zip its)
  (make-iterator its
    (lambda (it)
      (let loop ((l its) (acc '()))
        (if (pair? l)
          (let ((v (iter-next! (car l))))
            (if (iter-end? v) iter-end (loop (cdr l) (cons v acc))))
          (reverse! acc))))
    (lambda (it) (for-each iter-fini! its))))

(def %skip (string->uninterned-symbol "skip"))

(def (%iterate it proc)
  (let loop ()
    (let ((v (iter-next! it)))
      (if (iter-end? v)
        (iter-fini! it)
        (begin (proc v) (loop))))))

(def (%iterate-collect it proc)
  (let loop ((acc '()))
    (let ((v (iter-next! it)))
      (if (iter-end? v)
        (begin (iter-fini! it) (reverse! acc))
        (let ((x (proc v)))
          (loop (if (eq? x %skip) acc (cons x acc))))))))

(def (%iterate-fold it seed proc)
  (let loop ((acc seed))
    (let ((v (iter-next! it)))
      (if (iter-end? v)
        (begin (iter-fini! it) acc)
        (loop (proc acc v))))))

;; (%for-parse (k arg ...) bindings (pat ...) (expr ...) (filter ...)) normalizes the bindings
;; and calls (k arg ... pattern iterator-expr filter-expr).
(defrules %for-parse (when unless)
  ((_ (k a ...) () (p) (e) (f ...)) (k a ... p (iter e) (and f ...)))
  ((_ (k a ...) () (p ...) (e ...) (f ...)) (k a ... (@list p ...) (%zip (list (iter e) ...)) (and f ...)))
  ((_ k (when c . rest) ps es (f ...)) (%for-parse k rest ps es (f ... c)))
  ((_ k (unless c . rest) ps es (f ...)) (%for-parse k rest ps es (f ... (not c))))
  ((_ k ((p e when c) . rest) (ps ...) (es ...) (f ...)) (%for-parse k rest (ps ... p) (es ... e) (f ... c)))
  ((_ k ((p e unless c) . rest) (ps ...) (es ...) (f ...)) (%for-parse k rest (ps ... p) (es ... e) (f ... (not c))))
  ((_ k ((p e) . rest) (ps ...) (es ...) fs) (%for-parse k rest (ps ... p) (es ... e) fs)))

;; (%for-bindings k bind-or-binds): a lone binding (pattern expr ...) or a list of them.
(defrules %for-bindings (@list cons values)
  ((_ k ((@list . p) e . filt)) (%for-parse k (((@list . p) e . filt)) () () ()))
  ((_ k ((values . p) e . filt)) (%for-parse k (((values . p) e . filt)) () () ()))
  ((_ k ((cons . p) e . filt)) (%for-parse k (((cons . p) e . filt)) () () ()))
  ((_ k ((a . b) . more)) (%for-parse k ((a . b) . more) () () ()))
  ((_ k (id e . filt)) (%for-parse k ((id e . filt)) () () ()))
  ((_ k ()) (%for-parse k () () () ())))

(defrules %emit-for ()
  ((_ (body ...) pat it filt)
   (%iterate it (lambda (v) (%bind pat v (when filt body ...))))))

(defrules %emit-collect ()
  ((_ (body ...) pat it filt)
   (%iterate-collect it (lambda (v) (%bind pat v (if filt (let () body ...) %skip))))))

(defrules for ()
  ((_ binds body ...) (%for-bindings (%emit-for (body ...)) binds)))

(defrules for/collect ()
  ((_ binds body ...) (%for-bindings (%emit-collect (body ...)) binds)))

(defrules for/fold ()
  ((_ (acc init) binds body ...)
   (%iterate-fold-start init (%for-bindings (%emit-fold-seed acc (body ...)) binds))))

;; for/fold needs the seed at the call: %emit-fold-seed produces a procedure of the seed.
(defrules %emit-fold-seed ()
  ((_ acc (body ...) pat it filt)
   (lambda (seed) (%iterate-fold it seed (lambda (acc v) (%bind pat v (if filt (let () body ...) acc)))))))

(def (%iterate-fold-start seed run) (run seed))

;; Nested iteration: one binding (with its filters) per level.
(defrules for* (when unless)
  ((_ () body ...) (let () body ...))
  ((_ ((p e) when c . rest) body ...) (for (p e when c) (for* rest body ...)))
  ((_ ((p e) unless c . rest) body ...) (for (p e unless c) (for* rest body ...)))
  ((_ (bind . rest) body ...) (for bind (for* rest body ...))))
