;;; :std/misc/lru -- LRU caches (doc/reference/std/misc/lru.md in the Gerbil repository):
;;; make-lru-cache, lru-cache?, size and capacity, put!, remove!, ref and get, flush!, for-each
;;; (walk), fold and foldr, lru-cache->list, the in-lru-cache iterators, and iteration over the
;;; cache itself with :std/iter's for.
;;;
;;; A cache is a hash table from keys to the nodes of a doubly linked list kept in most recently
;;; used order: every operation is constant time. Keys are compared with equal?. in-lru-cache
;;; yields each association as two values, for the page's (for ((values k v) lru) ...).

(import :std/iter)
(export make-lru-cache lru-cache lru-cache? lru-cache-size lru-cache-capacity lru-cache-put!
        lru-cache-remove! lru-cache-ref lru-cache-get lru-cache-flush! lru-cache-for-each
        lru-cache-walk lru-cache-fold lru-cache-foldr lru-cache->list
        in-lru-cache in-lru-cache-keys in-lru-cache-values)

(defstruct lru-node (key value prev next))
;; front is the most recently used node, back the least; both #f when empty. The make-lru-cache
;; below (the page's, from a capacity) replaces the one defstruct makes.
(defstruct lru-cache (table capacity front back))

(def (make-lru-cache cap)
  (unless (and (fixnum? cap) (>= cap 1)) (error "make-lru-cache: capacity must be a fixnum of at least 1" cap))
  (lru-cache (make-hash-table) cap #f #f))

(def (lru-cache-size lru) (hash-length (lru-cache-table lru)))

(def (%unlink! lru node)
  (let ((p (lru-node-prev node)) (n (lru-node-next node)))
    (if p (lru-node-next-set! p n) (lru-cache-front-set! lru n))
    (if n (lru-node-prev-set! n p) (lru-cache-back-set! lru p))
    (lru-node-prev-set! node #f)
    (lru-node-next-set! node #f)))

(def (%push-front! lru node)
  (let (f (lru-cache-front lru))
    (lru-node-next-set! node f)
    (if f (lru-node-prev-set! f node) (lru-cache-back-set! lru node))
    (lru-cache-front-set! lru node)))

(def (lru-cache-put! lru key val)
  (let (node (hash-get (lru-cache-table lru) key))
    (if node
      (begin (lru-node-value-set! node val) (%unlink! lru node) (%push-front! lru node))
      (begin
        (when (>= (lru-cache-size lru) (lru-cache-capacity lru))
          (let (old (lru-cache-back lru))
            (%unlink! lru old)
            (hash-remove! (lru-cache-table lru) (lru-node-key old))))
        (let (node (lru-node key val #f #f))
          (hash-put! (lru-cache-table lru) key node)
          (%push-front! lru node))))
    (void)))

(def (lru-cache-remove! lru key)
  (let (node (hash-get (lru-cache-table lru) key))
    (when node (%unlink! lru node) (hash-remove! (lru-cache-table lru) key))
    (void)))

(def %absent (list 'absent))

(def (lru-cache-ref lru key (default %absent))
  (let (node (hash-get (lru-cache-table lru) key))
    (cond (node (%unlink! lru node) (%push-front! lru node) (lru-node-value node))
          ((eq? default %absent) (error "lru-cache-ref: no such key" key))
          (else default))))

(def (lru-cache-get lru key) (lru-cache-ref lru key #f))

(def (lru-cache-flush! lru)
  (hash-clear! (lru-cache-table lru))
  (lru-cache-front-set! lru #f)
  (lru-cache-back-set! lru #f)
  lru)

;; Walks from the front (MRU) along next, or from the back (LRU) along prev.
(def (%fold proc init start step)
  (let loop ((node start) (acc init))
    (if node (loop (step node) (proc (lru-node-key node) (lru-node-value node) acc)) acc)))

(def (lru-cache-fold proc init lru) (%fold proc init (lru-cache-front lru) lru-node-next))
(def (lru-cache-foldr proc init lru) (%fold proc init (lru-cache-back lru) lru-node-prev))
(def (lru-cache-for-each proc lru) (lru-cache-fold (lambda (k v acc) (proc k v)) (void) lru) (void))
(def lru-cache-walk lru-cache-for-each)
(def (lru-cache->list lru) (lru-cache-foldr (lambda (k v acc) (cons (cons k v) acc)) '() lru))

(def (in-lru-cache lru) (in-coroutine (lambda () (lru-cache-for-each (lambda (k v) (yield (values k v))) lru))))
(def (in-lru-cache-keys lru) (in-coroutine (lambda () (lru-cache-for-each (lambda (k v) (yield k)) lru))))
(def (in-lru-cache-values lru) (in-coroutine (lambda () (lru-cache-for-each (lambda (k v) (yield v)) lru))))

(defmethod {:iter lru-cache} (lambda (self) (in-lru-cache self)))
