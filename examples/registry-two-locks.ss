;;; Seed bug (b): two locks guarding one registry.
;;;
;;; Gerbil's parallel build (std/make.ss) imported modules under a coordinator's own lock,
;;; import-mx, while the compiler guarded the same module registry with its global driver lock,
;;; +driver-mutex+. Two locks for one resource: each lets a thread in while the other is held,
;;; so the registry is written concurrently (the race), and once code under one lock also takes
;;; the other, two threads can take them in opposite orders (the deadlock shown here).
;;;
;;; Walkthrough:
;;;   ./safepoint explore examples/registry-two-locks.ss
;;;       finds a schedule where the coordinator holds import-mx and waits for driver-mx while
;;;       the worker holds driver-mx and waits for import-mx, and prints both waits and the cycle.
;;;   ./safepoint run --seed 1 examples/registry-two-locks.ss
;;;       passes (prints 3), and still warns: the two locks were taken in both orders, a
;;;       lock-order inversion (a potential deadlock). In free run on 4 processors
;;;       (./safepoint run) the deadlock itself happens most of the time; exit 3.
;;; The fix, examples/registry-one-lock.ss, is the one Gerbil adopted: one reentrant driver lock.

(define registry (make-hash-table))        ; like __module-registry: one shared table
(define import-mx (make-mutex 'import-mx)) ; the coordinator's lock (import/mx in std/make.ss)
(define driver-mx (make-mutex 'driver-mx)) ; the compiler's +driver-mutex+

(define (with-mutex mx thunk)
  (mutex-lock! mx)
  (let ((v (thunk)))
    (mutex-unlock! mx)
    v))

(define (import-module! name)
  (hash-put! registry name #t))

;; The coordinator imports under import-mx; importing a module that needs compiling takes the
;; driver lock too.
(define (coordinator)
  (with-mutex import-mx
    (lambda ()
      (import-module! 'std/sugar)
      (with-mutex driver-mx (lambda () (import-module! 'std/sugar~0))))))

;; A compile worker holds the driver lock for the whole compile; the module it compiles imports
;; another one, under import-mx.
(define (worker)
  (with-mutex driver-mx
    (lambda ()
      (with-mutex import-mx (lambda () (import-module! 'std/iter))))))

(define c (spawn/name 'coordinator coordinator))
(define w (spawn/name 'worker worker))
(thread-join! c)
(thread-join! w)
(display (hash-length registry))
(newline)
