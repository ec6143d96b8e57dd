;;; cothread in :std/coroutine: its own tests, beside coroutines.
(import :std/test :std/coroutine)
(export coroutine-test)

(def coroutine-test
  (test-suite "cothread"
    (test-case "values go both ways, many at a time"
      (def ct (cothread (lambda (x) (let-values (((a b) (yield x (* 2 x)))) (+ a b))) 21))
      (check (call-with-values (lambda () (continue ct)) list) => '(21 42))
      (check (continue ct 1 2) => 3)
      (check-exception (continue ct) error-object?))
    (test-case "a cothread runs in a thread of its own"
      (def me (current-thread))
      (def ct (cothread (lambda () (eq? (current-thread) me))))
      (check (continue ct) => #f))
    (test-case "a coroutine inside a cothread yields to the cothread"
      (def ct (cothread (lambda () (let ((co (coroutine (lambda () (yield 'inner) 'inner-end)))) (yield (continue co)) (continue co)))))
      (check (list (continue ct) (continue ct)) => '(inner inner-end)))
    (test-case "two cothreads interleave as their continuer says"
      (def (counter from) (cothread (lambda () (let loop ((i from)) (yield i) (loop (+ i 1))))))
      (def a (counter 0)) (def b (counter 100))
      (check (list (continue a) (continue b) (continue a) (continue b)) => '(0 100 1 101))
      (cothread-stop! a) (cothread-stop! b))))
