;;; Seed bug 5(c): a gc-table mutated against a stale store after a concurrent resize.
;;; A gc-table's store (Gambit's gcht) is replaced by a new object when it overfills. Thread a
;;; sets the key k while thread b's inserts overfill the table: if a read the old store before b
;;; installed the new one, a's set goes into garbage and k keeps its old value.
;;;
;;;   ./safepoint explore examples/gc-table-stale-resize.ss --locks none -p 2     (found)
;;;   ./safepoint explore examples/gc-table-stale-resize.ss --locks global -p 2   (found too)
;;;   ./safepoint explore examples/gc-table-stale-resize.ss --locks per-table --strategy dfs --preemptions 2 -p 2
;;;
;;; Under --locks global, gc-tables do what the seed (PR #1416) does: resizes under one
;;; __gc-table-lock, and after a set, if the store is no longer the one written, the set again.
;;; That retry catches a resize that installed before the check, but not one that was still
;;; copying when a wrote and installed after a checked: explore finds that schedule. Under
;;; per-table each gc-table's own lock covers read-store, set and resize, and dfs proves it.

(define t (make-gc-table))
(define k (list 'k))
(gc-table-set! t k 'old)

(define setter (make-thread (lambda () (gc-table-set! t k 'new)) 'a))
(define filler (make-thread (lambda () (for-each (lambda (x) (gc-table-set! t x #t)) '(x y z))) 'b))
(thread-start! setter)
(thread-start! filler)
(thread-join! setter)
(thread-join! filler)

(unless (eq? (gc-table-ref t k #f) 'new)
  (error "lost set: the set went into the old store" (gc-table-ref t k #f)))
(display (gc-table-length t))
(newline)
