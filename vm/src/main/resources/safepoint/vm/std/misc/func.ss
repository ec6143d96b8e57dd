;;; :std/misc/func -- higher-order utilities (doc/reference/std/misc/func.md in the Gerbil
;;; repository): always, repeat, the compose family (procedures and @-macros), every-of, any-of
;;; and the stateful predicates pred-limit, pred-sequence, pred-and, pred-or, pred-every-of and
;;; pred-any-of.

(export always repeat compose1 rcompose1 compose rcompose compose/values rcompose/values
        @compose1 @rcompose1 @compose @rcompose @compose/values @rcompose/values
        every-of any-of pred-limit pred-sequence pred-and pred-or pred-every-of pred-any-of)

;; (always val) or (always proc arg ...): a procedure of any arguments.
(def (always val . args)
  (if (procedure? val)
    (lambda ignored (apply val args))
    (lambda ignored val)))

(def (repeat val n . args)
  (unless (and (exact-integer? n) (>= n 0)) (error "repeat: exact non-negative count expected" n))
  (let (next (apply always val args))
    ;; The calls happen in order: the first call's value comes first.
    (let loop ((i 0) (acc '()))
      (if (= i n) (reverse acc) (loop (+ i 1) (cons (next) acc))))))

;; Right to left: (compose1 f g) is x => f(g(x)).
(def (compose1 f . fs)
  (let (chain (reverse (cons f fs)))
    (lambda (x) (let loop ((x x) (c chain)) (if (null? c) x (loop ((car c) x) (cdr c)))))))
(def (rcompose1 . fs) (apply compose1 (reverse fs)))

(def (compose f . fs)
  (let* ((chain (reverse (cons f fs))) (first (car chain)) (rest (cdr chain)))
    (lambda args (let loop ((x (apply first args)) (c rest)) (if (null? c) x (loop ((car c) x) (cdr c)))))))
(def (rcompose . fs) (apply compose (reverse fs)))

(def (compose/values f . fs)
  (let (chain (reverse (cons f fs)))
    (lambda args
      (let loop ((c chain) (args args))
        (if (null? (cdr c))
          (apply (car c) args)
          (loop (cdr c) (call-with-values (lambda () (apply (car c) args)) list)))))))
(def (rcompose/values . fs) (apply compose/values (reverse fs)))

;; The macro forms: the same compositions, written out in place.
(defrules @compose1 () ((_ f ...) (compose1 f ...)))
(defrules @rcompose1 () ((_ f ...) (rcompose1 f ...)))
(defrules @compose () ((_ f ...) (compose f ...)))
(defrules @rcompose () ((_ f ...) (rcompose f ...)))
(defrules @compose/values () ((_ f ...) (compose/values f ...)))
(defrules @rcompose/values () ((_ f ...) (rcompose/values f ...)))

;; A value that is not a procedure stands for (lambda (v) (test value v)).
(def (%as-pred p test) (if (procedure? p) p (lambda (v) (test p v))))

(def (every-of preds v test: (test equal?))
  (andmap (lambda (p) ((%as-pred p test) v)) preds))
(def (any-of preds v test: (test equal?))
  (ormap (lambda (p) ((%as-pred p test) v)) preds))

(def (pred-every-of preds test: (test equal?))
  (lambda (v) (every-of preds v test: test)))
(def (pred-any-of preds test: (test equal?))
  (lambda (v) (any-of preds v test: test)))

;; True at most LIMIT times (always if LIMIT is #f).
(def (pred-limit pred limit)
  (if (not limit)
    pred
    (let (left limit)
      (lambda args
        (and (> left 0)
             (let (r (apply pred args))
               (when r (set! left (- left 1)))
               r))))))

;; True on the element that completes LST, at most LIMIT times; the list may be circular.
(def (pred-sequence lst (limit #f))
  (let ((at lst) (left limit))
    (lambda (x)
      (cond ((null? lst) #f) ; an empty sequence never ends a match
            ((and left (<= left 0)) #f)
            (else
             (set! at (cond ((equal? x (car at)) (cdr at))
                            ((equal? x (car lst)) (cdr lst)) ; a mismatch may start a new match
                            (else lst)))
             (if (null? at)
               (begin (set! at lst) (when left (set! left (- left 1))) #t)
               #f))))))

(def (pred-and pred)
  (let (all #t)
    (lambda args (let (r (apply pred args)) (unless r (set! all #f)) (and all #t)))))

(def (pred-or pred)
  (let (any #f)
    (lambda args (let (r (apply pred args)) (when r (set! any #t)) any))))
