;;; The broken use of :std/misc/sync: every call locks, but a count read with sync-hash-ref and
;;; written back with sync-hash-put! is two calls, and the other thread's write in between is
;;; lost. `./safepoint explore examples/sync-hash-ref-put.ss -p 2` finds it; one sync-hash-do for
;;; both is the fix (examples/sync-hash-update.ss).

(import :std/misc/sync)

(def visits (make-sync-hash (make-hash-table)))
(def (visit!) (sync-hash-put! visits 'page (+ 1 (sync-hash-ref visits 'page 0))))
(def visitors (list (spawn/name 'visitor-1 visit!) (spawn/name 'visitor-2 visit!)))
(for-each thread-join! visitors)
(let ((n (sync-hash-ref visits 'page 0)))
  (unless (= n 2) (error "lost a visit: the sync-hash counted" n))
  (displayln n))
