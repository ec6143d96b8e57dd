;;; :std/misc/hash -- hash-table utilities (doc/reference/std/misc/hash.md in the Gerbil
;;; repository): defaults that are thunks, inversions, filters and maps into a new (or given)
;;; table, merges where the rightmost wins, a sorted listing, and the setters that let
;;; (set! (hash-ref h k) v) and (set! (hash-get h k) v) work.

(import :std/sort)
(export hash-ref/default hash-ensure-ref invert-hash invert-hash/fold
        invert-hash<-vector invert-hash<-vector/fold hash-restrict-keys hash-value-map
        hash-key-value-map hash-filter hash-remove hash-remove-value hash-ensure-removed!
        hash-ensure-modify! hash-empty? hash-merge/override hash-merge/override!
        hash->list/sort hash-get-set! hash-ref-set!)

;; A unique object no table holds, to tell "absent" from any stored value.
(def %absent (list 'absent))

(def (hash-ref/default table key default)
  (let (v (hash-ref table key %absent))
    (if (eq? v %absent) (default) v)))

(def (hash-ensure-ref table key default)
  (let (v (hash-ref table key %absent))
    (if (eq? v %absent)
      (let (d (default)) (hash-put! table key d) d)
      v)))

(def (invert-hash h to: (to (hash)))
  (hash-for-each (lambda (k v) (hash-put! to v k)) h)
  to)

(def (invert-hash/fold h to: (to (hash)) nil: (nil '()) cons: (kons cons))
  (hash-for-each (lambda (k v) (hash-put! to v (kons k (hash-ref to v nil)))) h)
  to)

(def (invert-hash<-vector/fold from start: (start 0) end: (end (vector-length from))
                               to: (to (make-hash-table)) nil: (nil '()) cons: (kons cons)
                               key: (key identity))
  (let loop ((i start))
    (when (< i end)
      (let (k (key (vector-ref from i)))
        (hash-put! to k (kons i (hash-ref to k nil))))
      (loop (+ i 1))))
  to)

;; Each key maps to one index: the last one met.
(def (invert-hash<-vector from start: (start 0) end: (end (vector-length from))
                          to: (to (make-hash-table)) key: (key identity))
  (invert-hash<-vector/fold from start: start end: end to: to nil: #f
                            cons: (lambda (i previous) i) key: key))

(def (hash-restrict-keys h keys)
  (let (to (hash))
    (for-each (lambda (k)
                (let (v (hash-ref h k %absent))
                  (unless (eq? v %absent) (hash-put! to k v))))
              keys)
    to))

(def (hash-value-map h fun)
  (let (to (hash))
    (hash-for-each (lambda (k v) (hash-put! to k (fun v))) h)
    to))

(def (hash-key-value-map fun from (to (hash)))
  (hash-for-each (lambda (k v)
                   (let (kv (fun k v))
                     (when kv (hash-put! to (car kv) (cdr kv)))))
                 from)
  to)

(def (hash-filter h pred (to (hash)))
  (hash-for-each (lambda (k v) (when (pred k v) (hash-put! to k v))) h)
  to)

(def (hash-remove h pred (to (hash)))
  (hash-filter h (lambda (k v) (not (pred k v))) to))

(def (hash-remove-value from val (to (hash)))
  (hash-filter from (lambda (k v) (not (equal? v val))) to))

(def (hash-ensure-removed! h key)
  (let (v (hash-ref h key %absent))
    (if (eq? v %absent)
      (values #f #f)
      (begin (hash-remove! h key) (values v #t)))))

(def (hash-ensure-modify! h key default fun)
  (let (v (fun (hash-ensure-ref h key default)))
    (hash-put! h key v)
    v))

(def (hash-empty? h) (zero? (hash-length h)))

;; The rightmost table wins: merge right to left, each key kept only if not yet there.
(def (hash-merge/override! h . more)
  (for-each (lambda (m) (hash-for-each (lambda (k v) (hash-put! h k v)) m)) more)
  h)

(def (hash-merge/override h . more)
  (apply hash-merge/override! (hash-copy h) more))

(def (hash->list/sort h pred)
  (sort (hash->list h) (lambda (a b) (pred (car a) (car b)))))

(def (hash-get-set! h k v) (hash-put! h k v))

;; (hash-ref-set! h k v) or, for (set! (hash-ref h k default) v), (hash-ref-set! h k default v).
(def (hash-ref-set! h k v . more)
  (hash-put! h k (if (pair? more) (car more) v)))
