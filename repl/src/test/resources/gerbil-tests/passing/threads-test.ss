;;; A concurrent test: four threads add under a mutex; run with --seed it is one schedule, every time.
(import :std/test)
(export #t)

(def (count-to n threads)
  (let ((m (make-mutex)) (total 0))
    (let ((ts (map (lambda (i)
                     (thread-start!
                      (make-thread
                       (lambda ()
                         (let loop ((k 0))
                           (when (< k n)
                             (mutex-lock! m) (set! total (+ total 1)) (mutex-unlock! m)
                             (loop (+ k 1))))))))
                   (iota threads))))
      (for-each thread-join! ts)
      total)))

(def threads-test
  (test-suite "threads"
    (test-case "a mutex keeps every increment"
      (check (count-to 50 4) => 200))))
