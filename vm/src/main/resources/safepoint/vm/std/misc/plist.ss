;;; :std/misc/plist -- property lists (doc/reference/std/misc/plist.md in the Gerbil
;;; repository): plist?, alist->plist, the destructive setters and removers by eq?, eqv? and
;;; equal? (with the (set! (pgetq k p) v) forms), and their pure counterparts (pset, prem, ...)
;;; that the page recommends for plists that may become empty.

(import (only-in :std/error raise-contract-violation))

(export plist? alist->plist
        psetq! psetv! pset! pgetq-set! pgetv-set! pget-set!
        premq! premv! prem!
        psetq psetv pset premq premv prem)

(def (plist? x)
  (let loop ((x x))
    (cond ((null? x) #t)
          ((and (pair? x) (pair? (cdr x))) (loop (cddr x)))
          (else #f))))

(def (alist->plist alist)
  (let loop ((a alist) (acc '()))
    (cond ((null? a) (reverse acc))
          ((and (pair? a) (pair? (car a))) (loop (cdr a) (cons* (cdar a) (caar a) acc)))
          (else (error "alist->plist: improper association list" alist)))))

;; The cell holding KEY, or #f.
(def (%pfind same? key plist)
  (let loop ((p plist))
    (cond ((not (and (pair? p) (pair? (cdr p)))) #f)
          ((same? key (car p)) p)
          (else (loop (cddr p))))))

;; As with alists, a new key goes in front by rewriting the first cell, so no empty plist.
(def (%pset! same? plist key value)
  (let (cell (%pfind same? key plist))
    (cond (cell (set-car! (cdr cell) value))
          ((pair? plist)
           (set-cdr! plist (cons* value (car plist) (cdr plist)))
           (set-car! plist key))
          (else (raise-contract-violation 'pset! "a non-empty plist" key)))
    (void)))

(def (psetq! plist key value) (%pset! eq? plist key value))
(def (psetv! plist key value) (%pset! eqv? plist key value))
(def (pset! plist key value) (%pset! equal? plist key value))
;; (pgetq-set! key plist [default] value): the default is accepted and ignored.
(def (%last x more) (if (pair? more) (car more) x))
(def (pgetq-set! key plist value . more) (%pset! eq? plist key (%last value more)))
(def (pgetv-set! key plist value . more) (%pset! eqv? plist key (%last value more)))
(def (pget-set! key plist value . more) (%pset! equal? plist key (%last value more)))

(def (%prem! same? key plist)
  (cond ((not (and (pair? plist) (pair? (cdr plist)))) (void))
        ((same? key (car plist))
         (let (rest (cddr plist))
           (if (pair? rest)
             (begin (set-car! plist (car rest)) (set-cdr! plist (cdr rest)))
             (raise-contract-violation 'prem! "not the last entry of a plist" key))))
        (else
         (let loop ((prev (cdr plist)))
           (let (next (cdr prev))
             (when (and (pair? next) (pair? (cdr next)))
               (if (same? key (car next))
                 (set-cdr! prev (cddr next))
                 (loop (cdr next)))))))))

(def (premq! key plist) (%prem! eq? key plist) (void))
(def (premv! key plist) (%prem! eqv? key plist) (void))
(def (prem! key plist) (%prem! equal? key plist) (void))

(def (%prem same? key plist)
  (let loop ((p plist))
    (cond ((not (and (pair? p) (pair? (cdr p)))) '())
          ((same? key (car p)) (cddr p))
          (else (cons* (car p) (cadr p) (loop (cddr p)))))))

;; A new key goes in front, as the destructive setters put it.
(def (%pset same? plist key value)
  (if (%pfind same? key plist)
    (let loop ((p plist))
      (if (same? key (car p)) (cons* key value (cddr p)) (cons* (car p) (cadr p) (loop (cddr p)))))
    (cons* key value plist)))

(def (psetq plist key value) (%pset eq? plist key value))
(def (psetv plist key value) (%pset eqv? plist key value))
(def (pset plist key value) (%pset equal? plist key value))
(def (premq key plist) (%prem eq? key plist))
(def (premv key plist) (%prem eqv? key plist))
(def (prem key plist) (%prem equal? key plist))
