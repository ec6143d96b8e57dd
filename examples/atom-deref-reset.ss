;;; The broken use of :std/misc/atom: each step is atomic, the pair is not. A thread reads the
;;; atom with atom-deref, then sets deref + 1 with atom-reset!; the other thread's increment in
;;; between is lost. `./safepoint explore examples/atom-deref-reset.ss -p 2` finds it; atom-swap!
;;; or atom-increment! does both under the lock (examples/atom-counter.ss).

(import :std/misc/atom)

(def counter (atom 0))
(def (count!) (atom-reset! counter (+ 1 (atom-deref counter))))
(def workers (list (spawn/name 'counter-1 count!) (spawn/name 'counter-2 count!)))
(for-each thread-join! workers)
(let ((n (atom-deref counter)))
  (unless (= n 2) (error "lost an increment: the atom counted" n))
  (displayln n))
