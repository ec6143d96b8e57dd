;;; :std/misc/atom used right: two threads count with atom-increment!, which reads and writes
;;; under the atom's lock. `./safepoint explore examples/atom-counter.ss --strategy dfs
;;; --preemptions 2 -p 2` proves the count is always 6. examples/atom-deref-reset.ss splits the
;;; increment into a deref and a reset.

(import :std/misc/atom)

(def counter (atom 0))
(def (count!) (atom-increment! counter) (atom-increment! counter) (atom-increment! counter))
(def workers (list (spawn/name 'counter-1 count!) (spawn/name 'counter-2 count!)))
(for-each thread-join! workers)
(let ((n (atom-deref counter)))
  (unless (= n 6) (error "the atom counted" n))
  (displayln n))
