;;; :std/misc/threads's own tests: raise into waiting and running threads, abort, all-threads.
(import :std/test :std/misc/threads :std/sugar)
(export threads-test)

(def threads-test
  (test-suite "threads"
    (test-case "thread-raise! wakes a thread waiting on a mutex, which catches it"
      (def m (make-mutex))
      (mutex-lock! m)
      (def t (spawn (lambda () (with-catch (lambda (e) (list 'caught e)) (lambda () (mutex-lock! m) 'locked)))))
      (thread-sleep! 0.01)
      (thread-raise! t 'go-away)
      (check (thread-join! t) => '(caught go-away))
      (mutex-unlock! m))
    (test-case "thread-abort! stops a thread that computes without waiting"
      (def t (spawn (lambda () (try (let loop ((i 0)) (loop (+ i 1))) (catch (thread-abort? e) 'stopped)))))
      (thread-sleep! 0.01)
      (thread-abort! t)
      (check (thread-join! t) => 'stopped)
      (check (thread-dead? t) => #t))
    (test-case "raising in an ended thread does nothing"
      (def t (spawn (lambda () 'done)))
      (thread-join! t)
      (thread-raise! t 'late)
      (check (thread-join! t) => 'done))
    (test-case "all-threads lists a waiting thread and the current one"
      (def m (make-mutex))
      (mutex-lock! m)
      (def t (spawn (lambda () (mutex-lock! m) 'ok)))
      (thread-sleep! 0.01)
      (check (and (memq t (all-threads)) (memq (current-thread) (all-threads)) #t) => #t)
      (mutex-unlock! m)
      (check (thread-join! t) => 'ok))
    (test-case "on-all-processors runs one thread per processor"
      (check (length (on-all-processors (lambda () 1))) => (##current-vm-processor-count)))
    (test-case "bad arguments are errors"
      (check-exception (thread-dead? 5) error-object?)
      (check-exception (thread-raise! 'x 1) error-object?))))
