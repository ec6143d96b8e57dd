;;; :std/misc/timeout's own tests: timeouts taken by the thread primitives.
(import :std/test :std/misc/timeout)
(export timeout-test)

(def timeout-test
  (test-suite "timeout"
    (test-case "a timed mutex-lock! gives #f while another thread holds the mutex"
      (def m (make-mutex))
      (def holder (spawn (lambda () (mutex-lock! m) (thread-sleep! 0.05) (mutex-unlock! m))))
      (thread-sleep! 0.01)
      (check (mutex-lock! m (make-timeout 0.001)) => #f)
      (thread-join! holder)
      (check (mutex-lock! m (make-timeout 0.001)) => #t))
    (test-case "numbers pass through, negative ones are now, #f takes the default"
      (check (make-timeout 2) => 2)
      (check (make-timeout -1) => 0)
      (check (make-timeout #f 7) => 7)
      (check-exception (make-timeout #f) error-object?)
      (check-exception (make-timeout "1") error-object?))))
