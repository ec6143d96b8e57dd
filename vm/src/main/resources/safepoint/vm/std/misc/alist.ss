;;; :std/misc/alist -- association lists (doc/reference/std/misc/alist.md in the Gerbil
;;; repository): alist?, plist->alist, acons, the destructive setters and removers by eq?, eqv?
;;; and equal?, and their pure counterparts (aset, arem, ...) that the page recommends for
;;; alists that may become empty.

(import (only-in :std/error raise-contract-violation))

(export alist? plist->alist acons
        asetq! asetv! aset! assq-set! assv-set! assoc-set!
        aremq! aremv! arem!
        asetq asetv aset aremq aremv arem)

;; A finite list of pairs (each entry (k . v) or (k v ...)).
(def (alist? x)
  (let loop ((x x))
    (cond ((null? x) #t)
          ((and (pair? x) (pair? (car x))) (loop (cdr x)))
          (else #f))))

(def (plist->alist plist)
  (let loop ((p plist) (acc '()))
    (cond ((null? p) (reverse acc))
          ((and (pair? p) (pair? (cdr p))) (loop (cddr p) (cons (cons (car p) (cadr p)) acc)))
          (else (error "plist->alist: improper property list" plist)))))

(def (acons k v alist) (cons (cons k v) alist))

;; Destructive update: the entry's value changes in place; a new key is added in front by
;; rewriting the first pair, so every holder of the list sees it (hence no empty alist).
(def (%aset! find alist key value)
  (let (entry (find key alist))
    (cond (entry (set-cdr! entry value))
          ((pair? alist)
           (set-cdr! alist (cons (car alist) (cdr alist)))
           (set-car! alist (cons key value)))
          (else (raise-contract-violation 'aset! "a non-empty alist" key)))
    (void)))

(def (asetq! alist key value) (%aset! assq alist key value))
(def (asetv! alist key value) (%aset! assv alist key value))
(def (aset! alist key value) (%aset! assoc alist key value))
(def (assq-set! key alist value) (%aset! assq alist key value))
(def (assv-set! key alist value) (%aset! assv alist key value))
(def (assoc-set! key alist value) (%aset! assoc alist key value))

;; Destructive removal: the first pair is overwritten by its successor when it is the one to go.
(def (%arem! same? key alist)
  (cond ((not (pair? alist)) (void))
        ((same? key (caar alist))
         (if (pair? (cdr alist))
           (begin (set-car! alist (cadr alist)) (set-cdr! alist (cddr alist)))
           (raise-contract-violation 'arem! "not the last entry of an alist" key)))
        (else
         (let loop ((prev alist))
           (let (next (cdr prev))
             (when (pair? next)
               (if (same? key (caar next))
                 (set-cdr! prev (cdr next))
                 (loop next))))))))

(def (aremq! key alist) (%arem! eq? key alist) (void))
(def (aremv! key alist) (%arem! eqv? key alist) (void))
(def (arem! key alist) (%arem! equal? key alist) (void))

;; The pure versions return a new alist and never fail on an empty one.
(def (%arem same? key alist)
  (let loop ((a alist))
    (cond ((null? a) '())
          ((same? key (caar a)) (cdr a))
          (else (cons (car a) (loop (cdr a)))))))

;; A new key goes in front, as the destructive setters put it.
(def (%aset same? alist key value)
  (if (assoc key alist same?)
    (map (lambda (kv) (if (same? key (car kv)) (cons key value) kv)) alist)
    (cons (cons key value) alist)))

(def (asetq alist key value) (%aset eq? alist key value))
(def (asetv alist key value) (%aset eqv? alist key value))
(def (aset alist key value) (%aset equal? alist key value))
(def (aremq key alist) (%arem eq? key alist))
(def (aremv key alist) (%arem eqv? key alist))
(def (arem key alist) (%arem equal? key alist))
