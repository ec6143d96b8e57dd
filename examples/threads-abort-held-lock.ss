;;; The broken use of :std/misc/threads: thread-abort! raises in the worker wherever it is, and
;;; this worker unlocks its mutex as a plain call after the update. An abort between its lock and
;;; its unlock ends the worker (it catches the abort) still owning the mutex, so the main thread's
;;; mutex-lock! meets an abandoned mutex. `./safepoint explore examples/threads-abort-held-lock.ss
;;; -p 2` finds that schedule; examples/threads-abort-unwind.ss unlocks in unwind-protect.

(import :std/misc/threads :std/sugar)

(def m (make-mutex 'balance))
(def balance 0)
(def (work)
  (try
   (let loop ((i 0))
     (when (< i 2)
       (mutex-lock! m)
       (set! balance (+ balance 1))
       (set! balance (* balance 2))
       (mutex-unlock! m)
       (loop (+ i 1))))
   'done
   (catch (thread-abort? e) 'aborted)))
(def worker (spawn/name 'worker work))
(thread-sleep! 0.00001) ; let the worker start
(thread-abort! worker)
(with-catch (lambda (e) 'aborted-before-its-try) (lambda () (thread-join! worker)))
(mutex-lock! m)
(displayln (if (thread-dead? worker) 'worker-ended 'still-running))
(mutex-unlock! m)
