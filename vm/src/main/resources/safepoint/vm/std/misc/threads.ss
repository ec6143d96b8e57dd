;;; :std/misc/threads -- thread utilities (doc/reference/std/misc/threads.md in the Gerbil
;;; repository): thread-dead?, thread-raise!, thread-abort! and thread-abort?, all-threads,
;;; on-all-processors.
;;;
;;; thread-raise! on another thread: a waiting thread (sleeping, locking, joining, on a condition
;;; variable, receiving) wakes raising the object at once; a runnable one raises it when it next
;;; runs (so in free run, one that runs just now may take one more slice first). The raise is a
;;; scheduling point of the raiser, so explore reaches every place the target can be in.
;;;
;;; Thread groups are Gambit's (make-thread-group, thread-thread-group, thread-group->thread-list,
;;; current-thread-group are built in): primordial-thread-group, thread-group->thread-list* and
;;; thread-group-kill! are here. all-threads lists every thread the machine runs or holds waiting,
;;; in the scheduler's order (a thread made and not yet started is in its group, not here).
;;;
;;; thread-async! on another thread: th runs proc when it next runs (at the start of its next
;;; slice), then goes on where it was; a waiting thread runs it when its wait ends, since its wait
;;; is not cut short. Several run in the order given. On the current thread, proc is simply called.

(export thread-dead? thread-raise! thread-abort! thread-abort? +thread-abort+ thread-async! all-threads on-all-processors
        primordial-thread-group thread-group->thread-list* thread-group-kill!)

(def (thread-dead? th)
  (unless (thread? th) (error "thread-dead?: not a thread" th))
  (let ((st (thread-state th)))
    (or (thread-state-normally-terminated? st) (thread-state-abnormally-terminated? st))))

(def (thread-raise! th obj)
  (unless (thread? th) (error "thread-raise!: not a thread" th))
  (if (eq? th (current-thread)) (raise obj) (##thread-raise! th obj)))

(def (thread-async! th proc)
  (unless (thread? th) (error "thread-async!: not a thread" th))
  (unless (procedure? proc) (error "thread-async!: not a procedure" proc))
  (if (eq? th (current-thread)) (proc) (##thread-async! th proc)))

;; The exception thread-abort! raises; display-exception shows "thread aborted" (the page).
(defstruct %thread-abort ())
(def +thread-abort+ (make-%thread-abort))
(defmethod {display-exception %thread-abort}
  (lambda (self port) (display "thread aborted" port) (newline port)))

(def (thread-abort? x) (%thread-abort? x))
(def (thread-abort! th) (thread-raise! th +thread-abort+))

(def (all-threads) (##all-threads))

;; proc, once per processor of the machine (-p N), each in a thread of its own.
(def (on-all-processors proc)
  (let loop ((i (##current-vm-processor-count)) (acc '()))
    (if (= i 0) acc (loop (- i 1) (cons (spawn proc) acc)))))

;; ---- thread groups ------------------------------------------------------------------------------

(def (primordial-thread-group)
  (let up ((g (current-thread-group)))
    (let ((p (thread-group-parent g))) (if p (up p) g))))

;; The threads of tg's subgroups, deepest first, then tg's own (the page's order).
(def (thread-group->thread-list* tg)
  (append (apply append (map thread-group->thread-list* (thread-group->thread-group-list tg)))
          (thread-group->thread-list tg)))

;; Every thread of tg and its subgroups ends (before this returns); tg leaves its parent. Refused
;; when the current thread is among them.
(def (thread-group-kill! tg)
  (let ((ts (thread-group->thread-list* tg)))
    (when (memq (current-thread) ts)
      (error "thread-group-kill!: the thread group holds the current thread" tg))
    (for-each thread-terminate! ts)
    ;; A thread running on another processor ends at its next scheduling point: wait for it.
    (for-each (lambda (t) (with-catch void (lambda () (thread-join! t)))) ts)
    (##thread-group-detach! tg)))
