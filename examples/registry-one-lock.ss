;;; The fix of examples/registry-two-locks.ss (Gerbil commit 23fb8021): the registry has one
;;; lock, the driver lock, taken by importing and compiling alike. Gambit mutexes are not
;;; recursive, so the lock is made reentrant by hand: a thread that already owns it (as
;;; mutex-state says) just goes on. Cost: imports and compiles are serialised.
;;;
;;;   ./safepoint explore examples/registry-one-lock.ss                  passes 1,000 schedules
;;;   ./safepoint explore examples/registry-one-lock.ss --strategy dfs   proves every schedule
;;;                                                                      with at most 2 preemptions

(define registry (make-hash-table))
(define driver-mx (make-mutex 'driver-mx))

(define (with-driver-mutex thunk)
  (if (eq? (mutex-state driver-mx) (current-thread))
      (thunk)                               ; already ours: nested use, no second lock
      (begin
        (mutex-lock! driver-mx)
        (let ((v (thunk)))
          (mutex-unlock! driver-mx)
          v))))

(define (import-module! name)
  (hash-put! registry name #t))

(define (coordinator)
  (with-driver-mutex
    (lambda ()
      (import-module! 'std/sugar)
      (with-driver-mutex (lambda () (import-module! 'std/sugar~0))))))

(define (worker)
  (with-driver-mutex
    (lambda ()
      (with-driver-mutex (lambda () (import-module! 'std/iter))))))

(define c (spawn/name 'coordinator coordinator))
(define w (spawn/name 'worker worker))
(thread-join! c)
(thread-join! w)
(display (hash-length registry))
(newline)
