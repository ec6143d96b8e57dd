;;; The bug: a barrier for 2 where 3 threads work. The third worker may still be in its first
;;; phase when the other two pass the barrier; explore finds the schedule where it is.
;;; `./safepoint explore examples/barrier-short-count.ss -p 2` finds it; the fix is
;;; examples/barrier-phases.ss (the limit is the number of workers).

(import :std/misc/barrier)

(def done (make-vector 3 #f))
(def (worker limit)
  (let ((b (make-barrier limit)))
    (values b (lambda (i)
                (vector-set! done i #t)
                (barrier-post! b)
                (barrier-wait! b)
                (unless (and (vector-ref done 0) (vector-ref done 1) (vector-ref done 2))
                  (error "a second phase began before every first phase ended" done))
                i))))
(defvalues (b phase) (worker 2))
(def ts (map (lambda (i) (spawn/name (string->symbol (string-append "worker-" (number->string i))) phase i)) '(0 1 2)))
(displayln (map thread-join! ts))
