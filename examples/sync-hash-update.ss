;;; :std/misc/sync used right: two threads count visits in a sync-hash, each update a single
;;; sync-hash-do, so the read and the write happen under one lock. `./safepoint explore
;;; examples/sync-hash-update.ss --strategy dfs --preemptions 2 -p 2` proves both visits count.
;;; examples/sync-hash-ref-put.ss reads and writes in two calls.

(import :std/misc/sync)

(def visits (make-sync-hash (make-hash-table)))
(def (visit!) (sync-hash-do visits (lambda (ht) (hash-update! ht 'page (lambda (n) (+ n 1)) 0))))
(def visitors (list (spawn/name 'visitor-1 visit!) (spawn/name 'visitor-2 visit!)))
(for-each thread-join! visitors)
(let ((n (sync-hash-ref visits 'page 0)))
  (unless (= n 2) (error "the sync-hash counted" n))
  (displayln n))
