;;; :std/misc/walist -- wrapped alists (doc/reference/std/misc/walist.md in the Gerbil
;;; repository): six structs, walist, walistq and walistv (pure) and walist!, walistq! and
;;; walistv! (mutable), each wrapping one alist and knowing its key equality (equal?, eq?, eqv?);
;;; their make-... wrappers and predicates; walist-alist (walist->alist) and its setter; and
;;; acons, key?, get, assoc, put and remove (pure) and acons!, put! and remove! (mutable), each as
;;; per-type procedures and as methods ({key? w k} picks the right equality).
;;;
;;; walist!-put! and walist!-remove! take any mutable variant (with equal?), as the page's example
;; does with a walistv!; the q and v ones check their type.
;;
;; The hierarchy is the page's: walistq and walistv and walist! extend walist; walistq! extends
;;; walistq and walistv! walistv, so walist? accepts all six.

(export walist walistq walistv walist! walistq! walistv!
        walist::t walistq::t walistv::t walist!::t walistq!::t walistv!::t
        make-walist make-walistq make-walistv make-walist! make-walistq! make-walistv!
        walist? walistq? walistv? walist!? walistq!? walistv!?
        walist-alist walist->alist walist-alist-set! walist->alist-set!
        walist-acons walistq-acons walistv-acons walist-acons!
        walist-key? walistq-key? walistv-key? walist-get walistq-get walistv-get
        walist-assoc walistq-assoc walistv-assoc walist-put walistq-put walistv-put
        walist!-put! walistq!-put! walistv!-put! walist-remove walistq-remove walistv-remove
        walist!-remove! walistq!-remove! walistv!-remove!)

;; Transparent, as the page prints them (#<walist #378 alist: ...>): equal? compares the alists.
(defstruct walist (alist) transparent: #t)
(defstruct (walistq walist) () transparent: #t)
(defstruct (walistv walist) () transparent: #t)
(defstruct (walist! walist) () transparent: #t)
(defstruct (walistq! walistq) () transparent: #t)
(defstruct (walistv! walistv) () transparent: #t)

(def (make-walist a) (walist a))
(def (make-walistq a) (walistq a))
(def (make-walistv a) (walistv a))
(def (make-walist! a) (walist! a))
(def (make-walistq! a) (walistq! a))
(def (make-walistv! a) (walistv! a))

(defalias walist->alist walist-alist)
(defalias walist->alist-set! walist-alist-set!)

;; The key equality and the pure constructor of W's family.
(def (%same w) (cond ((walistq? w) eq?) ((walistv? w) eqv?) (else equal?)))
(def (%rewrap w a) (cond ((walistq? w) (walistq a)) ((walistv? w) (walistv a)) (else (walist a))))

(def (%mutable? w) (or (walist!? w) (walistq!? w) (walistv!? w)))

(def (%check pred? who w)
  (unless (pred? w) (error (string-append who ": wrong kind of walist") w)))

(def (%find same? a k)
  (let loop ((a a))
    (cond ((null? a) #f) ((same? k (caar a)) (car a)) (else (loop (cdr a))))))

;; A new alist: the first entry for K replaced by (K . V), or (K . V) added in front.
(def (%put same? a k v)
  (if (%find same? a k)
    (let loop ((a a))
      (if (same? k (caar a)) (cons (cons k v) (cdr a)) (cons (car a) (loop (cdr a)))))
    (cons (cons k v) a)))

(def (%remove same? a k)
  (let loop ((a a))
    (cond ((null? a) '()) ((same? k (caar a)) (cdr a)) (else (cons (car a) (loop (cdr a)))))))

;; Each operation once, for a given equality; the per-type names below fix it.
(def ((%assoc-with same? pred? who) w k) (%check pred? who w) (%find same? (walist-alist w) k))
(def ((%key-with same? pred? who) w k) (%check pred? who w) (and (%find same? (walist-alist w) k) #t))
(def ((%get-with same? pred? who) w k)
  (%check pred? who w)
  (let (kv (%find same? (walist-alist w) k))
    (if kv (cdr kv) (error (string-append who ": no such key") k))))
(def ((%acons-with make pred? who) w k v) (%check pred? who w) (make (cons (cons k v) (walist-alist w))))
(def ((%put-with same? make pred? who) w k v) (%check pred? who w) (make (%put same? (walist-alist w) k v)))
(def ((%remove-with same? make pred? who) w k) (%check pred? who w) (make (%remove same? (walist-alist w) k)))
(def ((%put!-with same? pred? who) w k v)
  (%check pred? who w) (walist-alist-set! w (%put same? (walist-alist w) k v)))
(def ((%remove!-with same? pred? who) w k)
  (%check pred? who w) (walist-alist-set! w (%remove same? (walist-alist w) k)))

(def walist-assoc (%assoc-with equal? walist? "walist-assoc"))
(def walistq-assoc (%assoc-with eq? walistq? "walistq-assoc"))
(def walistv-assoc (%assoc-with eqv? walistv? "walistv-assoc"))
(def walist-key? (%key-with equal? walist? "walist-key?"))
(def walistq-key? (%key-with eq? walistq? "walistq-key?"))
(def walistv-key? (%key-with eqv? walistv? "walistv-key?"))
(def walist-get (%get-with equal? walist? "walist-get"))
(def walistq-get (%get-with eq? walistq? "walistq-get"))
(def walistv-get (%get-with eqv? walistv? "walistv-get"))
(def walist-acons (%acons-with walist walist? "walist-acons"))
(def walistq-acons (%acons-with walistq walistq? "walistq-acons"))
(def walistv-acons (%acons-with walistv walistv? "walistv-acons"))
(def walist-put (%put-with equal? walist walist? "walist-put"))
(def walistq-put (%put-with eq? walistq walistq? "walistq-put"))
(def walistv-put (%put-with eqv? walistv walistv? "walistv-put"))
(def walist-remove (%remove-with equal? walist walist? "walist-remove"))
(def walistq-remove (%remove-with eq? walistq walistq? "walistq-remove"))
(def walistv-remove (%remove-with eqv? walistv walistv? "walistv-remove"))
(def walist!-put! (%put!-with equal? %mutable? "walist!-put!"))
(def walistq!-put! (%put!-with eq? walistq!? "walistq!-put!"))
(def walistv!-put! (%put!-with eqv? walistv!? "walistv!-put!"))
(def walist!-remove! (%remove!-with equal? %mutable? "walist!-remove!"))
(def walistq!-remove! (%remove!-with eq? walistq!? "walistq!-remove!"))
(def walistv!-remove! (%remove!-with eqv? walistv!? "walistv!-remove!"))

(def (walist-acons! w k v) (walist-alist-set! w (cons (cons k v) (walist-alist w))))

(def (%check-mutable who w) (unless (%mutable? w) (error (string-append who ": a mutable walist expected") w)))

;; The generic methods: the equality comes from the instance's own type.
(defmethod {key? walist} (lambda (self k) (and (%find (%same self) (walist-alist self) k) #t)))
(defmethod {assoc walist} (lambda (self k) (%find (%same self) (walist-alist self) k)))
(defmethod {get walist}
  (lambda (self k)
    (let (kv (%find (%same self) (walist-alist self) k))
      (if kv (cdr kv) (error "get: no such key" k)))))
(defmethod {acons walist} (lambda (self k v) (%rewrap self (cons (cons k v) (walist-alist self)))))
(defmethod {put walist} (lambda (self k v) (%rewrap self (%put (%same self) (walist-alist self) k v))))
(defmethod {remove walist} (lambda (self k) (%rewrap self (%remove (%same self) (walist-alist self) k))))
(defmethod {acons! walist}
  (lambda (self k v) (%check-mutable "acons!" self) (walist-acons! self k v)))
(defmethod {put! walist}
  (lambda (self k v) (%check-mutable "put!" self) (walist-alist-set! self (%put (%same self) (walist-alist self) k v))))
(defmethod {remove! walist}
  (lambda (self k) (%check-mutable "remove!" self) (walist-alist-set! self (%remove (%same self) (walist-alist self) k))))
