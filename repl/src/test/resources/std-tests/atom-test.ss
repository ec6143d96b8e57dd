;;; :std/misc/atom's own tests: swaps from many threads, validators that raise, watches.
(import :std/test :std/misc/atom :std/error)
(export atom-test)

(def atom-test
  (test-suite "atom"
    (test-case "four threads, 25 swaps each, none lost"
      (def a (atom 0))
      (def ts (map (lambda (i) (spawn (lambda () (let loop ((k 0)) (when (< k 25) (atom-swap! a 1+) (loop (+ k 1))))))) '(1 2 3 4)))
      (for-each thread-join! ts)
      (check (atom-deref a) => 100))
    (test-case "a validator's own exception is raised and the atom is unchanged"
      (def a (atom 1 validator: (lambda (v) (if (> v 10) (error "too big" v) #t))))
      (check-exception (atom-reset! a 11) error-object?)
      (check (atom-deref a) => 1)
      (check-exception (atom-swap! (atom 1 validator: string?) 1+) bad-argument-error?))
    (test-case "watches see old and new under the lock, in order"
      (def a (atom 0))
      (def seen [])
      (atom-add-watch! a 'w (lambda (k at old new) (set! seen (cons (list k old new) seen))))
      (atom-increment! a 5)
      (atom-compare-and-set! a 99 0)
      (check (reverse seen) => '((w 0 5)))
      (check (call-with-values (lambda () (atom-reset-values! a 7)) list) => '(5 7)))
    (test-case "a counter shared by threads gives each number once"
      (def next (atomic-counter))
      (def ts (map (lambda (i) (spawn (lambda () (list (next) (next))))) '(1 2 3)))
      (check (sort (apply append (map thread-join! ts)) <) => '(0 1 2 3 4 5)))))
