;;; :std/misc/threads used right: a worker that waits (it sleeps between rounds of work, holding
;;; nothing) is stopped by thread-abort!, catches the abort and ends; the main thread joins it.
;;; The abort may land before the worker reached its try, and then the join raises it: the main
;;; thread expects that too. `./safepoint explore examples/threads-abort-unwind.ss --strategy dfs
;;; --preemptions 2 -p 2` proves the worker always ends and the main thread always goes on.
;;; examples/threads-abort-held-lock.ss aborts a worker that holds a mutex. (Even unwind-protect
;;; around the unlock leaves a window, between mutex-lock! and the unwind-protect: dfs finds it.)

(import :std/misc/threads :std/sugar)

(def rounds 0)
(def (work)
  (try
   (let loop ()
     (set! rounds (+ rounds 1))
     (thread-sleep! 0.001)
     (loop))
   (catch (thread-abort? e) 'aborted)))
(def worker (spawn/name 'worker work))
(thread-sleep! 0.0025)
(thread-abort! worker)
(let ((how (with-catch (lambda (e) 'aborted-before-its-try) (lambda () (thread-join! worker)))))
  (unless (thread-dead? worker) (error "the worker still runs"))
  (displayln how))
