;;; :std/misc/rbtree -- red-black trees (doc/reference/std/misc/rbtree.md in the Gerbil
;;; repository): make-rbtree, rbtree?, rbtree-empty?, the destructive and functional put,
;;; update and remove, rbtree-ref, rbtree-get, rbtree-copy, for-each and fold both ways, the
;;; list conversions, the in-rbtree iterators (and :iter on an rbtree), string-cmp, symbol-cmp
;;; and symbol-hash-cmp.
;;;
;;; The nodes are persistent: an update builds new nodes along one path and shares the rest, so
;;; rbtree-put returns a new rbtree in O(log n) without touching the old one, rbtree-copy costs
;;; nothing, and an iterator walks the tree as it was when the iteration began. An rbtree is
;;; its comparison and its current root; the ! forms replace the root.
;;;
;;; The invariants, true of every root after every operation (rbtree-test.ss checks them):
;;;  1. order: the keys in order are strictly ascending under cmp;
;;;  2. the root is black;
;;;  3. no red node has a red child;
;;;  4. every path from a node down to an empty subtree passes the same number of black nodes.
;;; Insertion is Okasaki's (a red node, then balance on the way up); deletion is Kahrs's
;;; (balleft/balright restore the black height, app joins two subtrees), both written from the
;;; published algorithms.
;;;
;;; in-rbtree yields each association as two values, for the page's (for ((values k v) t) ...).
;;; Safepoint's difference: symbol-hash-cmp
;;; orders by the hash of the symbol's name (string-hash: Safepoint has no symbol-hash), so its
;;; numbers are not Gambit's.

(import :std/error :std/iter)
(export rbtree make-rbtree rbtree? rbtree-empty? rbtree-put! rbtree-put rbtree-update! rbtree-update
        rbtree-remove! rbtree-remove rbtree-ref rbtree-get rbtree-copy rbtree-for-each rbtree-for-eachr
        rbtree-fold rbtree-foldr rbtree->list rbtree->listr list->rbtree
        in-rbtree in-rbtree-keys in-rbtree-values string-cmp symbol-cmp symbol-hash-cmp
        +empty+ %rbtree-root %rbtree-invariant-violation)

;; A node: color 'red or 'black, left, key, value, right. An empty subtree is +empty+.
(defstruct %node (color left key value right))
(def +empty+ (string->uninterned-symbol "rbtree-empty"))
(def (%red? t) (and (%node? t) (eq? (%node-color t) 'red)))
(def (%black? t) (and (%node? t) (eq? (%node-color t) 'black)))
(def (%red l k v r) (%node 'red l k v r))
(def (%black l k v r) (%node 'black l k v r))
(def (%paint t color)
  (if (%node? t) (%node color (%node-left t) (%node-key t) (%node-value t) (%node-right t)) t))

;; The type is also the constructor, with make-rbtree's arguments: (rbtree cmp [root]) (Gerbil's
;; own tests make trees so).
(defstruct rbtree (cmp root) constructor: :init!)
(def (%rbtree-init! self cmp (root +empty+))
  (unless (procedure? cmp) (error "make-rbtree: comparison procedure expected" cmp))
  (rbtree-cmp-set! self cmp)
  (rbtree-root-set! self root))
(defmethod {:init! rbtree} %rbtree-init!)
(def (make-rbtree cmp (root +empty+)) (rbtree cmp root))
(def (%rbtree-root t) (rbtree-root t))
(def (%check t who) (unless (rbtree? t) (error (string-append who ": rbtree expected") t)))

;; Two red nodes in a row below l k v r (or both children red): a red node over two black ones.
(def (%balance l k v r)
  (cond
   ((and (%red? l) (%red? r)) (%red (%paint l 'black) k v (%paint r 'black)))
   ((and (%red? l) (%red? (%node-left l)))
    (let (ll (%node-left l))
      (%red (%paint ll 'black) (%node-key l) (%node-value l) (%black (%node-right l) k v r))))
   ((and (%red? l) (%red? (%node-right l)))
    (let (lr (%node-right l))
      (%red (%black (%node-left l) (%node-key l) (%node-value l) (%node-left lr)) (%node-key lr) (%node-value lr)
            (%black (%node-right lr) k v r))))
   ((and (%red? r) (%red? (%node-right r)))
    (%red (%black l k v (%node-left r)) (%node-key r) (%node-value r) (%paint (%node-right r) 'black)))
   ((and (%red? r) (%red? (%node-left r)))
    (let (rl (%node-left r))
      (%red (%black l k v (%node-left rl)) (%node-key rl) (%node-value rl)
            (%black (%node-right rl) (%node-key r) (%node-value r) (%node-right r)))))
   (else (%black l k v r))))

(def (%insert cmp t key value)
  (let ins ((t t))
    (if (not (%node? t))
      (%red +empty+ key value +empty+)
      (let ((c (cmp key (%node-key t))) (l (%node-left t)) (k (%node-key t)) (v (%node-value t)) (r (%node-right t)))
        (cond ((= c 0) (%node (%node-color t) l key value r))
              ((%black? t) (if (< c 0) (%balance (ins l) k v r) (%balance l k v (ins r))))
              ((< c 0) (%red (ins l) k v r))
              (else (%red l k v (ins r))))))))

;; A black subtree made red: one black node less on each path (deletion only asks it of black nodes).
(def (%redden t) (%paint t 'red))

;; l lost one black level: restore it.
(def (%balleft l k v r)
  (cond ((%red? l) (%red (%paint l 'black) k v r))
        ((%black? r) (%balance l k v (%redden r)))
        (else ; r is red over a black left child
         (let (rl (%node-left r))
           (%red (%black l k v (%node-left rl)) (%node-key rl) (%node-value rl)
                 (%balance (%node-right rl) (%node-key r) (%node-value r) (%redden (%node-right r))))))))

;; r lost one black level: restore it.
(def (%balright l k v r)
  (cond ((%red? r) (%red l k v (%paint r 'black)))
        ((%black? l) (%balance (%redden l) k v r))
        (else ; l is red over a black right child
         (let (lr (%node-right l))
           (%red (%balance (%redden (%node-left l)) (%node-key l) (%node-value l) (%node-left lr))
                 (%node-key lr) (%node-value lr) (%black (%node-right lr) k v r))))))

;; The two children of a removed node, joined into one tree of their black height.
(def (%append a b)
  (cond ((not (%node? a)) b)
        ((not (%node? b)) a)
        ((and (%red? a) (%red? b))
         (%append-inner a b 'red (lambda (m) (%red (%node-left a) (%node-key a) (%node-value a)
                                                   (%red m (%node-key b) (%node-value b) (%node-right b))))))
        ((and (%black? a) (%black? b))
         (%append-inner a b 'black (lambda (m) (%balleft (%node-left a) (%node-key a) (%node-value a)
                                                         (%black m (%node-key b) (%node-value b) (%node-right b))))))
        ((%red? b) (%red (%append a (%node-left b)) (%node-key b) (%node-value b) (%node-right b)))
        (else (%red (%node-left a) (%node-key a) (%node-value a) (%append (%node-right a) b)))))

;; a and b of one color: their inner subtrees joined; a red join becomes the middle node, the
;; outer ones keeping the color; else otherwise decides.
(def (%append-inner a b color otherwise)
  (let (m (%append (%node-right a) (%node-left b)))
    (if (%red? m)
      (%red (%node color (%node-left a) (%node-key a) (%node-value a) (%node-left m)) (%node-key m) (%node-value m)
            (%node color (%node-right m) (%node-key b) (%node-value b) (%node-right b)))
      (otherwise m))))

(def (%delete cmp t key)
  (let del ((t t))
    (if (not (%node? t))
      t
      (let ((c (cmp key (%node-key t))) (l (%node-left t)) (k (%node-key t)) (v (%node-value t)) (r (%node-right t)))
        (cond ((= c 0) (%append l r))
              ((< c 0) (if (%black? l) (%balleft (del l) k v r) (%red (del l) k v r)))
              (else (if (%black? r) (%balright l k v (del r)) (%red l k v (del r)))))))))

(def (%lookup cmp t key)
  (let loop ((t t))
    (and (%node? t)
         (let (c (cmp key (%node-key t)))
           (cond ((= c 0) t) ((< c 0) (loop (%node-left t))) (else (loop (%node-right t))))))))

;; ---- the page's procedures ----------------------------------------------------------------------

(def (rbtree-empty? t) (%check t "rbtree-empty?") (not (%node? (rbtree-root t))))

(def (%put t key value) (%paint (%insert (rbtree-cmp t) (rbtree-root t) key value) 'black))
(def (rbtree-put! t key value) (%check t "rbtree-put!") (rbtree-root-set! t (%put t key value)))
(def (rbtree-put t key value) (%check t "rbtree-put") (rbtree (rbtree-cmp t) (%put t key value)))

(def %absent (string->uninterned-symbol "absent"))
(def (%current t key default who)
  (let (n (%lookup (rbtree-cmp t) (rbtree-root t) key))
    (cond (n (%node-value n))
          ((eq? default %absent) (raise-unbound-key-error who "No such key" key))
          (else default))))

(def (rbtree-update! t key proc (default %absent))
  (%check t "rbtree-update!")
  (rbtree-put! t key (proc (%current t key default 'rbtree-update!))))
(def (rbtree-update t key proc (default %absent))
  (%check t "rbtree-update")
  (rbtree-put t key (proc (%current t key default 'rbtree-update))))

(def (%remove t key) (%paint (%delete (rbtree-cmp t) (rbtree-root t) key) 'black))
(def (rbtree-remove! t key) (%check t "rbtree-remove!") (rbtree-root-set! t (%remove t key)))
(def (rbtree-remove t key)
  (%check t "rbtree-remove")
  (if (%lookup (rbtree-cmp t) (rbtree-root t) key) (rbtree (rbtree-cmp t) (%remove t key)) t))

(def (rbtree-ref t key (default %absent)) (%check t "rbtree-ref") (%current t key default 'rbtree-ref))
(def (rbtree-get t key) (rbtree-ref t key #f))
(def (rbtree-copy t) (%check t "rbtree-copy") (rbtree (rbtree-cmp t) (rbtree-root t)))

;; In order (ascending, or descending when reversed), each association to (proc key value acc).
(def (%fold t proc acc reversed?)
  (let walk ((n (rbtree-root t)) (acc acc))
    (if (not (%node? n))
      acc
      (let* ((first (if reversed? (%node-right n) (%node-left n)))
             (last (if reversed? (%node-left n) (%node-right n)))
             (acc (walk first acc)))
        (walk last (proc (%node-key n) (%node-value n) acc))))))

(def (rbtree-fold proc init t) (%check t "rbtree-fold") (%fold t proc init #f))
(def (rbtree-foldr proc init t) (%check t "rbtree-foldr") (%fold t proc init #t))
(def (rbtree-for-each proc t) (rbtree-fold (lambda (k v acc) (proc k v)) (void) t) (void))
(def (rbtree-for-eachr proc t) (rbtree-foldr (lambda (k v acc) (proc k v)) (void) t) (void))
(def (rbtree->list t) (rbtree-foldr (lambda (k v acc) (cons (cons k v) acc)) '() t))
(def (rbtree->listr t) (rbtree-fold (lambda (k v acc) (cons (cons k v) acc)) '() t))

(def (list->rbtree cmp lst)
  (let (t (make-rbtree cmp))
    (for-each (lambda (kv) (rbtree-put! t (car kv) (cdr kv))) lst)
    t))

;; An iterator over the tree as it is now: a stack of the nodes whose left side is done.
(def (%in-rbtree t what)
  (%check t "in-rbtree")
  (def (push-left n stack) (if (%node? n) (push-left (%node-left n) (cons n stack)) stack))
  (let (stack (push-left (rbtree-root t) '()))
    (make-iterator t
      (lambda (it)
        (if (null? stack)
          iter-end
          (let (n (car stack))
            (set! stack (push-left (%node-right n) (cdr stack)))
            (what n)))))))

(def (in-rbtree t) (%in-rbtree t (lambda (n) (values (%node-key n) (%node-value n)))))
(def (in-rbtree-keys t) (%in-rbtree t %node-key))
(def (in-rbtree-values t) (%in-rbtree t %node-value))
(defmethod {:iter rbtree} (lambda (self) (in-rbtree self)))

;; ---- comparisons --------------------------------------------------------------------------------

;; The first differing characters' difference, else the lengths' (the page's examples).
(def (string-cmp a b)
  (let ((la (string-length a)) (lb (string-length b)))
    (let loop ((i 0))
      (cond ((or (= i la) (= i lb)) (- la lb))
            ((char=? (string-ref a i) (string-ref b i)) (loop (+ i 1)))
            (else (- (char->integer (string-ref a i)) (char->integer (string-ref b i))))))))

(def (symbol-cmp a b) (string-cmp (symbol->string a) (symbol->string b)))

(def (symbol-hash-cmp a b)
  (let (d (- (string-hash (symbol->string a)) (string-hash (symbol->string b))))
    (if (= d 0) (symbol-cmp a b) d)))

;; ---- the invariants, for tests ------------------------------------------------------------------

;; #f when the tree keeps the four invariants above, else which one it breaks (a string).
(def (%rbtree-invariant-violation t)
  (let ((cmp (rbtree-cmp t)) (root (rbtree-root t)))
    (call/cc
      (lambda (fail)
        ;; the black height of n, checking colors and order on the way; lo/hi bound its keys
        (def (height n lo hi)
          (if (not (%node? n))
            1
            (let (k (%node-key n))
              (when (and lo (<= (cmp k lo) 0)) (fail "keys out of order"))
              (when (and hi (>= (cmp k hi) 0)) (fail "keys out of order"))
              (when (and (%red? n) (or (%red? (%node-left n)) (%red? (%node-right n)))) (fail "red node with a red child"))
              (let ((hl (height (%node-left n) lo k)) (hr (height (%node-right n) k hi)))
                (unless (= hl hr) (fail "unequal black heights"))
                (+ hl (if (%black? n) 1 0))))))
        (cond ((%red? root) "red root")
              (else (height root #f #f) #f))))))
