;;; :std/misc/atom -- Clojure-style atoms (doc/reference/std/misc/atom.md in the Gerbil
;;; repository): a value changed only under the atom's mutex, checked by its validator, watched by
;;; its watches. As the page says, a swap does not retry: the change function runs once, holding
;;; the lock, so it may have side effects (not recommended). A rejected value leaves the atom as it
;;; was; the error (the validator's own, or BadArgument) is raised after the lock is released.
;;;
;;; Concurrency rule: every read or write of an atom's value, validator or watches holds its
;;; mutex; watches run under it too, so a watch must not change the atom (it would wait on itself).

(import :std/error)
(export atom atom? atom-deref atom-swap! atom-swap-values! atom-reset! atom-reset-values!
        atom-compare-and-set! atom-validator atom-validator-set! atom-add-watch! atom-remove-watch!
        atom-increment! atomic-counter)

(defstruct Atom (mutex value validator watches))

(def (atom (initial-value (void)) validator: (validator #f))
  (make-Atom (make-mutex 'atom) initial-value validator '()))

(def (atom? x) (Atom? x))

(def (%check a who)
  (unless (Atom? a) (raise-bad-argument who "an atom" a)))

;; (body) holding a's mutex, released however body exits.
(def (%with-lock a body)
  (let ((mx (Atom-mutex a)))
    (mutex-lock! mx)
    (let ((v (with-catch (lambda (e) (mutex-unlock! mx) (raise e)) body)))
      (mutex-unlock! mx)
      v)))

(def (atom-deref a)
  (%check a 'atom-deref)
  (%with-lock a (lambda () (Atom-value a))))

;; The one way a value changes: (update old) under the lock, validated, stored, watched. Returns
;; (values old new) or, when (update old) says so by returning the token %unchanged, the old value
;; only. A rejection is raised after the unlock.
(def %unchanged (list 'unchanged))

(def (%update! a who update)
  (%check a who)
  (let ((result
         (%with-lock a
          (lambda ()
            (let* ((old (Atom-value a)) (new (update old)))
              (if (eq? new %unchanged)
                (list 'same old)
                (let ((rejected (%rejection a new)))
                  (if rejected
                    (list 'rejected rejected)
                    (begin
                      (Atom-value-set! a new)
                      (for-each (lambda (w) ((cdr w) (car w) a old new)) (Atom-watches a))
                      (list 'changed old new))))))))))
    (case (car result)
      ((rejected) (let ((why (cadr result)))
                    (if (eq? (car why) 'raised) (raise (cdr why)) (raise-bad-argument who "valid atom value" (cdr why)))))
      ((same) (values (cadr result) %unchanged))
      (else (values (cadr result) (caddr result))))))

;; #f when the validator accepts new; else (raised . exception) or (refused . new).
(def (%rejection a new)
  (let ((v (Atom-validator a)))
    (and v
         (with-catch (lambda (e) (cons 'raised e))
                     (lambda () (if (v new) #f (cons 'refused new)))))))

(def (atom-swap-values! a f) (%update! a 'atom-swap-values! f))
(def (atom-swap! a f) (let-values (((old new) (%update! a 'atom-swap! f))) new))
(def (atom-reset-values! a v) (%update! a 'atom-reset-values! (lambda (old) v)))
(def (atom-reset! a v) (let-values (((old new) (%update! a 'atom-reset! (lambda (old) v)))) new))
(def (atom-increment! a (n 1)) (let-values (((old new) (%update! a 'atom-increment! (lambda (old) (+ old n))))) new))

(def (atom-compare-and-set! a oldval newval)
  (let-values (((old new) (%update! a 'atom-compare-and-set! (lambda (old) (if (eq? old oldval) newval %unchanged)))))
    (not (eq? new %unchanged))))

(def (atom-validator a)
  (%check a 'atom-validator)
  (%with-lock a (lambda () (Atom-validator a))))

;; The current value is not checked against the new validator (the page: "grandfathered").
(def (atom-validator-set! a v)
  (%check a 'atom-validator-set!)
  (%with-lock a (lambda () (Atom-validator-set! a v))))

(def (atom-add-watch! a key f)
  (%check a 'atom-add-watch!)
  (%with-lock a (lambda () (Atom-watches-set! a (cons (cons key f) (%remove-key key (Atom-watches a)))) (void))))

(def (atom-remove-watch! a key)
  (%check a 'atom-remove-watch!)
  (%with-lock a (lambda () (Atom-watches-set! a (%remove-key key (Atom-watches a))) (void))))

(def (%remove-key key watches)
  (cond ((null? watches) '())
        ((equal? (caar watches) key) (cdr watches))
        (else (cons (car watches) (%remove-key key (cdr watches))))))

;; A counter procedure: each call adds 1, or its argument, and returns the new value (the page's
;; example calls it with an increment).
(def (atomic-counter (initial-value -1))
  (let ((a (atom initial-value)))
    (lambda ((n 1)) (atom-increment! a n))))
