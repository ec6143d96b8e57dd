;;; :std/misc/sync's own tests: counts from many threads, an error inside sync-hash-do unlocks.
(import :std/test :std/misc/sync)
(export sync-test)

(def sync-test
  (test-suite "sync"
    (test-case "three threads put disjoint keys; every key is there"
      (def s (make-sync-hash (make-hash-table)))
      (def ts (map (lambda (base) (spawn (lambda () (let loop ((i 0)) (when (< i 10) (sync-hash-put! s (+ base i) base) (loop (+ i 1))))))) '(0 100 200)))
      (for-each thread-join! ts)
      (check (sync-hash-do s hash-length) => 30)
      (check (sync-hash-get s 105) => 100))
    (test-case "an error inside sync-hash-do lets go of the lock"
      (def s (make-sync-hash (make-hash-table)))
      (check-exception (sync-hash-do s (lambda (ht) (car '()))) (lambda (e) #t))
      (def t (spawn (lambda () (sync-hash-put! s 'k 1) 'done)))
      (check (thread-join! t 1 'stuck) => 'done)
      (check (sync-hash-ref s 'k 0) => 1))
    (test-case "not a sync-hash"
      (check-exception (sync-hash-get (make-hash-table) 1) error-object?))))
