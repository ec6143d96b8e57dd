;;; :std/misc/barrier used right: three workers each do their first phase, post, wait at the
;;; barrier, then read what all of them wrote. No worker's second phase may see a first phase
;;; unfinished. `./safepoint explore examples/barrier-phases.ss --strategy dfs --preemptions 2
;;; -p 2` proves it. examples/barrier-short-count.ss is the barrier set for too few threads.

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
(defvalues (b phase) (worker 3))
(def ts (map (lambda (i) (spawn/name (string->symbol (string-append "worker-" (number->string i))) phase i)) '(0 1 2)))
(displayln (map thread-join! ts))
